"""`congress-images`: photos published only as processed copies (no EXIF, no GPS), `<picture>` with
renditions on every page, QR codes and A5 plaques on deputy and station pages, share cards.

List it after every plugin that generates pages: they set their pages' HTML in their own
on_page_content, and this plugin must see that HTML. Plaques and cards are drawn in the
background from the moment their page is read; the build's end waits for the last of them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from html import unescape
from pathlib import Path
from typing import Any

from congress.images import FontNotFoundError
from congress.images.drawings import Drawing, DrawingPool
from congress.images.html_tags import insert_into_head
from congress.images.sharing import (
    CARD_NAME,
    PLAQUE_NAME,
    QR_NAME,
    DataPage,
    card_drawing,
    data_pages,
    fill_qr_slot,
    is_article_url,
    plaque_drawing,
    qr_drawing,
    social_meta,
)
from congress.images.site_images import PageSource, SiteImages
from congress.problems import report
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from congress_mkdocs.cached_files import CachedFile, cached_file, publish_later
from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import PREVIEW
from congress_mkdocs.shared import config_root, shared_catalog, site_url

log = logging.getLogger("mkdocs.plugins.congress.images")


class ImagesConfig(CatalogOptions):
    cache_dir = c.Type(str, default=".cache/images")
    """Rendition cache, relative to mkdocs.yml; outside site/, so it survives every build."""

    max_workers = c.Optional(c.Type(int))
    """Processes for image work; default one per CPU core."""


class ImagesPlugin(BasePlugin[ImagesConfig]):
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.root = config_root(config)
        self.cache = self.root / self.config.cache_dir
        self.pool = DrawingPool(self.cache, max_workers=self.config.max_workers)
        self.drawings: dict[str, str] = {}  # site path -> the drawing's file in the cache
        self.data_pages = data_pages(shared_catalog(config, self.config))
        self.base = site_url(config)
        if not PREVIEW.serving:
            # A province's first build draws tens of thousands of plaques and cards: those of
            # deputies and stations are known from the catalog, and drawn while articles are
            # read and pages made. (A preview draws only what the pages it rebuilds show.)
            for url, info in self.data_pages.items():
                self._draw(self._drawings(url, info, config.site_name, info.title, info.category))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        docs = Path(config.docs_dir)
        self.site = SiteImages(docs, self.cache, self.config.max_workers)
        self.later: list[CachedFile] = []  # drawings published once drawn
        self.meta: dict[str, Callable[[], str]] = {}  # page url -> tags for its <head>
        self.photos: dict[str, File] = {}
        for file in list(files):
            if file.generated_by or not file.abs_src_path:
                continue
            if Path(file.abs_src_path).is_relative_to(docs) and self.site.adopt(file.src_uri):
                files.remove(file)  # the original (with its EXIF) never reaches site/
                if file.src_uri in self.site.sources:
                    # Points at the web copy once on_env has made it.
                    stub = cached_file(config, file.src_uri, file.abs_src_path)
                    self.photos[file.src_uri] = stub
                    files.append(stub)
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        url, name = page.url, config.site_name
        info = self.data_pages.get(url)
        title = unescape(str(page.meta.get("title") or page.title or ""))
        category = page.meta.get("category_name")
        if info is not None:
            title, category = info.title, info.category
        self.site.collect(
            url,
            html,
            PageSource.locate(
                self.root,
                page.file.abs_src_path or page.meta.get("source_path"),
                page.file.src_uri,
                info.photo if info else None,
            ),
            lambda path: files.get_file_from_path(path) is not None,
        )
        if info is not None or (category and is_article_url(url)):
            drawings = self._drawings(url, info, name, title, unescape(str(category)))
            if info is not None:
                html = fill_qr_slot(html, drawings[url + QR_NAME])
            self._draw(drawings)
            description = page.meta.get("description") or config.site_description or ""
            # Made as the page is written: held for every page at once, the tags of a
            # province's site would take tens of megabytes.
            self.meta[url] = partial(
                social_meta,
                title=title,
                description=unescape(str(description)),
                page_url=self.base + url,
                image_url=self.base + url + CARD_NAME,
                og_type=info.og_type if info else "article",
                site_name=name,
            )
        return html

    def _drawings(
        self, url: str, info: DataPage | None, site_name: str, title: str, category: str
    ) -> dict[str, Drawing]:
        """What a page shows that is drawn, by site path: a deputy's or station's code and
        plaque, and every such page's and article's share card."""
        drawings = {}
        if info is not None:
            drawings[url + QR_NAME] = qr_drawing(self.base + url, info.title)
            drawings[url + PLAQUE_NAME] = plaque_drawing(info, self.base + url, site_name)
        drawings[url + CARD_NAME] = card_drawing(site_name, title, category)
        return drawings

    def _draw(self, drawings: dict[str, Drawing]) -> None:
        try:
            # Together: a plaque and its page's code are drawn in one go, the code made once.
            self.drawings.update(zip(drawings, self.pool.add(*drawings.values()), strict=True))
        except FontNotFoundError as error:
            raise PluginError(str(error)) from None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.site.process()
        if self.site.problems:
            raise PluginError("图片检查未通过，网站没有生成：\n" + report(self.site.problems))
        for uri, stub in self.photos.items():
            stub.abs_src_path = str(self.site.copies[uri])
        for path, cached in self.site.renditions().items():
            files.append(cached_file(config, path, str(cached)))
        documentation = files.documentation_pages()
        pages = {file.url for file in documentation}
        for path, drawn in self.drawings.items():
            if path[: path.rindex("/") + 1] in pages:  # drawn ahead for a page the site has
                files.append(cached_file(config, path, drawn, later=self.later))
        for file in documentation:
            page = file.page
            if page is not None and page.content:
                page.content = self.site.rewrite(page.url, page.content)
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        tags = self.meta.pop(page.url, None)
        return insert_into_head(output, tags()) if tags else output

    # After the search plugin has started indexing the last part of the site: both go on in
    # the background, and neither should wait for the other to start.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self.pool.finish()
        except Exception as error:  # a full disk, a worker the system stopped
            raise PluginError(f"二维码牌和分享图绘制失败：{error}") from error
        publish_later(self.later)
        stats = self.drawing_stats = self.pool.stats
        log.info(
            "图片：处理 %d 张，沿用缓存 %d 张；二维码牌和分享图：新绘 %d 张，沿用 %d 张",
            self.site.processed,
            self.site.pipeline.stats.reused,
            stats.drawn,
            stats.reused,
        )

    def on_build_error(self, *, error: Exception) -> None:
        pool = getattr(self, "pool", None)
        if pool is not None:
            pool.close()
