"""Finding `<img>` tags in a page's HTML and where their `src` points on the site."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_IMG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ATTR = re.compile(
    r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.IGNORECASE
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class ImgTag:
    start: int
    end: int
    attrs: dict[str, str]


def find_img_tags(text: str) -> list[ImgTag]:
    tags = []
    for match in _IMG.finditer(text):
        inner = match.group(0)[4:].rstrip(">").rstrip("/")
        attrs: dict[str, str] = {}
        for name, dq, sq, bare in _ATTR.findall(inner):
            value = dq if dq or not (sq or bare) else (sq or bare)
            attrs.setdefault(name.lower(), html.unescape(value))
        tags.append(ImgTag(match.start(), match.end(), attrs))
    return tags


def is_external(src: str) -> bool:
    return src.startswith("//") or bool(_SCHEME.match(src))


def site_path(page_url: str, src: str) -> str | None:
    """The site path (`images/news/a.jpg`) an `<img src>` on the page at `page_url` loads, or None
    when it is absolute or climbs above the site's root. Query and fragment are dropped, %-escapes decoded."""
    path = unquote(src.split("#", 1)[0].split("?", 1)[0])
    if path.startswith("/"):
        return None  # absolute: not a reference into the content folder
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined in (".", "..") or joined.startswith("../"):
        return None
    return joined


def relative_url(page_url: str, target: str) -> str:
    """Link from the page at `page_url` (`news/a/` or `news/a.html`) to the site path `target`."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(target, folder or ".")


def insert_into_head(page_html: str, fragment: str) -> str:
    """`fragment` placed just before `</head>` (or at the top when the page has no head)."""
    index = page_html.lower().find("</head>")
    if index < 0:
        return fragment + page_html
    return page_html[:index] + fragment + page_html[index:]
