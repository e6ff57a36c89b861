"""The public site's frame on a small site: the identity footer shows exactly the fields an office
filled in, the 404 page speaks Chinese, every page has a canonical URL and sitemap.xml lists them,
the site map page lists the sections, and the home page asks for article lists that exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from site_factory import build, write_site

ROOT = Path(__file__).resolve().parents[1]

FULL = {
    "host": "示范市人大常委会办公室",
    "site_code": "1234567890",
    "icp": "示ICP备12345678号",
    "police_record": "示公网安备00000000000001号",
    "police_record_link": "https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001",
    "address": "示范市人民路1号",
    "phone": "0551-0000000",
}


def _themed_site(root: Path, identity: dict[str, Any] | None) -> Path:
    write_site(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n"
    )
    extra: dict[str, Any] = {"site_subtitle": "示范市人民代表大会常务委员会"}
    if identity is not None:
        extra["site_identity"] = identity
    text += yaml.safe_dump({"extra": extra}, allow_unicode=True)
    config.write_text(text, encoding="utf-8")
    # The sample's site map links article and plan pages this small site does not have.
    (root / "content" / "sitemap.md").write_text(
        "---\ntitle: 网站地图\ntemplate: sitemap.html\n---\n\n"
        "- [按居住地查找我的代表](deputies/find/index.md)\n",
        encoding="utf-8",
    )
    return build(root)


def _footer(html: str) -> str:
    found = re.search(r'<footer class="md-footer cg-footer">.*?</footer>', html, re.S)
    assert found, "页面没有页脚"
    return found[0]


@pytest.mark.parametrize(
    ("identity", "shown", "hidden"),
    [
        (
            FULL,
            [
                "主办单位：示范市人大常委会办公室",
                "网站标识码：1234567890",
                '<a href="https://beian.miit.gov.cn/" rel="noopener">示ICP备12345678号</a>',
                '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001" '
                'rel="noopener">示公网安备00000000000001号</a>',
                "地址：示范市人民路1号",
                "电话：0551-0000000",
                ">网站地图</a>",
            ],
            ["承办单位", "邮编"],
        ),
        (
            {"host": "示范市人大常委会办公室", "site_code": "", "icp": None, "phone": ""},
            ["主办单位：示范市人大常委会办公室", ">网站地图</a>"],
            ["网站标识码", "ICP", "公网安备", "电话", "地址", "<p>\n      </p>"],
        ),
        (None, [">网站地图</a>"], ["主办单位", "网站标识码", "电话"]),
    ],
    ids=["every-field", "some-empty", "none"],
)
def test_footer_shows_only_the_identity_fields_filled_in(
    tmp_path: Path, identity: dict[str, Any] | None, shown: list[str], hidden: list[str]
) -> None:
    site = _themed_site(tmp_path, identity)
    for page in ["index.html", "deputies/index.html", "stations/east-home/index.html"]:
        footer = _footer((site / page).read_text(encoding="utf-8"))
        for text in shown:
            assert text in footer, f"{page}: 页脚应显示 {text}"
        for text in hidden:
            assert text not in footer, f"{page}: 页脚不应显示 {text}"


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _themed_site(tmp_path_factory.mktemp("themed"), FULL)


def test_not_found_page_is_chinese_with_ways_back(themed: Path) -> None:
    html = (themed / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "您访问的页面不存在" in html
    assert "Not found" not in html
    # The 404 page is served at any depth, so its links must be absolute.
    for href in ['href="/"', 'href="/deputies/find/"', 'href="/sitemap/"']:
        assert href in html


def test_every_page_has_its_canonical_url_and_is_in_sitemap_xml(themed: Path) -> None:
    sitemap = (themed / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = [p for p in themed.rglob("index.html")]
    assert len(pages) >= 5
    for page in pages:
        url = "https://test.example/" + page.parent.relative_to(themed).as_posix() + "/"
        url = url.replace("example/./", "example/")
        html = page.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{url}">' in html, page
        assert url in listed, f"sitemap.xml 缺少 {url}"


def test_site_map_page_lists_every_section_and_the_finder(themed: Path) -> None:
    html = (themed / "sitemap/index.html").read_text(encoding="utf-8")
    main = html[html.index('class="md-content') :]
    for title, href in [
        ("首页", ".."),
        ("代表名单", "../deputies/"),
        ("联络站", "../stations/"),
        ("按居住地查找我的代表", "../deputies/find/"),
    ]:
        assert f'<a href="{href}">{title}</a>' in main


def test_header_has_site_name_logo_and_reading_tools(themed: Path) -> None:
    html = (themed / "stations/index.html").read_text(encoding="utf-8")
    assert '<span class="cg-brand__name">测试站</span>' in html
    assert '<img src="../assets/congress-site/logo.svg" alt=""' in html
    assert (themed / "assets/congress-site/logo.svg").is_file()
    for label in ["标准", "大", "特大", "高对比度"]:
        assert re.search(rf'<button type="button" class="cg-tool[^"]*"[^>]*>{label}</button>', html)
    assert '<a class="cg-skip" href="#cg-main">跳到正文</a>' in html
    assert 'id="cg-main"' in html
    # The saved preference is applied in <head>, before the body paints.
    head = html[: html.index("</head>")]
    assert 'localStorage.getItem("cg-font-size")' in head


def test_home_page_asks_for_categories_that_exist() -> None:
    home = (ROOT / "content" / "index.md").read_text(encoding="utf-8")
    categories = {
        c["id"] for c in yaml.safe_load((ROOT / "data/categories.yml").read_text("utf-8"))
    }
    asked = re.findall(r'<div class="cg-latest" data-category="([a-z-]+)"', home)
    assert asked and set(asked) <= categories
    for entry in ["deputies/find/", "stations/", "plans/", "feeds/"]:
        assert f'href="{entry}"' in home, f"首页缺少快捷入口 {entry}"
