"""`plan_items: [2025-plan#3]`: an article reporting on a plan item must name one that exists."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from congress.articles.model import PLAN_ITEM_PATTERN
from congress.problems import Problem
from congress.yaml_source import Positioned

_REF = re.compile(PLAN_ITEM_PATTERN)


def plan_item_problems(header: Positioned, plans: Mapping[str, Collection[int]]) -> list[Problem]:
    """`plans` maps each plan's slug to its item numbers."""
    refs = header.data.get("plan_items")
    problems = []
    for i, ref in enumerate(refs if isinstance(refs, list) else []):
        if not isinstance(ref, str) or not _REF.match(ref):
            continue  # the front matter model explains a malformed reference
        slug, number = ref.split("#")
        if slug not in plans:
            known = "、".join(sorted(plans)) or "（还没有计划）"
            message = (
                f"未找到工作计划“{slug}”，应为 content/plans/ 下已有的文件名（不含 .md）：{known}"
            )
            problems.append(header.problem(("plan_items", i), message))
        elif int(number) not in plans[slug]:
            numbers = sorted(plans[slug])
            span = f"1～{numbers[-1]}" if numbers else "（该计划没有条目）"
            message = f"工作计划“{slug}”没有第 {number} 条，条目序号应为 {span}"
            problems.append(header.problem(("plan_items", i), message))
    return problems
