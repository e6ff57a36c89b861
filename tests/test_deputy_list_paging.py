"""Deputy lists are paged, so a province's directory never puts thousands of names on one page:
every current deputy is on exactly one page of each list, and each level keeps its full count."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from congress.catalog import Catalog, load_catalog
from congress.render.deputy_pages import deputy_pages
from congress.render.deputy_rows import DEPUTIES_PER_PAGE
from site_factory import DEPUTY, TODAY, write_site

MANY = DEPUTIES_PER_PAGE + 30


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("many")
    deputies = {
        f"d{n:03d}": DEPUTY.replace("id: li-ming", f"id: d{n:03d}").replace(
            "name: 李明", f"name: 代表{n:03d}"
        )
        for n in range(MANY)
    }
    write_site(root, deputies=deputies)
    catalog, problems = load_catalog(root, dt.date.fromisoformat(TODAY))
    assert not [p for p in problems if p.severity == "error"], problems
    return catalog


def _rows(html: str) -> list[str]:
    return re.findall(r"代表(\d{3})", html)


def test_the_directory_is_paged_and_lists_every_deputy_once_per_level(catalog: Catalog) -> None:
    pages = {p.url: p for p in deputy_pages(catalog)}
    # Each deputy of the fixture sits at two levels (city and county), so is listed twice.
    count = -(-2 * MANY // DEPUTIES_PER_PAGE)
    urls = ["deputies/"] + [f"deputies/page/{n}/" for n in range(2, count + 1)]
    assert f"deputies/page/{count + 1}/" not in pages
    names = [name for url in urls for name in _rows(pages[url].html)]
    assert len(names) == 2 * MANY
    assert set(names) == {f"{n:03d}" for n in range(MANY)}
    assert len(_rows(pages["deputies/"].html)) == DEPUTIES_PER_PAGE
    first, second = pages["deputies/"], pages["deputies/page/2/"]
    # The heading counts the whole level, not just this page's rows.
    assert f"（{MANY} 名）" in first.html and f"（{MANY} 名）" in second.html
    assert f"第 1 页，共 {count} 页" in first.html and second.title == "代表名单（第 2 页）"
    assert 'href="page/2/"' in first.html and 'href="../../"' in second.html


def test_a_paged_directory_offers_static_filter_links_not_the_one_page_filter(
    catalog: Catalog,
) -> None:
    first = next(p for p in deputy_pages(catalog) if p.url == "deputies/")
    assert "data-cg-filter" not in first.html
    assert "按区域、代表团、代表小组查看" in first.html


def test_area_and_group_lists_are_paged_too(catalog: Catalog) -> None:
    pages = {p.url: p for p in deputy_pages(catalog)}
    for base in ("deputies/by-area/east/", "deputies/by-group/east-group/"):
        assert f"{base}page/2/" in pages, base
        rows = _rows(pages[base].html) + _rows(pages[f"{base}page/2/"].html)
        assert len(set(rows)) == MANY, base
    # Stations and sub-areas are shown once, on the area's first page.
    assert 'id="stations"' in pages["deputies/by-area/east/"].html
    assert 'id="stations"' not in pages["deputies/by-area/east/page/2/"].html


def test_no_deputy_list_page_grows_past_one_page_of_rows(catalog: Catalog) -> None:
    for page in deputy_pages(catalog):
        if page.url.startswith("deputies/") and page.url.count("/") >= 1:
            assert len(_rows(page.html)) <= DEPUTIES_PER_PAGE, page.url


def test_small_directories_keep_the_in_page_filter(tmp_path: Path) -> None:
    write_site(tmp_path)
    catalog, _ = load_catalog(tmp_path, dt.date.fromisoformat(TODAY))
    index = next(p for p in deputy_pages(catalog) if p.url == "deputies/")
    assert "data-cg-filter" in index.html and "cg-pager" not in index.html
