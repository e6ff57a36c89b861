"""RSS 2.0 and Atom feeds, written by feedgen: full article HTML with absolute links, a plain-text
summary, the cover as an enclosure, stable GUIDs, and no wall-clock time anywhere, so the same
articles always give byte-identical files.

Feeds live under /feeds/<key>/rss.xml and /feeds/<key>/atom.xml, where the key is `all`,
`category/<id>`, `area/<id>`, `deputy/<id>` or `station/<id>`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension, DcExtension
from feedgen.feed import FeedGenerator

from congress.articles.absolute_urls import absolutize
from congress.articles.collection import ArticleCollection
from congress.articles.guids import guid_of, is_permalink
from congress.articles.model import (
    IMAGE_TYPES,
    SHANGHAI,
    Article,
    ArticleStatus,
    category_url,
    to_beijing_time,
)
from congress.catalog import Catalog
from congress.render.area_pages import area_url
from congress.render.urls import deputy_url, station_url
from congress.vocab import AreaKind

FEEDS_DIR = "feeds"
GENERATOR = "congress-site"
# A feed with no items still needs an update time; the clock would make every build differ.
EMPTY_FEED_UPDATED = dt.datetime(1970, 1, 1, 8, 0, tzinfo=SHANGHAI)
FEED_AREA_KINDS = (AreaKind.district, AreaKind.county)


class _Entry(FeedEntry):  # type: ignore[misc]
    """feedgen 1.0 writes an Atom entry's <link> elements without rel, type and length (the loop
    variable shadows the link data), which turns the cover enclosure into a second alternate link;
    put the attributes back."""

    def atom_entry(self, extensions: bool = True) -> Any:
        entry = super().atom_entry(extensions)
        for element, data in zip(entry.findall("link"), self.link() or [], strict=True):
            for name in ("rel", "type", "hreflang", "title", "length"):
                if data.get(name):
                    element.set(name, str(data[name]))
        return entry


@dataclass(frozen=True)
class FeedSpec:
    """One feed: which articles (`kind` and `ref`), its Chinese title and description, and the
    site-relative URL of the page it belongs to."""

    kind: str
    """`all`, `category`, `area`, `deputy` or `station`."""
    ref: str
    """The category, area, deputy or station id; empty for `all`."""
    title: str
    description: str
    page_url: str
    since: dt.datetime | None = None
    """When its subject began (a deputy's first term, a station's opening, the site's first
    article): the update time of the feed while it has no items, which readers would otherwise
    show as 1970."""

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.ref}" if self.ref else self.kind

    @property
    def folder(self) -> str:
        return f"{FEEDS_DIR}/{self.key}/"

    @property
    def rss_path(self) -> str:
        return f"{self.folder}rss.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}atom.xml"


def feed_specs(collection: ArticleCollection, catalog: Catalog) -> list[FeedSpec]:
    """The whole site, each category, each district and county, each deputy and each station:
    a feed exists whether or not it has items yet, so its address never comes and goes."""
    first = min(
        (a.published for a in collection if a.status is ArticleStatus.published), default=None
    )
    specs = [FeedSpec("all", "", "全部文章", "本站发布的全部新闻和文章", "news/", first)]
    for c in collection.categories.values():
        specs.append(FeedSpec("category", c.id, c.name, c.description, category_url(c.id), first))
    for area in sorted(catalog.areas.values(), key=lambda a: a.id):
        if area.kind in FEED_AREA_KINDS:
            specs.append(
                FeedSpec(
                    "area",
                    area.id,
                    f"{area.name}新闻",
                    f"与{area.name}及其镇街、村社区有关的新闻",
                    area_url(area.id),
                    first,
                )
            )
    for deputy in sorted(catalog.deputies.values(), key=lambda d: d.id):
        specs.append(
            FeedSpec(
                "deputy",
                deputy.id,
                f"{deputy.name}代表相关新闻",
                f"报道{deputy.name}代表履职活动的新闻",
                deputy_url(deputy.id),
                to_beijing_time(min(m.start for m in deputy.memberships)),
            )
        )
    for station in sorted(catalog.stations.values(), key=lambda s: s.id):
        specs.append(
            FeedSpec(
                "station",
                station.id,
                f"{station.name}动态",
                f"{station.name}的活动和新闻",
                station_url(station.id),
                to_beijing_time(station.opened_on),
            )
        )
    return specs


def feed_articles(spec: FeedSpec, collection: ArticleCollection, now: dt.datetime) -> list[Article]:
    """The public articles of one feed, newest first."""
    if spec.kind == "all":
        return collection.public(now)
    select = {
        "category": collection.by_category,
        "area": collection.by_area,
        "deputy": collection.by_deputy,
        "station": collection.by_station,
    }[spec.kind]
    return select(spec.ref, now)


# One article sits in several feeds (the site's, its category's, district's, each deputy's); its
# body with absolute links is the same in every one of them, and is neither read nor rewritten
# again while kept here.
@lru_cache(maxsize=8192)
def _absolute_body(html_of: Callable[[Article], str], article: Article, url: str) -> str:
    return absolutize(html_of(article), url)


def forget_bodies() -> None:
    """Drops the kept bodies once every feed is written: at the end of a province's first
    build they would otherwise hold some 30 MB while Pagefind and the drawings still run."""
    _absolute_body.cache_clear()


def _absolute(site_url: str, path: str) -> str:
    return site_url + quote(path, safe="/#%")


def _add_entry(
    fg: FeedGenerator,
    article: Article,
    html_of: Callable[[Article], str],
    site_url: str,
    site_name: str,
    cover_size: Callable[[str], int],
) -> None:
    url = _absolute(site_url, article.url)
    guid = guid_of(article, site_url)
    entry = fg.add_entry(_Entry(), order="append")
    entry.guid(guid, permalink=is_permalink(guid))
    entry.title(article.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(article.published)
    entry.updated(article.published)
    author = article.author or article.source or site_name
    entry.author(name=author)
    entry.dc.dc_creator(author)
    for term in dict.fromkeys([article.category_name, *article.tags]):
        entry.category(term=term)
    entry.summary(article.summary)
    entry.content(_absolute_body(html_of, article, url), type="html")
    if article.cover:
        size = cover_size(article.cover)
        kind = IMAGE_TYPES[PurePosixPath(article.cover).suffix.lower()]
        entry.enclosure(_absolute(site_url, article.cover), str(size), kind)


def feed_items(articles: list[Article], limit: int) -> list[Article]:
    """The articles a feed shows, in its order: published ones only, the newest `limit` first."""
    published = (a for a in articles if a.status is ArticleStatus.published)
    return sorted(published, key=Article.sort_key)[:limit]


def build_feeds(
    spec: FeedSpec,
    articles: list[Article],
    html_of: Callable[[Article], str],
    *,
    site_url: str,
    site_name: str,
    content_dir: Path,
    cover_size: Callable[[str], int] | None = None,
    limit: int = 50,
) -> tuple[bytes, bytes]:
    """(rss, atom) for `articles`, which the caller has already limited to public ones (see
    `feed_articles`); drafts are dropped here as well. `html_of` gives an article's body HTML with
    URLs relative to its page /news/<slug>/; they are made absolute. The newest `limit` items are
    kept, newest first; the feed's update time is the newest item's date, or for a feed without
    items `spec.since` (1970-01-01 08:00 Beijing time when that is unknown). A cover's enclosure
    length is `cover_size(cover)`, the bytes the site publishes at the cover's path (default: the
    file's own size under `content_dir`)."""
    if cover_size is None:
        cover_size = lambda cover: (content_dir / cover).stat().st_size  # noqa: E731
    site_url = site_url.rstrip("/") + "/"
    items = feed_items(articles, limit)
    updated = items[0].published if items else spec.since or EMPTY_FEED_UPDATED
    page = _absolute(site_url, spec.page_url)
    fg = FeedGenerator()
    # By class: load_extension looks for a module feedgen does not have on every call, a search
    # of the whole import path that cost a province's first build about a second.
    fg.register_extension("dc", DcExtension, DcEntryExtension, atom=False, rss=True)
    fg.id(_absolute(site_url, spec.atom_path))
    fg.title(f"{spec.title} - {site_name}")
    fg.description(spec.description)
    fg.author(name=site_name)
    fg.language("zh-CN")
    fg.generator(GENERATOR)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    fg.pubDate(updated)
    for article in items:
        _add_entry(fg, article, html_of, site_url, site_name, cover_size)
    # feedgen makes the last link the RSS channel link; each format's self link names its own file.
    rss_self, atom_self = _absolute(site_url, spec.rss_path), _absolute(site_url, spec.atom_path)
    fg.link(href=rss_self, rel="self", type="application/rss+xml", replace=True)
    fg.link(href=page, rel="alternate", type="text/html")
    rss = fg.rss_str(pretty=True)
    fg.link(href=atom_self, rel="self", type="application/atom+xml", replace=True)
    fg.link(href=page, rel="alternate", type="text/html")
    atom = fg.atom_str(pretty=True)
    return rss, atom
