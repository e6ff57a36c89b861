"""Write a plan as the Markdown file editors keep in content/plans/: a YAML header, then

    前言段落……

    ## 一、部分标题

    ### （一）小标题

    1. 条目正文……

        条目的续段（缩进四格）

Plain text is escaped so that a `*` or a leading `1.` in a paragraph stays text."""

from __future__ import annotations

import re
from typing import Any

import yaml

from congress.plans.model import Heading, Paragraph, PlanBody, PlanItem

_INLINE = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(#|>|[+-](?=\s|$)|\d+(?=[.)]))")
_ESCAPED = re.compile(r"\\([\\`*_\[\]#>+\-.)!{}()])")
INDENT = "    "


def escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(1)[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def front_matter(fields: dict[str, Any]) -> str:
    kept = {k: v for k, v in fields.items() if v is not None}
    dumped = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def body_markdown(body: PlanBody) -> str:
    chunks = [escape(p.text) for p in body.preamble]
    for part in body.parts:
        if part.heading:
            chunks.append(f"## {escape(part.heading)}")
        for block in part.blocks:
            if isinstance(block, Heading):
                chunks.append(f"### {escape(block.text)}")
            elif isinstance(block, PlanItem):
                first, *more = block.paragraphs
                chunks.append(f"{block.number}. {escape(first)}".rstrip())
                chunks += [INDENT + escape(text) for text in more]
            elif isinstance(block, Paragraph):
                chunks.append(escape(block.text))
    return "\n\n".join(chunks) + "\n"


def plan_markdown(fields: dict[str, Any], body: PlanBody) -> str:
    return front_matter(fields) + "\n" + body_markdown(body)
