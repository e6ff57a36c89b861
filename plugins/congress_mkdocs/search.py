"""`congress-search`: a Pagefind index of the built site, for Chinese search at province scale.

Material's own search ships one index of the whole site to every visitor; Pagefind's extended
build segments Chinese and lets a query fetch only the small chunks it needs."""

from __future__ import annotations

import asyncio
import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.congress.search")


class SearchConfig(Config):
    root_selector = c.Type(str, default="article.md-content__inner")
    """Only the page's own content is indexed, not navigation repeated on every page."""

    output_subdir = c.Type(str, default="pagefind")
    """Folder in the site for the index and Pagefind's scripts."""


async def _index(site_dir: str, config: SearchConfig) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    options = IndexConfig(
        root_selector=config.root_selector,
        force_language="zh",
        # Pagefind resolves a relative output path against the working directory, not the site.
        output_path=os.path.join(site_dir, config.output_subdir),
    )
    async with PagefindIndex(config=options) as index:
        result = await index.add_directory(site_dir)
        return int(result["page_count"])


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            pages = asyncio.run(_index(config.site_dir, self.config))
        except Exception as exc:  # Pagefind reports failures as assorted exception types
            raise PluginError(f"站内搜索索引生成失败：{exc}") from exc
        log.info("站内搜索：已索引 %d 个页面", pages)
