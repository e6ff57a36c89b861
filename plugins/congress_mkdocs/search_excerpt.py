"""What of a written page Pagefind is given: the part of it a visitor would search."""

from __future__ import annotations

import re

_SIMPLE_SELECTOR = re.compile(r"([A-Za-z][A-Za-z0-9-]*)((?:\.[\w-]+)*)")
_CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_HTML_TAG = re.compile(r"<html(?=[\s>])[^>]*>", re.I)


class Excerpt:
    """What Pagefind needs of a page when a root selector is set: the `<html>` tag (for the
    language), the `<title>` and everything from the root element's start tag to the last end tag
    of its kind. Outside the root element Pagefind reads only the `<html>` tag; the navigation
    before it and the footer after it, four fifths of a Material page, would be written, parsed
    and thrown away. A selector more complex than `tag.class.class` keeps the whole page."""

    def __init__(self, root_selector: str) -> None:
        simple = _SIMPLE_SELECTOR.fullmatch(root_selector.strip())
        self.tag = simple.group(1).lower() if simple else ""
        self.classes = frozenset(simple.group(2).split(".")[1:]) if simple else frozenset()
        self.start = re.compile(rf"<{self.tag}(?=[\s/>])[^>]*>", re.I) if simple else None

    def __call__(self, html: str) -> str:
        if self.start is None:
            return html
        for tag in self.start.finditer(html):
            attribute = _CLASS_ATTRIBUTE.search(tag.group())
            value = next(filter(None, attribute.groups()), "") if attribute else ""
            if self.classes <= set(value.split()):
                return self._cut(html, tag.start())
        return html

    def _cut(self, html: str, start: int) -> str:
        opening = _HTML_TAG.search(html, 0, start)
        end = html.rfind(f"</{self.tag}", start)
        if opening is None or end < 0:
            return html
        title_start = html.find("<title", 0, start)
        title_end = html.find("</title>", title_start, start) if title_start >= 0 else -1
        title = html[title_start : title_end + len("</title>")] if title_end >= 0 else ""
        end = html.find(">", end) + 1 or len(html)
        return f"<!DOCTYPE html>{opening.group()}<head>{title}</head><body>{html[start:end]}</body></html>"
