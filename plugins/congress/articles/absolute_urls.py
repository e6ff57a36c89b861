"""Rewrite the URLs inside an HTML fragment. A feed item is read far from the site, so every link and
image in it must be absolute; only attribute values change, the rest of the markup is kept as is."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "action", "longdesc", "data"})
# Where none of these is followed by "=", no tag has an attribute to rewrite. HTMLParser reads an
# attribute only after white space, "/" or a quote; starting there, the search skips the text
# between tags six times faster than one that tries every name at every character.
_MAY_HOLD_URL = re.compile(
    rf"[\s/\"'](?:{'|'.join(sorted(URL_ATTRIBUTES | {'srcset'}))})\s*=", re.I
)


class _Rewriter(HTMLParser):
    def __init__(self, rewrite: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=False)
        self.rewrite = rewrite
        self.out: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        original = self.get_starttag_text() or ""
        if not any(name in URL_ATTRIBUTES or name == "srcset" for name, _ in attrs):
            self.out.append(original)
            return
        parts = [tag]
        for name, value in attrs:
            if value is None:
                parts.append(name)
                continue
            if name in URL_ATTRIBUTES:
                value = self.rewrite(value.strip())
            elif name == "srcset":
                value = _rewrite_srcset(value, self.rewrite)
            parts.append(f'{name}="{html.escape(value, quote=True)}"')
        self.out.append("<" + " ".join(parts) + close)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " />")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def _rewrite_srcset(value: str, rewrite: Callable[[str], str]) -> str:
    candidates = []
    for candidate in value.split(","):
        url, *descriptor = candidate.split()
        candidates.append(" ".join([rewrite(url), *descriptor]))
    return ", ".join(candidates)


def rewrite_urls(fragment: str, rewrite: Callable[[str], str]) -> str:
    if not _MAY_HOLD_URL.search(fragment):
        return fragment  # most reports link nowhere; parsing one costs a third of a millisecond
    parser = _Rewriter(rewrite)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out) + parser.rawdata


def absolutize(fragment: str, base_url: str) -> str:
    """Every relative URL resolved against `base_url` (the page the fragment was written for)."""
    return rewrite_urls(fragment, lambda url: urljoin(base_url, url))


def relocate(fragment: str, from_path: str, to_url: str) -> str:
    """Relative URLs written for the Markdown file at `from_path` (relative to content/, e.g.
    `news/a.md`) made relative to the page at `to_url` (e.g. `news/a-slug/`), as MkDocs does for
    the pages it renders. Use it when rendering an article without MkDocs."""
    source_dir = posixpath.dirname(from_path)
    page_dir = to_url.rstrip("/")

    def move(url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path:
            return url
        target = posixpath.normpath(posixpath.join(source_dir, parts.path))
        moved = posixpath.relpath(target, page_dir or ".")
        if parts.path.endswith("/"):
            moved += "/"
        suffix = (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else ""
        )
        return moved + suffix

    return rewrite_urls(fragment, move)
