"""What the congress plugins share: the catalog of one build, generated pages, and static assets."""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Callable, Hashable, Mapping
from dataclasses import fields
from datetime import date, datetime, time
from importlib.resources import files as package_files
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from congress.articles import SHANGHAI, Article, ArticleCollection, load_articles
from congress.articles.body_cache import BodyCache
from congress.articles.loader import ArticleFiles
from congress.catalog import Catalog, load_catalog
from congress.memory import give_back
from congress.plans import Plan, item_numbers, load_plans
from congress.problems import Problem, Severity, has_errors, report
from congress.render.environment import Rendered
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from congress_mkdocs.file_events import hear_edits
from congress_mkdocs.frames import install, installed
from congress_mkdocs.generated_pages import GeneratedPage, add_pages, nav_titles
from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import (
    PREVIEW,
    TEMPLATES_COMPILED,
    Deferred,
    Identity,
    drop_deferred,
    generated_file,
    tree_stats,
    write_deferred,
    write_order,
)
from congress_mkdocs.preview_problems import show_failures
from congress_mkdocs.site_folders import FOLDERS
from congress_mkdocs.sitemap_template import use_dated_sitemap

log = logging.getLogger("mkdocs.plugins.congress")
T = TypeVar("T")
ASSETS = {
    "assets/congress/congress.css": "congress.css",
    "assets/congress/deputy-filter.js": "deputy-filter.js",
    "assets/congress/placeholder-portrait.svg": "placeholder-portrait.svg",
}
# What one build has loaded, by name: each loader runs once however many plugins ask. `mkdocs
# serve` makes a new config for each rebuild; there a load is reused while its key (what it was
# loaded from) is the same.
_loaded: dict[str, tuple[weakref.ref[MkDocsConfig], Any]] = {}
_kept: dict[str, tuple[Hashable, Any]] = {}
_article_files = ArticleFiles()


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


def _once(
    config: MkDocsConfig,
    name: str,
    load: Callable[[], tuple[T, list[Problem]]],
    key: Callable[[], Hashable] | None = None,
) -> T:
    """Load once per build; any error stops the build with every problem listed. In a preview,
    the last value is kept while `key` gives the same answer."""
    if name in _loaded and _loaded[name][0]() is config:
        return _loaded[name][1]  # type: ignore[no-any-return]
    source = key() if key is not None and PREVIEW.serving else None
    if source is not None and name in _kept and _kept[name][0] == source:
        value = _kept[name][1]
    else:
        _kept.pop(name, None)
        value, problems = load()
        if has_errors(problems):
            raise PluginError(f"{CHECK_FAILED[name]}，网站没有生成：\n" + report(problems))
        for problem in problems:
            if problem.severity is Severity.warning:
                log.info(str(problem))
        if source is not None:
            _kept[name] = (source, value)
    _loaded[name] = (weakref.ref(config), value)
    return value


BODY_CACHE = ".cache/articles"
_body_caches: dict[str, BodyCache] = {}

CHECK_FAILED = {
    "catalog": "内容检查未通过",
    "plans": "工作计划检查未通过",
    "articles": "文章检查未通过",
}


def config_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, always absolute: `mkdocs serve -f site/mkdocs.yml` gives the
    first build the path as typed and every rebuild an absolute one, and a kept result checked
    against the other spelling would be thrown away."""
    return Path(os.path.abspath(config.config_file_path)).parent


def _is_text(path: str) -> bool:
    """Articles and plans, which have loaders of their own; not pages, photos or attachments."""
    return path.endswith(".md") and path.startswith(("news/", "plans/"))


def _docs_files(config: MkDocsConfig) -> tuple[Any, ...]:
    return _once(config, "docs", lambda: (tree_stats(Path(config.docs_dir), _is_text), []))


def shared_catalog(config: MkDocsConfig, options: CatalogOptions) -> Catalog:
    """Everything in data/, cross-checked against the content folder."""
    root = config_root(config)
    data = root / options.data_dir
    return _once(
        config,
        "catalog",
        lambda: load_catalog(root, today(options), data_dir=data, docs_dir=Path(config.docs_dir)),
        key=lambda: (tree_stats(data), _docs_files(config), today(options)),
    )


def shared_plans(config: MkDocsConfig) -> dict[str, Plan]:
    """Every published plan under content/plans/, by slug; drafts too when the articles plugin
    previews drafts (`make serve-drafts`)."""
    folder = Path(config.docs_dir) / "plans"
    articles = config.plugins.get("congress-articles")
    drafts = bool(articles is not None and articles.config.get("drafts"))
    return _once(
        config,
        "plans",
        lambda: load_plans(config_root(config), Path(config.docs_dir), drafts=drafts),
        key=lambda: tree_stats(folder),
    )


def shared_articles(config: MkDocsConfig, options: CatalogOptions) -> ArticleCollection:
    """Every article under content/news/, checked against the catalog and the plans. Drafts are in
    the collection; its listing methods leave them out."""
    catalog, plans = shared_catalog(config, options), shared_plans(config)
    root = config_root(config)
    categories = root / options.data_dir / "categories.yml"
    return _once(
        config,
        "articles",
        lambda: load_articles(
            root,
            catalog,
            content_dir=Path(config.docs_dir),
            categories_file=categories,
            plans=item_numbers(plans),
            kept=_article_files if PREVIEW.serving else None,
        ),
        key=lambda: (
            Identity(catalog),
            Identity(plans),
            tree_stats(Path(config.docs_dir) / "news"),
            tree_stats(categories.parent, lambda path: path != categories.name),
        ),
    )


def article_list_key(config: MkDocsConfig, options: CatalogOptions, moment: datetime) -> Hashable:
    """What every list, feed choice and cross-link of articles is made from: each article's facts
    but not its body, and which are public now. Equal keys give equal lists; an edit to the body
    alone leaves the key as it was."""
    collection = shared_articles(config, options)

    def key() -> tuple[Hashable, list[Problem]]:
        facts = tuple(_facts(a) for a in collection)
        return (facts, tuple(a.url for a in collection.public(moment))), []

    return _once(config, "article lists", key)


_facts = attrgetter(*(f.name for f in fields(Article) if f.name != "body"))


def shared_bodies(config: MkDocsConfig, options: CatalogOptions) -> BodyCache:
    """Every article's body HTML, converted once for its page and every feed that carries it,
    and kept in .cache/articles/ so an unchanged article is never converted again. A build reads
    each body from there as its page or feed is made; a preview keeps them in memory."""
    collection = shared_articles(config, options)
    folder = config_root(config) / BODY_CACHE
    cache = _body_caches.get(str(folder))
    if cache is None or cache.remember != PREVIEW.serving:
        cache = _body_caches[str(folder)] = BodyCache(folder, remember=PREVIEW.serving)

    def load() -> tuple[BodyCache, list[Problem]]:
        cache.prepare(collection)
        if cache.converted:
            log.info("文章正文：转换 %d 篇，其余沿用缓存", cache.converted)
        return cache, []

    return _once(config, "bodies", load, key=lambda: Identity(collection))


def site_url(config: MkDocsConfig) -> str:
    """The absolute base URL every feed, QR code and open-data link needs."""
    if not config.site_url:
        raise PluginError("mkdocs.yml 缺少 site_url：订阅源、二维码和公开数据需要网站的完整地址")
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


def add_assets(config: MkDocsConfig, assets: Mapping[str, str] = ASSETS) -> None:
    """Links every page to the stylesheets and scripts among `assets` (site path to file name)."""
    for path in assets:
        if path.endswith(".css") and path not in config.extra_css:
            config.extra_css.append(path)
        if path.endswith(".js") and path not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(path)


def add_asset_files(config: MkDocsConfig, files: Files, assets: Mapping[str, str] = ASSETS) -> None:
    """Publishes `assets` from congress/render/assets/, unless the site has its own file there."""
    for path, name in assets.items():
        if files.get_file_from_path(path) is None:
            content = (package_files("congress.render") / "assets" / name).read_bytes()
            files.append(generated_file(config, path, content))


def _settings(config: MkDocsConfig) -> bytes:
    """mkdocs.yml as it is now, read once per build for every key that depends on it."""
    return _once(config, "settings", lambda: (Path(config.config_file_path).read_bytes(), []))


def shown_everywhere(config: MkDocsConfig, options: CatalogOptions) -> Hashable:
    """What pages show besides their own content: the settings, the theme's overrides, the nav's
    pages and the photos, the directories, the plans and the article lists (latest news, links
    to reports). A preview rebuilds every page when any of it changed."""
    theme = config.theme.custom_dir
    return (
        _settings(config),
        config.site_dir,
        tree_stats(Path(theme)) if theme else (),
        _docs_files(config),
        Identity(shared_catalog(config, options)),
        Identity(shared_plans(config)),
        article_list_key(config, options, now(options)),
    )


class GeneratingPlugin(BasePlugin[CatalogOptions]):
    """A plugin that turns the shared catalog into in-memory pages; subclasses say which pages
    (and may set a `config_class` with more options)."""

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        raise NotImplementedError

    def generate_files(
        self, catalog: Catalog, config: MkDocsConfig
    ) -> Mapping[str, bytes | Deferred]:
        """Files other than pages (data, feeds), by site path."""
        return {}

    def inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        """What `generate` and `generate_files` make their output from: in a preview, equal
        inputs reuse the last output. None: always generate (the subclass keeps its own)."""
        return _settings(config), Identity(catalog)

    def list_inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        """In a preview, `inputs` and the article lists (see `article_list_key`), for pages made
        from the lists; None in a build, which keeps nothing."""
        if not PREVIEW.serving:
            return None
        return GeneratingPlugin.inputs(self, catalog, config), article_list_key(
            config, self.config, now(self.config)
        )

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this keeps the plugin, and what it generated, across `mkdocs serve` rebuilds.
        PREVIEW.start(command=command, dirty=dirty)
        self._made: tuple[Hashable, list[Rendered], Mapping[str, bytes | Deferred]] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_assets(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs empties site/ right after this event: check content first, so a content error
        # leaves the previously published site as it was.
        shared_catalog(config, self.config)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """`mkdocs serve` watches docs/ and mkdocs.yml only: data/ edits must refresh too. Folders
        are watched by kernel events where they can be (see file_events.py), and a failed rebuild
        is shown in the browser (see preview_problems.py)."""
        server.watch(str(config_root(config) / self.config.data_dir))
        hear_edits(server)
        show_failures(server)
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        catalog = shared_catalog(config, self.config)
        PREVIEW.begin(config, lambda: shown_everywhere(config, self.config))
        add_asset_files(config, files)
        key = self.inputs(catalog, config) if PREVIEW.serving else None
        made = getattr(self, "_made", None)
        if key is not None and made is not None and made[0] == key:
            pages, extra = made[1], made[2]
        else:
            pages, extra = self.generate(catalog, config), self.generate_files(catalog, config)
            self._made = (key, pages, extra) if key is not None else None
        add_pages(config, files, pages)
        for path, content in extra.items():
            files.append(generated_file(config, path, content))
        return files

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        PREVIEW.note(config, files)
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_deferred()
        FOLDERS.wait()
        if PREVIEW.finish(config):  # every congress plugin gets here; the first gives back
            give_back()  # the pages written since the last time, while drawing and Pagefind go on

    def on_build_error(self, *, error: Exception) -> None:
        drop_deferred()
        PREVIEW.reset()
        FOLDERS.wait()

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.release()
        return output

    # After the other plugins' checks (the images plugin stops a build with bad photos here), so
    # that a build they stop has made nothing in site/, not even its folders.
    @event_priority(-100)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if not installed(env):  # every congress plugin gets here; the first installs
            if PREVIEW.serving:
                env.bytecode_cache = TEMPLATES_COMPILED
            if PREVIEW.same_context:
                # Nothing was added or removed: the sitemap (of every page) is the one on disk.
                config.theme.static_templates.discard("sitemap.xml")
            pages = files.documentation_pages()
            if not PREVIEW.serving:  # a preview writes few files, into folders already there
                in_order = sorted(files, key=write_order)  # as they will be written
                FOLDERS.start(file.abs_dest_path for file in in_order)
            in_nav = nav_titles(config.nav)
            install(env, [f.url for f in pages if f.src_uri in in_nav], [f.url for f in pages])
            use_dated_sitemap(env, config)
            give_back()  # what reading the content left behind, before the pages are written
        return env
