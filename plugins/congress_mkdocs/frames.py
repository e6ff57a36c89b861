"""Page frames: Material's page around a generated page's body, rendered once per kind of page.

Rendering Material's main.html takes milliseconds a page, most of it the navigation. For a page
outside the nav the output differs from another's only in the title, description, canonical
link and body, and in relative links, which depend only on where the page sits. So the frame is
rendered once for each set of relative links, with markers where those four fields go, and each
page is that frame with its own values joined in."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment, pass_context
from jinja2.runtime import Context
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

TEMPLATE = "congress-frame.html"
"""The template a generated page outside the nav names in its meta."""

FIELDS = ("title", "description", "canonical", "content")
_MARK = "\x00cg-frame:{}\x00"
_SPLIT = re.compile("\x00cg-frame:([a-z]+)\x00")
# Probe links: the frame's links to these decide which pages can share a frame.
_ALWAYS_PROBED = ("", "assets/")


class _Probe:
    """The page as the frame is rendered: markers for its own values, the rest its own."""

    def __init__(self, page: Page, has_h1: bool) -> None:
        self._page = page
        self.title = _MARK.format("title")
        self.meta = {**page.meta, "title": self.title}
        if page.meta.get("description"):
            self.meta["description"] = _MARK.format("description")
        # Material adds an <h1> when the body has none; the marker carries the page's answer.
        self.content = _MARK.format("content") + ("<h1" if has_h1 else "")
        self.canonical_url = _MARK.format("canonical")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


class Frames:
    """The frames of one build, by the relative links of the pages that share them."""

    def __init__(self, env: Environment, probes: list[str]) -> None:
        self.env = env
        self.probes = probes
        self._frames: dict[tuple[Any, ...], list[str] | None] = {}

    def key(self, page: Page) -> tuple[Any, ...]:
        content = page.content or ""
        return (
            tuple(get_relative_url(p, page.url) for p in self.probes),
            "<h1" in content,
            bool(page.meta.get("description")),
            bool(page.meta.get("title")),
        )

    def render(self, context: Context) -> str:
        page = context["page"]
        key = self.key(page)
        if key not in self._frames:
            self._frames[key] = self._cut(context, page, has_h1=key[1])
        pieces = self._frames[key]
        if pieces is None:
            return self._main(context, page)
        values = {
            "title": page.meta.get("title", ""),
            "description": page.meta.get("description", ""),
            "canonical": page.canonical_url or "",
            "content": page.content or "",
        }
        return "".join(piece if i % 2 == 0 else values[piece] for i, piece in enumerate(pieces))

    def _main(self, context: Context, page: Any) -> str:
        return self.env.get_template("main.html").render({**context.get_all(), "page": page})

    def _cut(self, context: Context, page: Page, has_h1: bool) -> list[str] | None:
        """The frame split at its markers (literal, field, literal, ...), or None when a marker
        did not come through untouched, so such pages are rendered in full instead."""
        text = self._main(context, _Probe(page, has_h1))
        text = text.replace(_MARK.format("content") + "<h1", _MARK.format("content"))
        pieces = _SPLIT.split(text)
        fields = pieces[1::2]
        if "\x00" in "".join(pieces[::2]) or fields.count("content") != 1:
            return None
        if any(f not in FIELDS for f in fields):
            return None
        return pieces


def installed(env: Environment) -> bool:
    return TEMPLATE in env.globals


def install(env: Environment, nav_urls: list[str], site_urls: list[str]) -> None:
    """Make TEMPLATE available in this build's environment. `nav_urls` and `site_urls` (every
    page's URL) give the links frames may differ in."""
    tops = {u.split("/", 1)[0] + "/" for u in site_urls if "/" in u}
    probes = sorted({*_ALWAYS_PROBED, *nav_urls, *tops})
    frames = Frames(env, probes)
    env.globals[TEMPLATE] = frames
    env.globals["congress_frame"] = pass_context(lambda context: frames.render(context))
    env.loader = ChoiceLoader(
        [DictLoader({TEMPLATE: "{{ congress_frame() }}"}), env.loader]  # type: ignore[list-item]
    )
