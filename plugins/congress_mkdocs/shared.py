"""What the congress plugins share: the catalog of one build, generated pages, and static assets."""

from __future__ import annotations

import logging
import weakref
from datetime import date, datetime, time
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from congress.articles import SHANGHAI, Article, ArticleCollection, article_html, load_articles
from congress.catalog import Catalog, load_catalog
from congress.plans import load_plans
from congress.problems import Severity, has_errors, report
from congress.render.environment import Rendered
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from congress_mkdocs.options import CatalogOptions

log = logging.getLogger("mkdocs.plugins.congress")
ASSETS = {
    "assets/congress/congress.css": "congress.css",
    "assets/congress/deputy-filter.js": "deputy-filter.js",
    "assets/congress/placeholder-portrait.svg": "placeholder-portrait.svg",
}
_last: tuple[weakref.ref[MkDocsConfig], Catalog] | None = None
_last_articles: tuple[weakref.ref[MkDocsConfig], ArticleCollection] | None = None


def today(options: CatalogOptions) -> date:
    if options.today:
        return date.fromisoformat(options.today)
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def now(options: CatalogOptions) -> datetime:
    """The moment that decides what is published: with `today` set, the last second of that day in
    Beijing time, so a pinned build is reproducible; otherwise the clock."""
    if options.today:
        return datetime.combine(today(options), time(23, 59, 59), tzinfo=SHANGHAI)
    return datetime.now(SHANGHAI)


def shared_catalog(config: MkDocsConfig, options: CatalogOptions) -> Catalog:
    """The catalog for this build, loaded once however many plugins ask. Any error stops the build
    with every problem listed; `mkdocs serve` reloads the config, and so the catalog, per rebuild."""
    global _last
    if _last is not None and _last[0]() is config:
        return _last[1]
    root = Path(config.config_file_path).parent
    catalog, problems = load_catalog(
        root, today(options), data_dir=root / options.data_dir, docs_dir=Path(config.docs_dir)
    )
    if has_errors(problems):
        raise PluginError("内容检查未通过，网站没有生成：\n" + report(problems))
    for problem in problems:
        if problem.severity is Severity.warning:
            log.info(str(problem))
    _last = (weakref.ref(config), catalog)
    return catalog


def shared_articles(config: MkDocsConfig, options: CatalogOptions) -> ArticleCollection:
    """Every article under content/news/, checked against the catalog and loaded once per build,
    like the catalog. Drafts are in the collection; its listing methods leave them out."""
    global _last_articles
    if _last_articles is not None and _last_articles[0]() is config:
        return _last_articles[1]
    catalog = shared_catalog(config, options)
    root = Path(config.config_file_path).parent
    # Plan problems are the plans plugin's to report; here plans only say which items exist.
    plans, _ = load_plans(root, Path(config.docs_dir))
    collection, problems = load_articles(
        root,
        catalog,
        content_dir=Path(config.docs_dir),
        categories_file=root / options.data_dir / "categories.yml",
        plans={slug: {item.number for item in plan.items} for slug, plan in plans.items()},
    )
    if has_errors(problems):
        raise PluginError("文章检查未通过，网站没有生成：\n" + report(problems))
    for problem in problems:
        log.info(str(problem))
    _last_articles = (weakref.ref(config), collection)
    return collection


@lru_cache(maxsize=65536)
def article_body(article: Article) -> str:
    """An article's body HTML, converted once for its page and every feed that carries it; an
    unchanged article is not converted again when `mkdocs serve` rebuilds."""
    return article_html(article)


def site_url(config: MkDocsConfig) -> str:
    """The absolute base URL every feed, QR code and open-data link needs."""
    if not config.site_url:
        raise PluginError("mkdocs.yml 缺少 site_url：订阅源、二维码和公开数据需要网站的完整地址")
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


def add_assets(config: MkDocsConfig) -> None:
    for path in ASSETS:
        if path.endswith(".css") and path not in config.extra_css:
            config.extra_css.append(path)
        if path.endswith(".js") and path not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(path)


def add_asset_files(config: MkDocsConfig, files: Files) -> None:
    for path, name in ASSETS.items():
        if files.get_file_from_path(path) is None:
            content = (package_files("congress.render") / "assets" / name).read_bytes()
            files.append(File.generated(config, path, content=content))


class GeneratedPages:
    """In-memory pages: MkDocs gets a stub with the title, and the body HTML replaces its content,
    so generated pages skip Markdown entirely."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}

    def add(self, config: MkDocsConfig, files: Files, pages: list[Rendered]) -> None:
        self._html = {}
        for page in pages:
            # Material prints meta title and description unescaped; escape them here.
            meta = {"title": str(escape(page.title))}
            if page.description:
                meta["description"] = str(escape(page.description))
            stub = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=stub))
            self._html[page.src_uri] = page.html

    def content(self, page: Page, html: str) -> str:
        return self._html.get(page.file.src_uri, html)


class GeneratingPlugin(BasePlugin[CatalogOptions]):
    """A plugin that turns the shared catalog into in-memory pages; subclasses say which pages
    (and may set a `config_class` with more options)."""

    def __init__(self) -> None:
        self.pages = GeneratedPages()

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        raise NotImplementedError

    def generate_files(self, catalog: Catalog, config: MkDocsConfig) -> dict[str, bytes]:
        """Files other than pages (data, feeds), by site path."""
        return {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_assets(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs empties site/ right after this event: check content first, so a content error
        # leaves the previously published site as it was.
        shared_catalog(config, self.config)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """`mkdocs serve` watches docs/ and mkdocs.yml only; data/ edits must refresh too."""
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        catalog = shared_catalog(config, self.config)
        add_asset_files(config, files)
        self.pages.add(config, files, self.generate(catalog, config))
        for path, content in self.generate_files(catalog, config).items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_content(self, html: str, /, *, page: Page, **kwargs: Any) -> str:
        return self.pages.content(page, html)
