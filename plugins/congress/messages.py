"""Pydantic's validation errors, retold in Chinese with the field's own hint."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from congress.problems import Problem
from congress.vocab import LabelledEnum
from congress.yaml_source import Location, Positioned

T = TypeVar("T")

_SIMPLE = {
    "missing": "缺少必填字段",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期",
    "date_parsing": "应为日期",
    "date_from_datetime_parsing": "应为日期",
    "date_from_datetime_inexact": "应为日期（不含时间）",
    "list_type": "应为列表（每项单独一行，以“- ”开头）",
    "model_type": "应为若干“字段: 值”组成的映射",
    "dict_type": "应为若干“字段: 值”组成的映射",
    "model_attributes_type": "应为若干“字段: 值”组成的映射",
}
# Told after a date's kind of error unless the field's own hint gives an example already.
_DATE_EXAMPLE = "，格式如 2023-01-15"


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _unwrap(annotation: Any) -> list[Any]:
    """The classes an annotation may hold: `list[Membership] | None` gives `[Membership]`."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list):
        return [c for arg in typing.get_args(annotation) for c in _unwrap(arg)]
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return [annotation]


def field_class(info: Any, kind: type[T]) -> type[T] | None:
    """The first subclass of `kind` a field (a FieldInfo, or None) may hold: a nested model, an
    enum."""
    for c in _unwrap(info.annotation) if info else []:
        if isinstance(c, type) and issubclass(c, kind):
            return c
    return None


def _field_at(model: type[BaseModel], loc: Location) -> tuple[type[BaseModel] | None, Any]:
    """The model that owns the last key of `loc`, and that key's FieldInfo (None for an unknown key)."""
    owner: type[BaseModel] | None = model
    parent: type[BaseModel] | None = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if owner is None:
            return None, None
        info = owner.model_fields.get(str(part))
        if info is None:
            return owner, None
        parent = owner
        owner = field_class(info, BaseModel)
    return parent, info


def explain(model: type[BaseModel], error: ErrorDetails) -> str:
    """One pydantic error as a sentence: what was expected, then what was found."""
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    loc = tuple(error["loc"])
    owner, info = _field_at(model, loc)
    hint = info.description if info is not None and info.description else ""
    found = f"，实际是“{_shown(value)}”" if not isinstance(value, dict | list) else ""
    if value is None:  # a key written with nothing after it, as a scaffolded file has them
        found = "，还没有填写"
    if kind == "extra_forbidden":
        allowed = "、".join(owner.model_fields) if owner else ""
        return f"不认识的字段“{loc[-1]}”，请检查拼写或删除（可用的字段：{allowed}）"
    if kind == "missing":
        return "缺少必填字段" + (f"（{hint}）" if hint else "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "enum":
        enum = field_class(info, LabelledEnum)
        choices = enum.choices() if enum else ctx.get("expected", "")
        return f"应为以下之一：{choices}{found}"
    if kind == "string_pattern_mismatch":
        return f"格式不对，应为{hint or '规定格式'}{found}"
    if kind in ("too_short", "string_too_short"):
        return "不能为空" if ctx.get("min_length", 1) <= 1 else f"至少需要 {ctx['min_length']} 项"
    if kind in ("too_long", "string_too_long"):
        return f"不能超过 {ctx.get('max_length')} 个字{found}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "不小于", "greater_than": "大于"}.get(kind, "不大于")
        limit = next(iter(ctx.values()), "")
        return f"应{bound} {limit}{found}"
    if kind in _SIMPLE:
        words = _SIMPLE[kind]
        if kind.startswith("date_") and "如 " not in hint:
            words += _DATE_EXAMPLE
        return words + (f"（{hint}）" if hint else "") + found
    return f"取值不符合要求（{error['msg']}）{found}"


def validation_problems(
    doc: Positioned, model: type[BaseModel], exc: ValidationError, prefix: Location = ()
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        problems.append(doc.problem((*prefix, *loc), explain(model, error)))
    return problems
