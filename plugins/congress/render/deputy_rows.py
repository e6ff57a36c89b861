"""Deputy rows as every list shows them: linked name, occupation, and the data the filter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from congress.catalog import Catalog
from congress.models import Deputy
from congress.render.urls import deputy_url, relative
from congress.vocab import Level


@dataclass
class DeputyRow:
    deputy: Deputy
    href: str
    areas: list[str] = field(default_factory=list)
    delegations: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


def deputy_row(catalog: Catalog, deputy: Deputy, from_url: str) -> DeputyRow:
    current = deputy.current_memberships(catalog.today) or deputy.memberships
    return DeputyRow(
        deputy=deputy,
        href=relative(from_url, deputy_url(deputy.id)),
        areas=sorted(catalog.deputy_areas(deputy)),
        delegations=sorted({m.delegation for m in current if m.delegation}),
        groups=sorted({m.deputy_group for m in current if m.deputy_group}),
    )


def level_blocks(catalog: Catalog, deputies: list[Deputy], from_url: str) -> list[dict[str, Any]]:
    """Deputies (already in display order) grouped by the levels of their current seats; someone at
    two levels is listed under both."""
    by_level: dict[Level, list[DeputyRow]] = {level: [] for level in Level}
    for deputy in deputies:
        row = deputy_row(catalog, deputy, from_url)
        for level in {m.level for m in deputy.current_memberships(catalog.today)}:
            by_level[level].append(row)
    return [
        {"label": level.label, "anchor": f"level-{level.value}", "rows": rows}
        for level, rows in by_level.items()
        if rows
    ]
