"""Broken YAML told in an editor's words, at the line the mistake is on.

libyaml reports in English where it gave up, which is often a line or more after the mistake: a
full-width colon is found missing on the next line, an unclosed quote at the next quote. The usual
mistakes of editors who type Chinese are looked for in the text first."""

from __future__ import annotations

import re

import yaml

# A key followed by a full-width colon, as a Chinese input method types it.
_FULL_WIDTH_COLON = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：")
_TAB_INDENT = re.compile(r"^ *\t")
# A value that opens a quote and never closes it on its line.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w-]+\s*:\s+(["'])(?:(?!\1).)*$""")

_PLAIN_WORDS = (
    ("could not find expected ':'", "缺少英文冒号“:”：字段名和值之间应为英文冒号加空格"),
    ("found a tab character", "用了制表符（Tab）缩进，请改用空格"),
    (
        "found character that cannot start any token",
        "有不能出现在此处的字符（如 Tab、@、`），请改用空格或给值加引号",
    ),
    ("mapping values are not allowed", "值中含有“: ”（冒号加空格），请给整个值加英文引号"),
    ("found unexpected end of stream", "引号没有闭合"),
    (
        "did not find expected key",
        "缩进不一致，或引号、方括号没有闭合；值以 [ 开头时请给整个值加引号",
    ),
    ("expected <block end>", "缩进不一致：同一层的字段应左对齐"),
    ("did not find expected ',' or ']'", "方括号列表没有闭合，或列表项之间应为英文逗号"),
    ("found duplicate anchor", "锚点 & 重复"),
    ("found undefined alias", "引用了未定义的锚点 *"),
)


def _typed_mistake(text: str) -> tuple[int, int, str] | None:
    for number, line in enumerate(text.split("\n"), 1):
        if _TAB_INDENT.match(line):
            return number, line.index("\t") + 1, "YAML 格式错误：用了制表符（Tab）缩进，请改用空格"
        if _FULL_WIDTH_COLON.match(line):
            message = "YAML 格式错误：字段名后用了中文冒号“：”，请改为英文冒号“:”，后面加一个空格"
            return number, line.index("：") + 1, message
        if (match := _OPEN_QUOTE.match(line)) is not None:
            return number, match.start(1) + 1, f"YAML 格式错误：引号 {match[1]} 没有在本行闭合"
    return None


def yaml_mistake(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """The line, column and Chinese words for a document libyaml could not read."""
    found = _typed_mistake(text)
    if found is not None:
        return found
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = error.problem or error.context or ""
    words = next((plain for english, plain in _PLAIN_WORDS if english in detail), None)
    if words is None:
        words = f"无法解析（{detail}），请检查缩进、冒号和引号" if detail else "无法解析"
    return line, column, f"YAML 格式错误：{words}"
