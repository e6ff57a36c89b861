"""Deputy rows as every list shows them: linked name, occupation, and the data the filter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from congress.articles.paging import Slice, paginate
from congress.catalog import Catalog
from congress.models import Deputy
from congress.render.urls import deputy_url, relative
from congress.vocab import Level

DEPUTIES_PER_PAGE = 100
"""Rows on one page of a deputy list: about 20 KB of HTML however large the congress."""


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
    [(_, blocks)] = paged_level_blocks(catalog, deputies, from_url, size=None)
    return blocks


def paged_level_blocks(
    catalog: Catalog, deputies: list[Deputy], base: str, size: int | None = DEPUTIES_PER_PAGE
) -> list[tuple[Slice, list[dict[str, Any]]]]:
    """`level_blocks` cut into pages of at most `size` rows (`base`, `base`page/2/, ...), so no
    list grows with the number of deputies; each block keeps its level's full count."""
    by_level: dict[Level, list[Deputy]] = {level: [] for level in Level}
    for deputy in deputies:
        for level in {m.level for m in deputy.current_memberships(catalog.today)}:
            by_level[level].append(deputy)
    entries = [(level, d) for level, chosen in by_level.items() for d in chosen]
    out = []
    for piece, chunk in paginate(entries, base, size or max(1, len(entries))):
        blocks = [
            {
                "label": level.label,
                "anchor": f"level-{level.value}",
                "count": len(by_level[level]),
                "rows": [deputy_row(catalog, d, piece.url) for _, d in group],
            }
            for level, group in groupby(chunk, key=itemgetter(0))
        ]
        out.append((piece, blocks))
    return out
