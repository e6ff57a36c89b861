"""What an editor likely did not mean is pointed out, as a warning: a title cut at " #", two tags
joined by a Chinese comma, a published article with no body."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress.problems import Severity
from test_article_site import GOOD, article_site, load

ARTICLE = GOOD.replace("plan_items: [2025-plan#3]\n", "")  # this site has no plans
BODY = ARTICLE[ARTICLE.index("---\n\n", 4) + 5 :]

DOUBTS = [
    (
        "a comment cut from the title",
        "title: 李明代表走访东湖街道",
        "title: 第一次走访 #1",
        2,
        "加英文引号",
    ),
    (
        "tags joined by a Chinese comma",
        "tags: [走访, 代表之家]",
        "tags: [走访，代表之家]",
        7,
        "英文逗号",
    ),
    ("a published article with no body", BODY, "", 12, "正文是空的"),
]


@pytest.mark.parametrize(
    ("case", "old", "new", "line", "words"), DOUBTS, ids=[d[0] for d in DOUBTS]
)
def test_a_doubt_is_a_warning_at_its_line(
    tmp_path: Path, case: str, old: str, new: str, line: int, words: str
) -> None:
    assert old in ARTICLE
    collection, problems = load(
        article_site(tmp_path, {"2025-03-15-visit.md": ARTICLE.replace(old, new)})
    )
    assert len(collection) == 1  # published as written
    (problem,) = problems
    assert (problem.severity, problem.line) == (Severity.warning, line), str(problem)
    assert words in problem.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),
        ("title: 李明代表走访东湖街道", 'title: "第一次走访 #1"'),
        ("source: 示范日报", "source: https://news.example/a#b"),
        ("category: news\n", "category: news\nstatus: draft\n# 草稿，还没写完\n"),
    ],
)
def test_what_is_meant_passes(tmp_path: Path, old: str, new: str) -> None:
    text = ARTICLE.replace(old, new) if old else ARTICLE
    if "status: draft" in text:
        text = text[: text.index("---\n\n", 4) + 5]  # a draft with no body yet
    _, problems = load(article_site(tmp_path, {"2025-03-15-visit.md": text}))
    assert problems == []
