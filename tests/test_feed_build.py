"""RSS and Atom: valid, complete, absolute, stable, and free of drafts and future articles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest
from congress.articles import (
    SHANGHAI,
    Article,
    ArticleCollection,
    FeedSpec,
    article_html,
    build_feeds,
    feed_articles,
    feed_specs,
)
from test_article_site import GOOD, NOW, article_site, catalog_of, load, write_image

SITE = "https://test.example/"
ALL = FeedSpec("all", "", "全部文章", "本站发布的全部新闻和文章", "news/")

DRAFT = GOOD.replace("category: news", "category: news\nstatus: draft").replace(
    "第二段", "草稿暗号甲乙丙"
)
FUTURE = GOOD.replace("date: 2025-03-15 09:30", "date: 2027-06-01").replace(
    "第二段", "未来暗号丁戊己"
)
COVERED = (
    GOOD.replace("category: news", "category: stories\ncover: images/news/cover.jpg")
    .replace("date: 2025-03-15 09:30", "date: 2025-04-02 15:00")
    .replace("[li-ming]", "[zhao-lan]")
)
LINKS = GOOD.replace("date: 2025-03-15 09:30", "date: 2025-01-10").replace(
    "第二段写的是后续安排。",
    "详见[上一篇](../news/2025-03-15-visit/)、[本页小节](#next)和[外部网站](https://example.org/x)。",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArticleCollection]:
    root = article_site(
        tmp_path_factory.mktemp("site"),
        {
            "2025-03-15-visit.md": GOOD,
            "2025-04-02-covered.md": COVERED,
            "2025-01-10-links.md": LINKS,
            "2025-05-01-draft.md": DRAFT,
            "2027-06-01-future.md": FUTURE,
        },
    )
    write_image(root / "content" / "images" / "news" / "cover.jpg", (1200, 800), "#3a6ea5")
    collection, problems = load(root)
    assert problems == []
    return root, collection


def build(
    root: Path, articles: list[Article], spec: FeedSpec = ALL, limit: int = 50
) -> tuple[bytes, bytes]:
    return build_feeds(
        spec,
        articles,
        article_html,
        site_url=SITE,
        site_name="测试站",
        content_dir=root / "content",
        limit=limit,
    )


@pytest.fixture(scope="module")
def feeds(site: tuple[Path, ArticleCollection]) -> tuple[bytes, bytes]:
    root, collection = site
    return build(root, feed_articles(ALL, collection, NOW))


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_are_valid_and_complete(feeds: tuple[bytes, bytes], kind: str) -> None:
    raw = feeds[0] if kind == "rss" else feeds[1]
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.title == "全部文章 - 测试站"
    assert parsed.feed.link == "https://test.example/news/"
    assert [e.title for e in parsed.entries] == ["李明代表走访东湖街道"] * 3
    for entry in parsed.entries:
        assert entry.id.startswith("tag:test.example,")
        assert entry.link.startswith("https://test.example/news/")
        assert entry.summary.startswith("李明代表来到东湖街道")
        assert "<" not in entry.summary
        content = entry.content[0].value
        assert "<strong>听取</strong>" in content, "full HTML, not the summary"
        for url in re.findall(r'(?:href|src)="([^"]+)"', content):
            assert url.startswith("https://"), url
        assert 'src="https://test.example/images/news/visit.jpg"' in content
        assert entry.author in ("研究室 张明",)
        assert {t.term for t in entry.tags} == {"要闻", "走访", "代表之家"} or {
            t.term for t in entry.tags
        } == {"代表风采", "走访", "代表之家"}


def test_dates_carry_beijing_offset(feeds: tuple[bytes, bytes]) -> None:
    rss, atom = (f.decode() for f in feeds)
    assert re.findall(r"<pubDate>([^<]+)</pubDate>", rss)[1:] == [
        "Wed, 02 Apr 2025 15:00:00 +0800",
        "Sat, 15 Mar 2025 09:30:00 +0800",
        "Fri, 10 Jan 2025 00:00:00 +0800",
    ]
    assert "<lastBuildDate>Wed, 02 Apr 2025 15:00:00 +0800</lastBuildDate>" in rss
    assert re.findall(r"<published>([^<]+)</published>", atom) == [
        "2025-04-02T15:00:00+08:00",
        "2025-03-15T09:30:00+08:00",
        "2025-01-10T00:00:00+08:00",
    ]
    assert "<updated>2025-04-02T15:00:00+08:00</updated>" in atom


def test_guid_is_not_a_permalink(feeds: tuple[bytes, bytes]) -> None:
    rss = feeds[0].decode()
    guids = re.findall(r'<guid isPermaLink="(\w+)">([^<]+)</guid>', rss)
    assert guids == [
        ("false", "tag:test.example,2025-04-02:news/2025-04-02-covered"),
        ("false", "tag:test.example,2025-03-15:news/2025-03-15-visit"),
        ("false", "tag:test.example,2025-01-10:news/2025-01-10-links"),
    ]


def test_self_links_name_their_own_file(feeds: tuple[bytes, bytes]) -> None:
    rss, atom = (feedparser.parse(f) for f in feeds)
    rss_self = [link.href for link in rss.feed.links if link.rel == "self"]
    atom_self = [link.href for link in atom.feed.links if link.rel == "self"]
    assert rss_self == ["https://test.example/feeds/all/rss.xml"]
    assert atom_self == ["https://test.example/feeds/all/atom.xml"]


def test_cover_is_an_enclosure_with_length_and_type(
    site: tuple[Path, ArticleCollection], feeds: tuple[bytes, bytes]
) -> None:
    root, _ = site
    size = (root / "content" / "images" / "news" / "cover.jpg").stat().st_size
    for raw in feeds:
        covered = feedparser.parse(raw).entries[0]
        (enclosure,) = covered.enclosures
        assert enclosure.href == "https://test.example/images/news/cover.jpg"
        assert int(enclosure.length) == size
        assert enclosure.type == "image/jpeg"
    assert f'length="{size}" type="image/jpeg"' in feeds[0].decode()


def test_relative_links_become_absolute(feeds: tuple[bytes, bytes]) -> None:
    entry = feedparser.parse(feeds[1]).entries[2]
    content = entry.content[0].value
    assert 'href="https://test.example/news/2025-03-15-visit/"' in content
    assert 'href="https://test.example/news/2025-01-10-links/#next"' in content
    assert 'href="https://example.org/x"' in content


def test_drafts_and_future_articles_never_reach_a_feed(
    site: tuple[Path, ArticleCollection], feeds: tuple[bytes, bytes]
) -> None:
    root, collection = site
    for raw in feeds:
        text = raw.decode()
        assert "草稿暗号甲乙丙" not in text and "未来暗号丁戊己" not in text
    # Even when a caller hands build_feeds every article, drafts stay out.
    rss, _ = build(root, list(collection))
    assert "草稿暗号甲乙丙" not in rss.decode()


def test_two_builds_are_byte_identical(site: tuple[Path, ArticleCollection]) -> None:
    root, collection = site
    articles = feed_articles(ALL, collection, NOW)
    assert build(root, articles) == build(root, articles)
    assert build(root, articles) == build(root, list(reversed(articles)))


def test_newest_first_and_limited(site: tuple[Path, ArticleCollection]) -> None:
    root, collection = site
    rss, atom = build(root, feed_articles(ALL, collection, NOW), limit=2)
    for raw in (rss, atom):
        links = [e.link for e in feedparser.parse(raw).entries]
        assert links == [
            "https://test.example/news/2025-04-02-covered/",
            "https://test.example/news/2025-03-15-visit/",
        ]


def test_empty_feed_is_valid_and_dated_when_its_subject_began(tmp_path: Path) -> None:
    began = dt.datetime(2022, 1, 6, tzinfo=SHANGHAI)
    spec = FeedSpec("deputy", "nobody", "无人代表相关新闻", "没有文章。", "deputies/nobody/", began)
    rss, atom = build(tmp_path, [], spec)
    for raw in (rss, atom):
        parsed = feedparser.parse(raw)
        assert parsed.bozo == 0
        assert parsed.entries == []
    assert b"<updated>2022-01-06T00:00:00+08:00</updated>" in atom
    assert b"<lastBuildDate>Thu, 06 Jan 2022 00:00:00 +0800</lastBuildDate>" in rss
    assert (rss, atom) == build(tmp_path, [], spec)


def test_each_feed_begins_with_its_subject(tmp_path: Path) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD})
    collection, _ = load(root)
    specs = {s.key: s.since for s in feed_specs(collection, catalog_of(root))}
    assert specs["deputy/li-ming"] == dt.datetime(2021, 12, 28, tzinfo=SHANGHAI)  # first term
    assert specs["station/east-home"] == dt.datetime(2019, 6, 1, tzinfo=SHANGHAI)  # opened
    assert (
        specs["all"]
        == specs["category/stories"]
        == dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)
    )


def test_feed_specs_cover_site_categories_districts_deputies_and_stations(tmp_path: Path) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD})
    collection, _ = load(root)
    specs = {s.key: s for s in feed_specs(collection, catalog_of(root))}
    assert list(specs) == [
        "all",
        "category/news",
        "category/stories",
        "area/east",
        "deputy/li-ming",
        "deputy/zhao-lan",
        "station/east-home",
    ]
    assert specs["all"].rss_path == "feeds/all/rss.xml"
    assert specs["category/news"].atom_path == "feeds/category/news/atom.xml"
    assert specs["category/news"].page_url == "news/news/"
    assert specs["area/east"].title == "东湖区新闻"
    assert specs["deputy/li-ming"].page_url == "deputies/li-ming/"
    assert specs["station/east-home"].page_url == "stations/east-home/"
    assert all(s.rss_path.startswith("feeds/") for s in specs.values())


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("category/stories", ["2025-04-02-covered"]),
        ("area/east", ["2025-04-02-covered", "2025-03-15-visit", "2025-01-10-links"]),
        ("deputy/li-ming", ["2025-03-15-visit", "2025-01-10-links"]),
        ("deputy/zhao-lan", ["2025-04-02-covered"]),
        ("station/east-home", ["2025-04-02-covered", "2025-03-15-visit", "2025-01-10-links"]),
    ],
)
def test_each_feed_selects_its_articles(
    site: tuple[Path, ArticleCollection], key: str, expected: list[str]
) -> None:
    root, collection = site
    specs = {s.key: s for s in feed_specs(collection, catalog_of(root))}
    assert [a.slug for a in feed_articles(specs[key], collection, NOW)] == expected
