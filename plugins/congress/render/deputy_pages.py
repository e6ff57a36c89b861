"""The deputy directory: one profile per deputy, the current list by level, filtered lists, former."""

from __future__ import annotations

from collections import Counter
from typing import Any

from congress.articles.paging import paginate
from congress.catalog import Catalog
from congress.models import Deputy
from congress.render.area_pages import area_pages
from congress.render.deputy_rows import DEPUTIES_PER_PAGE, deputy_row, paged_level_blocks
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


def _filter_sources(catalog: Catalog) -> dict[str, list[Any]]:
    """What each filter offers: the areas some current deputy represents, every delegation and
    group. A pass over all deputies, so made once per directory, not per page."""
    used_areas: set[str] = set()
    for d in catalog.current_deputies():
        used_areas |= catalog.deputy_areas(d)
    return {
        "area": [a for a in catalog.areas.values() if a.id in used_areas and a.parent],
        "delegation": list(catalog.delegations.values()),
        "deputy_group": list(catalog.deputy_groups.values()),
    }


def _filter_options(sources: dict[str, list[Any]], from_url: str) -> list[dict[str, Any]]:
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


def _list_pages(
    catalog: Catalog,
    base: str,
    title: str,
    deputies: list[Deputy],
    *,
    intro: str,
    links: list[tuple[str, str]],
    description: str = "",
    filters: bool = False,
) -> list[Rendered]:
    """A deputy list by level, paged; later pages' titles say which page they are."""
    pages = []
    sources = _filter_sources(catalog) if filters else {}
    for piece, blocks in paged_level_blocks(catalog, deputies, base):
        page_title = piece.title(title)
        html = render(
            "deputy_list.html",
            title=page_title,
            intro=intro,
            blocks=blocks,
            filters=_filter_options(sources, piece.url) if filters else [],
            # Filtering in the browser only sees one page; paged lists keep the static links.
            live_filter=filters and piece.count == 1,
            links=[{"href": relative(piece.url, url), "text": text} for url, text in links],
            pager=piece.pager(),
        )
        pages.append(
            Rendered(piece.url, page_title, html, description, searchable=piece.number == 1)
        )
    return pages


def filtered_pages(catalog: Catalog) -> list[Rendered]:
    """One static page per delegation and group, so filtering works without JavaScript. (Area pages
    answer a resident's question instead; see area_pages.)"""
    pages = []
    index = _filter_index(catalog)
    for name, label, slug in FILTERS[1:]:
        for item in catalog.table(name).values():
            chosen = index.get((name, item.id), [])
            # 枫溪区代表团 says what it is; 枫溪区 alone is told 代表团.
            title = item.name if item.name.endswith(label) else f"{item.name}（{label}）"
            pages += _list_pages(
                catalog,
                f"deputies/{slug}/{item.id}/",
                title,
                chosen,
                intro=f"共 {len(chosen)} 名现任代表。",
                links=[(INDEX_URL, "全部代表")],
                description=f"{title}的现任人大代表名单，共 {len(chosen)} 名",
            )
    return pages


def index_pages(catalog: Catalog) -> list[Rendered]:
    current = catalog.current_deputies()
    return _list_pages(
        catalog,
        INDEX_URL,
        "代表名单",
        current,
        intro=f"现任各级人大代表 {len(current)} 名，按层级排列；同时担任两级代表的，在两个层级中均列出。",
        links=[(FORMER_URL, "已离任代表名单")],
        description="本市各级人大代表名单",
        filters=True,
    )


def former_pages(catalog: Catalog) -> list[Rendered]:
    former = catalog.former_deputies()
    pages = []
    for piece, chunk in paginate(former, FORMER_URL, DEPUTIES_PER_PAGE):
        rows = [deputy_row(catalog, d, piece.url) for d in chunk]
        title = piece.title("已离任代表")
        blocks = [{"label": "已离任代表", "anchor": "former", "rows": rows, "count": len(former)}]
        html = render(
            "deputy_list.html",
            title=title,
            intro=f"共 {len(former)} 名。",
            blocks=blocks if rows else [],
            filters=[],
            links=[{"href": relative(piece.url, INDEX_URL), "text": "现任代表名单"}],
            pager=piece.pager(),
        )
        pages.append(Rendered(piece.url, title, html, searchable=piece.number == 1))
    return pages


def _name(table: dict[str, Any], ident: str | None) -> str | None:
    return table[ident].name if ident in table else None


def profile_page(
    catalog: Catalog, deputy: Deputy, photo_url: str | None = None, namesake: bool = False
) -> Rendered:
    """A deputy's page; a `namesake`'s title names the workplace too, so that two 王芳 can be
    told apart in browser tabs, search results and shared links."""
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
    title = f"{deputy.name}（{deputy.occupation}）" if namesake else deputy.name
    return Rendered(url, title, html, f"{deputy.name}，{deputy.occupation}")


def deputy_pages(catalog: Catalog) -> list[Rendered]:
    """Every page of the deputy directory."""
    pages = [
        *index_pages(catalog),
        *former_pages(catalog),
        *filtered_pages(catalog),
        *area_pages(catalog),
    ]
    names = Counter(d.name for d in catalog.deputies.values())
    pages += [
        profile_page(catalog, d, d.photo, namesake=names[d.name] > 1)
        for d in catalog.deputies.values()
    ]
    return pages
