"""`congress-search`: a Pagefind index of the built site, for Chinese search at province scale.

Material's own search ships one index of the whole site to every visitor; Pagefind's extended
build segments Chinese and lets a query fetch only the small chunks it needs. The header's search
box is overrides/partials/search.html (included by the header when this plugin is loaded, since
Material's own search plugin is not) with overrides/assets/pagefind-search.js."""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.congress.search")


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)

    root_selector = c.Type(str, default="article.md-content__inner")
    """Only the page's own content is indexed, not navigation repeated on every page."""

    exclude_selectors = c.ListOfItems(c.Type(str), default=[".headerlink", ".md-source-file"])
    """Permalink signs and page footers would show up in every excerpt."""

    output_subdir = c.Type(str, default="pagefind")
    """Folder in the site for the index and Pagefind's scripts."""

    index_on_serve = c.Type(bool, default=False)
    """Indexing a province's site takes seconds; a preview after each edit should not wait."""


async def _index(site_dir: str, config: SearchConfig) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    options = IndexConfig(
        root_selector=config.root_selector,
        exclude_selectors=list(config.exclude_selectors),
        force_language="zh",
        # Pagefind resolves a relative output path against the working directory, not the site.
        output_path=os.path.join(site_dir, config.output_subdir),
    )
    async with PagefindIndex(config=options) as index:
        # The 404 page has no content a visitor would search for.
        result = await index.add_directory(site_dir, glob="**/{index,[!4]*}.html")
        return int(result["page_count"])


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or (self.serving and not self.config.index_on_serve):
            return
        try:
            pages = asyncio.run(_index(config.site_dir, self.config))
        except Exception as exc:  # Pagefind reports failures as assorted exception types
            raise PluginError(f"站内搜索索引生成失败：{exc}") from exc
        log.info("站内搜索：已索引 %d 个页面", pages)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.index_on_serve:
            log.info("预览时不生成站内搜索索引；需要时在 mkdocs.yml 中设置 index_on_serve: true")
        return server
