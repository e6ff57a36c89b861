"""A sitemap of more URLs than the sitemaps protocol allows in one file (50,000) becomes an index
of parts, each a valid sitemap; a smaller one, or an index, is left as it is."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from congress import sitemaps
from congress.sitemaps import NS, split_sitemap
from site_factory import build, write_site

SITE = "https://www.example.org/rd/"


def urlset(count: int) -> bytes:
    urls = "".join(f"<url><loc>{SITE}p{i}/</loc></url>" for i in range(count))
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{NS}">{urls}</urlset>'.encode()


def locs(xml: bytes) -> list[str]:
    return [e.text or "" for e in ET.fromstring(xml).iter(f"{{{NS}}}loc")]


@pytest.mark.parametrize(
    ("count", "limit", "parts"),
    [(3, 3, 0), (0, 3, 0), (4, 3, 2), (7, 3, 3), (6, 3, 2)],
)
def test_a_sitemap_over_the_limit_is_split_into_parts_in_order(
    count: int, limit: int, parts: int
) -> None:
    files = split_sitemap(urlset(count), SITE, limit)
    if not parts:
        assert files == {}
        return
    names = [f"sitemap-{n}.xml" for n in range(1, parts + 1)]
    assert sorted(files) == sorted([*names, "sitemap.xml"])
    assert [loc for name in names for loc in locs(files[name])] == locs(urlset(count))
    assert all(len(locs(files[name])) <= limit for name in names)
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{{{NS}}}sitemapindex"
    assert locs(files["sitemap.xml"]) == [SITE + name for name in names]


def test_an_index_is_left_as_it_is() -> None:
    index = split_sitemap(urlset(7), SITE, 3)["sitemap.xml"]
    assert split_sitemap(index, SITE, 3) == {}


@pytest.mark.slow
def test_a_built_site_over_the_limit_publishes_an_index_and_its_gzip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitemaps, "LIMIT", 5)
    site = build(write_site(tmp_path / "src"))
    index = (site / "sitemap.xml").read_bytes()
    parts = locs(index)
    assert len(parts) >= 2 and all(url.endswith(".xml") for url in parts)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == index
    pages = [loc for url in parts for loc in locs((site / url.rsplit("/", 1)[1]).read_bytes())]
    assert len(pages) == len(set(pages)) > 5
