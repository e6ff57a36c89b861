"""Small sites built with MkDocs in tmp_path; the assertions are what a visitor would see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from site_factory import AREAS, DEPUTY, ELECTORAL_UNITS, FORMER, STATION, build, write_site


def _main(html_file: Path) -> str:
    """The page's own content, without Material's navigation and search chrome."""
    html = html_file.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(write_site(tmp_path_factory.mktemp("site")))


def test_profile_lists_the_station_and_every_public_field(site: Path) -> None:
    page = _main(site / "deputies/li-ming/index.html")
    assert '<a href="../../stations/east-home/">东湖街道人大代表之家</a>' in page
    for text in (
        "李明",
        "男",
        "汉族",
        "1970年5月",
        "中共党员",
        "东湖区第一小学校长",
        "第17届市人大代表",
        "第12届县（区）人大代表",
        "东湖区代表团",
        "东湖区代表小组",
        "2022年1月6日（当选）",
        "长期从事基础教育工作",
    ):
        assert text in page, text
    assert "placeholder-portrait.svg" in page  # no photo: neutral placeholder


def test_station_page_lists_its_deputies_and_navigation_links(site: Path) -> None:
    page = _main(site / "stations/east-home/index.html")
    assert '<a href="../../deputies/li-ming/">李明</a>' in page
    assert "zhao-lan" not in page  # a former deputy is no longer stationed
    assert "https://uri.amap.com/marker?position=117.5,31.8" in page
    assert "location=31.8,117.5" in page and "coord_type=gcj02" in page
    for text in ("代表之家", "湖滨路8号", "每月15日 9:00-11:30", "0551-6201234", "2019年6月1日"):
        assert text in page, text


def test_former_deputy_is_only_on_the_former_list(site: Path) -> None:
    current = _main(site / "deputies/index.html")
    former = _main(site / "deputies/former/index.html")
    assert "李明" in current and "赵兰" not in current
    assert '<a href="../zhao-lan/">赵兰</a>' in former and "李明" not in former
    assert "已离任" in _main(site / "deputies/zhao-lan/index.html")


def test_directory_groups_by_level_and_lists_two_level_deputies_twice(site: Path) -> None:
    page = _main(site / "deputies/index.html")
    city = page.index("市人大代表<span")
    county = page.index("县（区）人大代表<span")
    assert city < county
    assert page.count('href="li-ming/"') == 2


def test_filters_work_without_javascript(site: Path) -> None:
    index = _main(site / "deputies/index.html")
    assert 'href="by-area/east/"' in index and 'href="by-delegation/east-del/"' in index
    assert "李明" in _main(site / "deputies/by-area/east-town/index.html")
    assert "李明" in _main(site / "deputies/by-group/east-group/index.html")
    assert "李明" not in _main(site / "deputies/by-group/finance/index.html")
    assert "data-cg-filter" in index and 'data-areas="demo east east-town"' in index


def test_nav_holds_section_pages_only(site: Path) -> None:
    html = (site / "stations/east-home/index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "代表名单" in nav and "联络站" in nav
    assert "李明" not in nav and "东湖街道人大代表之家" not in nav


def test_hostile_strings_show_as_text_everywhere(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    deputy = DEPUTY.replace("name: 李明", 'name: "<script>alert(1)"').replace(
        "biography: 长期从事基础教育工作。", f'biography: "{evil} [x](javascript:alert(2))"'
    )
    station = STATION.replace("name: 东湖街道人大代表之家", f'name: "{evil}站"')
    site = build(
        write_site(
            tmp_path,
            deputies={"li-ming": deputy, "zhao-lan": FORMER},
            stations={"east-home": station},
        )
    )
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, html_file
        assert "javascript:alert" not in html, html_file
    assert "<h1>&lt;script&gt;alert(1)</h1>" in _main(site / "deputies/li-ming/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _main(site / "deputies/li-ming/index.html")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;站</h1>" in _main(
        site / "stations/east-home/index.html"
    )


def test_content_errors_stop_the_build_with_every_problem(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deputy = DEPUTY.replace("gender: male", "gender: man")
    station = STATION.replace("area: east-town", "area: nowhere")
    root = write_site(tmp_path, deputies={"li-ming": deputy}, stations={"east-home": station})
    with pytest.raises((PluginError, Abort)):
        build(root)
    assert "内容检查未通过" in caplog.text
    assert "data/deputies/li-ming.yml:3:1: gender: 应为以下之一" in caplog.text
    assert "data/stations/east-home.yml:4:1: area: 未找到区域“nowhere”" in caplog.text
    assert "没有现任代表进驻" not in caplog.text  # no warning that only follows from the error
    assert not (root / "site").exists()


def test_generated_pages_link_only_to_pages_that_exist(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        for href in re.findall(
            r'href="([^"#:]+/)"',
            _main(html_file)
            if "md-content__inner" in html_file.read_text(encoding="utf-8")
            else "",
        ):
            target = (html_file.parent / href / "index.html").resolve()
            assert target.is_file(), f"{html_file}: {href}"


def test_find_your_deputy_from_where_you_live(tmp_path: Path) -> None:
    areas = AREAS + "- {id: west, name: 西山区, kind: district, parent: demo}\n"
    units = ELECTORAL_UNITS + "- {id: west-city, name: 西山区, level: city, area: west}\n"
    westerner = (
        FORMER.replace("id: zhao-lan", "id: qian-feng")
        .replace("name: 赵兰", "name: 钱峰")
        .replace("status: former", "status: current")
        .replace("east-city", "west-city")
        .replace("    end: 2024-03-01\n    end_reason: resigned\n", "")
        .replace("    delegation: east-del\n", "")
    )
    root = write_site(
        tmp_path,
        areas=areas,
        electoral_units=units,
        deputies={"li-ming": DEPUTY, "qian-feng": westerner},
    )
    site = build(root)
    find = _main(site / "deputies/find/index.html")
    assert '<a href="../by-area/east-town/">东湖街道</a>' in find
    town = _main(site / "deputies/by-area/east-town/index.html")
    assert "东湖区东湖街道的人大代表" in town
    assert "市人大代表" in town and "县（区）人大代表" in town  # the district's city deputy too
    assert '<a href="../../li-ming/">李明</a>' in town
    assert "钱峰" not in town
    assert '<a href="../../../stations/east-home/">东湖街道人大代表之家</a>' in town
    west = _main(site / "deputies/by-area/west/index.html")
    assert "钱峰" in west and "李明" not in west
    assert "附近的联络站（所在区县）" not in west and "暂无联络站" in west


def test_a_content_error_leaves_the_published_site_intact(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    site = build(root)
    published = (site / "deputies/li-ming/index.html").read_bytes()
    (root / "data/deputies/li-ming.yml").write_text(
        DEPUTY.replace("gender: male", "gender: x"), "utf-8"
    )
    with pytest.raises((PluginError, Abort)):
        build(root)
    assert (site / "deputies/li-ming/index.html").read_bytes() == published


def test_namesakes_are_told_apart_by_their_page_titles(tmp_path: Path) -> None:
    namesake = DEPUTY.replace("id: li-ming", "id: li-ming-2").replace(
        "occupation: 东湖区第一小学校长", "occupation: 东湖区人民医院护士长"
    )
    site = build(
        write_site(
            tmp_path, deputies={"li-ming": DEPUTY, "li-ming-2": namesake, "zhao-lan": FORMER}
        )
    )

    def title(page: str) -> str:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        return re.search(r"<title>([^<]*)</title>", html)[1]  # type: ignore[index]

    assert title("deputies/li-ming") == "李明（东湖区第一小学校长） - 测试站"
    assert title("deputies/li-ming-2") == "李明（东湖区人民医院护士长） - 测试站"
    assert title("deputies/zhao-lan").startswith("赵兰 - ")  # no namesake: the name alone


def test_a_delegation_or_group_page_names_it_once(tmp_path: Path) -> None:
    delegations = "- {id: east-del, name: 东湖区, level: city, area: east}\n"
    site = build(write_site(tmp_path, delegations=delegations))

    def head(page: str) -> tuple[str, str]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]*)</title>", html)[1]  # type: ignore[index]
        description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]  # type: ignore[index]
        return title, description

    assert head("deputies/by-group/east-group") == (
        "东湖区代表小组 - 测试站",
        "东湖区代表小组的现任人大代表名单，共 1 名",
    )
    assert head("deputies/by-delegation/east-del")[0] == "东湖区（代表团） - 测试站"
