"""Generated pages as MkDocs pages that skip Markdown, and outside the nav skip Material's
template too (see frames.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from congress.memory import RELEASES
from congress.render.environment import Rendered
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from congress_mkdocs.frames import TEMPLATE
from congress_mkdocs.preview import generated_file


class GeneratedPage(Page):
    """A page whose body HTML is already made: nothing to read, no Markdown to convert."""

    def __init__(
        self,
        rendered: Rendered,
        file: File,
        config: MkDocsConfig,
        *,
        in_nav: bool,
        nav_title: str | None,
    ) -> None:
        super().__init__(nav_title, file, config)
        self.dated = rendered.dated
        """The sitemap's lastmod (see sitemap_template.py)."""
        self._html = rendered.html
        # Material prints meta title and description unescaped; escape them here.
        self._meta: dict[str, Any] = {"title": str(escape(rendered.title))}
        if rendered.description:
            self._meta["description"] = str(escape(rendered.description))
        if not in_nav:
            self._meta["template"] = TEMPLATE
        if not rendered.searchable:
            self._meta["search"] = {"exclude": True}  # as Material's search plugin reads it

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self._meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # The content holds the body from now on: when a plugin changes it (reports added to a
        # deputy's page, pictures), the first version goes. A page kept by a preview is written
        # again only when it changed, and then it is a new page (see `add_pages`).
        self.content, self._html = self._html, ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()

    def release(self) -> None:
        """Forget the body once the page is written: at 50,000 pages the bodies would otherwise
        hold most of the build's memory until it ends."""
        if self.content:
            RELEASES.freed(len(self.content))
        self.content = None


def nav_titles(nav: Any) -> dict[str, str | None]:
    """Source path to title for every page mkdocs.yml's nav names."""
    return dict(_walk(nav or []))


def _walk(items: Any) -> Iterator[tuple[str, str | None]]:
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, str):
            yield item, None
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield value, title
                else:
                    yield from _walk(value)


def add_pages(config: MkDocsConfig, files: Files, pages: list[Rendered]) -> None:
    """Put each page in `files`, in place of any source file at the same path."""
    in_nav = nav_titles(config.nav)
    for rendered in pages:
        existing = files.src_uris.get(rendered.src_uri)  # already a POSIX path
        if existing is not None:
            files.remove(existing)
        # A preview rewrites the page only when `rendered` differs from the last build's.
        file = generated_file(config, rendered.src_uri, "", key=rendered)
        if file.page is None:  # else kept from the last preview build, page and all
            GeneratedPage(
                rendered,
                file,
                config,
                in_nav=rendered.src_uri in in_nav,
                nav_title=in_nav.get(rendered.src_uri),
            )
        files.append(file)
