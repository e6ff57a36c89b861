"""Feeds as media get them from a built site: valid, linked from pages, listed on /feeds/."""

from __future__ import annotations

from pathlib import Path

import feedparser
from test_article_pages_build import built_site, read, story


def test_every_feed_of_a_built_site_is_valid_and_absolute(tmp_path: Path) -> None:
    site = built_site(tmp_path, {"2025-03-01-a.md": story(1), "2025-03-02-b.md": story(2)})
    feeds = sorted(site.glob("feeds/**/*.xml"))
    keys = {f.parent.relative_to(site / "feeds").as_posix() for f in feeds}
    assert {"all", "category/news", "category/stories", "deputy/li-ming"} <= keys
    assert {"deputy/zhao-lan", "station/east-home", "area/east"} <= keys
    for file in feeds:
        parsed = feedparser.parse(file.read_bytes())
        assert not parsed.bozo, (file, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            assert entry.link.startswith("https://test.example/news/"), file
            assert entry.id and entry.published.endswith(("+08:00", "+0800")), file
    station = feedparser.parse((site / "feeds/station/east-home/rss.xml").read_bytes())
    assert [e.title for e in station.entries] == ["第2篇走访记录", "第1篇走访记录"]
    assert "听取" in station.entries[0].content[0].value
    assert feedparser.parse((site / "feeds/category/stories/atom.xml").read_bytes()).entries == []


def test_pages_link_the_feeds_that_concern_them(tmp_path: Path) -> None:
    site = built_site(tmp_path, {"a.md": story(1)})
    deputy = read(site, "deputies/li-ming")
    assert (
        'type="application/rss+xml" title="李明代表相关新闻（RSS）" href="../../feeds/deputy/li-ming/rss.xml"'
        in deputy
    )
    assert 'href="../../feeds/all/atom.xml"' in deputy
    assert 'href="../../feeds/category/news/rss.xml"' in read(site, "news/news")
    assert 'href="../../feeds/station/east-home/rss.xml"' in read(site, "stations/east-home")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./feeds/all/rss.xml"' in home


def test_the_feeds_page_lists_every_section_feed_for_media(tmp_path: Path) -> None:
    site = built_site(tmp_path, {"a.md": story(1)})
    page = read(site, "feeds")
    assert "<h1>订阅</h1>" in page
    for href in (
        "../feeds/all/rss.xml",
        "../feeds/category/news/atom.xml",
        "../feeds/area/east/rss.xml",
    ):
        assert f'href="{href.removeprefix("../feeds/")}"' in page or f'href="{href}"' in page
    assert "https://test.example/feeds/deputy/代表编号/rss.xml" in page
    assert "（现有 1 篇）" in page
