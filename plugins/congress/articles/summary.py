"""A plain-text summary from the body's first paragraph, for lists, feeds and search results."""

from __future__ import annotations

import html
import re

SUMMARY_LENGTH = 120

_SKIP = re.compile(r"^\s*(#|!\[|<|```|~~~|\||[-*_]{3,}\s*$|>|\{:|\[[^\]]+\]:|!!!|\?\?\?)")
_IMAGE = re.compile(r"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])")
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`|~~)")
_LIST_MARK = re.compile(r"^\s*([-*+]|\d+[.)])\s+")
# Python-Markdown's backslash escapes: each shows its character as typed. They are set aside in
# the private-use area while the marks are removed, so that `\*` or `1\.` is not taken for one.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_SET_ASIDE = re.compile("[\ue000-\ue07f]")


def plain_text(markdown: str) -> str:
    """Markdown inline syntax removed, whitespace collapsed (Chinese needs no spaces at line joins)."""
    text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m[1])), markdown)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _EMPHASIS.sub("", text)
    lines = [_LIST_MARK.sub("", line).strip() for line in text.split("\n")]
    joined = ""
    for line in filter(None, lines):
        ascii_join = joined and joined[-1].isascii() and line[0].isascii()
        joined += (" " if ascii_join else "") + line
    joined = _SET_ASIDE.sub(lambda m: chr(ord(m[0]) - 0xE000), joined)
    return html.unescape(re.sub(r"\s+", " ", joined)).strip()


def _without_code(body: str) -> str:
    out, fence = [], ""
    for line in body.replace("\r\n", "\n").split("\n"):
        mark = line.lstrip()[:3]
        if mark in ("```", "~~~") and (not fence or mark == fence):
            fence = "" if fence else mark
            out.append("")
        else:
            out.append("" if fence else line)
    return "\n".join(out)


def first_paragraph(body: str) -> str:
    """The first block of prose: headings, images, HTML, tables, quotes and code are skipped."""
    for block in re.split(r"\n\s*\n", _without_code(body)):
        stripped = block.strip()
        if not stripped or _SKIP.match(stripped):
            continue
        text = plain_text(stripped)
        if text:
            return text
    return ""


def derive_summary(body: str, fallback: str, length: int = SUMMARY_LENGTH) -> str:
    text = first_paragraph(body) or fallback
    if len(text) <= length:
        return text
    cut = text[:length]
    # End at the last full stop in the second half when there is one, else cut and mark it.
    stop = max(cut.rfind(mark) for mark in "。！？；")
    return cut[: stop + 1] if stop >= length // 2 else cut.rstrip("，、：；,; ") + "…"
