"""`congress-feeds`: RSS and Atom for the site, each category, district, deputy and station, the
/feeds/ page for media, and the feed links in every page's head."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from functools import cache as cache_function
from functools import partial
from operator import is_
from pathlib import Path
from typing import Any

from congress.articles import build_feeds, feed_articles, feed_specs
from congress.articles.feed_cache import FeedCache
from congress.articles.feed_links import link_tags
from congress.articles.feeds import FeedSpec, forget_bodies
from congress.articles.feeds_page import feeds_page
from congress.articles.model import Article
from congress.catalog import Catalog
from congress.images import web_original
from congress.render.environment import Rendered
from congress.render.urls import relative
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import PREVIEW, Deferred, write_deferred
from congress_mkdocs.shared import (
    GeneratingPlugin,
    config_root,
    log,
    now,
    shared_articles,
    shared_bodies,
    site_url,
)

# The images plugin's default cache: the web copy's bytes are the same wherever they are cached.
IMAGE_CACHE = ".cache/images"


# Each feed's RSS and Atom, beside the article bodies' cache.
FEED_CACHE = ".cache/feeds"
# A feed's listed articles, its cache key, and its two files.
_Made = tuple[list[Article], str, Deferred, Deferred]


class FeedsConfig(CatalogOptions):
    limit = c.Type(int, default=50)
    """How many of the newest articles each feed carries."""


class _FeedPair:
    """A feed's RSS and Atom, made together when the RSS file is written; the Atom file, written
    next, takes its half. Each half is a cached file to publish, or bytes to write."""

    def __init__(self, make: Callable[[], tuple[Path, Path] | tuple[bytes, bytes]]) -> None:
        self._make = make
        self._atom: Path | bytes | None = None

    def rss(self) -> Path | bytes:
        rss, self._atom = self._make()
        return rss

    def atom(self) -> Path | bytes:
        atom, self._atom = self._atom, None
        return atom if atom is not None else self._make()[1]


class FeedsPlugin(GeneratingPlugin):
    config_class = FeedsConfig
    config: FeedsConfig  # type: ignore[assignment]

    # In a preview: the key of the article lists, the feeds page, and each feed by what it carries.
    _kept: tuple[Hashable, Rendered] | None = None
    _feeds: dict[str, _Made] = {}  # noqa: RUF012 (replaced)
    _feed_cache: FeedCache | None = None
    specs: dict[str, FeedSpec] = {}  # noqa: RUF012 (replaced)

    def inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        return None  # generate() keeps its lists and each feed itself

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        collection = shared_articles(config, self.config)
        self.docs_dir, self.root = config.docs_dir, config_root(config)
        moment = now(self.config)
        key = self.list_inputs(catalog, config)
        same = key is not None and self._kept is not None and self._kept[0] == key
        specs = list(self.specs.values()) if same else feed_specs(collection, catalog)
        self.specs = {s.key: s for s in specs}
        # Always from this build's collection: an article saved since is a new object here.
        self.listed = {s.key: feed_articles(s, collection, moment) for s in specs}
        if same and self._kept is not None:
            return [self._kept[1]]
        limit = self.config.limit
        page = feeds_page(specs, lambda s: len(self.listed[s.key]), site_url(config), limit)
        self._kept, self._feeds = (key, page) if key is not None else None, {}
        return [page]

    def generate_files(
        self, catalog: Catalog, config: MkDocsConfig
    ) -> Mapping[str, bytes | Deferred]:
        out: dict[str, bytes | Deferred] = {}
        cache = self._cache(config)
        make = self._maker(config, cache)
        kept, self._feeds = self._feeds, {}
        used: set[str] = set()
        for key, spec in self.specs.items():
            listed = self.listed[key][: self.config.limit]
            old = kept.get(key)
            if old is not None and len(old[0]) == len(listed) and all(map(is_, old[0], listed)):
                # The same article objects: none of them was saved since the last build.
                made = old
            else:
                made = make(spec, listed)
            out[spec.rss_path], out[spec.atom_path] = made[2], made[3]
            used.add(made[1])
            if PREVIEW.serving:
                self._feeds[key] = made
        cache.prune(used)
        return out

    def _cache(self, config: MkDocsConfig) -> FeedCache:
        folder = config_root(config) / FEED_CACHE
        if self._feed_cache is None or self._feed_cache.folder != folder:
            self._feed_cache = FeedCache(folder)
        self._feed_cache.start()
        return self._feed_cache

    def _maker(
        self, config: MkDocsConfig, cache: FeedCache
    ) -> Callable[[FeedSpec, list[Article]], _Made]:
        """Makes a feed's entry: its cache key now, its bytes as its files are written."""
        bodies, url, name, limit = (
            shared_bodies(config, self.config),
            site_url(config),
            config.site_name,
            self.config.limit,
        )
        # A cover's size is read once per build, not once per feed that shows it.
        size = cache_function(self.cover_size)

        def make(spec: FeedSpec, listed: list[Article]) -> _Made:
            key = cache.key(
                spec,
                listed,
                bodies.digest,
                site_url=url,
                site_name=name,
                limit=limit,
                cover_size=size,
            )
            build = partial(
                build_feeds,
                spec,
                listed,
                bodies.html,
                site_url=url,
                site_name=name,
                content_dir=Path(config.docs_dir),
                cover_size=size,
                limit=limit,
            )
            pair = _FeedPair(partial(cache.pair, key, build))
            return listed, key, Deferred(pair.rss), Deferred(pair.atom)

        return make

    def cover_size(self, cover: str) -> int:
        """Covers are published as the images plugin's web copy, not as the editor's file."""
        source = Path(self.docs_dir) / cover
        return len(web_original(source, Path(self.root) / IMAGE_CACHE))

    # Before the other congress plugins' end of build: the first of them gives freed memory
    # back to the system, and the bodies forgotten here should be part of it.
    @event_priority(10)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_deferred()  # the feeds, after the pages (see Deferred)
        cache = self._feed_cache
        if cache is not None and cache.made:
            reused = f"，{cache.reused} 个沿用缓存" if cache.reused else ""
            log.info("订阅源：生成 %d 个%s", cache.made, reused)
        forget_bodies()
        super().on_post_build(config=config)

    def on_post_page(self, output: str, /, *, page: Page, **kwargs: Any) -> str:
        links = link_tags(page.url, self.specs, relative(page.url, ""))
        return output.replace("</head>", links + "\n</head>", 1)
