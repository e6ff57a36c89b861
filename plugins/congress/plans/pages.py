"""The plan pages: /plans/ by year and issuer, /plans/<slug>/ with every item addressable, and
/plans/<slug>/item-<n>/ listing all of an item's reports when more than fit under the item."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from congress.articles.list_rows import rows
from congress.articles.model import Article
from congress.articles.paging import paginate
from congress.plans.markdown_out import unescape
from congress.plans.model import INDEX_URL, Heading, Paragraph, Plan, PlanItem
from congress.plans.tracking import Reports
from congress.render.environment import Rendered, chinese_date, render
from congress.render.markdown_text import markdown_to_html
from congress.render.urls import relative
from congress.sorting import name_key

REPORTS_SHOWN = 3
"""Newest reports shown under an item on the plan page; years of news would make it unbounded."""


def lead_sentence(item: PlanItem, limit: int = 40) -> str:
    """The item's own short title, which plans put first: 提升代表议案建议质量。…"""
    text = unescape(item.paragraphs[0]) if item.paragraphs else ""
    stop = text.find("。")
    lead = (
        text[: stop + 1] if 0 <= stop < limit else text[:limit] + ("…" if len(text) > limit else "")
    )
    return lead or f"第 {item.number} 条"


def item_reports_url(plan: Plan, item: PlanItem) -> str:
    """`plans/<slug>/item-<n>/`: every report on one item, paged."""
    return f"{plan.url}{item.anchor}/"


def _item_html(item: PlanItem) -> Markup:
    return Markup(markdown_to_html("\n\n".join(item.paragraphs)))


def _item(plan: Plan, item: PlanItem, reports: Reports) -> dict[str, Any]:
    found = reports.get((plan.slug, item.number), ())
    return {
        "kind": "item",
        "number": item.number,
        "anchor": item.anchor,
        "html": _item_html(item),
        "total": len(found),
        "reports": [
            {
                "title": a.title,
                "href": relative(plan.url, a.url),
                "date": chinese_date(a.published.date()),
            }
            for a in found[:REPORTS_SHOWN]
        ],
        "more": relative(plan.url, item_reports_url(plan, item))
        if len(found) > REPORTS_SHOWN
        else None,
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


def item_report_pages(plan: Plan, item: PlanItem, found: Sequence[Article]) -> list[Rendered]:
    """Every report on one item, newest first as given, paged like the news lists."""
    base = item_reports_url(plan, item)
    title = f"{plan.title}第 {item.number} 条落实情况"
    pages = []
    for piece, chunk in paginate(found, base):
        page_title = piece.title(title)
        html = render(
            "plan_item_reports.html",
            title=page_title,
            plan=plan,
            number=item.number,
            total=len(found),
            item_html=_item_html(item) if piece.number == 1 else None,
            items=rows(list(chunk), piece.url),
            pager=piece.pager(),
            back=relative(piece.url, plan.url) + f"#{item.anchor}",
        )
        description = f"{plan.title}第 {item.number} 条的 {len(found)} 篇落实报道"
        pages.append(
            Rendered(piece.url, page_title, html, description, searchable=piece.number == 1)
        )
    return pages


def _pages_of(plan: Plan, reports: Reports) -> list[Rendered]:
    """A plan's page, then the report lists of the items with more reports than it shows."""
    pages = [plan_page(plan, reports)]
    for item in plan.items:
        found = reports.get((plan.slug, item.number), ())
        if len(found) > REPORTS_SHOWN:
            pages += item_report_pages(plan, item, found)
    return pages


def plan_pages(plans: Mapping[str, Plan], reports: Reports) -> list[Rendered]:
    """The index first, then each plan's pages, in slug order so builds are deterministic."""
    return [
        index_page(plans, reports),
        *(p for s in sorted(plans) for p in _pages_of(plans[s], reports)),
    ]
