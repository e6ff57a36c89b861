"""Open data: the directories as JSON, CSV (for Excel) and GeoJSON (WGS-84), byte-stable per build."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from congress.catalog import Catalog
from congress.geo import gcj02_to_wgs84
from congress.models import Deputy, Station
from congress.render.urls import deputy_url, station_url
from congress.sorting import name_key

OPEN_DATA_DIR = "data/"


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # The BOM makes Excel on Chinese Windows read UTF-8 instead of GBK.
    return out.getvalue().encode("utf-8-sig")


def _name(table: dict[str, Any], ident: str | None) -> str | None:
    return table[ident].name if ident in table else None


def deputy_record(catalog: Catalog, deputy: Deputy, site_url: str) -> dict[str, Any]:
    return {
        "id": deputy.id,
        "name": deputy.name,
        "gender": deputy.gender.label,
        "ethnicity": deputy.ethnicity,
        "birth": deputy.birth,
        "party": deputy.party,
        "occupation": deputy.occupation,
        "status": deputy.status.value,
        "url": site_url + deputy_url(deputy.id),
        "stations": list(dict.fromkeys(deputy.stations)),
        "memberships": [
            {
                "level": m.level.value,
                "level_name": m.level.label,
                "term": m.term,
                "electoral_unit": _name(catalog.electoral_units, m.electoral_unit),
                "delegation": _name(catalog.delegations, m.delegation),
                "deputy_group": _name(catalog.deputy_groups, m.deputy_group),
                "start": m.start.isoformat(),
                "end": m.end.isoformat() if m.end else None,
                "start_reason": m.start_reason.label,
                "end_reason": m.end_reason.label if m.end_reason else None,
            }
            for m in deputy.memberships
        ],
    }


def station_record(catalog: Catalog, station: Station, site_url: str) -> dict[str, Any]:
    return {
        "id": station.id,
        "name": station.name,
        "kind": station.kind.value,
        "kind_name": station.kind.label,
        "tier": station.tier.value if station.tier else None,
        "area": " ".join(a.name for a in catalog.area_chain(station.area)),
        "address": station.address,
        "reception": station.reception,
        "phone": station.phone,
        "opened_on": station.opened_on.isoformat(),
        "gcj02": [station.coordinates.lng, station.coordinates.lat],
        "url": site_url + station_url(station.id),
        "deputies": [d.id for d in catalog.stationed_deputies(station.id)],
    }


def open_data_files(catalog: Catalog, site_url: str) -> dict[str, bytes]:
    """Site path to file content for every open-data file."""
    deputies = [
        deputy_record(catalog, d, site_url)
        for d in sorted(catalog.deputies.values(), key=lambda d: d.id)
    ]
    stations = [
        station_record(catalog, s, site_url)
        for s in sorted(catalog.stations.values(), key=lambda s: name_key(s.name, s.id))
    ]
    features = []
    for record in stations:
        lng, lat = gcj02_to_wgs84(*record["gcj02"])
        properties = {k: v for k, v in record.items() if k != "gcj02"}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lng, lat]},
                "properties": properties,
            }
        )
    return {
        f"{OPEN_DATA_DIR}deputies.json": _json(deputies),
        f"{OPEN_DATA_DIR}stations.json": _json(stations),
        f"{OPEN_DATA_DIR}stations.geojson": _json(
            {"type": "FeatureCollection", "features": features}
        ),
        f"{OPEN_DATA_DIR}deputies.csv": _csv(
            [
                "编号",
                "姓名",
                "性别",
                "民族",
                "出生年月",
                "政治面貌",
                "工作单位及职务",
                "状态",
                "现任层级",
                "网址",
            ],
            [
                [
                    d.id,
                    d.name,
                    d.gender.label,
                    d.ethnicity,
                    d.birth,
                    d.party,
                    d.occupation,
                    d.status.label,
                    "、".join(m.level.label for m in d.current_memberships(catalog.today)),
                    site_url + deputy_url(d.id),
                ]
                for d in sorted(catalog.deputies.values(), key=lambda d: d.id)
            ],
        ),
        f"{OPEN_DATA_DIR}stations.csv": _csv(
            [
                "编号",
                "名称",
                "类型",
                "所在区域",
                "地址",
                "接待时间",
                "联系电话",
                "经度(GCJ-02)",
                "纬度(GCJ-02)",
                "网址",
            ],
            [
                [
                    s["id"],
                    s["name"],
                    s["kind_name"],
                    s["area"],
                    s["address"],
                    s["reception"],
                    s["phone"],
                    s["gcj02"][0],
                    s["gcj02"][1],
                    s["url"],
                ]
                for s in stations
            ],
        ),
    }
