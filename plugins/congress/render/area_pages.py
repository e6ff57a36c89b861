""" "Find your deputy": from the place a resident lives to the deputies who represent it at every
level and the stations nearby. Static pages, so it works on any phone without JavaScript."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from congress.catalog import Catalog
from congress.models import Area, Deputy, Station
from congress.render.deputy_rows import paged_level_blocks
from congress.render.environment import Rendered, render
from congress.render.urls import relative, station_url
from congress.sorting import name_key

FIND_URL = "deputies/find/"
STATIONS_URL = "stations/"
NEARBY_STATIONS = 30
"""Stations an area page lists; a county or city has more, and the directory lists them all."""


def area_url(area_id: str) -> str:
    return f"deputies/by-area/{area_id}/"


def _represented_areas(catalog: Catalog, deputy: Deputy) -> set[str]:
    """The areas of the electoral units and delegations of a deputy's current seats."""
    found = set()
    for m in deputy.current_memberships(catalog.today):
        for ref in (
            catalog.electoral_units.get(m.electoral_unit or ""),
            catalog.delegations.get(m.delegation or ""),
        ):
            if ref is not None and ref.area:
                found.add(ref.area)
    return found


def _place_name(catalog: Catalog, area: Area) -> str:
    chain = catalog.area_chain(area.id)
    return "".join(a.name for a in (chain[1:] or chain))


def area_pages(catalog: Catalog) -> list[Rendered]:
    """One page per area: deputies elected there or in any area containing it (a town's residents
    are represented by their district's city deputies too), and the stations within reach."""
    elected_in: dict[str, set[str]] = defaultdict(set)  # area → deputies elected in its subtree
    elected_at: dict[str, set[str]] = defaultdict(set)  # area → deputies elected exactly there
    for deputy in catalog.current_deputies():
        for area_id in _represented_areas(catalog, deputy):
            elected_at[area_id].add(deputy.id)
            for outer in catalog.area_chain(area_id):
                elected_in[outer.id].add(deputy.id)
    stations_in: dict[str, list[Station]] = defaultdict(list)
    for station in sorted(catalog.stations.values(), key=lambda s: name_key(s.name, s.id)):
        for outer in catalog.area_chain(station.area):
            stations_in[outer.id].append(station)
    ordered = catalog.current_deputies()
    pages = [_find_page(catalog)]
    for area in catalog.areas.values():
        base = area_url(area.id)
        chain = catalog.area_chain(area.id)
        chosen = set(elected_in[area.id])
        for outer in chain[:-1]:
            chosen |= elected_at[outer.id]
        # Below district level, an empty town falls back to its district's stations; the whole
        # city is never offered as "nearby".
        nearby = stations_in[area.id] or (stations_in[chain[-2].id] if len(chain) > 2 else [])
        place = _place_name(catalog, area)
        deputies = [d for d in ordered if d.id in chosen]
        for piece, blocks in paged_level_blocks(catalog, deputies, base):
            url, first = piece.url, piece.number == 1
            title = piece.title(f"{place}的人大代表")
            html = render(
                "area.html",
                title=title,
                place=place,
                blocks=blocks,
                pager=piece.pager(),
                # Stations (at most NEARBY_STATIONS) and sub-areas once, on the first page.
                stations=[
                    {"station": s, "href": relative(url, station_url(s.id))}
                    for s in nearby[:NEARBY_STATIONS]
                ]
                if first
                else None,
                more_stations=relative(url, STATIONS_URL) if len(nearby) > NEARBY_STATIONS else "",
                nearby_is_outer=bool(nearby) and not stations_in[area.id],
                children=[
                    {"name": c.name, "href": relative(url, area_url(c.id))}
                    for c in catalog.child_areas(area.id)
                ]
                if first
                else [],
                find=relative(url, FIND_URL),
            )
            description = f"{place}居民的各级人大代表和附近的代表联络站"
            pages.append(Rendered(url, title, html, description, searchable=first))
    return pages


def _tree(catalog: Catalog, parent: str | None, from_url: str, depth: int) -> list[dict[str, Any]]:
    if depth > 3:
        return []
    return [
        {
            "name": a.name,
            "href": relative(from_url, area_url(a.id)),
            "children": _tree(catalog, a.id, from_url, depth + 1),
        }
        for a in sorted(catalog.child_areas(parent), key=lambda a: (a.code or "", name_key(a.name)))
    ]


def _find_page(catalog: Catalog) -> Rendered:
    roots = [a for a in catalog.areas.values() if a.parent is None]
    tree = [node for root in roots for node in _tree(catalog, root.id, FIND_URL, 1)]
    html = render("find.html", tree=tree)
    return Rendered(
        FIND_URL, "查找我的代表", html, "按居住地查找您的各级人大代表和附近的代表联络站"
    )
