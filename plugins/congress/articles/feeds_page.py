"""/feeds/: the page media read to find every feed. Deputy and station feeds are described by
their address pattern rather than listed, so the page does not grow with the number of deputies."""

from __future__ import annotations

from collections.abc import Callable

from congress.articles.feeds import FeedSpec
from congress.render.environment import Rendered, render
from congress.render.urls import relative

FEEDS_URL = "feeds/"
_GROUPS = (
    ("all", "site", "全站", ""),
    ("category", "categories", "栏目", ""),
    ("area", "areas", "县区", "收录与该县（区）及其镇街、村社区、联络站有关的文章。"),
)


def feeds_page(
    specs: list[FeedSpec], count_of: Callable[[FeedSpec], int], site_url: str, limit: int
) -> Rendered:
    groups = []
    for kind, anchor, name, note in _GROUPS:
        feeds = [
            {
                "title": s.title,
                "description": s.description,
                "count": count_of(s),
                "page": relative(FEEDS_URL, s.page_url),
                "rss": relative(FEEDS_URL, s.rss_path),
                "atom": relative(FEEDS_URL, s.atom_path),
            }
            for s in specs
            if s.kind == kind
        ]
        if feeds:
            groups.append({"anchor": anchor, "name": name, "note": note, "feeds": feeds})
    html = render(
        "feeds.html",
        groups=groups,
        limit=limit,
        site_url=site_url,
        deputy_count=sum(s.kind == "deputy" for s in specs),
        station_count=sum(s.kind == "station" for s in specs),
        open_data=relative(FEEDS_URL, "data/"),
    )
    return Rendered(FEEDS_URL, "订阅", html, "本站 RSS 和 Atom 订阅源一览")
