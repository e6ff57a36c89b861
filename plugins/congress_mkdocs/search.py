"""`congress-search`: a Pagefind index of the built site, for Chinese search at province scale.

Material's own search ships one index of the whole site to every visitor; Pagefind's extended
build segments Chinese and lets a query fetch only the small chunks it needs. The header's search
box is overrides/partials/search.html (included by the header when this plugin is loaded, since
Material's own search plugin is not) with overrides/assets/pagefind-search.js.

The pages are planned into parts before they are written; as each is written its excerpt's
digest is noted, and a part whose last page is written is indexed at once unless .cache/search/
holds it already (see search_index.py). parts.json in the bundle folder lists the parts the
search box merges into the first one. Pages that only list other pages (a list's later pages)
carry `search: {exclude: true}` in their meta, as Material's search plugin reads it, and are
left out: a result should be the page itself."""

from __future__ import annotations

import logging
import os
import posixpath
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from congress_mkdocs.search_excerpt import Excerpt
from congress_mkdocs.search_index import IndexBuilder, IndexOptions, Pages, PartCache
from congress_mkdocs.shared import config_root

log = logging.getLogger("mkdocs.plugins.congress.search")

CACHE = ".cache/search"


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)

    root_selector = c.Type(str, default="article.md-content__inner")
    """Only the page's own content is indexed, not navigation repeated on every page."""

    exclude_selectors = c.ListOfItems(
        c.Type(str),
        default=[
            ".headerlink",
            ".md-source-file",
            ".cg-related",
            ".cg-mentions",
            ".cg-qr",
        ],
    )
    """Permalink signs and page footers would show up in every excerpt. An article's related
    reports, and those listed on a deputy's or station's page, would make a page a result for
    words it does not hold: a search for a report's title should find the report, not every
    deputy it names. The QR code's caption is the same on every page. (Pagefind leaves out
    `<nav>` of itself, and with it an article's previous and next links.)"""

    output_subdir = c.Type(str, default="pagefind")
    """Folder in the site for the index and Pagefind's scripts."""

    index_on_serve = c.Type(bool, default=False)
    """Indexing a province's site takes seconds; a preview after each edit should not wait."""

    part_pages = c.Deprecated(
        message="congress-search 的 part_pages 已停用：索引现在按页面中的汉字数分部分，"
        "请删去这一行，需要时改用 part_characters（默认 4000000）",
        option_type=c.Type(int),
    )

    part_characters = c.Type(int, default=4_000_000)
    """Most Chinese characters (all characters beyond ASCII) of page content in one part of
    the index, each page counting as `PAGE_CHARACTERS` more; parts hold three fifths of this on
    average. Pagefind holds a part in memory while it indexes it, so this bounds Pagefind's
    memory: about 600 MB at most, some 1,600 news articles or 4,400 deputies' pages. An edit
    indexes its part again; a query fetches a little from every part, so fewer, larger parts
    make searching a little cheaper."""


PAGE_CHARACTERS = 600
"""What Pagefind keeps for a page besides its text, as characters of text: about 80 KB a page
and 137 bytes a character, as measured on a 50,000-page site. Counting characters alone, a part
of 10,500 deputies' pages weighed as much as one of 1,700 articles, and took 1.3 GB, not 620 MB."""


def _is_indexed(path: str) -> bool:
    """Whether an HTML file is indexed, as the glob `**/{index,[!4]*}.html` says: the 404 page has
    no content a visitor would search for."""
    name = posixpath.basename(path)
    return name == "index.html" or (
        name.endswith(".html") and len(name) > len(".html") and not name.startswith("4")
    )


def _cost(page: Page | None) -> int:
    """What indexing a page costs, in the memory Pagefind takes for it: its characters beyond
    ASCII (its Chinese text) and the page itself; nothing for a page left out of the index."""
    if page is None or _excluded(page):
        return 0
    text = page.content or ""
    return PAGE_CHARACTERS + len(text) - len(text.encode("ascii", "ignore"))


_UNREAD_PAGE = PAGE_CHARACTERS + 2000  # an HTML file no page event read: as a news article


def _excluded(page: Page) -> bool:
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.serving = False
        self._index: IndexBuilder | None = None
        # Kept across a preview's builds, for the pages it does not rebuild.
        self._excluded: set[str] = set()
        self._weights: dict[str, int] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._close()
        if not self.config.enabled or (self.serving and not self.config.index_on_serve):
            return
        options = IndexOptions(self.config.root_selector, tuple(self.config.exclude_selectors))
        pages = Pages(config.site_dir, Excerpt(self.config.root_selector))
        cache = PartCache(config_root(config) / CACHE)
        self._index = IndexBuilder(pages, cache, options, self.config.part_characters)

    @event_priority(-100)  # After every other plugin has added its pages.
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self._index is not None:
            weights = self._weights
            pages = []  # in the order they will be written, which the parts follow
            for file in files.documentation_pages():
                page = file.page
                if page is None or page.content is not None:  # else not read again: as before
                    weights[file.dest_uri] = _cost(page)
                pages.append(file.dest_uri)
            statics = [file.dest_uri for file in files.static_pages()]
            paths = [path for path in pages + statics if _is_indexed(path)]
            self._index.plan(paths, lambda path: weights.get(path, _UNREAD_PAGE))
        return env

    @event_priority(-100)  # After every other plugin's changes: the HTML as it is written.
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        index, path = self._index, page.file.dest_uri
        if index is None or not _is_indexed(path):
            return output
        excluded = _excluded(page)
        if excluded:
            self._excluded.add(path)
        else:
            self._excluded.discard(path)
        # MkDocs writes no file for an empty page.
        index.seen(path, None if excluded or not output.strip() else output)
        return output

    @event_priority(-100)  # After every other plugin has written its files.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = self._index
        if index is None:
            return
        started = time.perf_counter()
        try:
            for path in self._unsubmitted(config.site_dir, index.pages):
                with open(os.path.join(config.site_dir, path), encoding="utf-8") as file:
                    index.pages.add(path, file.read())
            bundle = Path(config.site_dir) / self.config.output_subdir
            written = index.finish(bundle)
        except Exception as exc:  # Pagefind reports failures as assorted exception types
            raise PluginError(f"站内搜索索引生成失败：{exc}") from exc
        finally:
            self._close()
        log.debug("站内搜索：构建结束后生成索引 %.1f 秒", time.perf_counter() - started)
        details = [f"分 {len(written.parts)} 个部分"] if len(written.parts) > 1 else []
        details += [f"{written.reused} 个部分沿用缓存"] if written.reused else []
        said = f"（{'，'.join(details)}）" if details else ""
        log.info("站内搜索：已索引 %d 个页面%s", written.pages, said)

    def on_build_error(self, *, error: Exception) -> None:
        self._close()

    def on_shutdown(self) -> None:
        self._close()

    def _close(self) -> None:
        index, self._index = self._index, None
        if index is not None:
            index.close()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.index_on_serve:
            log.info("预览时不生成站内搜索索引；需要时在 mkdocs.yml 中设置 index_on_serve: true")
        return server

    def _unsubmitted(self, site_dir: str, pages: Pages) -> list[str]:
        """HTML files in the site (with slashes, relative to it) that no page event submitted and
        no earlier build found excluded: pages a dirty build left alone, files other plugins
        wrote. Hidden files and folders are not pages (MkDocs keeps them when it cleans the
        site, and a cache kept there holds HTML) and Pagefind would not read them."""
        found = []
        bundle = self.config.output_subdir.strip("/")
        skipped = {bundle, bundle + ".new", bundle + ".old"}
        # Relative paths built by joining names: os.walk and relpath cost a second at 20,000
        # pages, where this costs a few tenths.
        stack = [(site_dir, "")]
        while stack:
            folder, prefix = stack.pop()
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
            below = []
            for entry in entries:
                path = prefix + entry.name
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if path not in skipped:
                        below.append((entry.path, path + "/"))
                elif _is_indexed(path) and path not in pages and path not in self._excluded:
                    found.append(path)
            stack += reversed(below)  # a folder's files, then each subfolder's, as os.walk
        return found
