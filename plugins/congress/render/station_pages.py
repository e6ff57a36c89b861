"""The station directory: grouped by district and kind, and one page per station."""

from __future__ import annotations

from typing import Any

from congress.catalog import Catalog
from congress.models import Station
from congress.render.deputy_rows import level_blocks
from congress.render.environment import Rendered, render
from congress.render.urls import amap_url, baidu_url, relative, station_url
from congress.sorting import name_key
from congress.vocab import AreaKind, StationKind

INDEX_URL = "stations/"
_DISTRICT_KINDS = {AreaKind.district, AreaKind.county}


def district_of(catalog: Catalog, area_id: str) -> tuple[str, str]:
    """(id, name) of the district or county containing an area, or the area itself."""
    chain = catalog.area_chain(area_id)
    for area in chain:
        if area.kind in _DISTRICT_KINDS:
            return area.id, area.name
    return (chain[-1].id, chain[-1].name) if chain else (area_id, area_id)


def index_page(catalog: Catalog) -> Rendered:
    by_district: dict[tuple[str, str], list[Station]] = {}
    for station in catalog.stations.values():
        by_district.setdefault(district_of(catalog, station.area), []).append(station)
    districts: list[dict[str, Any]] = []
    for (district_id, name), stations in sorted(
        by_district.items(), key=lambda kv: name_key(kv[0][1])
    ):
        kinds = []
        for kind in StationKind:
            rows = [
                {"station": s, "href": relative(INDEX_URL, station_url(s.id))}
                for s in sorted(stations, key=lambda s: (s.tier or "", name_key(s.name, s.id)))
                if s.kind is kind
            ]
            if rows:
                kinds.append({"label": kind.label, "rows": rows})
        districts.append(
            {"anchor": f"area-{district_id}", "name": name, "count": len(stations), "kinds": kinds}
        )
    html = render(
        "station_list.html",
        title="联络站名录",
        districts=districts,
        intro=(
            f"全市共有代表之家、代表联络站、代表工作室、代表联络点和全过程人民民主实践站 "
            f"{len(catalog.stations)} 个。群众可在接待时间前往，当面向驻站代表反映意见建议。"
        ),
    )
    return Rendered(INDEX_URL, "联络站名录", html, "人大代表之家、联络站和实践站名录")


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
        index_page(catalog),
        *(station_page(catalog, s, s.photo) for s in catalog.stations.values()),
    ]
