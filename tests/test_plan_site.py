"""A small site with plans built by MkDocs: what a visitor sees at /plans/ and /plans/<slug>/."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from site_factory import build, write_site
from test_article_site import CATEGORIES, GOOD
from test_plan_pages import PLAN

pytestmark = pytest.mark.slow

PLUGIN = '  - congress-plans:\n      today: "2026-11-24"\n'


def _site(root: Path, plans: dict[str, str], articles: dict[str, str]) -> Path:
    write_site(root)
    (root / "data" / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    mkdocs = root / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8").replace("nav:\n", PLUGIN + "nav:\n")
    mkdocs.write_text(text + "  - 工作计划: plans/index.md\n", encoding="utf-8")
    for folder, files in (("plans", plans), ("news", articles)):
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        for name, body in files.items():
            (root / "content" / folder / name).write_text(body, encoding="utf-8")
    return root


def _main(html_file: Path) -> str:
    html = html_file.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]


REPORT = GOOD.replace("plan_items: [2025-plan#3]", "plan_items: [2025-plan#2]").replace(
    "![代表与居民交谈](../images/news/visit.jpg)\n", ""
)
DRAFT = REPORT.replace("title: 李明代表走访东湖街道", "title: 还没发布的稿子\nstatus: draft")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _site(
        tmp_path_factory.mktemp("site"),
        {"2025-plan.md": PLAN},
        {"2025-03-15-visit.md": REPORT, "2025-03-16-draft.md": DRAFT},
    )
    return build(root)


def test_plan_page_is_built_with_items_and_reports(site: Path) -> None:
    page = _main(site / "plans/2025-plan/index.html")
    assert "示范市人大常委会2025年代表工作计划" in page
    assert 'id="item-2"' in page and 'href="#part-1"' in page
    item_2 = page[page.index('id="item-2"') : page.index('id="item-3"')]
    assert '<a href="../../news/2025-03-15-visit/">李明代表走访东湖街道</a>' in item_2
    assert "还没发布的稿子" not in page
    assert "共 3 条，其中 1 条已有落实报道" in page


def test_plan_index_is_at_plans_and_the_source_file_is_not_published(site: Path) -> None:
    index = _main(site / "plans/index.html")
    assert '<a href="2025-plan/">示范市人大常委会2025年代表工作计划</a>' in index
    assert not (site / "plans/2025-plan.md").exists()
    assert sorted(p.name for p in (site / "plans").iterdir()) == ["2025-plan", "index.html"]


def test_print_stylesheet_and_copy_script_are_served(site: Path) -> None:
    css = (site / "assets/congress/plan.css").read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in css
    assert (site / "assets/congress/plan-copy-link.js").exists()
    head = (site / "plans/2025-plan/index.html").read_text(encoding="utf-8")
    assert "assets/congress/plan.css" in head and "assets/congress/plan-copy-link.js" in head


def test_a_broken_plan_stops_the_build_and_names_the_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = PLAN.replace("3. 举办学习班。", "2. 举办学习班。")
    root = _site(tmp_path, {"2025-plan.md": broken}, {})
    with pytest.raises((PluginError, Abort)):
        build(root)
    assert "工作计划检查未通过" in caplog.text
    assert "content/plans/2025-plan.md:24:1: 条目序号 2 与第 16 行重复" in caplog.text


def test_a_draft_plan_is_checked_but_published_only_in_a_drafts_preview(tmp_path: Path) -> None:
    """An imported plan is a draft until an editor has checked it against the document."""
    from congress.plans import load_plans

    draft = PLAN.replace("year: 2025\n", "year: 2026\nstatus: draft\n", 1)
    root = _site(tmp_path, {"2025-plan.md": PLAN, "2026-plan.md": draft}, {})
    plans, problems = load_plans(root, root / "content")
    assert (sorted(plans), problems) == (["2025-plan"], [])
    assert sorted(load_plans(root, root / "content", drafts=True)[0]) == ["2025-plan", "2026-plan"]
    site = build(root)
    assert (site / "plans/2025-plan/index.html").is_file()
    assert not (site / "plans/2026-plan").exists()
    for listing in ("plans/index.html", "sitemap.xml"):
        assert "2026-plan" not in (site / listing).read_text(encoding="utf-8")
