"""Open data a journalist or developer downloads from /data/."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from congress.geo import gcj02_to_wgs84, wgs84_to_gcj02
from site_factory import build, write_site

# (place, WGS-84, GCJ-02 as Amap shows it) — published reference pairs, rounded to 1e-5.
REFERENCE = [
    ("Tiananmen, Beijing", (116.391349, 39.907375), (116.39759, 39.908776)),
]


@pytest.mark.parametrize(("place", "wgs", "gcj"), REFERENCE, ids=[r[0] for r in REFERENCE])
def test_datum_conversion_matches_reference(
    place: str, wgs: tuple[float, float], gcj: tuple[float, float]
) -> None:
    lng, lat = wgs84_to_gcj02(*wgs)
    assert (round(lng, 5), round(lat, 5)) == pytest.approx(gcj, abs=2e-5)
    back = gcj02_to_wgs84(*gcj)
    assert back == pytest.approx(wgs, abs=2e-5)  # about two metres


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(write_site(tmp_path_factory.mktemp("site")))


def test_deputies_json_has_public_fields_and_absolute_urls(site: Path) -> None:
    deputies = {d["id"]: d for d in json.loads((site / "data/deputies.json").read_text("utf-8"))}
    assert set(deputies) == {"li-ming", "zhao-lan"}
    li = deputies["li-ming"]
    assert li["url"] == "https://test.example/deputies/li-ming/"
    assert li["stations"] == ["east-home"]
    assert [m["level"] for m in li["memberships"]] == ["city", "county"]
    assert deputies["zhao-lan"]["status"] == "former"


def test_geojson_is_wgs84_and_stations_json_keeps_gcj02(site: Path) -> None:
    geo = json.loads((site / "data/stations.geojson").read_text("utf-8"))
    (feature,) = geo["features"]
    lng, lat = feature["geometry"]["coordinates"]
    assert wgs84_to_gcj02(lng, lat) == pytest.approx((117.5, 31.8), abs=1e-6)
    assert (lng, lat) != pytest.approx((117.5, 31.8), abs=1e-3)  # the offset is hundreds of metres
    assert feature["properties"]["deputies"] == ["li-ming"]
    (station,) = json.loads((site / "data/stations.json").read_text("utf-8"))
    assert station["gcj02"] == [117.5, 31.8]


def test_csv_opens_in_excel_as_utf8(site: Path) -> None:
    raw = (site / "data/deputies.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["编号", "姓名"]
    assert rows[1][:2] == ["li-ming", "李明"]


def test_open_data_page_links_every_file(site: Path) -> None:
    page = (site / "data/index.html").read_text("utf-8")
    for name in (
        "deputies.json",
        "deputies.csv",
        "stations.json",
        "stations.csv",
        "stations.geojson",
    ):
        assert f'href="{name}"' in page


def test_rebuild_gives_identical_bytes(tmp_path: Path) -> None:
    first = build(write_site(tmp_path / "a"))
    second = build(write_site(tmp_path / "b"))
    for name in ("deputies.json", "stations.geojson", "deputies.csv"):
        assert (first / "data" / name).read_bytes() == (second / "data" / name).read_bytes()
