"""Links in an article's body to Markdown files: MkDocs would turn them into page addresses in a
page it renders, but article bodies are rendered by the project and published in feeds as well,
where `2025-06-01-visit.md` is a dead link (and names a draft's file). Editors link pages by their
addresses instead."""

from __future__ import annotations

import re

from congress.articles.body_images import BODY_FIELD
from congress.problems import Problem

_LINK = re.compile(r"""(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)|\shref\s*=\s*["']([^"']+)""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")


def _to_markdown_file(target: str) -> bool:
    path = target.split("#", 1)[0].split("?", 1)[0]
    return path.lower().endswith(".md") and not _SCHEME.match(target)


def link_problems(body: str, first_line: int, display: str) -> list[Problem]:
    """Each link in `body` (whose first line is the file's `first_line`) to a .md file."""
    if ".md" not in body.lower():
        return []
    problems = []
    fenced = False
    for number, line in enumerate(body.split("\n"), first_line):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        for match in _LINK.finditer(line):
            target = match[1] or match[2]
            if _to_markdown_file(target):
                message = (
                    f"链接“{target}”指向 Markdown 文件，网站和订阅源中打不开："
                    "链接本站页面请写它的网址，如 /news/2025-03-15-visit/、/plans/2025-plan/#item-3"
                )
                column = match.start(1 if match[1] else 2) + 1
                problems.append(Problem(display, number, column, BODY_FIELD, message))
    return problems
