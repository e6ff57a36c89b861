"""Load YAML while remembering where every key sits, so a problem can name its line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from congress.problems import Problem
from congress.yaml_errors import yaml_mistake

Location = tuple[str | int, ...]


@dataclass
class Positioned:
    """A YAML document's data plus the 1-based (line, column) of each key and list item."""

    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Location) -> tuple[int, int]:
        """Position of `loc`, or of its nearest ancestor that has one (a missing key's parent)."""
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, loc: Location, message: str, **kwargs: Any) -> Problem:
        line, column = self.position(loc)
        return Problem(self.path, line, column, field_name(loc), message, **kwargs)


def field_name(loc: Location) -> str:
    """`("memberships", 0, "start")` reads as `memberships[0].start`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_INT = "tag:yaml.org,2002:int"
_LEADING_ZERO = re.compile(r"^0[0-9_]+$")


class _Constructor(yaml.constructor.SafeConstructor):
    pass


class _Refused(yaml.MarkedYAMLError):
    """A document that parses but cannot be taken as written; `problem` says why, in Chinese."""

    def __init__(self, message: str, mark: yaml.Mark, loc: Location = ()) -> None:
        super().__init__(problem=message, problem_mark=mark)
        self.mark, self.loc = mark, loc


# libyaml's parser is about ten times faster and keeps the same marks; fall back when absent.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


T = TypeVar("T")
Shared = dict[Any, Any]
"""Locations and positions met before, each kept once: thousands of files of the same layout
have the same keys at the same lines, and a catalog keeps every file's positions."""


def _kept(value: T, shared: Shared) -> T:
    """`value`, or the equal one met before."""
    return shared.setdefault(value, value)  # type: ignore[no-any-return]


def _mark(mark: yaml.Mark, shared: Shared) -> tuple[int, int]:
    return _kept((mark.line + 1, mark.column + 1), shared)


def _build(
    node: yaml.Node, loc: Location, out: Positioned, constructor: _Constructor, shared: Shared
) -> Any:
    out.positions.setdefault(loc, _mark(node.start_mark, shared))
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if isinstance(key, list | dict):
                raise yaml.constructor.ConstructorError(
                    None, None, "键不能是列表或映射", key_node.start_mark
                )
            key_loc = _kept((*loc, key), shared)
            if key in result:  # the last one would win unseen: a second `status:` can publish
                first = out.positions[key_loc][0]
                message = f"字段“{key}”写了两次（第 {first} 行和这一行），请删除其中一处"
                raise _Refused(message, key_node.start_mark)
            out.positions[key_loc] = _mark(key_node.start_mark, shared)
            result[key] = _build(value_node, key_loc, out, constructor, shared)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, _kept((*loc, i), shared), out, constructor, shared)
            for i, item in enumerate(node.value)
        ]
    if node.tag == _INT and _LEADING_ZERO.match(node.value):
        return node.value  # 05613012345 is a phone number as typed, not YAML 1.1's octal 774640869
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError:  # a date YAML recognises by its shape, such as 2025-02-30
        message = f"“{node.value}”不是存在的日期或时间，请检查月份、日期和时刻"
        raise _Refused(message, node.start_mark, loc) from None


def parse_yaml(
    text: str, path: str, shared: Shared | None = None
) -> tuple[Positioned | None, list[Problem]]:
    """Parse one YAML document. Broken YAML becomes a problem at the line the parser stopped.
    Documents parsed with the same `shared` share their equal locations and positions."""
    out = Positioned(path, None)
    try:
        node = yaml.compose(text, Loader=_LOADER)
        shared = {} if shared is None else shared
        out.data = None if node is None else _build(node, (), out, _Constructor(), shared)
    except _Refused as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        return None, [Problem(path, line, column, field_name(exc.loc), str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        line, column, message = yaml_mistake(text, exc)
        return None, [Problem(path, line, column, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "", f"YAML 格式错误：{exc}")]
    return out, []


def read_yaml(
    file: Path, display: str, shared: Shared | None = None
) -> tuple[Positioned | None, list[Problem]]:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, 1, 1, "", "文件不是 UTF-8 编码，请另存为 UTF-8")]
    return parse_yaml(text, display, shared)
