"""Split an article into its YAML file header and Markdown body, keeping file line numbers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import yaml

from congress.problems import Problem
from congress.yaml_source import Location, Positioned, field_name, parse_yaml

FENCE = "---"
CLOSERS = ("---", "...")


@dataclass(frozen=True)
class Parsed:
    """The header (None when it could not be read), the body, and the file line the body starts on."""

    header: Positioned | None
    body: str
    body_line: int


def _shifted(doc: Positioned, lines: int) -> Positioned:
    positions = {loc: (line + lines, col) for loc, (line, col) in doc.positions.items()}
    return Positioned(doc.path, doc.data, positions)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _impossible_dates(text: str, path: str) -> list[Problem]:
    """YAML reads `2025-13-45` as a date and fails with a bare ValueError; find each such value so
    the editor learns where it is instead of the build crashing."""
    constructor = yaml.constructor.SafeConstructor()
    problems: list[Problem] = []

    def walk(node: yaml.Node, loc: Location) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*loc, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*loc, i))
        elif isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP:
            try:
                constructor.construct_yaml_timestamp(node)
            except ValueError:
                mark = node.start_mark
                message = f"“{node.value}”不是存在的日期或时间，请检查月份、日期和时刻"
                problems.append(
                    Problem(path, mark.line + 1, mark.column + 1, field_name(loc), message)
                )

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return [Problem(path, 1, 1, "", "YAML 格式错误，请检查缩进、冒号和引号")]
    if root is not None:
        walk(root, ())
    return problems or [Problem(path, 1, 1, "", "YAML 中有无法读取的值")]


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
    try:
        doc, problems = parse_yaml(header, path)
    except ValueError:
        doc, problems = None, _impossible_dates(header, path)
    problems = [dataclasses.replace(p, line=p.line + 1) for p in problems]
    if doc is not None:
        doc = _shifted(doc, 1)
        if doc.data is None:
            doc.data = {}
        if not doc.positions.get(()):
            doc.positions[()] = (2, 1)
    return Parsed(doc, body, end + 2), problems
