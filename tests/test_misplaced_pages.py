"""A page MkDocs would publish as it is, outside content/news/: an article saved in the wrong
folder (its draft would be published) or a header MkDocs cannot read (shown raw on the page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_article_site import GOOD, article_site, load

DRAFT = GOOD.replace("category: news\n", "category: stories\nstatus: draft\n")

CASES = [
    ("a draft in a folder of its own", "stories/2026-12-01-story.md", DRAFT, 6, "category"),
    ("an article at the top of content", "2026-12-01-root.md", GOOD, 6, "category"),
    (
        "a page whose header MkDocs cannot read",
        "about.md",
        '---\ntitle: "关于本站\nhide:\n  - navigation\n---\n\n# 关于本站\n',
        2,
        "",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "text", "line", "field"), CASES, ids=[c[0] for c in CASES]
)
def test_a_page_that_would_publish_wrongly_is_an_error(
    tmp_path: Path, case: str, name: str, text: str, line: int, field: str
) -> None:
    root = article_site(tmp_path, {})
    page = root / "content" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    _, problems = load(root)
    (problem,) = problems
    assert (problem.path, problem.line, problem.field) == (f"content/{name}", line, field)
    if field:
        assert "content/news/" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: 关于本站\nhide:\n  - navigation\n---\n\n# 关于本站\n",
        "# 没有文件头的页面\n\n正文。\n",
        "---\ntitle: 工作计划\nissuer: 望澜市人大常委会\n---\n",  # in plans/, read by the plans loader
    ],
)
def test_ordinary_pages_and_plans_pass(tmp_path: Path, text: str) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD})
    for name in ("about.md", "plans/notes.md"):
        page = root / "content" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    (root / "content" / "plans" / "draft.md").write_text("---\nstatus: draft\n---\n", "utf-8")
    _, problems = load(root)
    assert problems == []
