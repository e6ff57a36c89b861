"""What the congress plugins share: the catalog of one build, generated pages, and static assets."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from datetime import date, datetime, time
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from congress.articles import SHANGHAI, Article, ArticleCollection, article_html, load_articles
from congress.articles.body_cache import BodyCache
from congress.catalog import Catalog, load_catalog
from congress.plans import Plan, item_numbers, load_plans
from congress.problems import Problem, Severity, has_errors, report
from congress.render.environment import Rendered
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from congress_mkdocs.frames import install, installed
from congress_mkdocs.generated_pages import GeneratedPage, add_pages, nav_titles
from congress_mkdocs.options import CatalogOptions

log = logging.getLogger("mkdocs.plugins.congress")
T = TypeVar("T")
ASSETS = {
    "assets/congress/congress.css": "congress.css",
    "assets/congress/deputy-filter.js": "deputy-filter.js",
    "assets/congress/placeholder-portrait.svg": "placeholder-portrait.svg",
}
# What one build has loaded, by name: each loader runs once however many plugins ask, and
# `mkdocs serve` makes a new config, and so loads everything afresh, for each rebuild.
_loaded: dict[str, tuple[weakref.ref[MkDocsConfig], Any]] = {}


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


def _once(config: MkDocsConfig, name: str, load: Callable[[], tuple[T, list[Problem]]]) -> T:
    """Load once per build; any error stops the build with every problem listed."""
    if name in _loaded and _loaded[name][0]() is config:
        return _loaded[name][1]  # type: ignore[no-any-return]
    value, problems = load()
    if has_errors(problems):
        raise PluginError(f"{CHECK_FAILED[name]}，网站没有生成：\n" + report(problems))
    for problem in problems:
        if problem.severity is Severity.warning:
            log.info(str(problem))
    _loaded[name] = (weakref.ref(config), value)
    return value


BODY_CACHE = ".cache/articles"
_body_caches: dict[str, BodyCache] = {}

CHECK_FAILED = {
    "catalog": "内容检查未通过",
    "plans": "工作计划检查未通过",
    "articles": "文章检查未通过",
}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def shared_catalog(config: MkDocsConfig, options: CatalogOptions) -> Catalog:
    """Everything in data/, cross-checked against the content folder."""
    root = _root(config)
    return _once(
        config,
        "catalog",
        lambda: load_catalog(
            root, today(options), data_dir=root / options.data_dir, docs_dir=Path(config.docs_dir)
        ),
    )


def shared_plans(config: MkDocsConfig) -> dict[str, Plan]:
    """Every plan under content/plans/, by slug."""
    return _once(config, "plans", lambda: load_plans(_root(config), Path(config.docs_dir)))


def shared_articles(config: MkDocsConfig, options: CatalogOptions) -> ArticleCollection:
    """Every article under content/news/, checked against the catalog and the plans. Drafts are in
    the collection; its listing methods leave them out."""
    catalog, plans = shared_catalog(config, options), shared_plans(config)
    root = _root(config)
    return _once(
        config,
        "articles",
        lambda: load_articles(
            root,
            catalog,
            content_dir=Path(config.docs_dir),
            categories_file=root / options.data_dir / "categories.yml",
            plans=item_numbers(plans),
        ),
    )


def shared_bodies(config: MkDocsConfig, options: CatalogOptions) -> Callable[[Article], str]:
    """Every article's body HTML, converted once for its page and every feed that carries it,
    and kept in .cache/articles/ so an unchanged article is never converted again."""
    collection = shared_articles(config, options)
    folder = _root(config) / BODY_CACHE
    cache = _body_caches.setdefault(str(folder), BodyCache(folder))

    def load() -> tuple[dict[Article, str], list[Problem]]:
        bodies = cache.bodies(collection)
        if cache.converted:
            log.info("文章正文：转换 %d 篇，其余沿用缓存", cache.converted)
        return bodies, []

    bodies = _once(config, "bodies", load)
    return lambda article: bodies.get(article) or article_html(article)


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


class GeneratingPlugin(BasePlugin[CatalogOptions]):
    """A plugin that turns the shared catalog into in-memory pages; subclasses say which pages
    (and may set a `config_class` with more options)."""

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
        add_pages(config, files, self.generate(catalog, config))
        for path, content in self.generate_files(catalog, config).items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.release()
        return output

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if not installed(env):  # every congress plugin gets here; the first installs
            pages = files.documentation_pages()
            in_nav = nav_titles(config.nav)
            install(env, [f.url for f in pages if f.src_uri in in_nav], [f.url for f in pages])
        return env
