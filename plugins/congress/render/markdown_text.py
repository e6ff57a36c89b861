"""Markdown written by editors in data files (biographies, descriptions), rendered with raw HTML off:
a `<script>` typed into a biography is shown as text, never run."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(https?:|mailto:|tel:|[^:]*$)", re.IGNORECASE)


class _DropUnsafeLinks(Treeprocessor):
    """`[x](javascript:…)` keeps its text and loses its link."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None and not _SAFE_URL.match(value.strip()):
                    del element.attrib[attr]


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)
    return md


_MD = _markdown()


def markdown_to_html(text: str) -> str:
    _MD.reset()
    return _MD.convert(text or "")
