"""The deputy directory: one profile per deputy, the current list by level, filtered lists, former."""

from __future__ import annotations

from typing import Any

from congress.catalog import Catalog
from congress.models import Deputy
from congress.render.area_pages import area_pages
from congress.render.deputy_rows import deputy_row, level_blocks
from congress.render.environment import Rendered, render
from congress.render.urls import deputy_url, relative, station_url
from congress.vocab import Level

INDEX_URL = "deputies/"
FORMER_URL = "deputies/former/"
PLACEHOLDER_URL = "assets/congress/placeholder-portrait.svg"
FILTERS = (
    ("area", "区域", "by-area"),
    ("delegation", "代表团", "by-delegation"),
    ("deputy_group", "代表小组", "by-group"),
)


def _filter_options(catalog: Catalog, from_url: str) -> list[dict[str, Any]]:
    used_areas: set[str] = set()
    for d in catalog.current_deputies():
        used_areas |= catalog.deputy_areas(d)
    sources: dict[str, list[Any]] = {
        "area": [a for a in catalog.areas.values() if a.id in used_areas and a.parent],
        "delegation": list(catalog.delegations.values()),
        "deputy_group": list(catalog.deputy_groups.values()),
    }
    return [
        {
            "name": name,
            "label": label,
            "options": [
                {
                    "id": item.id,
                    "name": item.name,
                    "href": relative(from_url, f"deputies/{slug}/{item.id}/"),
                }
                for item in sources[name]
            ],
        }
        for name, label, slug in FILTERS
    ]


def _filter_index(catalog: Catalog) -> dict[tuple[str, str], list[Deputy]]:
    """(filter, id) to the current deputies it selects, built in one pass over the deputies."""
    index: dict[tuple[str, str], list[Deputy]] = {}
    for deputy in catalog.current_deputies():
        keys: set[tuple[str, str]] = set()
        for m in deputy.current_memberships(catalog.today):
            keys |= {
                (name, getattr(m, name))
                for name in ("delegation", "deputy_group")
                if getattr(m, name)
            }
        for key in keys:
            index.setdefault(key, []).append(deputy)
    return index


def filtered_pages(catalog: Catalog) -> list[Rendered]:
    """One static page per delegation and group, so filtering works without JavaScript. (Area pages
    answer a resident's question instead; see area_pages.)"""
    pages = []
    index = _filter_index(catalog)
    for name, label, slug in FILTERS[1:]:
        for item in catalog.table(name).values():
            url = f"deputies/{slug}/{item.id}/"
            chosen = index.get((name, item.id), [])
            title = f"{item.name}（{label}）"
            html = render(
                "deputy_list.html",
                title=title,
                intro=f"共 {len(chosen)} 名现任代表。",
                blocks=level_blocks(catalog, chosen, url),
                filters=[],
                links=[{"href": relative(url, INDEX_URL), "text": "全部代表"}],
            )
            pages.append(Rendered(url, title, html))
    return pages


def index_page(catalog: Catalog) -> Rendered:
    current = catalog.current_deputies()
    html = render(
        "deputy_list.html",
        title="代表名单",
        intro=f"现任各级人大代表 {len(current)} 名，按层级排列；同时担任两级代表的，在两个层级中均列出。",
        blocks=level_blocks(catalog, current, INDEX_URL),
        filters=_filter_options(catalog, INDEX_URL),
        links=[{"href": relative(INDEX_URL, FORMER_URL), "text": "已离任代表名单"}],
    )
    return Rendered(INDEX_URL, "代表名单", html, "本市各级人大代表名单")


def former_page(catalog: Catalog) -> Rendered:
    former = catalog.former_deputies()
    rows = [deputy_row(catalog, d, FORMER_URL) for d in former]
    blocks = [{"label": "已离任代表", "anchor": "former", "rows": rows}] if rows else []
    html = render(
        "deputy_list.html",
        title="已离任代表",
        intro=f"共 {len(former)} 名。",
        blocks=blocks,
        filters=[],
        links=[{"href": relative(FORMER_URL, INDEX_URL), "text": "现任代表名单"}],
    )
    return Rendered(FORMER_URL, "已离任代表", html)


def _name(table: dict[str, Any], ident: str | None) -> str | None:
    return table[ident].name if ident in table else None


def profile_page(catalog: Catalog, deputy: Deputy, photo_url: str | None = None) -> Rendered:
    url = deputy_url(deputy.id)
    memberships = [
        {
            "membership": m,
            "current": m.is_current(catalog.today),
            "electoral_unit": _name(catalog.electoral_units, m.electoral_unit),
            "delegation": _name(catalog.delegations, m.delegation),
            "deputy_group": _name(catalog.deputy_groups, m.deputy_group),
        }
        for m in sorted(
            deputy.memberships, key=lambda m: (m.end is not None, list(Level).index(m.level))
        )
    ]
    stations = [
        {
            "station": catalog.stations[sid],
            "href": relative(url, station_url(sid)),
            "area": " ".join(a.name for a in catalog.area_chain(catalog.stations[sid].area)[1:]),
        }
        for sid in dict.fromkeys(deputy.stations)
        if sid in catalog.stations
    ]
    html = render(
        "deputy.html",
        deputy=deputy,
        memberships=memberships,
        stations=stations,
        photo=relative(url, photo_url) if photo_url else None,
        placeholder=relative(url, PLACEHOLDER_URL),
        back=relative(url, INDEX_URL if catalog.is_current(deputy) else FORMER_URL),
    )
    return Rendered(url, deputy.name, html, f"{deputy.name}，{deputy.occupation}")


def deputy_pages(catalog: Catalog) -> list[Rendered]:
    """Every page of the deputy directory."""
    pages = [
        index_page(catalog),
        former_page(catalog),
        *filtered_pages(catalog),
        *area_pages(catalog),
    ]
    pages += [profile_page(catalog, d, d.photo) for d in catalog.deputies.values()]
    return pages
