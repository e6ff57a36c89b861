"""`congress import-article`: the seed article and small inputs for each rule, as an editor would
see the result: what is dropped, what becomes the title, date and author, and what the page shows."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from congress.articles import SHANGHAI, ArticleStatus, is_public
from congress.articles.article_markdown import lost_lines, published_text
from congress.articles.article_text import Line
from congress.articles.importer import ArticleImport, import_article, run_import_article
from congress.articles.rendering import body_html
from congress.problems import Severity
from congress.site_check import check_site
from site_factory import TODAY
from test_article_site import article_site, load

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "city-2024-deputy-work-review-article.txt"
HEAD = "代表走访东湖街道\n发布时间：2025-03-15\n"


def _import(text: str, **options: str) -> ArticleImport:
    return import_article(text, "x.txt", category="news", **options)


def _body(result: ArticleImport) -> str:
    return result.markdown.split("\n---\n", 1)[1]


def _page(result: ArticleImport) -> str:
    return published_text(_body(result))[0]


def _errors(result: ArticleImport) -> list[str]:
    return [p.message for p in result.problems if p.severity is Severity.error]


def _invented(markdown: str, source: str) -> list[str]:
    """Words with Chinese in them that the Markdown has and the source has not."""
    sent = "".join(source.split())
    words = []
    for line in markdown.split("\n"):
        if re.match(r"^[a-z_]+: ", line):
            line = line.split(": ", 1)[1]
        text = html.unescape(re.sub(r"\\(.)", r"\1", line.removeprefix("## ")))
        words += [w for w in text.split() if re.search(r"[\u3400-\u9fff]", w)]
    return [w for w in words if w not in sent]


@pytest.mark.parametrize(
    "line",
    [
        "欢迎访问望澜市人大常委会门户网站 设为首页 | 加入收藏",
        "设为首页 | 加入收藏",
        "您现在的位置：首页 > 新闻中心 > 要闻",
        "当前位置：首页 / 人大要闻",
        "首页 > 人大新闻 > 人大要闻",
        "[字体: 大 中 小]",
        "【字体：大 中 小】",
        "[字体:\u00a0\u00a0]",
        "打印本页 关闭窗口",
        "【打印】【关闭】",
        "上一篇：代表视察城区道路建设",
        "下一篇：没有了",
        "分享到：微信 微博 QQ空间",
        "相关文章",
        "版权所有：望澜市人大常委会 皖ICP备12345678号",
        "阅读次数:1522 作者: 研究室 发布时间:2025-03-15",
        "责任编辑：张敏",
        "2025年3月15日",
    ],
)
def test_page_chrome_is_dropped(line: str) -> None:
    result = _import(f"{HEAD}第一段。\n{line}\n第二段。")
    assert _errors(result) == []
    assert [b.text for b in result.blocks] == ["第一段。", "第二段。"]
    assert [d.line.number for d in result.dropped] == [2, 4]
    assert "".join(line.split())[:6] not in "".join(_body(result).split())


@pytest.mark.parametrize(
    "line",
    [
        "欢迎来到代表之家，群众有事可以找代表。",
        "代表们把群众的意见打印出来，逐条核对。",
        "分享会上，三位代表讲了各自的履职故事。",
        "上一届代表提出的建议，今年全部办结。",
        "作者：这句话其实是正文的一部分。",
        "记者会议召开",
        "图为代表们在调研现场",
        "时间：2025年3月15日上午，代表们来到东湖街道",
        "记者从市人大常委会获悉，全年共收到代表建议203件",
    ],
)
def test_text_that_only_resembles_chrome_stays(line: str) -> None:
    result = _import(f"{HEAD}第一段。\n{line}\n第二段。")
    assert [b.text for b in result.blocks] == ["第一段。", line, "第二段。"]
    assert line in _page(result)


@pytest.mark.parametrize(
    ("text", "title", "expected", "first"),
    [
        (
            "以人大代表高质量履职践行全过程人民民主 ——市第十七届人大常委会2024年工作综述之一\n"
            "发布时间:2024-12-25\n正文。",
            None,
            "以人大代表高质量履职践行全过程人民民主——市第十七届人大常委会2024年工作综述之一",
            "正文。",
        ),
        (
            "主标题\n——副标题写在第二行\n发布时间:2024-12-25\n正文。",
            None,
            "主标题——副标题写在第二行",
            "正文。",
        ),
        (
            "代表建议办得怎么样？\n发布时间:2024-12-25\n正文。",
            None,
            "代表建议办得怎么样？",
            "正文。",
        ),
        ("网上的长标题\n发布时间:2024-12-25\n正文。", "编辑改过的标题", "编辑改过的标题", "正文。"),
        ("标题：代表走访东湖街道\n发布时间:2024-12-25\n正文。", None, "代表走访东湖街道", "正文。"),
        (
            "题 目: 代表走访东湖街道\n发布时间:2024-12-25\n正文。",
            None,
            "代表走访东湖街道",
            "正文。",
        ),
        (
            "本报讯 代表们今天走访了东湖街道。\n发布时间:2024-12-25\n正文。",
            "代表走访东湖街道",
            "代表走访东湖街道",
            "本报讯 代表们今天走访了东湖街道。",
        ),
    ],
)
def test_title_with_subtitle_or_given(
    text: str, title: str | None, expected: str, first: str
) -> None:
    result = _import(text, **({"title": title} if title else {}))
    assert _errors(result) == []
    assert result.front is not None and result.front.title == expected
    assert result.blocks[0].text == first


def test_a_subtitle_too_long_for_the_header_becomes_the_first_paragraph() -> None:
    subtitle = "——" + "市人大常委会" * 20
    result = _import(f"代表工作综述 {subtitle}\n发布时间:2024-12-25\n正文。")
    assert result.front is not None and result.front.title == "代表工作综述"
    assert [b.text for b in result.blocks] == [subtitle, "正文。"]
    (warning,) = [p for p in result.problems if p.field == "title"]
    assert warning.severity is Severity.warning and "副标题" in warning.message
    assert _body(result).startswith(f"\n{subtitle}\n")


def test_a_replaced_title_line_is_reported_as_dropped() -> None:
    result = _import("网上的长标题\n发布时间:2024-12-25\n正文。", title="新标题")
    assert sorted((d.line.number, d.reason) for d in result.dropped) == [
        (1, "原标题（已用 --title 替换）"),
        (2, "发布信息"),
    ]
    assert "网上的长标题" not in result.markdown


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("代表们今天走访了东湖街道。\n发布时间:2024-12-25\n正文。", "--title"),
        ("代" * 121 + "\n发布时间:2024-12-25\n正文。", "最多 120 字"),
        ("只有标题\n发布时间:2024-12-25", "没有正文"),
    ],
)
def test_title_problems_are_errors_and_nothing_is_made(text: str, words: str) -> None:
    result = _import(text)
    assert result.front is None and result.markdown == ""
    assert any(words in message for message in _errors(result)), result.problems


@pytest.mark.parametrize(
    ("line", "written", "expected"),
    [
        ("发布时间:2024-12-25", "2024-12-25", dt.datetime(2024, 12, 25)),
        ("发布时间：2024年12月25日", "2024-12-25", dt.datetime(2024, 12, 25)),
        ("2024-12-25 10:30", "2024-12-25 10:30", dt.datetime(2024, 12, 25, 10, 30)),
        ("2024年12月25日", "2024-12-25", dt.datetime(2024, 12, 25)),
        ("发布日期：2024/1/5 9:05", "2024-01-05 09:05", dt.datetime(2024, 1, 5, 9, 5)),
        ("时间：２０２４年１２月２５日", "2024-12-25", dt.datetime(2024, 12, 25)),
        ("2024-12-25 来源：望澜日报", "2024-12-25", dt.datetime(2024, 12, 25)),
        ("（2024年12月25日）", "2024-12-25", dt.datetime(2024, 12, 25)),
    ],
)
def test_dates_in_every_spelling(line: str, written: str, expected: dt.datetime) -> None:
    result = _import(f"代表走访东湖街道\n{line}\n正文。")
    assert _errors(result) == []
    assert f"\ndate: {written}\n" in result.markdown
    assert result.front is not None
    assert result.front.date == expected.replace(tzinfo=SHANGHAI)
    assert [b.text for b in result.blocks] == ["正文。"]


def test_the_date_after_a_label_wins_over_a_date_standing_alone() -> None:
    result = _import("代表走访东湖街道\n2025年1月1日\n发布时间：2024-12-25\n正文。")
    assert result.front is not None and result.front.date.date() == dt.date(2024, 12, 25)


@pytest.mark.parametrize(
    ("text", "date", "line", "words"),
    [
        ("代表走访东湖街道\n正文。", None, 1, "--date"),
        ("代表走访东湖街道\n发布时间：2024-02-30\n正文。", None, 2, "不存在"),
        ("代表走访东湖街道\n正文。", "明天", 1, "不是日期"),
        ("代表走访东湖街道\n正文。", "2024-13-01", 1, "不是存在的日期"),
    ],
)
def test_date_problems_are_errors(text: str, date: str | None, line: int, words: str) -> None:
    result = _import(text, **({"date": date} if date else {}))
    assert result.front is None
    (error,) = [p for p in result.problems if p.severity is Severity.error]
    assert (error.line, error.field) == (line, "date") and words in error.message


def test_a_given_date_is_used_when_the_text_has_none() -> None:
    result = _import("代表走访东湖街道\n正文。", date="2024-12-25 10:30")
    assert result.front is not None
    assert result.front.date == dt.datetime(2024, 12, 25, 10, 30, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        ("作者: 淮北市人大常委会研究室 发布时间:2024-12-25", "淮北市人大常委会研究室"),
        (
            "发布时间:2024-12-25\n正文。\n■记者王陈陈\u00a0\u00a0 通讯员\u00a0 安敏",
            "记者 王陈陈 通讯员 安敏",
        ),
        ("发布时间:2024-12-25\n正文。\n（记者 王某某 通讯员 李某）", "记者 王某某 通讯员 李某"),
        ("发布时间:2024-12-25\n正文。\n(记者：张三、李四)", "记者 张三、李四"),
        ("发布时间:2024-12-25\n正文。\n文/图 王某", "文/图 王某"),
        ("作者：研究室\n发布时间:2024-12-25\n正文。\n■记者 王陈陈", "研究室 记者 王陈陈"),
    ],
)
def test_author_from_the_byline_and_the_closing_credit(lines: str, author: str) -> None:
    result = _import(f"代表走访东湖街道\n{lines}\n正文。")
    assert _errors(result) == []
    assert result.front is not None and result.front.author == author
    assert {b.text for b in result.blocks} == {"正文。"}
    assert "记者" not in _body(result) and "作者" not in _body(result)


def test_no_author_is_a_warning_only() -> None:
    result = _import(f"{HEAD}正文。")
    assert result.front is not None and result.front.author is None
    assert [(p.field, p.severity) for p in result.problems] == [("author", Severity.warning)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("欢迎访问淮北市人大常委会门户网站 设为首页 | 加入收藏", "淮北市人大常委会"),
        ("欢迎访问望澜市人大网", "望澜市人大"),
        ("来源：望澜日报 发布时间：2025-03-15", "望澜日报"),
        ("设为首页 | 加入收藏", None),
    ],
)
def test_source_from_the_website_banner_or_label(text: str, source: str | None) -> None:
    result = _import(f"{text}\n{HEAD}正文。")
    assert result.front is not None and result.front.source == source


@pytest.mark.parametrize(
    ("lines", "headings"),
    [
        (["第一段。", "平台建设“加速度”\u00a0 代表履职“新路径”", "第二段。"], [1]),
        (["一、概况", "第一段。"], []),
        (["第一段。", "望澜市人大常委会办公室"], []),
        (["第一段。", "张三", "李四", "第二段。"], []),
        (["第一段。", "图为代表们在调研现场", "第二段。"], []),
        (["第一段。", "主要做法如下：", "第二段。"], []),
        (["第一段。", "长" * 41, "第二段。"], []),
        (["第一段。", "一、平台建设", "第二段。", "二、代表活动", "第三段。"], [1, 3]),
    ],
)
def test_short_bare_lines_between_paragraphs_are_subheadings(
    lines: list[str], headings: list[int]
) -> None:
    result = _import(HEAD + "\n\n".join(lines))
    assert [i for i, b in enumerate(result.blocks) if b.heading] == headings
    for i in headings:
        assert f"\n## {' '.join(lines[i].split())}\n" in _body(result)
        assert f"<h2>{' '.join(lines[i].split())}</h2>" in body_html(_body(result), "n/x.md", "x/")


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("# 不是标题", "\\# 不是标题"),
        ("> 不是引用", "\\> 不是引用"),
        ("- 不是列表", "\\- 不是列表"),
        ("+ 不是列表", "\\+ 不是列表"),
        ("* 不是列表", "\\* 不是列表"),
        ("1. 不是编号", "1\\. 不是编号"),
        ("2024. 年份开头", "2024\\. 年份开头"),
        ("---", "\\---"),
        ("***", "\\*\\*\\*"),
        ('!!! note "提醒"', '\\!!! note "提醒"'),
        ("    缩进四格不是代码", "缩进四格不是代码"),
        ("\t制表符缩进", "制表符缩进"),
        ("　　全角空格缩进的段落。", "全角空格缩进的段落。"),
        ("`反引号`和**星号**、a_b_c", "\\`反引号\\`和\\*\\*星号\\*\\*、a\\_b\\_c"),
        ("C:\\文件夹\\文件", "C:\\\\文件夹\\\\文件"),
        ("段落 {: .red}", "段落 \\{: .red\\}"),
        ("| 表头 | 表头 |", "| 表头 | 表头 |"),
        ("“1+5+1”工作法，全角标点：照原样。", "“1+5+1”工作法，全角标点：照原样。"),
        ("半角标点,也照原样.", "半角标点,也照原样."),
    ],
)
def test_markdown_characters_show_as_sent(line: str, written: str) -> None:
    # Last, so that a short line is not taken for a subheading.
    result = _import(f"{HEAD}第一段。\n{line}")
    assert _errors(result) == []
    assert _body(result).endswith(f"\n\n{written}\n")
    text, tags = published_text(_body(result))
    assert text.endswith(" ".join(line.split()))
    assert dict(tags) == {"p": 2}


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("话题#1#", "## 话题\\#1\\#"),
        ("#第一部分", "## \\#第一部分"),
        ("1. 加强学习", "## 1\\. 加强学习"),
        ("<b>粗体</b>", "## &lt;b>粗体&lt;/b>"),
    ],
)
def test_markdown_characters_in_a_subheading_show_as_sent(line: str, written: str) -> None:
    result = _import(f"{HEAD}第一段。\n{line}\n第二段。")
    assert f"\n\n{written}\n\n" in _body(result)
    page = body_html(_body(result), "news/x.md", "news/x/")
    assert f"<h2>{html.escape(line, quote=False)}</h2>" in page


@pytest.mark.parametrize(
    "line",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">点我</a>',
        "[点我](javascript:alert(1))",
        "![图](http://tracker.example/x.gif)",
        "<http://example.com>",
        "<!-- 注释 -->",
        '<div markdown="1">*x*</div>',
        "&lt;b&gt;已经转义的&amp;文字",
        "&copy; &#169; &#xA9;",
    ],
)
def test_hostile_text_is_shown_as_text_never_as_html(line: str) -> None:
    result = _import(f"{HEAD}第一段。\n{line}\n第二段。")
    assert _errors(result) == []
    page = body_html(_body(result), "news/x.md", "news/x/")
    assert re.findall(r"<(\w+)", page) in (["p", "p", "p"], ["p", "h2", "p"])
    assert html.escape(line, quote=False) in page


@pytest.mark.parametrize(
    "broken",
    [
        lambda text, heading=False: text.replace("甲", ""),
        lambda text, heading=False: text,
    ],
    ids=["text lost", "HTML let through"],
)
def test_a_body_that_would_not_show_as_sent_is_never_written(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    broken: object,
) -> None:
    monkeypatch.setattr("congress.articles.importer.escape", broken)
    site = _site(tmp_path)
    source = tmp_path / "a.txt"
    source.write_text(f"{HEAD}甲段。\n乙段<b>加粗</b>。\n", encoding="utf-8")
    assert run_import_article(source, category="news", out=None, site_dir=site) == 1
    out = capsys.readouterr().out
    assert "内部错误" in out and "没有写入文件" in out
    assert _news(site) == []


def test_lost_lines_names_lines_missing_or_out_of_order() -> None:
    lines = [Line(3, "甲段。"), Line(5, "乙 段。")]
    assert lost_lines(lines, "甲段。乙段。") == []
    assert lost_lines(lines, "甲段。") == [Line(5, "乙 段。")]
    assert lost_lines(lines, "乙段。甲段。") == [Line(5, "乙 段。")]


def _site(tmp_path: Path) -> Path:
    return article_site(tmp_path / "site", {})


def _news(site: Path) -> list[Path]:
    return sorted((site / "content" / "news").glob("*.md"))


def test_seed_article_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present")
    site = _site(tmp_path)
    assert run_import_article(SEED, category="news", out=None, site_dir=site) == 0
    (file,) = _news(site)
    assert file.name == "2024-12-25-yi-ren-da-dai-biao-gao-zhi-liang-lv-zhi-jian-xing.md"
    markdown = file.read_text(encoding="utf-8")
    assert markdown.startswith(
        "---\n"
        "title: 以人大代表高质量履职践行全过程人民民主——市第十七届人大常委会2024年工作综述之一\n"
        "date: 2024-12-25\n"
        "author: 淮北市人大常委会研究室 记者 王陈陈 通讯员 安敏\n"
        "source: 淮北市人大常委会\n"
        "category: news\n"
        "status: draft\n"
        "---\n\n"
        "在淮北这片热土上,人大代表们"
    )
    assert re.findall(r"^## (.*)$", markdown, re.M) == [
        "平台建设“加速度” 代表履职“新路径”",
        "代表活动“方式多” 主体作用“彰显足”",
        "评价管理“新机制” 履职活力“全激发”",
        "议案建议“严督办” 履职实效“再提升”",
    ]
    source = SEED.read_text(encoding="utf-8")
    for figure in ("267个", "2.5万", "20195件", "17756件", "203件", "100%"):
        assert figure in markdown
    for chrome in ("欢迎访问", "您现在的位置", "阅读次数", "字体", "■"):
        assert chrome not in markdown
    assert _invented(markdown, source) == []
    assert _invented(markdown + "\n编造的一句话。\n", source) == ["编造的一句话。"]
    out = capsys.readouterr().out
    assert "status: published" in out and "第 41 行，作者署名" in out

    assert [
        p for p in check_site(site, dt.date.fromisoformat(TODAY)) if p.severity == "error"
    ] == []
    collection, problems = load(site)
    assert problems == []
    (article,) = list(collection)
    assert article.status is ArticleStatus.draft
    assert not is_public(article, dt.datetime(2030, 1, 1, tzinfo=SHANGHAI))
    page = published_text(article.body)[0]
    for line in source.split("\n")[8:40]:
        assert " ".join(line.split()) in page


def test_gb18030_text_from_chinese_windows(tmp_path: Path) -> None:
    site = _site(tmp_path)
    source = tmp_path / "稿件.txt"
    text = "代表走访东湖街道\r\n发布时间：2025-03-15\r\n\r\n李明代表来到东湖街道。\r\n"
    source.write_bytes(text.encode("gb18030"))
    assert run_import_article(source, category="news", out=None, site_dir=site) == 0
    (file,) = _news(site)
    assert file.name == "2025-03-15-dai-biao-zou-fang-dong-hu-jie-dao.md"
    written = file.read_text(encoding="utf-8")
    assert "title: 代表走访东湖街道\n" in written and written.endswith("\n李明代表来到东湖街道。\n")
    assert "\r" not in written


def test_docx_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    document = Document()
    for text in (
        "您现在的位置：首页 > 人大要闻",
        "代表走访东湖街道",
        "发布时间：2025-03-15 09:30　来源：望澜日报",
        "李明代表来到东湖街道人大代表之家。",
        "听取群众意见",
        "居民反映了老旧小区改造的问题。",
        "（记者 张明）",
        "打印本页　关闭窗口",
    ):
        document.add_paragraph(text)
    source = tmp_path / "稿件.docx"
    document.save(str(source))
    site = _site(tmp_path)
    assert run_import_article(source, category="stories", out=None, site_dir=site) == 0
    (file,) = _news(site)
    assert file.read_text(encoding="utf-8") == (
        "---\ntitle: 代表走访东湖街道\ndate: 2025-03-15 09:30\nauthor: 记者 张明\n"
        "source: 望澜日报\ncategory: stories\nstatus: draft\n---\n\n"
        "李明代表来到东湖街道人大代表之家。\n\n## 听取群众意见\n\n居民反映了老旧小区改造的问题。\n"
    )
    assert "第 8 行，网页栏目（页面按钮）" in capsys.readouterr().out


def test_an_existing_file_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    source = tmp_path / "a.txt"
    source.write_text(f"{HEAD}正文。\n", encoding="utf-8")
    assert run_import_article(source, category="news", out=None, site_dir=site) == 0
    (file,) = _news(site)
    file.write_text("编辑已改过的内容\n", encoding="utf-8")
    capsys.readouterr()
    assert run_import_article(source, category="news", out=None, site_dir=site) == 1
    assert "已存在，没有覆盖" in capsys.readouterr().out
    assert file.read_text(encoding="utf-8") == "编辑已改过的内容\n"
    out = str(site / "content" / "news" / "chosen-name.md")
    assert run_import_article(source, category="news", out=out, site_dir=site) == 0
    assert len(_news(site)) == 2


def test_unknown_category_lists_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    source = tmp_path / "a.txt"
    source.write_text(f"{HEAD}正文。\n", encoding="utf-8")
    assert run_import_article(source, category="politics", out=None, site_dir=site) == 1
    out = capsys.readouterr().out
    assert "没有栏目“politics”" in out and "news（要闻）、stories（代表风采）" in out
    assert _news(site) == []


def test_missing_date_writes_nothing_until_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    source = tmp_path / "a.txt"
    source.write_text("代表走访东湖街道\n正文。\n", encoding="utf-8")
    assert run_import_article(source, category="news", out=None, site_dir=site) == 1
    out = capsys.readouterr().out
    assert "a.txt:1:1: date: 没有找到发布时间" in out and "--date" in out
    assert "没有写入文件" in out and _news(site) == []
    assert (
        run_import_article(source, category="news", out=None, date="2025-03-15", site_dir=site) == 0
    )
    assert [f.name for f in _news(site)] == ["2025-03-15-dai-biao-zou-fang-dong-hu-jie-dao.md"]


def test_a_chosen_file_name_must_be_an_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    source = tmp_path / "a.txt"
    source.write_text(f"{HEAD}正文。\n", encoding="utf-8")
    out = str(tmp_path / "走访.md")
    assert run_import_article(source, category="news", out=out, site_dir=site) == 1
    assert "网址名" in capsys.readouterr().out and not Path(out).exists()


def test_the_command_imports_into_the_site_it_is_given(tmp_path: Path) -> None:
    site = _site(tmp_path)
    source = tmp_path / "稿件.txt"
    source.write_text(HEAD + "\n东湖街道代表之家接待了十二位居民。\n", encoding="utf-8")
    args = [sys.executable, "-m", "congress", "import-article", str(source), "--site", str(site)]
    done = subprocess.run(
        [*args, "--category", "news"], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (file,) = _news(site)
    assert "东湖街道代表之家接待了十二位居民。" in file.read_text(encoding="utf-8")
    unknown = subprocess.run(
        [*args, "--category", "nope"], capture_output=True, text=True, encoding="utf-8"
    )
    assert unknown.returncode == 1 and "news（要闻）" in unknown.stdout
    assert _news(site) == [file]
