"""A plan page shows only the newest few reports under each item, so years of news do not make it
grow; an item with more has its own paged list of every report, newest first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from congress.articles import SHANGHAI, Article
from congress.articles.paging import PAGE_SIZE
from congress.plans import load_plans
from congress.plans.pages import REPORTS_SHOWN, plan_pages
from congress.plans.tracking import reports_by_item
from test_plan_pages import PLAN, _article, _write

MANY = PAGE_SIZE + 8
"""Reports on item 1: more than one page of its own list."""
COUNTS = {1: MANY, 2: REPORTS_SHOWN, 3: 1}
ITEM_PAGE = "plans/2025-plan/item-1/"


def _report(n: int, item: int) -> Article:
    """Report n, published n hours after the first, so a larger n is newer."""
    published = dt.datetime(2025, 3, 1, 8, tzinfo=SHANGHAI) + dt.timedelta(hours=n)
    article = _article(f"r{item}-{n:02d}", f"第{item}条报道{n:02d}", 1, f"2025-plan#{item}")
    return dataclasses.replace(article, published=published)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = _write(tmp_path_factory.mktemp("plan"), {"2025-plan.md": PLAN})
    plans, problems = load_plans(root, root / "content")
    assert problems == []
    articles = [_report(n, item) for item, count in COUNTS.items() for n in range(count)]
    newest_first = sorted(articles, key=Article.sort_key)
    return {p.url: p.html for p in plan_pages(plans, reports_by_item(plans, newest_first))}


def _item(html: str, number: int) -> str:
    start = html.index(f'id="item-{number}"')
    end = html.find('class="cg-plan-item"', start + 1)
    return html[start : end if end >= 0 else len(html)]


def _reports(html: str, item: int) -> list[int]:
    return [int(n) for n in re.findall(rf">第{item}条报道(\d\d)</a>", html)]


@pytest.mark.parametrize(("item", "count"), COUNTS.items())
def test_the_plan_page_shows_the_newest_few_and_the_full_count(
    pages: dict[str, str], item: int, count: int
) -> None:
    html = _item(pages["plans/2025-plan/"], item)
    assert f"落实情况：{count} 篇报道" in html
    shown = min(count, REPORTS_SHOWN)
    assert _reports(html, item) == list(range(count - 1, count - 1 - shown, -1))


@pytest.mark.parametrize(("item", "count"), COUNTS.items())
def test_only_items_with_more_reports_than_shown_link_to_their_own_list(
    pages: dict[str, str], item: int, count: int
) -> None:
    html = _item(pages["plans/2025-plan/"], item)
    more = count > REPORTS_SHOWN
    link = f'<a href="item-{item}/">查看全部 {count} 篇<span class="md-visually-hidden">'
    assert (link in html) is more
    assert ("查看全部" in html) is more
    assert (f"plans/2025-plan/item-{item}/" in pages) is more


def test_the_item_list_is_paged_newest_first_and_lists_every_report_once(
    pages: dict[str, str],
) -> None:
    first, second = pages[ITEM_PAGE], pages[f"{ITEM_PAGE}page/2/"]
    assert f"{ITEM_PAGE}page/3/" not in pages
    listed = _reports(first, 1) + _reports(second, 1)
    assert listed == list(range(MANY - 1, -1, -1))
    assert len(_reports(first, 1)) == PAGE_SIZE
    assert "第 1 页，共 2 页" in first and 'rel="next" href="page/2/"' in first


@pytest.mark.parametrize(
    ("url", "title", "back"),
    [
        (ITEM_PAGE, "示范市人大常委会2025年代表工作计划第 1 条落实情况", "../#item-1"),
        (
            f"{ITEM_PAGE}page/2/",
            "示范市人大常委会2025年代表工作计划第 1 条落实情况（第 2 页）",
            "../../../#item-1",
        ),
    ],
)
def test_each_item_list_page_is_named_and_leads_back_to_the_item(
    pages: dict[str, str], url: str, title: str, back: str
) -> None:
    html = pages[url]
    assert f"<h1>{title}</h1>" in html
    assert f'<a href="{back}">返回计划第 1 条</a>' in html
    assert f"共 {MANY} 篇" in html


def test_report_links_work_from_every_depth(pages: dict[str, str]) -> None:
    assert '<a href="../../news/r1-27/">第1条报道27</a>' in pages["plans/2025-plan/"]
    assert '<a href="../../../news/r1-27/">第1条报道27</a>' in pages[ITEM_PAGE]
    assert '<a href="../../../../../news/r1-07/">第1条报道07</a>' in pages[f"{ITEM_PAGE}page/2/"]


def test_neither_the_plan_page_nor_the_index_grows_with_reports(pages: dict[str, str]) -> None:
    plan = pages["plans/2025-plan/"]
    assert len(re.findall(r'href="\.\./\.\./news/', plan)) == sum(
        min(c, REPORTS_SHOWN) for c in COUNTS.values()
    )
    index = pages["plans/"]
    assert "news/" not in index and "共 3 条，3 条已有落实报道" in index
