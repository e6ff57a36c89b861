"""落实情况: which articles report on which plan item, from the articles' `plan_items: [slug#n]`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from congress.articles.model import Article
from congress.plans.model import Plan

ItemKey = tuple[str, int]
Reports = Mapping[ItemKey, Sequence[Article]]


def parse_reference(reference: str) -> ItemKey | None:
    """`2025-deputy-work-plan#3` → ("2025-deputy-work-plan", 3); None if it is not that shape."""
    slug, hash_, number = reference.partition("#")
    if not hash_ or not slug or not number.isdigit():
        return None
    return slug, int(number)


def reference_problem(reference: str, plans: Mapping[str, Plan]) -> str | None:
    """The Chinese message for an unknown plan or item number, or None when the item exists."""
    key = parse_reference(reference)
    if key is None:
        return f"“{reference}”应写成 计划网址名#条目序号，如 2025-deputy-work-plan#3"
    slug, number = key
    plan = plans.get(slug)
    if plan is None:
        known = "、".join(sorted(plans)) or "（content/plans/ 下还没有计划）"
        return f"未找到计划“{slug}”，应为 content/plans/ 下的文件名（不含 .md）：{known}"
    if plan.item(number) is None:
        items = plan.items
        span = f"第 {items[0].number}–{items[-1].number} 条" if items else "没有条目"
        return f"计划“{plan.title}”没有第 {number} 条（共 {len(items)} 条，{span}）"
    return None


def reports_by_item(
    plans: Mapping[str, Plan], articles: Iterable[Article]
) -> dict[ItemKey, list[Article]]:
    """Articles by the item they report on, in the order given (pass public articles, newest
    first). References to unknown items are skipped here; the article checks report them."""
    found: dict[ItemKey, list[Article]] = {}
    for article in articles:
        for reference in dict.fromkeys(article.plan_items):
            key = parse_reference(reference)
            if key is not None and reference_problem(reference, plans) is None:
                found.setdefault(key, []).append(article)
    return found
