"""`congress-search`: a Pagefind index of the built site, for Chinese search at province scale.

Material's own search ships one index of the whole site to every visitor; Pagefind's extended
build segments Chinese and lets a query fetch only the small chunks it needs. The header's search
box is overrides/partials/search.html (included by the header when this plugin is loaded, since
Material's own search plugin is not) with overrides/assets/pagefind-search.js.

The index is built while the site renders: Pagefind's service starts with the build, on its own
event loop in a thread, and each page goes to it as soon as its HTML is final, so Pagefind parses
pages on another core while Python renders the next ones. After the build only the HTML files no
page event saw (pages a dirty build left alone, files other plugins wrote) are added, and the index
is written. A province's site is indexed in parts (see `part_pages`): parts.json in the bundle
folder lists the parts the search box merges into the first one."""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import shutil
import time
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from pagefind.index import IndexConfig

from congress_mkdocs.pagefind_indexer import Excerpt, Indexer, Written

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

    part_pages = c.Type(int, default=4000)
    """Most pages in one part of the index. Pagefind holds a part in memory until it writes it,
    150 to 370 KB a page as measured (news articles cost most): 4000 pages keep each Pagefind
    process under about 1.5 GB however large the site. A query fetches a little from every
    part, so fewer, larger parts make searching a little cheaper."""


_PART = re.compile(r"part-[0-9]+")


def _is_indexed(path: str) -> bool:
    """Whether an HTML file is indexed, as the glob `**/{index,[!4]*}.html` says: the 404 page has
    no content a visitor would search for."""
    name = posixpath.basename(path)
    return name == "index.html" or (
        name.endswith(".html") and len(name) > len(".html") and not name.startswith("4")
    )


def _url(path: str) -> str:
    """The URL Pagefind gives a file at `path` (relative to the site, with slashes) when it reads
    the site folder itself: `news/a/index.html` is `/news/a/`, nothing percent-encoded."""
    url = "/" + path
    return url.removesuffix("index.html") if url.endswith("/index.html") else url


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.serving = False
        self._indexer: Indexer | None = None
        self._submitted: set[str] = set()
        self._excerpt = Excerpt("")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._stop()
        if not self.config.enabled or (self.serving and not self.config.index_on_serve):
            return
        self._submitted = set()
        self._excerpt = Excerpt(self.config.root_selector)
        options = IndexConfig(
            root_selector=self.config.root_selector,
            exclude_selectors=list(self.config.exclude_selectors),
            force_language="zh",
            # Pagefind resolves a relative output path against the working directory, not the site.
            output_path=os.path.join(config.site_dir, self.config.output_subdir),
        )
        self._indexer = Indexer(options, self.config.part_pages)

    @event_priority(-100)  # After every other plugin's changes: the HTML as it is written.
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        indexer = self._indexer
        if indexer is None:
            return output
        if indexer.failure is not None:
            raise PluginError(f"站内搜索索引生成失败：{indexer.failure}") from indexer.failure
        path = page.file.dest_uri
        if output.strip() and _is_indexed(path):  # MkDocs writes no file for an empty page
            indexer.submit(_url(path), self._excerpt(output))
            self._submitted.add(os.path.normpath(page.file.abs_dest_path))
        return output

    @event_priority(-100)  # After every other plugin has written its files.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        indexer, self._indexer = self._indexer, None
        if indexer is None:
            return
        started = time.perf_counter()
        try:
            for path, url in self._unsubmitted(config.site_dir):
                with open(path, encoding="utf-8", errors="replace") as file:
                    indexer.submit(url, self._excerpt(file.read()))
            written = indexer.finish()
            self._write_manifest(os.path.join(config.site_dir, self.config.output_subdir), written)
        except Exception as exc:  # Pagefind reports failures as assorted exception types
            raise PluginError(f"站内搜索索引生成失败：{exc}") from exc
        finally:
            indexer.close()
        log.debug("站内搜索：构建结束后等待索引 %.1f 秒", time.perf_counter() - started)
        if len(written.parts) > 1:
            log.info(
                "站内搜索：已索引 %d 个页面（分 %d 个部分）", written.pages, len(written.parts)
            )
        else:
            log.info("站内搜索：已索引 %d 个页面", written.pages)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop()

    def on_shutdown(self) -> None:
        self._stop()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.index_on_serve:
            log.info("预览时不生成站内搜索索引；需要时在 mkdocs.yml 中设置 index_on_serve: true")
        return server

    def _stop(self) -> None:
        indexer, self._indexer = self._indexer, None
        if indexer is not None:
            indexer.close()

    @staticmethod
    def _write_manifest(bundle: str, written: Written) -> None:
        """parts.json: the folders of the parts after the first, relative to the bundle folder,
        which holds the first; part folders an earlier, larger build left there are removed."""
        for entry in os.scandir(bundle):
            if _PART.fullmatch(entry.name) and entry.name + "/" not in written.parts:
                shutil.rmtree(entry.path)
        with open(os.path.join(bundle, "parts.json"), "w", encoding="utf-8") as file:
            json.dump({"parts": written.parts[1:]}, file)

    def _unsubmitted(self, site_dir: str) -> list[tuple[str, str]]:
        """HTML files in the site that no page event submitted, with their URLs, in path order."""
        found = []
        output = os.path.normpath(os.path.join(site_dir, self.config.output_subdir))
        for folder, subfolders, names in os.walk(site_dir):
            subfolders[:] = sorted(
                d for d in subfolders if os.path.normpath(os.path.join(folder, d)) != output
            )
            for name in sorted(names):
                path = os.path.normpath(os.path.join(folder, name))
                relative = os.path.relpath(path, site_dir).replace(os.sep, "/")
                if _is_indexed(relative) and path not in self._submitted:
                    found.append((path, _url(relative)))
        return found
