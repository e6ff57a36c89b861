"""`congress-feeds`: RSS and Atom for the site, each category, district, deputy and station, the
/feeds/ page for media, and the feed links in every page's head."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from congress.articles import build_feeds, feed_articles, feed_specs
from congress.articles.feed_links import link_tags
from congress.articles.feeds_page import feeds_page
from congress.catalog import Catalog
from congress.images import web_original
from congress.render.environment import Rendered
from congress.render.urls import relative
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from congress_mkdocs.options import CatalogOptions
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


class FeedsPlugin(GeneratingPlugin):
    config_class = FeedsConfig
    config: FeedsConfig  # type: ignore[assignment]

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        collection = shared_articles(config, self.config)
        self.docs_dir, self.root = config.docs_dir, Path(config.config_file_path).parent
        moment = now(self.config)
        specs = feed_specs(collection, catalog)
        self.specs = {s.key: s for s in specs}
        self.listed = {s.key: feed_articles(s, collection, moment) for s in specs}
        limit = self.config.limit
        return [feeds_page(specs, lambda s: len(self.listed[s.key]), site_url(config), limit)]

    def generate_files(self, catalog: Catalog, config: MkDocsConfig) -> dict[str, bytes]:
        out = {}
        body = shared_bodies(config, self.config)
        for key, spec in self.specs.items():
            rss, atom = build_feeds(
                spec,
                self.listed[key],
                body,
                site_url=site_url(config),
                site_name=config.site_name,
                content_dir=Path(config.docs_dir),
                cover_size=self.cover_size,
                limit=self.config.limit,
            )
            out[spec.rss_path], out[spec.atom_path] = rss, atom
        return out

    def cover_size(self, cover: str) -> int:
        """Covers are published as the images plugin's web copy, not as the editor's file."""
        source = Path(self.docs_dir) / cover
        return len(web_original(source, Path(self.root) / IMAGE_CACHE))

    def on_post_page(self, output: str, /, *, page: Page, **kwargs: Any) -> str:
        links = link_tags(page.url, self.specs, relative(page.url, ""))
        return output.replace("</head>", links + "\n</head>", 1)
