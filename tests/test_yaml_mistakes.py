"""The mistakes editors make in YAML are told in Chinese at the line they are on, and nothing a
second key or an impossible date would hide gets through."""

from __future__ import annotations

import pytest
from congress.yaml_source import parse_yaml

DEPUTY = 'id: li-ming\nname: 李明\ngender: male\nbirth: "1970-05"\nmemberships:\n  - level: city\n    start: 2022-01-06\n'

CASES = [
    ("full-width colon", "gender: male", "gender：male", 3, "中文冒号“：”"),
    ("tab indent", "    start: 2022-01-06", "\tstart: 2022-01-06", 7, "制表符"),
    ("unclosed quote", "name: 李明", 'name: "李明', 2, '引号 " 没有在本行闭合'),
    (
        "colon and space in a value",
        "name: 李明",
        "name: 李明: 市人大代表",
        2,
        "请给整个值加英文引号",
    ),
    (
        "second key",
        "gender: male",
        "gender: male\nid: li-ming-2",
        4,
        "字段“id”写了两次（第 1 行和这一行）",
    ),
    (
        "second key in a list item",
        "    start: 2022-01-06",
        "    start: 2022-01-06\n    level: county",
        8,
        "字段“level”写了两次",
    ),
    ("impossible date", "2022-01-06", "2025-02-30", 7, "“2025-02-30”不是存在的日期"),
    ("impossible month", "2022-01-06", "2025-13-01", 7, "不是存在的日期"),
]


@pytest.mark.parametrize(("case", "old", "new", "line", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_yaml_mistake_is_told_where_it_is(
    case: str, old: str, new: str, line: int, words: str
) -> None:
    assert old in DEPUTY
    doc, problems = parse_yaml(DEPUTY.replace(old, new, 1), "data/deputies/li-ming.yml")
    assert doc is None
    (problem,) = problems
    assert problem.line == line, str(problem)
    assert words in problem.message, str(problem)
    assert not any(english in problem.message for english in ("expected", "found", "could not"))


def test_an_impossible_date_names_its_field() -> None:
    _, (problem,) = parse_yaml(DEPUTY.replace("2022-01-06", "2025-02-30"), "x.yml")
    assert problem.field == "memberships[0].start"


def test_the_good_file_reads() -> None:
    doc, problems = parse_yaml(DEPUTY, "x.yml")
    assert problems == [] and doc is not None and doc.data["gender"] == "male"


@pytest.mark.parametrize(
    ("value", "read"), [("05613012345", "05613012345"), ("0", 0), ("17", 17), ("0.5", 0.5)]
)
def test_digits_with_a_leading_zero_are_read_as_typed(value: str, read: object) -> None:
    """A phone number typed without quotes is not YAML 1.1's octal number."""
    doc, _ = parse_yaml(f"phone: {value}\n", "x.yml")
    assert doc is not None and doc.data["phone"] == read
