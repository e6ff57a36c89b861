"""A plan as offices send it, in plain text, read into title, adoption, header lines and a body.

Numbering follows GB/T 9704: 一、 (part) → （一） (heading) → 1. (item) → （1） (a paragraph of its
item). Every line ends up somewhere; a line that fits nowhere is kept as a paragraph and reported."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from congress.plans.model import Heading, Paragraph, Part, PlanBody, PlanItem
from congress.problems import Problem, Severity

# Full-width digits and punctuation read as their ASCII twins; one character for one, so a match
# on the translated line has the same offsets in the original.
_HALF = str.maketrans("０１２３４５６７８９．（）：〔〕［］", "0123456789.():〔〕[]")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}

ADOPTION = re.compile(r"^\(\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(.*?)\s*通过\s*\)$")
PART = re.compile(r"^([一二三四五六七八九十]{1,3})\s*、\s*(\S.*)$")
SECTION = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)\s*(\S.*)$")
ITEM = re.compile(r"^(\d{1,3})\s*[.、](?!\d)\s*(.*)$")
SUB_ITEM = re.compile(r"^(\(\d{1,2}\)|[①-⑳])")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[(]\d{4}[〕\])]\s*\d{1,4}\s*号$")
_HEADER_KEYS = {
    "发布时间": "published_on",
    "发布日期": "published_on",
    "时间": "published_on",
    "日期": "published_on",
    "来源": "source",
    "责任编辑": "editor",
    "编辑": "editor",
    "作者": "editor",
}
HEADER_KEY = re.compile(r"(" + "|".join(_HEADER_KEYS) + r")\s*:\s*")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SENTENCE_END = tuple("。；;，,：:！!？?")
TITLE_MAX = 60


def chinese_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23: part numerals never go past the nineties."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def parse_date(text: str) -> dt.date | None:
    match = _DATE.search(text.translate(_HALF))
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def header_fields(line: str) -> dict[str, str] | None:
    """`时间：2025-02-21  来源：市人大常委会办公室  编辑：张敏` as fields, or None if the line is
    anything else (every value present, every date a real date)."""
    half = line.translate(_HALF)
    keys = list(HEADER_KEY.finditer(half))
    if not keys or keys[0].start() != 0:
        return None
    found: dict[str, str] = {}
    for i, key in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(line)
        value = line[key.end() : end].strip()
        name = _HEADER_KEYS[key.group(1)]
        if not value or name in found:
            return None
        if name == "published_on":
            when = parse_date(value)
            if when is None:
                return None
            value = when.isoformat()
        found[name] = value
    return found


@dataclass
class ImportedPlan:
    """What the importer read: plain text throughout; `body_lines` are the (line number, text) of
    every line that belongs to the body, for the check that nothing was lost."""

    title: str | None = None
    adopted_on: dt.date | None = None
    adopted_by: str | None = None
    doc_number: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: PlanBody = field(default_factory=lambda: PlanBody((), ()))
    body_lines: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _OpenPart:
    number: int
    heading: str
    line: int
    blocks: list[Paragraph | Heading | PlanItem] = field(default_factory=list)
    headings: int = 0
    items_in_scope: bool = False

    @property
    def anchor_base(self) -> str:
        return f"part-{self.number}"


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.plan = ImportedPlan()
        self.preamble: list[Paragraph] = []
        self.parts: list[_OpenPart] = []
        self.item: tuple[int, list[str], int] | None = None
        self.last_number = 0
        self.in_body = False

    def warn(self, line: int, message: str) -> None:
        self.plan.problems.append(Problem(self.path, line, 1, "", message, Severity.warning))

    def close_item(self) -> None:
        if self.item is not None:
            number, paragraphs, line = self.item
            self.parts[-1].blocks.append(PlanItem(number, tuple(paragraphs), line))
            self.parts[-1].items_in_scope = True
            self.item = None

    def head_line(self, n: int, line: str, half: str) -> bool:
        """Title, adoption, header and document-number lines above the body; True if taken."""
        plan = self.plan
        if self.adoption(n, line, half):
            return True
        if self.in_body:
            return False
        fields = header_fields(line)
        if fields is not None:
            plan.headers.update(fields)
            return True
        if plan.doc_number is None and DOC_NUMBER.match(half):
            plan.doc_number = line
            return True
        if (
            plan.title is None
            and plan.adopted_on is None
            and len(line) <= TITLE_MAX
            and not half.endswith(_SENTENCE_END)
            and not any(p.match(half) for p in (PART, SECTION, ITEM))
        ):
            plan.title = line
            return True
        return False

    def adoption(self, n: int, line: str, half: str) -> bool:
        match = ADOPTION.match(half)
        if match is None or self.plan.adopted_on is not None or self.parts:
            return False
        year, month, day = (int(g) for g in match.groups()[:3])
        try:
            self.plan.adopted_on = dt.date(year, month, day)
        except ValueError:
            self.warn(
                n, f"通过日期 {year}年{month}月{day}日 不存在，已把这一行作为段落保留，请核对"
            )
            return False
        self.plan.adopted_by = line[match.start(4) : match.end(4)] or None
        return True

    def body_line(self, n: int, line: str, half: str) -> None:
        self.in_body = True
        self.plan.body_lines.append((n, line))
        if match := PART.match(half):
            self.close_item()
            number = len([p for p in self.parts if p.number]) + 1
            if chinese_number(match.group(1)) != number:
                self.warn(
                    n, f"部分序号应为第 {number} 部分，实际写的是“{match.group(1)}、”，请核对"
                )
            self.parts.append(_OpenPart(number, line, n))
        elif match := SECTION.match(half):
            self.section(n, line)
        elif match := ITEM.match(half):
            self.close_item()
            number = int(match.group(1))
            if number != self.last_number + 1:
                expected = self.last_number + 1
                self.warn(n, f"条目序号应为 {expected}，实际是 {number}；已按原文保留，请核对")
            if not self.parts:
                self.parts.append(_OpenPart(0, "", n))
            text = line[match.start(2) :].strip()
            if not text:
                self.warn(n, f"第 {number} 条没有内容，请核对原文")
            self.item = (number, [text], n)
            self.last_number = max(self.last_number, number)
        elif self.item is not None and SUB_ITEM.match(half):
            self.item[1].append(line)
        else:
            self.paragraph(n, line)

    def section(self, n: int, line: str) -> None:
        if not self.parts or not self.parts[-1].number:
            self.warn(n, "小标题（一）、（二）应在“一、”这样的部分标题之下；已作为段落保留，请核对")
            self.paragraph(n, line)
            return
        self.close_item()
        part = self.parts[-1]
        part.headings += 1
        part.items_in_scope = False
        # A heading that runs on into its paragraph (（一）加强学习。全年组织……) is split after
        # its first sentence, so the heading stays a heading.
        stop = line.find("。")
        heading, rest = (
            (line, "") if stop in (-1, len(line) - 1) else (line[: stop + 1], line[stop + 1 :])
        )
        part.blocks.append(Heading(heading, f"{part.anchor_base}-{part.headings}", n))
        if rest.strip():
            part.blocks.append(Paragraph(rest.strip(), n))

    def paragraph(self, n: int, line: str) -> None:
        self.close_item()
        if not self.parts:
            self.preamble.append(Paragraph(line, n))
            return
        part = self.parts[-1]
        if part.items_in_scope:
            self.warn(
                n,
                "这一行不是部分标题、小标题或条目，已作为独立段落保留在上一条之后，请核对它的归属",
            )
        part.blocks.append(Paragraph(line, n))

    def finish(self) -> ImportedPlan:
        self.close_item()
        parts = tuple(Part(p.number, p.heading, tuple(p.blocks), p.line) for p in self.parts)
        self.plan.body = PlanBody(tuple(self.preamble), parts)
        if not self.plan.body.items:
            self.plan.problems.append(
                Problem(
                    self.path, 1, 1, "", "没有找到条目：每条措施应单独成段，以“1.”这样的序号开头"
                )
            )
        return self.plan


def parse_plan_text(text: str, path: str) -> ImportedPlan:
    """Read a plan; `path` names the file in problems. Blank lines and indentation (full-width
    spaces included) carry no meaning in what offices send, so they are dropped."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(path)
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        half = line.translate(_HALF)
        if not reader.head_line(n, line, half):
            reader.body_line(n, line, half)
    return reader.finish()
