"""The plan pages: /plans/ by year and issuer, and /plans/<slug>/ with every item addressable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from congress.plans.markdown_out import unescape
from congress.plans.model import INDEX_URL, Heading, Paragraph, Plan, PlanItem
from congress.plans.tracking import Reports
from congress.render.environment import Rendered, chinese_date, render
from congress.render.markdown_text import markdown_to_html
from congress.render.urls import relative
from congress.sorting import name_key


def lead_sentence(item: PlanItem, limit: int = 40) -> str:
    """The item's own short title, which plans put first: 提升代表议案建议质量。…"""
    text = unescape(item.paragraphs[0]) if item.paragraphs else ""
    stop = text.find("。")
    lead = (
        text[: stop + 1] if 0 <= stop < limit else text[:limit] + ("…" if len(text) > limit else "")
    )
    return lead or f"第 {item.number} 条"


def _item(plan: Plan, item: PlanItem, reports: Reports) -> dict[str, Any]:
    found = reports.get((plan.slug, item.number), ())
    return {
        "kind": "item",
        "number": item.number,
        "anchor": item.anchor,
        "html": Markup(markdown_to_html("\n\n".join(item.paragraphs))),
        "reports": [
            {
                "title": a.title,
                "href": relative(plan.url, a.url),
                "date": chinese_date(a.published.date()),
            }
            for a in found
        ],
    }


def _block(plan: Plan, block: Paragraph | Heading | PlanItem, reports: Reports) -> dict[str, Any]:
    if isinstance(block, PlanItem):
        return _item(plan, block, reports)
    if isinstance(block, Heading):
        return {"kind": "heading", "anchor": block.anchor, "text": unescape(block.text)}
    return {"kind": "paragraph", "html": Markup(markdown_to_html(block.text))}


def reported_count(plan: Plan, reports: Reports) -> int:
    return sum(bool(reports.get((plan.slug, i.number))) for i in plan.items)


def plan_page(plan: Plan, reports: Reports) -> Rendered:
    parts = []
    for part in plan.parts:
        items = part.items
        parts.append(
            {
                "anchor": part.anchor,
                "heading": unescape(part.heading),
                "span": f"第 {items[0].number}–{items[-1].number} 条" if items else "",
                "blocks": [_block(plan, b, reports) for b in part.blocks],
            }
        )
    unreported = [
        {"number": i.number, "anchor": i.anchor, "lead": lead_sentence(i)}
        for i in plan.items
        if not reports.get((plan.slug, i.number))
    ]
    front = plan.front
    html = render(
        "plan.html",
        plan=plan,
        adoption=plan.adoption_line(),
        published_on=chinese_date(front.published_on),
        preamble=Markup("".join(markdown_to_html(p.text) for p in plan.body.preamble)),
        parts=parts,
        item_count=len(plan.items),
        reported=len(plan.items) - len(unreported),
        unreported=unreported,
        back=relative(plan.url, INDEX_URL),
    )
    named = [p for p in plan.parts if p.number]
    description = f"{plan.title}：{len(named)} 个部分，{len(plan.items)} 条" + (
        f"，{plan.adoption_line()}" if front.adopted_on else ""
    )
    return Rendered(plan.url, plan.title, html, description)


def index_page(plans: Mapping[str, Plan], reports: Reports) -> Rendered:
    years: dict[int, dict[str, list[dict[str, Any]]]] = {}
    ordered = sorted(
        plans.values(),
        key=lambda p: (-p.year, name_key(p.issuer), str(p.front.adopted_on or ""), p.slug),
    )
    for plan in ordered:
        years.setdefault(plan.year, {}).setdefault(plan.issuer, []).append(
            {
                "title": plan.title,
                "href": relative(INDEX_URL, plan.url),
                "adopted_on": chinese_date(plan.front.adopted_on),
                "item_count": len(plan.items),
                "reported": reported_count(plan, reports),
            }
        )
    html = render("plan_list.html", title="工作计划", years=years)
    return Rendered(INDEX_URL, "工作计划", html, "人大常委会历年工作计划、工作要点及其落实情况")


def plan_pages(plans: Mapping[str, Plan], reports: Reports) -> list[Rendered]:
    """The index first, then one page per plan, in slug order so builds are deterministic."""
    return [index_page(plans, reports), *(plan_page(plans[s], reports) for s in sorted(plans))]
