"""Each article rule: a broken copy of GOOD names the file, the line, the field, and what to do.

GOOD's lines: 1 ---, 2 title, 3 date, 4 author, 5 source, 6 category, 7 tags, 8 deputies,
9 stations, 10 areas, 11 plan_items, 12 ---, 14 first paragraph, 16 image."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_article_site import GOOD, article_site, load

FILE = "content/news/2025-03-15-visit.md"
IMAGE_LINE = "![代表与居民交谈](../images/news/visit.jpg)"

# (case, text to replace in GOOD, replacement, line, column, field, words in the message)
CASES = [
    (
        "unknown category",
        "category: news",
        "category: sports",
        6,
        1,
        "category",
        "未找到栏目“sports”",
    ),
    ("category not an id", "category: news", "category: 要闻", 6, 1, "category", "栏目编号"),
    (
        "unknown deputy",
        "deputies: [li-ming]",
        "deputies: [li-ming, nobody]",
        8,
        21,
        "deputies[1]",
        "未找到代表“nobody”",
    ),
    (
        "deputy listed twice",
        "deputies: [li-ming]",
        "deputies: [li-ming, li-ming]",
        8,
        21,
        "deputies[1]",
        "重复列出",
    ),
    (
        "unknown station",
        "stations: [east-home]",
        "stations: [west-home]",
        9,
        12,
        "stations[0]",
        "未找到联络站“west-home”",
    ),
    (
        "unknown area",
        "areas: [east-town]",
        "areas: [west-town]",
        10,
        9,
        "areas[0]",
        "未找到区域“west-town”",
    ),
    ("missing title", "title: 李明代表走访东湖街道\n", "", 2, 1, "title", "缺少必填字段"),
    ("empty title", "title: 李明代表走访东湖街道", "title: ''", 2, 1, "title", "不能为空"),
    ("missing date", "date: 2025-03-15 09:30\n", "", 2, 1, "date", "缺少必填字段"),
    ("missing category", "category: news\n", "", 2, 1, "category", "缺少必填字段"),
    (
        "date is not a date",
        "date: 2025-03-15 09:30",
        "date: 三月十五日",
        3,
        1,
        "date",
        "应为日期或日期时间",
    ),
    (
        "impossible date",
        "date: 2025-03-15 09:30",
        "date: 2025-13-45",
        3,
        7,
        "date",
        "不是存在的日期",
    ),
    (
        "impossible day in a date-time",
        "date: 2025-03-15 09:30",
        "date: 2025-02-30 10:00:00",
        3,
        7,
        "date",
        "不是存在的日期",
    ),
    ("year typo", "date: 2025-03-15 09:30", "date: 0225-03-15", 3, 1, "date", "年份应在"),
    ("unknown field", "source: 示范日报", "sorce: 示范日报", 5, 1, "sorce", "不认识的字段“sorce”"),
    ("bad slug", "category: news", "category: news\nslug: Visit_2025", 7, 1, "slug", "格式不对"),
    (
        "slug taken by a category",
        "category: news",
        "category: news\nslug: stories",
        7,
        1,
        "slug",
        "与栏目编号冲突",
    ),
    ("slug is a year", "category: news", "category: news\nslug: '2025'", 7, 1, "slug", "冲突"),
    (
        "bad plan item",
        "plan_items: [2025-plan#3]",
        "plan_items: [2025 plan 3]",
        11,
        14,
        "plan_items[0]",
        "如 2025-plan#3",
    ),
    (
        "bad status",
        "category: news",
        "category: news\nstatus: hidden",
        7,
        1,
        "status",
        "published（发布）",
    ),
    (
        "missing cover",
        "category: news",
        "category: news\ncover: images/news/none.jpg",
        7,
        1,
        "cover",
        "找不到封面图片 content/images/news/none.jpg",
    ),
    (
        "cover with wrong case",
        "category: news",
        "category: news\ncover: images/news/Visit.jpg",
        7,
        1,
        "cover",
        "大小写",
    ),
    (
        "cover outside content",
        "category: news",
        "category: news\ncover: ../secret.jpg",
        7,
        1,
        "cover",
        "不能跳出",
    ),
    (
        "cover not an image",
        "category: news",
        "category: news\ncover: images/news/visit.pdf",
        7,
        1,
        "cover",
        "应为图片文件",
    ),
    ("broken YAML", "tags: [走访, 代表之家]", "tags: [走访, 代表之家", 8, 9, "", "YAML 格式错误"),
    (
        "link to another article's file",
        IMAGE_LINE,
        "见[上一篇](2025-03-01-forum.md)。",
        16,
        8,
        "正文",
        "链接“2025-03-01-forum.md”指向 Markdown 文件",
    ),
    (
        "link to a plan item's file",
        IMAGE_LINE,
        "见[第3条](../plans/2025-plan.md#item-3)。",
        16,
        8,
        "正文",
        "/plans/2025-plan/#item-3",
    ),
    (
        "html link to a file",
        IMAGE_LINE,
        '见<a href="2025-03-01-forum.MD">上一篇</a>。',
        16,
        11,
        "正文",
        "指向 Markdown 文件",
    ),
    (
        "image without alt text",
        IMAGE_LINE,
        "![](../images/news/visit.jpg)",
        16,
        1,
        "正文",
        "缺少替代文字",
    ),
    (
        "html image without alt",
        IMAGE_LINE,
        '<img src="../images/news/visit.jpg">',
        16,
        1,
        "正文",
        "缺少替代文字",
    ),
    (
        "html image in capitals without alt",
        IMAGE_LINE,
        '<IMG SRC="../images/news/visit.jpg">',
        16,
        1,
        "正文",
        "缺少替代文字",
    ),
    (
        "missing image",
        IMAGE_LINE,
        "见图 ![会场](../images/news/none.jpg)",
        16,
        4,
        "正文",
        "找不到图片“../images/news/none.jpg”",
    ),
    (
        "reference image missing",
        IMAGE_LINE,
        "![会场][pic]\n\n[pic]: ../images/none.jpg",
        16,
        1,
        "正文",
        "找不到图片",
    ),
    (
        "image from another website",
        IMAGE_LINE,
        "![会场](https://cdn.example.com/a.jpg)",
        16,
        1,
        "正文",
        "不能引用其他网站",
    ),
    (
        "site-absolute image",
        IMAGE_LINE,
        "![会场](/images/news/visit.jpg)",
        16,
        1,
        "正文",
        "相对于本文件所在目录",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "field", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_rule(
    tmp_path: Path, old: str, new: str, line: int, column: int, field: str, words: str
) -> None:
    assert old in GOOD
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD.replace(old, new, 1)})
    collection, problems = load(root)
    shown = "\n".join(map(str, problems))
    prefix = f"{FILE}:{line}:{column}: " + (f"{field}: " if field else "")
    assert any(str(p).startswith(prefix) and words in p.message for p in problems), shown
    assert list(collection) == [], "an article with an error is never published"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = (
        GOOD.replace("category: news", "category: sports")
        .replace("[li-ming]", "[nobody]")
        .replace("date: 2025-03-15 09:30", "date: someday")
        .replace(IMAGE_LINE, "![](../images/news/none.jpg)")
    )
    _, problems = load(article_site(tmp_path, {"2025-03-15-visit.md": broken}))
    fields = sorted(p.field for p in problems)
    assert fields == ["category", "date", "deputies[0]", "正文", "正文"], problems


def test_code_is_not_checked_for_images(tmp_path: Path) -> None:
    body = "\n\n```markdown\n![](example.jpg)\n```\n\n写法示例：`![](x.jpg)`。\n"
    _, problems = load(article_site(tmp_path, {"2025-03-15-visit.md": GOOD + body}))
    assert problems == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("正文没有文件头。\n", "缺少文件头"),
        ("---\ntitle: 没有结束\ndate: 2025-03-15\n\n正文。\n", "文件头没有结束"),
        ("---\n- 列表\n---\n正文\n", "文件头应为若干"),
    ],
    ids=["no header", "unclosed header", "header is a list"],
)
def test_header_shape(tmp_path: Path, text: str, words: str) -> None:
    _, problems = load(article_site(tmp_path, {"2025-03-15-visit.md": text}))
    assert any(p.path == FILE and words in p.message for p in problems), problems


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    root = article_site(tmp_path, {})
    (root / "content" / "news").mkdir(parents=True)
    (root / "content" / "news" / "old.md").write_bytes(GOOD.encode("gb18030"))
    _, problems = load(root)
    assert [str(p) for p in problems] == [
        "content/news/old.md:1:1: 文件不是 UTF-8 编码，请另存为 UTF-8"
    ]


def test_duplicate_explicit_slug_names_both_files(tmp_path: Path) -> None:
    same = GOOD.replace("category: news", "category: news\nslug: lu-ming-visit")
    collection, problems = load(article_site(tmp_path, {"a.md": same, "b.md": same}))
    (problem,) = problems
    assert str(problem).startswith("content/news/b.md:7:1: slug: ")
    assert "content/news/a.md" in problem.message
    assert [a.source_path for a in collection] == ["content/news/a.md"]


def test_duplicate_file_name_in_two_folders(tmp_path: Path) -> None:
    nested = GOOD.replace("../images/", "../../images/")
    files = {"2025/2025-03-15-visit.md": nested, "old/2025-03-15-visit.md": nested}
    _, problems = load(article_site(tmp_path, files))
    (problem,) = problems
    assert str(problem).startswith("content/news/old/2025-03-15-visit.md:1:1: slug: ")
    assert "content/news/2025/2025-03-15-visit.md" in problem.message
    assert "修改文件名" in problem.message


def test_duplicate_explicit_guid(tmp_path: Path) -> None:
    with_guid = GOOD.replace("category: news", "category: news\nguid: old-site-17")
    _, problems = load(article_site(tmp_path, {"a.md": with_guid, "b.md": with_guid}))
    (problem,) = problems
    assert str(problem).startswith("content/news/b.md:7:1: guid: ")
    assert "content/news/a.md" in problem.message


def test_drafts_are_checked_too(tmp_path: Path) -> None:
    draft = GOOD.replace("category: news", "category: nowhere\nstatus: draft")
    _, problems = load(article_site(tmp_path, {"draft.md": draft}))
    assert [p.field for p in problems] == ["category"]


@pytest.mark.parametrize(
    ("reference", "words"),
    [
        (
            "2024-plan#3",
            "未找到工作计划“2024-plan”，应为 content/plans/ 下已有的文件名（不含 .md）：2025-plan",
        ),
        ("2025-plan#9", "工作计划“2025-plan”没有第 9 条，条目序号应为 1～4"),
    ],
)
def test_plan_item_reference_must_exist(tmp_path: Path, reference: str, words: str) -> None:
    from congress.articles import load_articles
    from test_article_site import catalog_of

    text = GOOD.replace("plan_items: [2025-plan#3]", f"plan_items: [2025-plan#3, {reference}]")
    root = article_site(tmp_path, {"2025-03-15-visit.md": text})
    collection, problems = load_articles(
        root,
        catalog_of(root),
        content_dir=root / "content",
        categories_file=root / "data" / "categories.yml",
        plans={"2025-plan": {1, 2, 3, 4}},
    )
    assert [(p.path, p.line, p.column, p.field, p.message) for p in problems] == [
        (FILE, 11, 27, "plan_items[1]", words)
    ]
    assert len(collection) == 0, "an article with an error is not published"
