"""Article pages, lists, and their place on deputy, station and home pages, in a built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_factory import TODAY, build
from test_article_site import GOOD, article_site

PLUGINS = f"""\
  - congress-articles:
      today: "{TODAY}"
  - congress-feeds:
      today: "{TODAY}"
"""


def built_site(root: Path, articles: dict[str, str], *, extra: str = "") -> Path:
    article_site(root, articles)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("nav:", PLUGINS + extra + "nav:")
    config.write_text(text, encoding="utf-8")
    return build(root)


def story(n: int, **fields: str) -> str:
    text = GOOD.replace("plan_items: [2025-plan#3]\n", "").replace(
        "date: 2025-03-15 09:30", f"date: 2025-03-{n:02d} 09:30"
    )
    text = text.replace("title: 李明代表走访东湖街道", f"title: 第{n}篇走访记录")
    for key, value in fields.items():
        text = text.replace("category: news", f"category: news\n{key}: {value}")
    return text


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_an_article_page_shows_its_facts_and_links(tmp_path: Path) -> None:
    site = built_site(tmp_path, {"2025-03-01-a.md": story(1), "2025-03-02-b.md": story(2)})
    html = read(site, "news/2025-03-01-a")
    assert "<h1>第1篇走访记录</h1>" in html
    assert "2025年3月1日 09:30" in html and 'datetime="2025-03-01T09:30:00+08:00"' in html
    assert "来源：示范日报" in html and "作者：研究室 张明" in html
    assert '<a href="../stories/">' not in html and '<a href="../news/">要闻</a>' in html
    assert '<a href="../../deputies/li-ming/">李明</a>' in html
    assert '<a href="../../stations/east-home/">东湖街道人大代表之家</a>' in html
    assert "<strong>听取</strong>" in html
    assert '<img alt="代表与居民交谈" src="../../images/news/visit.jpg"' in html
    assert 'rel="next" href="../2025-03-02-b/"' in html
    assert "相关报道" in html and "第2篇走访记录" in html
    assert 'href="../tags/zou-fang/">走访</a>' in html


def test_lists_are_newest_first_and_paged(tmp_path: Path) -> None:
    articles = {f"2025-03-{n:02d}-s.md": story(n) for n in range(1, 26)}
    site = built_site(tmp_path, articles)
    first, second = read(site, "news"), read(site, "news/page/2")
    assert first.index("第25篇走访记录") < first.index("第24篇走访记录")
    assert "第6篇走访记录" in first and "第5篇走访记录" not in first
    assert "第5篇走访记录" in second and "第1篇走访记录" in second
    assert 'rel="next" href="page/2/"' in first
    assert "第 2 页，共 2 页" in second
    assert "第25篇走访记录" in read(site, "news/news")
    assert "第1篇走访记录" in read(site, "news/archive/2025/03/page/2")
    assert "3月" in read(site, "news/archive") and "25 篇" in read(site, "news/archive")
    assert "第25篇走访记录" in read(site, "news/tags/zou-fang")


def test_drafts_and_future_articles_leave_no_trace(tmp_path: Path) -> None:
    draft = story(2, status="draft").replace("第二段", "草稿暗号甲乙丙")
    future = story(3).replace("2025-03-03", "2027-06-01").replace("第二段", "未来暗号丁戊己")
    site = built_site(tmp_path, {"a.md": story(1), "draft.md": draft, "future.md": future})
    assert not (site / "news/draft").exists() and not (site / "news/future").exists()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".xml", ".json", ".md", ".txt", ".csv"}:
            text = file.read_text(encoding="utf-8", errors="ignore")
            assert "暗号" not in text, file


def test_an_editor_can_preview_drafts_with_a_banner(tmp_path: Path) -> None:
    draft = story(2, status="draft")
    root = tmp_path
    site = built_site(root, {"draft.md": draft}, extra="")
    assert not (site / "news/draft").exists()
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - congress-articles:\n", "  - congress-articles:\n      drafts: true\n"
        ),
        encoding="utf-8",
    )
    html = read(build(root), "news/draft")
    assert "草稿：本文尚未发布" in html
    assert "第2篇走访记录" not in read(root / "site", "news")


def test_deputy_station_and_home_pages_list_the_reports(tmp_path: Path) -> None:
    articles = {f"2025-03-{n:02d}-s.md": story(n) for n in range(1, 13)}
    root = tmp_path
    article_site(root, articles)
    (root / "content/index.md").write_text(
        '# 首页\n\n<div class="cg-latest" data-category="news" data-count="3"></div>\n',
        encoding="utf-8",
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("nav:", PLUGINS + "nav:"), encoding="utf-8"
    )
    site = build(root)
    deputy = read(site, "deputies/li-ming")
    assert "相关报道<span" in deputy and "（12 篇）" in deputy
    assert deputy.index("第12篇走访记录") < deputy.index("第11篇走访记录")
    assert "第2篇走访记录" not in deputy and 'href="news/">查看全部 12 篇' in deputy
    assert "第2篇走访记录" in read(site, "deputies/li-ming/news")
    assert "第12篇走访记录" in read(site, "stations/east-home")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count("<li>") >= 3 and "第12篇走访记录" in home and "第9篇走访记录" not in home


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "\"'><img src=x onerror=1>"])
def test_hostile_titles_show_as_text(tmp_path: Path, hostile: str) -> None:
    text = story(1).replace("title: 第1篇走访记录", f"title: '{hostile.replace(chr(39), '')}'")
    site = built_site(tmp_path, {"a.md": text})
    for url in ("news/a", "news", "deputies/li-ming"):
        assert "<script>alert(1)</script>" not in read(site, url)
        assert "<img src=x" not in read(site, url)


def test_the_sitemap_dates_only_what_has_a_date(tmp_path: Path) -> None:
    """An article's day, and no lastmod for the rest: the build's own day told search engines
    that every page had changed, and made each build's sitemap differ."""
    site = built_site(tmp_path, {"2025-03-15-visit.md": story(15)})
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    assert urls["https://test.example/news/2025-03-15-visit/"] == "2025-03-15"
    assert urls["https://test.example/deputies/li-ming/"] == ""
    assert urls["https://test.example/"] == ""
