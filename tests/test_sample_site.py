"""The sample site: its content passes every check and it builds strictly, as `make build` does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from congress.catalog import load_catalog
from congress.vocab import AreaKind, Level, PracticeTier, StationKind

ROOT = Path(__file__).resolve().parents[1]
# Pinned so the sample's current/former split does not drift with the calendar.
SAMPLE_TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    catalog, problems = load_catalog(ROOT, SAMPLE_TODAY)
    assert problems == [], "\n".join(map(str, problems))
    return catalog


def test_sample_city_has_the_promised_shape(catalog) -> None:  # type: ignore[no-untyped-def]
    districts = [
        a for a in catalog.areas.values() if a.kind in (AreaKind.district, AreaKind.county)
    ]
    assert len(districts) >= 4
    assert all(catalog.child_areas(d.id) for d in districts), "every district has towns"
    assert len(catalog.deputies) >= 60
    for level in (Level.city, Level.county, Level.township):
        assert catalog.current_deputies(level), level
    two_levels = [
        d
        for d in catalog.deputies.values()
        if len({m.level for m in d.current_memberships(SAMPLE_TODAY)}) >= 2
    ]
    assert len(two_levels) >= 3
    assert len(catalog.former_deputies()) >= 2
    assert len(catalog.stations) >= 20
    assert {s.kind for s in catalog.stations.values()} == set(StationKind)
    tiers = {s.tier for s in catalog.stations.values() if s.kind is StationKind.practice}
    assert tiers == set(PracticeTier)
    assert all(catalog.stationed_deputies(s) for s in catalog.stations), (
        "every station is stationed"
    )


@pytest.mark.slow
def test_sample_site_builds_strictly(sample_site: Path) -> None:
    profiles = [
        p
        for p in (sample_site / "deputies").glob("*/index.html")
        if not p.parent.name.startswith(("by-", "find"))
    ]
    assert len(profiles) >= 60
    assert len(list((sample_site / "stations").glob("*/index.html"))) >= 20
    assert (sample_site / "deputies/former/index.html").is_file()
