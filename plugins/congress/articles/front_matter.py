"""Split an article into its YAML file header and Markdown body, keeping file line numbers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from congress.problems import Problem
from congress.yaml_source import Positioned, parse_yaml

FENCE = "---"
CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Parsed:
    """The header (None when it could not be read), the body, and the file line the body starts on."""

    header: Positioned | None
    body: str
    body_line: int
    header_text: str = ""
    """The YAML between the `---` lines as written; its first line is the file's line 2."""


def _shifted(doc: Positioned, lines: int) -> Positioned:
    positions = {loc: (line + lines, col) for loc, (line, col) in doc.positions.items()}
    return Positioned(doc.path, doc.data, positions)


def parse_front_matter(text: str, path: str) -> tuple[Parsed, list[Problem]]:
    """The header starts on line 2 (after the opening `---`), so every YAML position moves one
    line down to point at the file's own line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        message = (
            "缺少文件头：文章第一行应为 ---，随后写 title、date、category 等字段，再以 --- 结束"
        )
        return Parsed(None, text, 1), [Problem(path, 1, 1, "", message)]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in CLOSERS), None)
    if end is None:
        message = "文件头没有结束：请在字段之后单独写一行 ---，再写正文"
        return Parsed(None, "", len(lines)), [Problem(path, 1, 1, "", message)]
    body = "\n".join(lines[end + 1 :])
    header = "\n".join(lines[1:end])
    doc, problems = parse_yaml(header, path)
    problems = [dataclasses.replace(p, line=p.line + 1) for p in problems]
    if doc is not None:
        doc = _shifted(doc, 1)
        if doc.data is None:
            doc.data = {}
        if not doc.positions.get(()):
            doc.positions[()] = (2, 1)
    return Parsed(doc, body, end + 2, header), problems
