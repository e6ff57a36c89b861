"""The station directory is paged, so a province's thousands of stations never share one page:
every station is on exactly one page, and each district and kind heading keeps its full count."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from congress.catalog import load_catalog
from congress.render.station_pages import STATIONS_PER_PAGE, station_pages
from site_factory import AREAS, STATION, TODAY, write_site

WEST = """\
- id: west
  name: 西山区
  kind: district
  parent: demo
- id: west-town
  name: 西山街道
  kind: subdistrict
  parent: west
"""
# East (东湖区) sorts before west (西山区): east holds more than a page, split by kind.
EAST_HOMES, EAST_POINTS, WEST_HOMES = STATIONS_PER_PAGE - 10, 20, 15
TOTAL = EAST_HOMES + EAST_POINTS + WEST_HOMES


def _station(number: int, area: str, kind: str) -> str:
    return (
        STATION.replace("id: east-home", f"id: s{number:03d}")
        .replace("name: 东湖街道人大代表之家", f"name: 联络站{number:03d}")
        .replace("kind: home", f"kind: {kind}")
        .replace("area: east-town", f"area: {area}")
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("stations")
    specs = (
        [("east-town", "home")] * EAST_HOMES
        + [("east-town", "point")] * EAST_POINTS
        + [("west-town", "home")] * WEST_HOMES
    )
    stations = {f"s{n:03d}": _station(n, area, kind) for n, (area, kind) in enumerate(specs)}
    write_site(root, deputies={}, stations=stations, areas=AREAS + WEST)
    catalog, problems = load_catalog(root, dt.date.fromisoformat(TODAY))
    assert not [p for p in problems if p.severity == "error"], problems
    return {p.url: p.html for p in station_pages(catalog)}


def _names(html: str) -> list[str]:
    return re.findall(r">联络站(\d{3})</a>", html)


def test_every_station_is_on_exactly_one_directory_page(pages: dict[str, str]) -> None:
    directory = [pages["stations/"], pages["stations/page/2/"]]
    assert "stations/page/3/" not in pages
    names = [n for html in directory for n in _names(html)]
    assert sorted(names) == [f"{n:03d}" for n in range(TOTAL)]
    assert [len(_names(html)) for html in directory] == [
        STATIONS_PER_PAGE,
        TOTAL - STATIONS_PER_PAGE,
    ]


@pytest.mark.parametrize(
    ("url", "heading", "count"),
    [
        ("stations/", "东湖区", EAST_HOMES + EAST_POINTS),
        ("stations/page/2/", "东湖区", EAST_HOMES + EAST_POINTS),
        ("stations/page/2/", "西山区", WEST_HOMES),
        ("stations/", "代表联络点", EAST_POINTS),
        ("stations/page/2/", "代表联络点", EAST_POINTS),
    ],
)
def test_headings_count_the_whole_directory_not_the_page(
    pages: dict[str, str], url: str, heading: str, count: int
) -> None:
    assert f'{heading}<span class="cg-count">（{count} 个）</span>' in pages[url]


def test_page_two_is_named_and_linked_both_ways(pages: dict[str, str]) -> None:
    first, second = pages["stations/"], pages["stations/page/2/"]
    assert "<h1>联络站名录（第 2 页）</h1>" in second and "<h1>联络站名录</h1>" in first
    assert 'rel="next" href="page/2/"' in first and "第 1 页，共 2 页" in first
    assert 'rel="prev" href="../../"' in second and "第 2 页，共 2 页" in second
    # Station links work from the deeper page too: s100 is the first 联络点 that did not fit.
    assert '<a href="../../s100/">联络站100</a>' in second


@pytest.mark.parametrize(
    ("url", "east", "west"),
    [
        ("stations/", "#area-east", "page/2/#area-west"),
        ("stations/page/2/", "../../#area-east", "#area-west"),
    ],
)
def test_district_jump_links_lead_to_the_page_where_each_district_starts(
    pages: dict[str, str], url: str, east: str, west: str
) -> None:
    html = pages[url]
    jump = html[html.index('class="cg-jump"') : html.index("</nav>")]
    assert f'<a href="{east}">东湖区</a>' in jump and f'<a href="{west}">西山区</a>' in jump
    assert 'id="area-east"' in pages["stations/"] and 'id="area-west"' not in pages["stations/"]


def test_a_small_directory_is_one_page_without_a_pager(tmp_path: Path) -> None:
    write_site(tmp_path)
    catalog, _ = load_catalog(tmp_path, dt.date.fromisoformat(TODAY))
    pages = {p.url: p.html for p in station_pages(catalog)}
    assert "stations/page/2/" not in pages
    assert "cg-pager" not in pages["stations/"] and "东湖街道人大代表之家" in pages["stations/"]
