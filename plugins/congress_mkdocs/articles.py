"""`congress-articles`: a page per article, paged lists by category, month and tag, the reports on
deputy and station pages, and the home page's latest-news blocks. List it after the deputies and
stations plugins: it adds to the pages they generate."""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import datetime
from typing import Any

from congress.articles.article_pages import article_pages
from congress.articles.collection import ArticleCollection
from congress.articles.list_pages import news_pages
from congress.articles.model import Article
from congress.articles.snippets import fill_latest, mentions_html, mentions_pages
from congress.articles.tag_slugs import tag_slugs
from congress.catalog import Catalog
from congress.render.environment import Rendered
from congress.render.urls import deputy_url, station_url
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import PREVIEW
from congress_mkdocs.shared import (
    GeneratingPlugin,
    now,
    shared_articles,
    shared_bodies,
)

_OWNER_PAGE = re.compile(r"^(deputies|stations)/([a-z0-9-]+)/$")


class ArticlesConfig(CatalogOptions):
    drafts = c.Type(bool, default=False)
    """Preview drafts and future articles as pages with a banner (never in lists, feeds or search
    results). For `mkdocs serve` only: `CONGRESS_DRAFTS=true make serve`."""


class ArticlesPlugin(GeneratingPlugin):
    config_class = ArticlesConfig
    config: ArticlesConfig  # type: ignore[assignment]
    # In a preview: the key of the article lists, tag slugs, list pages, and pages by article.
    _kept: tuple[Hashable, dict[str, str], list[Rendered], dict[Article, Rendered]] | None = None

    def inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        return None  # generate() keeps its lists, and each article's page, itself

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        collection = shared_articles(config, self.config)
        moment = now(self.config)
        self.by_url = {a.url: a for a in collection}
        body = shared_bodies(config, self.config).html
        key = self.list_inputs(catalog, config)
        kept = self._kept
        if key is None or kept is None or kept[0] != key:
            slugs = tag_slugs(t for a in collection.public(moment) for t in a.tags)
            kept = self._kept = (key, slugs, self._lists(catalog, collection, slugs, moment), {})
        _, slugs, lists, made = kept
        drafts = self.config.drafts
        pages = article_pages(collection, catalog, body, slugs, moment, drafts=drafts, made=made)
        if key is None:
            self._kept = None
        return pages + lists

    def _lists(
        self,
        catalog: Catalog,
        collection: ArticleCollection,
        slugs: dict[str, str],
        moment: datetime,
    ) -> list[Rendered]:
        """Every page listing articles, and the reports added to deputy and station pages."""
        self.mentions: dict[str, str] = {}
        pages = news_pages(collection, slugs, moment)
        owners = [
            (deputy_url(d.id), d.name, collection.by_deputy(d.id, moment), f"deputy/{d.id}")
            for d in catalog.deputies.values()
        ] + [
            (station_url(s.id), s.name, collection.by_station(s.id, moment), f"station/{s.id}")
            for s in catalog.stations.values()
        ]
        for url, name, listed, feed in owners:
            self.mentions[url] = mentions_html(listed, url, f"feeds/{feed}/rss.xml")
            pages += mentions_pages(listed, url, name)
        self.latest = lambda html, url: fill_latest(html, collection, url, moment)
        return pages

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        super().on_pre_build(config=config)
        # Checked before MkDocs empties site/, and the bodies converted while the other plugins
        # make their pages (see BodyCache.prepare).
        shared_bodies(config, self.config)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Article sources never reach the site as they are: each is published at /news/<slug>/
        # from the checked collection, and drafts not at all.
        for file in list(files):
            if file.src_uri.startswith("news/") and file.src_uri.endswith(".md"):
                files.remove(file)
        files = super().on_files(files, config=config)
        # Articles are most of a site's text, and most of what indexing it for search costs:
        # written first, their parts of the index are made while the other pages are written,
        # and the build does not end waiting for them.
        first = [file for file in files if file.url in self.by_url]
        return Files(first + [file for file in files if file.url not in self.by_url])

    def on_page_content(self, html: str, /, *, page: Page, **kwargs: Any) -> str:
        html = self.latest(html, page.url)
        article = self.by_url.get(page.url)
        if article is not None:
            # For the share card, and so image problems name the Markdown file.
            page.meta["category_name"] = article.category_name
            page.meta["source_path"] = article.source_path
        if _OWNER_PAGE.match(page.url):
            # A build reads each page once; a preview reads them again on every rebuild.
            mentions = self.mentions.get if PREVIEW.serving else self.mentions.pop
            html += mentions(page.url, "")
        return html
