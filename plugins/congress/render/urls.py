"""Site-relative URLs for generated pages, and links between them that work under any base path."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from congress.models import Station


def deputy_url(deputy_id: str) -> str:
    return f"deputies/{deputy_id}/"


def station_url(station_id: str) -> str:
    return f"stations/{station_id}/"


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both directory-style URLs like `deputies/x/`."""
    # Called for every link on every generated page: plain segment arithmetic, not os.path.
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    here = [p for p in start.split("/") if p and p != "."]
    there = [p for p in to_url.split("/") if p and p != "."]
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    if to_url.endswith("/") or not to_url:
        return target + "/" if target else "./"
    return target or "."


def amap_url(station: Station) -> str:
    """Amap's marker URI takes GCJ-02 `lng,lat`, which is how stations are stored."""
    c = station.coordinates
    return (
        f"https://uri.amap.com/marker?position={c.lng},{c.lat}"
        f"&name={quote(station.name)}&coordinate=gaode&callnative=1&src=congress-site"
    )


def baidu_url(station: Station) -> str:
    """Baidu uses BD-09 internally; coord_type=gcj02 lets it convert our coordinates itself."""
    c = station.coordinates
    return (
        f"https://api.map.baidu.com/marker?location={c.lat},{c.lng}&title={quote(station.name)}"
        f"&content={quote(station.address)}&output=html&coord_type=gcj02&src=webapp.congress.site"
    )
