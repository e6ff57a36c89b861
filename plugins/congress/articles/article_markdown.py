"""The Markdown an imported article is written as, and the proof that it shows as sent: bodies are
rendered as article pages render them (rendering.body_html) and read back as text."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import yaml

from congress.articles.article_text import Line
from congress.articles.loader import NEWS_DIR
from congress.articles.rendering import body_html

# Python-Markdown, with rendering.EXTENSIONS, would turn these into markup; escaped, they show as
# typed. `<` and entity-like `&` become entities, so HTML in a document is shown, never run.
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(?:[#>+\-!]|\d+(?=[.)]))")
BLOCK_TAGS = {"p", "h2"}


def escape(text: str, *, heading: bool = False) -> str:
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    if heading:
        # A heading's trailing `#`s would be taken for closing marks and dropped.
        text = text.replace("#", "\\#")
    match = _LINE_START.match(text)
    if match is None:
        return text
    end = match.end()
    return text[:end] + "\\" + text[end:] if text[0].isdigit() else "\\" + text


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1

    def handle_comment(self, data: str) -> None:
        self.tags["<!-- -->"] += 1

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def published_text(body: str) -> tuple[str, Counter[str]]:
    """What a reader sees of a Markdown body, rendered as article pages are, and its elements."""
    parser = _PageText()
    parser.feed(body_html(body, f"{NEWS_DIR}/x.md", "news/x/"))
    parser.close()
    return "".join(parser.parts), parser.tags


def lost_lines(lines: list[Line], page_text: str) -> list[Line]:
    """Source lines whose text (spaces aside) is not in `page_text` (from `published_text`), in
    order: there must be none."""
    shown = "".join(page_text.split())
    lost, at = [], 0
    for line in lines:
        found = shown.find("".join(line.text.split()), at)
        if found < 0:
            lost.append(line)
        else:
            at = found
    return lost


def front_matter(fields: dict[str, str | None]) -> str:
    out = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if key == "date":
            out.append(f"date: {value}")  # unquoted, as editors write it
        else:
            out.append(yaml.safe_dump({key: value}, allow_unicode=True, width=10**6).rstrip("\n"))
    return "\n".join([*out, "---", ""])
