"""The station directory: grouped by district and kind, paged, and one page per station."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from congress.articles.paging import Slice, page_url, paginate
from congress.catalog import Catalog
from congress.models import Station
from congress.render.deputy_rows import level_blocks
from congress.render.environment import Rendered, render
from congress.render.urls import amap_url, baidu_url, relative, station_url
from congress.sorting import name_key
from congress.vocab import AreaKind, StationKind

INDEX_URL = "stations/"
STATIONS_PER_PAGE = 100
"""Stations on one page of the directory: about 25 KB of rows however many a province has."""
_DISTRICT_KINDS = {AreaKind.district, AreaKind.county}
Entry = tuple[tuple[str, str], StationKind, Station]


def district_of(catalog: Catalog, area_id: str) -> tuple[str, str]:
    """(id, name) of the district or county containing an area, or the area itself."""
    chain = catalog.area_chain(area_id)
    for area in chain:
        if area.kind in _DISTRICT_KINDS:
            return area.id, area.name
    return (chain[-1].id, chain[-1].name) if chain else (area_id, area_id)


def _directory_entries(catalog: Catalog) -> list[Entry]:
    """Every station once, in directory order: district by name, then kind, then tier and name."""
    by_district: dict[tuple[str, str], list[Station]] = {}
    for station in catalog.stations.values():
        by_district.setdefault(district_of(catalog, station.area), []).append(station)
    kind_order = {kind: i for i, kind in enumerate(StationKind)}
    entries: list[Entry] = []
    for district, stations in sorted(by_district.items(), key=lambda kv: name_key(kv[0][1])):
        ordered = sorted(
            stations,
            key=lambda s: (kind_order[s.kind], s.tier or "", name_key(s.name, s.id)),
        )
        entries += [(district, s.kind, s) for s in ordered]
    return entries


def _districts(chunk: Sequence[Entry], totals: Counter[Any], url: str) -> list[dict[str, Any]]:
    """One page's rows grouped by district and kind; headings count the whole directory."""
    districts = []
    for (district_id, name), in_district in groupby(chunk, key=itemgetter(0)):
        kinds = [
            {
                "label": kind.label,
                "count": totals[(district_id, kind)],
                "rows": [
                    {"station": s, "href": relative(url, station_url(s.id))} for *_, s in rows
                ],
            }
            for kind, rows in groupby(in_district, key=itemgetter(1))
        ]
        districts.append(
            {
                "anchor": f"area-{district_id}",
                "name": name,
                "count": totals[district_id],
                "kinds": kinds,
            }
        )
    return districts


def _jump_links(starts: dict[tuple[str, str], int], piece: Slice) -> list[dict[str, str]]:
    """A link to each district where its list starts: on this page, or on the page it is on."""
    links = []
    for (district_id, name), number in starts.items():
        page = "" if number == piece.number else relative(piece.url, page_url(INDEX_URL, number))
        links.append({"name": name, "href": f"{page}#area-{district_id}"})
    return links


def index_pages(catalog: Catalog) -> list[Rendered]:
    """The directory, paged so no page grows with the number of stations; every station is on
    exactly one page, and the jump links on every page lead to the page where a district starts."""
    entries = _directory_entries(catalog)
    totals: Counter[Any] = Counter()
    starts: dict[tuple[str, str], int] = {}
    pieces = paginate(entries, INDEX_URL, STATIONS_PER_PAGE)
    for piece, chunk in pieces:
        for (district_id, name), kind, _ in chunk:
            totals[district_id] += 1
            totals[(district_id, kind)] += 1
            starts.setdefault((district_id, name), piece.number)
    intro = (
        f"全市共有代表之家、代表联络站、代表工作室、代表联络点和全过程人民民主实践站 "
        f"{len(catalog.stations)} 个。群众可在接待时间前往，当面向驻站代表反映意见建议。"
    )
    pages = []
    for piece, chunk in pieces:
        title = piece.title("联络站名录")
        html = render(
            "station_list.html",
            title=title,
            intro=intro,
            jump=_jump_links(starts, piece),
            districts=_districts(chunk, totals, piece.url),
            pager=piece.pager(),
        )
        description = "人大代表之家、联络站和实践站名录"
        pages.append(Rendered(piece.url, title, html, description, searchable=piece.number == 1))
    return pages


def station_page(catalog: Catalog, station: Station, photo_url: str | None = None) -> Rendered:
    url = station_url(station.id)
    deputies = catalog.stationed_deputies(station.id)
    html = render(
        "station.html",
        station=station,
        area=" ".join(a.name for a in catalog.area_chain(station.area)),
        amap=amap_url(station),
        baidu=baidu_url(station),
        blocks=level_blocks(catalog, deputies, url),
        photo=relative(url, photo_url) if photo_url else None,
        back=relative(url, INDEX_URL),
    )
    return Rendered(
        url, station.name, html, f"{station.name}：{station.address}，{station.reception}"
    )


def station_pages(catalog: Catalog) -> list[Rendered]:
    return [
        *index_pages(catalog),
        *(station_page(catalog, s, s.photo) for s in catalog.stations.values()),
    ]
