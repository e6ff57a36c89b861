"""A news article as offices receive it, often copied from another congress website: the page
chrome around it told apart from its title, date, author, source and body lines.

Lines are kept or dropped whole, with their numbers, so the importer can prove that no body text
was lost and can show the editor every line it dropped."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
# Invisible characters web pages carry; they would only confuse editors in the Markdown.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SENTENCE = re.compile(r"[。！？；!?;]")
_CLOSERS = "”’」』）)】》〉\"'"
_OPEN = r"[\[【(（]?\s*"

# Chrome is only looked for in short lines without a full stop, so a paragraph is never taken.
CHROME_MAX = 80
_BUTTON = (
    r"(?:打印(?:本页|此页|本文|文章|正文)?|关闭(?:窗口|本页|此页)?|返回(?:顶部|首页|列表|上页)?"
    r"|收藏(?:本页|本文)?|我要纠错|纠错|默认|大|中|小)"
)
_GAP = r"[\s\[\]【】()（）|｜/／:：·•]*"
CHROME: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("欢迎语", re.compile(r"^欢迎(?:访问|光临|来到|进入)\S*?(?:网站|门户|网)")),
    ("设为首页", re.compile(r"设为首页|加入收藏|收藏本站")),
    ("当前位置", re.compile(r"^(?:您|你)?(?:现在|当前)?(?:的|所在)?(?:所在)?位置\s*[:：]")),
    ("栏目路径", re.compile(r"^(?:网站)?首页\s*[>/»＞›→]")),
    ("字体", re.compile(rf"^{_OPEN}(?:字体|字号)\s*[:：]?\s*[\]】)）大中小]")),
    ("上一篇", re.compile(rf"^{_OPEN}[上下]一(?:篇|条|页)")),
    ("分享", re.compile(rf"^{_OPEN}(?:分享(?:到|至)|分享\s*[:：])")),
    ("相关文章", re.compile(rf"^{_OPEN}相关(?:文章|新闻|阅读|链接)")),
    (
        "版权",
        re.compile(r"版权所有|Copyright|©|ICP\s*备|公网安备|技术支持\s*[:：]|主办单位\s*[:：]"),
    ),
    ("页面按钮", re.compile(rf"^{_GAP}(?:{_BUTTON}{_GAP})+$")),
)

_DATE_KEYS = ("发布时间", "发布日期", "发表时间", "更新时间", "时间", "日期")
_AUTHOR_KEYS = ("作者", "撰稿")
_SOURCE_KEYS = ("来源", "信息来源", "文章来源", "稿件来源")
_OTHER_KEYS = (
    *("阅读次数", "浏览次数", "点击次数", "点击数", "点击量", "访问量", "阅读量", "浏览量"),
    *("发布者", "发布人", "责任编辑", "编辑", "责编", "审核", "校对", "录入"),
)
_KEYS = sorted((*_DATE_KEYS, *_AUTHOR_KEYS, *_SOURCE_KEYS, *_OTHER_KEYS), key=len, reverse=True)
_META = re.compile(rf"(?:^|(?<=[\s|｜【\[(（]))({'|'.join(_KEYS)})\s*[:：]\s*")
_VALUE_EDGES = " |｜[]【】()（）"

_DATE = re.compile(
    r"((?:19|20|１９|２０)\d\d)\s*[-/.年－／．]\s*(\d{1,2})\s*[-/.月－／．]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)
_DATE_LINE = re.compile(rf"^{_OPEN}{_DATE.pattern}\s*[\]】)）]?$")
_WELCOME = re.compile(
    r"^欢迎(?:访问|光临|来到|进入)(.+?)(?:门户网站|官方网站|政务网站|网站|门户|官网|网)"
)

# The closing credit of a newspaper story: ■记者王某 通讯员 李某, （记者 王某）, 文/图 王某.
_ROLES = (
    "本报记者|融媒体记者|全媒体记者|见习记者|特约记者|实习记者|特约通讯员|记者|通讯员|实习生"
    "|摄影|摄像|撰稿"
)
_ROLE = rf"(?:{_ROLES}|(?:文字|图片|文|图|摄)(?=\s*[/／:：])|文[/／]图)"
_NAME = rf"(?!{_ROLES})[\u3400-\u9fff]{{2,4}}(?:[·・•][\u3400-\u9fff]{{1,8}})*"
# Each space can be read only one way: an ambiguous pattern takes exponential time on long lines.
_CREDIT = re.compile(rf"({_ROLE})(\s*(?:[:：/／]\s*)?)({_NAME}(?:[\s、，,]+{_NAME})*)")
_BULLET = "■□●◆▲☆★"
_CREDIT_LINE = re.compile(rf"^[{_BULLET}]?\s*[(（]?\s*((?:{_CREDIT.pattern}\s*)+)[)）]?$")

_DASH = re.compile(r"\s*(——|──|－－|--)\s*")
HEADING_MAX = 40
# Photo captions are short lines without a full stop too, but they are not subheadings.
_CAPTION = re.compile(r"^(?:图为|上图|下图|左图|右图|图片|[▲△↑]|[(（]图)")


def squeeze(text: str) -> str:
    """Runs of spaces (NBSP and full-width ones too) become one space; the ends are trimmed."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE)).strip()


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class Dropped:
    line: Line
    reason: str
    """What the line was taken for, as the editor is told: 网页栏目, 发布信息, 日期, 作者署名."""


@dataclass(frozen=True)
class FoundDate:
    value: dt.datetime
    has_time: bool
    line: int

    def yaml(self) -> str:
        """As editors write it: `2024-12-25` or `2024-12-25 10:30`."""
        return self.value.strftime("%Y-%m-%d %H:%M" if self.has_time else "%Y-%m-%d")


@dataclass
class ArticleLines:
    lines: list[Line] = field(default_factory=list)
    """Lines that are the article's own text: the title (when there is one), then the body."""
    dropped: list[Dropped] = field(default_factory=list)
    date: FoundDate | None = None
    keyed_date: bool = False
    bad_date: Line | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Block:
    heading: bool
    text: str
    line: int


def parse_date(text: str, line: int = 0) -> FoundDate | None:
    """The first date in `text`; ValueError when it names a day that does not exist."""
    match = _DATE.search(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups())
    assert year is not None and month is not None and day is not None
    value = dt.datetime(year, month, day, hour or 0, minute or 0, second or 0)
    return FoundDate(value, hour is not None, line)


def whole_date(text: str, line: int = 0) -> FoundDate | None:
    """A date when `text` is nothing but a date (and time), as in `--date 2024-12-25 10:30`."""
    return parse_date(text, line) if _DATE_LINE.match(squeeze(text)) else None


def _is_short(text: str) -> bool:
    return len(text) <= CHROME_MAX and not _SENTENCE.search(text)


def chrome(text: str) -> str | None:
    """The name of the CHROME pattern a squeezed line matches, if any."""
    if not _is_short(text):
        return None
    return next((name for name, pattern in CHROME if pattern.search(text)), None)


def meta_fields(text: str) -> list[tuple[str, str]] | None:
    """`阅读次数:1522 作者: 研究室 发布时间:2024-12-25` as (key, value) pairs; None when the line is
    not such a line. Text before the first key may only be a date (`2024-12-25 来源：望澜日报`)."""
    if len(text) > 2 * CHROME_MAX or _SENTENCE.search(text) or "，" in text:
        return None
    matches = list(_META.finditer(text))
    if not matches:
        return None
    before = text[: matches[0].start()].strip(_VALUE_EDGES)
    if before and not _DATE_LINE.match(before):
        return None
    ends = [m.start() for m in matches[1:]] + [len(text)]
    pairs = [
        (m.group(1), text[m.end() : end].strip(_VALUE_EDGES))
        for m, end in zip(matches, ends, strict=True)
    ]
    return [("", before), *pairs] if before else pairs


def credit(text: str) -> str | None:
    """A closing reporter line as `记者 王某 通讯员 李某`; None when the line is not one.
    A bare `记者王某` is too much like a short sentence: it needs a bullet, brackets, a second
    role or a space or colon after the role."""
    match = _CREDIT_LINE.match(text) if len(text) <= CHROME_MAX else None
    if match is None:
        return None
    groups = list(_CREDIT.finditer(match.group(1)))
    marked = text[0] in _BULLET or text[0] in "(（" or len(groups) > 1 or groups[0].group(2)
    if not marked:
        return None
    return " ".join(f"{g.group(1)} {squeeze(g.group(3))}" for g in groups)


def source_of_banner(text: str) -> str | None:
    match = _WELCOME.match(text)
    return match.group(1).strip() if match else None


def _take_meta(found: ArticleLines, line: Line, pairs: list[tuple[str, str]]) -> None:
    for key, value in pairs:
        if key in _DATE_KEYS or not key:
            _take_date(found, line, value, keyed=bool(key))
        elif key in _AUTHOR_KEYS and value and value not in found.authors:
            found.authors.append(value)
        elif key in _SOURCE_KEYS and value:
            found.source = value


def _take_date(found: ArticleLines, line: Line, text: str, *, keyed: bool) -> None:
    """A date after 发布时间 wins over a date standing alone; the first of each kind is used."""
    try:
        date = parse_date(text, line.number)
    except ValueError:
        found.bad_date = found.bad_date or line
        return
    if date is not None and (found.date is None or (keyed and not found.keyed_date)):
        found.date = date
        found.keyed_date = keyed


def read_lines(text: str) -> ArticleLines:
    """Every line of `text`, sorted into the article's own lines and the ones dropped."""
    found = ArticleLines()
    banner_source = None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for number, raw in enumerate(text.split("\n"), 1):
        line = Line(number, squeeze(raw))
        if not line.text:
            continue
        if (pairs := meta_fields(line.text)) is not None:
            _take_meta(found, line, pairs)
            found.dropped.append(Dropped(line, "发布信息"))
        elif name := chrome(line.text):
            banner_source = banner_source or source_of_banner(line.text)
            found.dropped.append(Dropped(line, f"网页栏目（{name}）"))
        elif _DATE_LINE.match(line.text):
            _take_date(found, line, line.text, keyed=False)
            found.dropped.append(Dropped(line, "日期"))
        elif (names := credit(line.text)) is not None:
            found.credit = found.credit or names
            found.dropped.append(Dropped(line, "作者署名"))
        else:
            found.lines.append(line)
    found.source = found.source or banner_source
    return found


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in "。！？；：，、…!?;:,."


def split_title(text: str) -> tuple[str, str | None]:
    """`主标题 ——副标题` as (`主标题`, `——副标题`): the dash stays with the subtitle, the spaces
    around it go, as Chinese typesetting has none there."""
    match = _DASH.search(text)
    if match is None or match.start() == 0:
        return text, None
    return text[: match.start()], text[match.start() :].lstrip()


def is_subtitle(text: str) -> bool:
    return bool(_DASH.match(text)) and not _SENTENCE.search(text)


def _heading_like(text: str) -> bool:
    return (
        len(text) <= HEADING_MAX
        and not _SENTENCE.search(text)
        and not ends_sentence(text)
        and not _CAPTION.match(text)
    )


def body_blocks(lines: list[Line]) -> list[Block]:
    """One paragraph per line. A short line without closing punctuation is a subheading when
    a paragraph comes before it and one after: two such lines together are more likely a list
    or a signature."""
    like = [_heading_like(line.text) for line in lines]
    blocks = []
    for i, line in enumerate(lines):
        heading = like[i] and i > 0 and i + 1 < len(lines) and not like[i - 1] and not like[i + 1]
        blocks.append(Block(heading, line.text, line.number))
    return blocks
