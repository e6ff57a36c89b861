"""Everything in data/, loaded once and cross-checked. Every problem is collected before anyone fails."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from congress.checks import cross_check
from congress.messages import validation_problems
from congress.models import (
    ID_HINT,
    ID_PATTERN,
    Area,
    Delegation,
    Deputy,
    DeputyGroup,
    ElectoralUnit,
    Station,
)
from congress.person_ids import person_id
from congress.privacy import personal_data_problems
from congress.problems import Problem, Severity
from congress.sorting import name_key
from congress.vocab import DeputyStatus, Level
from congress.yaml_source import Location, Positioned, Shared, read_yaml

M = TypeVar("M", bound=BaseModel)

# kind: (file under data/, model, Catalog attribute)
LISTS: dict[str, tuple[str, type[BaseModel], str]] = {
    "area": ("areas.yml", Area, "areas"),
    "delegation": ("delegations.yml", Delegation, "delegations"),
    "electoral_unit": ("electoral_units.yml", ElectoralUnit, "electoral_units"),
    "deputy_group": ("deputy_groups.yml", DeputyGroup, "deputy_groups"),
}
_ID = re.compile(ID_PATTERN)
TABLES = {kind: attr for kind, (_, _, attr) in LISTS.items()} | {
    "deputy": "deputies",
    "station": "stations",
}


@dataclass
class Origin:
    """Where a record was written: its document and the location of the record inside it. Once
    the catalog is loaded, the document keeps its positions but not its data."""

    doc: Positioned
    loc: Location

    def problem(self, loc: Location, message: str, **kwargs: Any) -> Problem:
        return self.doc.problem((*self.loc, *loc), message, **kwargs)


@dataclass
class Catalog:
    today: date
    areas: dict[str, Area] = field(default_factory=dict)
    delegations: dict[str, Delegation] = field(default_factory=dict)
    electoral_units: dict[str, ElectoralUnit] = field(default_factory=dict)
    deputy_groups: dict[str, DeputyGroup] = field(default_factory=dict)
    deputies: dict[str, Deputy] = field(default_factory=dict)
    stations: dict[str, Station] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    failed: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of records written but not loaded for an error of their own, and (kind, "")
    when a whole list file could not be read: references to them are not reported again."""
    _stationed: dict[str, list[Deputy]] = field(default_factory=dict, repr=False)

    def unknown(self, kind: str, ref: str) -> bool:
        """`ref` names no record of `kind`, not even one whose file has errors of its own."""
        if ref in self.table(kind):
            return False
        return (kind, ref) not in self.failed and (kind, "") not in self.failed

    def table(self, kind: str) -> dict[str, Any]:
        """The records of one kind (`area`, `deputy`, …) by id."""
        return getattr(self, TABLES[kind])  # type: ignore[no-any-return]

    def stationed_deputies(self, station_id: str) -> list[Deputy]:
        """Derived from the deputies' files: the station's own file never lists them."""
        return self._stationed.get(station_id, [])

    def area_chain(self, area_id: str | None) -> list[Area]:
        """The area and its ancestors, outermost first: 示例市 › 城东区 › 青石街道."""
        chain: list[Area] = []
        while area_id in self.areas and len(chain) < 10:
            area = self.areas[area_id]
            chain.insert(0, area)
            area_id = area.parent
        return chain

    def deputy_areas(self, deputy: Deputy) -> set[str]:
        """Areas a deputy serves: those of their electoral units and delegations, with ancestors."""
        found: set[str] = set()
        for m in deputy.memberships:
            for ref in (
                self.electoral_units.get(m.electoral_unit or ""),
                self.delegations.get(m.delegation or ""),
            ):
                if ref is not None and ref.area:
                    found.update(a.id for a in self.area_chain(ref.area))
        return found

    def is_current(self, deputy: Deputy) -> bool:
        return deputy.status is DeputyStatus.current

    def current_deputies(self, level: Level | None = None) -> list[Deputy]:
        """Current deputies, sorted by name; with a level, those holding a current seat at it."""
        out = []
        for d in self.deputies.values():
            if not self.is_current(d):
                continue
            if level is None or any(m.level is level for m in d.current_memberships(self.today)):
                out.append(d)
        return sorted(out, key=lambda d: name_key(d.name, d.id))

    def former_deputies(self) -> list[Deputy]:
        return sorted(
            (d for d in self.deputies.values() if not self.is_current(d)),
            key=lambda d: name_key(d.name, d.id),
        )

    def child_areas(self, area_id: str | None) -> list[Area]:
        return [a for a in self.areas.values() if a.parent == area_id]

    def derive(self) -> None:
        stationed: dict[str, list[Deputy]] = defaultdict(list)
        for deputy in self.deputies.values():
            if self.is_current(deputy):
                for station_id in dict.fromkeys(deputy.stations):
                    stationed[station_id].append(deputy)
        self._stationed = {
            k: sorted(v, key=lambda d: name_key(d.name, d.id)) for k, v in stationed.items()
        }


def _validate(model: type[M], data: Any, origin: Origin, problems: list[Problem]) -> M | None:
    if not isinstance(data, dict):
        problems.append(origin.problem((), "应为若干“字段: 值”组成的映射"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(origin.doc, model, exc, origin.loc))
        return None


def _add(
    catalog: Catalog,
    kind: str,
    table: dict[str, Any],
    item: Any,
    origin: Origin,
    problems: list[Problem],
) -> None:
    if item.id in table:
        first = catalog.origins[(kind, item.id)]
        line = first.doc.position((*first.loc, "id"))[0]
        problems.append(
            origin.problem(
                ("id",),
                f"编号“{item.id}”重复，已在 {first.doc.path} 第 {line} 行使用；编号必须唯一",
            )
        )
        return
    table[item.id] = item
    catalog.origins[(kind, item.id)] = Origin(origin.doc, origin.loc)


def _load_lists(
    data_dir: Path, root: Path, catalog: Catalog, problems: list[Problem], shared: Shared
) -> None:
    for kind, (name, model, _) in LISTS.items():
        file = data_dir / name
        display = file.relative_to(root).as_posix()
        if not file.exists():
            problems.append(Problem(display, 1, 1, "", "缺少此文件（可以是空列表 []）"))
            continue
        doc, found = read_yaml(file, display, shared)
        problems.extend(found)
        if doc is None:
            catalog.failed.add((kind, ""))
            continue
        if doc.data is None:
            continue
        if not isinstance(doc.data, list):
            catalog.failed.add((kind, ""))
            problems.append(doc.problem((), "应为列表，每项以“- id: …”开头"))
            continue
        for i, data in enumerate(doc.data):
            origin = Origin(doc, (i,))
            item = _validate(model, data, origin, problems)
            if item is not None:
                _add(catalog, kind, catalog.table(kind), item, origin, problems)
            elif isinstance(data, dict) and isinstance(data.get("id"), str):
                catalog.failed.add((kind, data["id"]))


def _rename_message(file: Path, data: Any, spelt_from_name: bool) -> str:
    """The id is the file name: a file named 李明.yml is told the name it should have, from the
    id written in it or, for a deputy, the pinyin of the name."""
    written = data.get("id") if isinstance(data, dict) else None
    name = data.get("name") if isinstance(data, dict) else None
    if isinstance(written, str) and _ID.match(written):
        suggested = written
    else:
        suggested = person_id(name) if spelt_from_name and isinstance(name, str) else ""
    rename = f"；请把文件改名为 {suggested}.yml" if suggested else ""
    return f"文件名“{file.name}”应为编号加 .yml，编号为{ID_HINT}{rename}"


def _load_files(
    folder: Path,
    root: Path,
    model: type[M],
    kind: str,
    table: dict[str, M],
    catalog: Catalog,
    problems: list[Problem],
    shared: Shared,
) -> None:
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    for file in files:
        display = file.relative_to(root).as_posix()
        doc, found = read_yaml(file, display, shared)
        problems.extend(found)
        if doc is None:
            catalog.failed.add((kind, file.stem))
            continue
        origin = Origin(doc, ())
        if model is Deputy:
            problems.extend(personal_data_problems(doc))
        elif model is Station:
            problems.extend(personal_data_problems(doc, public=frozenset({"phone"})))
        if not _ID.match(file.stem):
            message = _rename_message(file, doc.data, spelt_from_name=model is Deputy)
            problems.append(Problem(display, 1, 1, "", message))
            catalog.failed.add((kind, file.stem))
            continue
        item = _validate(model, doc.data, origin, problems)
        if item is None:
            catalog.failed.add((kind, file.stem))
            continue
        if item.id != file.stem:  # type: ignore[attr-defined]
            problems.append(
                origin.problem(
                    ("id",),
                    (
                        f"编号应与文件名相同，应为“{file.stem}”，实际是“{item.id}”"  # type: ignore[attr-defined]
                        "（如需改编号，请同时重命名文件）"
                    ),
                )
            )
            continue
        _add(catalog, kind, table, item, origin, problems)


def load_catalog(
    root: Path, today: date, *, data_dir: Path | None = None, docs_dir: Path | None = None
) -> tuple[Catalog, list[Problem]]:
    """Load a site's data (default `root/data`) and check it against its content (default
    `root/content`). Returns the catalog of every valid record and all problems, paths shown
    relative to `root`."""
    root = Path(root)
    data_dir = data_dir or root / "data"
    catalog = Catalog(today=today)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return catalog, [Problem(data_dir.name, 1, 1, "", f"找不到数据目录 {data_dir}")]
    shared: Shared = {}
    _load_lists(data_dir, root, catalog, problems, shared)
    deputies = data_dir / "deputies"
    _load_files(deputies, root, Deputy, "deputy", catalog.deputies, catalog, problems, shared)
    stations = data_dir / "stations"
    _load_files(stations, root, Station, "station", catalog.stations, catalog, problems, shared)
    # A deputy file that failed to load may be the one that stations someone: no warning then.
    deputy_files = (data_dir / "deputies").relative_to(root).as_posix() + "/"
    deputies_complete = not any(p.path.startswith(deputy_files) for p in problems)
    problems.extend(
        cross_check(catalog, docs_dir or root / "content", warn_empty_stations=deputies_complete)
    )
    catalog.derive()
    # Checked: from now on an origin tells where a record was written, which is all a later
    # problem needs; the raw YAML beside the records would double what a catalog holds.
    for origin in catalog.origins.values():
        origin.doc.data = None
    return catalog, sorted(problems)


__all__ = ["Catalog", "Origin", "Severity", "load_catalog"]
