"""`congress-feeds`: RSS and Atom for the site, each category, district, deputy and station, the
/feeds/ page for media, and the feed links in every page's head."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from functools import partial
from operator import is_
from pathlib import Path
from typing import Any

from congress.articles import build_feeds, feed_articles, feed_specs
from congress.articles.feed_links import link_tags
from congress.articles.feeds import FeedSpec
from congress.articles.feeds_page import feeds_page
from congress.articles.model import Article
from congress.catalog import Catalog
from congress.images import web_original
from congress.render.environment import Rendered
from congress.render.urls import relative
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import PREVIEW, Deferred
from congress_mkdocs.shared import (
    GeneratingPlugin,
    now,
    shared_articles,
    shared_bodies,
    site_url,
)

# The images plugin's default cache: the web copy's bytes are the same wherever they are cached.
IMAGE_CACHE = ".cache/images"


class FeedsConfig(CatalogOptions):
    limit = c.Type(int, default=50)
    """How many of the newest articles each feed carries."""


class _FeedPair:
    """A feed's RSS and Atom, made together when the RSS file is written; the Atom file, written
    next, takes its half."""

    def __init__(self, make: Callable[[], tuple[bytes, bytes]]) -> None:
        self._make = make
        self._atom: bytes | None = None

    def rss(self) -> bytes:
        rss, self._atom = self._make()
        return rss

    def atom(self) -> bytes:
        atom, self._atom = self._atom, None
        return atom if atom is not None else self._make()[1]


class FeedsPlugin(GeneratingPlugin):
    config_class = FeedsConfig
    config: FeedsConfig  # type: ignore[assignment]

    # In a preview: the key of the article lists, the feeds page, and each feed by what it carries.
    _kept: tuple[Hashable, Rendered] | None = None
    _feeds: dict[str, tuple[list[Article], Deferred, Deferred]] = {}  # noqa: RUF012 (replaced)
    specs: dict[str, FeedSpec] = {}  # noqa: RUF012 (replaced)

    def inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        return None  # generate() keeps its lists and each feed itself

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        collection = shared_articles(config, self.config)
        self.docs_dir, self.root = config.docs_dir, Path(config.config_file_path).parent
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
        body = shared_bodies(config, self.config)
        kept, self._feeds = self._feeds, {}
        for key, spec in self.specs.items():
            listed = self.listed[key][: self.config.limit]
            old = kept.get(key)
            if old is not None and len(old[0]) == len(listed) and all(map(is_, old[0], listed)):
                # The same article objects: none of them was saved since the last build.
                made = old
            else:
                pair = _FeedPair(
                    partial(
                        build_feeds,
                        spec,
                        listed,
                        body,
                        site_url=site_url(config),
                        site_name=config.site_name,
                        content_dir=Path(config.docs_dir),
                        cover_size=self.cover_size,
                        limit=self.config.limit,
                    )
                )
                made = (listed, Deferred(pair.rss), Deferred(pair.atom))
            out[spec.rss_path], out[spec.atom_path] = made[1], made[2]
            if PREVIEW.serving:
                self._feeds[key] = made
        return out

    def cover_size(self, cover: str) -> int:
        """Covers are published as the images plugin's web copy, not as the editor's file."""
        source = Path(self.docs_dir) / cover
        return len(web_original(source, Path(self.root) / IMAGE_CACHE))

    def on_post_page(self, output: str, /, *, page: Page, **kwargs: Any) -> str:
        links = link_tags(page.url, self.specs, relative(page.url, ""))
        return output.replace("</head>", links + "\n</head>", 1)
