"""Rules that span files: references between records, and facts that depend on today's date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from congress.problems import Problem, Severity

if TYPE_CHECKING:
    from congress.catalog import Catalog

_TABLE_NAMES = {
    "electoral_unit": ("electoral_units", "选举单位", "data/electoral_units.yml 中已有的编号"),
    "delegation": ("delegations", "代表团", "data/delegations.yml 中已有的编号"),
    "deputy_group": ("deputy_groups", "代表小组", "data/deputy_groups.yml 中已有的编号"),
}


def _unknown(kind: str, ref: str, expected: str) -> str:
    return f"未找到{kind}“{ref}”，应为 {expected}"


def _area_problems(catalog: Catalog) -> list[Problem]:
    problems = []
    for key, origin in catalog.origins.items():
        item = catalog.table(key[0])[key[1]]
        for attr in ("parent", "area"):
            ref = getattr(item, attr, None)
            if ref is not None and catalog.unknown("area", ref):
                problems.append(
                    origin.problem((attr,), _unknown("区域", ref, "data/areas.yml 中已有的编号"))
                )
    for area in catalog.areas.values():
        seen, current = {area.id}, area.parent
        while current in catalog.areas:
            if current in seen:
                origin = catalog.origins[("area", area.id)]
                problems.append(origin.problem(("parent",), "上级区域形成了循环，请检查 parent"))
                break
            seen.add(current)
            current = catalog.areas[current].parent
    return problems


def _membership_problems(catalog: Catalog) -> list[Problem]:
    problems = []
    for deputy in catalog.deputies.values():
        origin = catalog.origins[("deputy", deputy.id)]
        seats: dict[tuple[str, int], int] = {}
        for i, m in enumerate(deputy.memberships):
            seat = (m.level.value, m.term)
            if seat in seats:
                problems.append(
                    origin.problem(
                        ("memberships", i),
                        (
                            f"同一层级同一届次只能有一条任职，与第 {seats[seat] + 1} 条"
                            f"（{m.level.label}第{m.term}届）重复"
                        ),
                    )
                )
            seats.setdefault(seat, i)
            for attr, (table_name, label, where) in _TABLE_NAMES.items():
                ref = getattr(m, attr)
                if ref is None:
                    continue
                target = getattr(catalog, table_name).get(ref)
                loc = ("memberships", i, attr)
                if target is None:
                    if catalog.unknown(attr, ref):
                        problems.append(origin.problem(loc, _unknown(label, ref, where)))
                elif target.level is not m.level:
                    problems.append(
                        origin.problem(
                            loc,
                            (
                                f"{label}“{target.name}”属于{target.level.label}，"
                                f"应与本条任职的层级（{m.level.label}）一致"
                            ),
                        )
                    )
        current = deputy.current_memberships(catalog.today)
        if catalog.is_current(deputy) and not current:
            problems.append(
                origin.problem(
                    ("status",),
                    (
                        f"标为现任（current），但截至 {catalog.today.isoformat()} 没有在任的任职；"
                        "应改为 former，或补充/更正任职记录"
                    ),
                )
            )
        if not catalog.is_current(deputy) and current:
            problems.append(
                origin.problem(
                    ("status",),
                    (
                        "标为已离任（former），但仍有在任的任职（未填终止日期）；"
                        "应改为 current，或填写终止日期和终止原因"
                    ),
                )
            )
    return problems


def _station_problems(catalog: Catalog, warn_empty: bool) -> list[Problem]:
    problems = []
    stationed: set[str] = set()
    for deputy in catalog.deputies.values():
        origin = catalog.origins[("deputy", deputy.id)]
        seen: set[str] = set()
        for i, ref in enumerate(deputy.stations):
            if ref not in catalog.stations:
                if not catalog.unknown("station", ref):
                    continue  # its own file's errors are reported
                problems.append(
                    origin.problem(
                        ("stations", i),
                        _unknown("联络站", ref, "data/stations/ 下已有的文件名（不含 .yml）"),
                    )
                )
            elif ref in seen:
                problems.append(origin.problem(("stations", i), f"联络站“{ref}”重复列出"))
            seen.add(ref)
        if catalog.is_current(deputy):
            stationed.update(seen)
    for station in catalog.stations.values() if warn_empty else ():
        if station.id not in stationed:
            origin = catalog.origins[("station", station.id)]
            problems.append(
                origin.problem(
                    ("id",),
                    ("没有现任代表进驻此站；请在代表文件的 stations 中添加此站编号"),
                    severity=Severity.warning,
                )
            )
    return problems


def _photo_problems(catalog: Catalog, docs_dir: Path) -> list[Problem]:
    problems = []
    for kind, table in (("deputy", catalog.deputies), ("station", catalog.stations)):
        for item in table.values():
            if item.photo and not (docs_dir / item.photo).is_file():
                problems.append(
                    catalog.origins[(kind, item.id)].problem(
                        ("photo",),
                        (
                            f"找不到照片文件 {docs_dir.name}/{item.photo}；请检查路径和文件名的大小写"
                        ),
                    )
                )
    return problems


def cross_check(
    catalog: Catalog, docs_dir: Path, *, warn_empty_stations: bool = True
) -> list[Problem]:
    return [
        *_area_problems(catalog),
        *_membership_problems(catalog),
        *_station_problems(catalog, warn_empty_stations),
        *_photo_problems(catalog, docs_dir),
    ]
