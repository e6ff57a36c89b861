"""Which feeds concern a page, for the `<link rel="alternate">` lines in its head: the whole site's
feed on every page, and the feed of the category, deputy, station or district the page is about."""

from __future__ import annotations

import re

from markupsafe import escape

from congress.articles.feeds import FeedSpec

_OWNER = re.compile(r"^(deputies|stations|news|deputies/by-area)/([a-z0-9-]+)/$")
_KIND = {
    "deputies": "deputy",
    "stations": "station",
    "news": "category",
    "deputies/by-area": "area",
}


def page_feeds(page_url: str, specs: dict[str, FeedSpec]) -> list[FeedSpec]:
    """`specs` by key (`all`, `deputy/<id>`, …); the page's own feed first, then the site's."""
    found = []
    match = _OWNER.match(page_url)
    if match:
        spec = specs.get(f"{_KIND[match[1]]}/{match[2]}")
        if spec is not None:
            found.append(spec)
    if "all" in specs:
        found.append(specs["all"])
    return found


def link_tags(page_url: str, specs: dict[str, FeedSpec], base: str) -> str:
    """RSS and Atom links; `base` is the relative path from the page to the site root."""
    lines = []
    for spec in page_feeds(page_url, specs):
        title = escape(spec.title)
        lines.append(
            f'<link rel="alternate" type="application/rss+xml" title="{title}（RSS）" '
            f'href="{base}{spec.rss_path}">'
        )
        lines.append(
            f'<link rel="alternate" type="application/atom+xml" title="{title}（Atom）" '
            f'href="{base}{spec.atom_path}">'
        )
    return "\n".join(lines)
