"""Sitemaps of at most 50,000 URLs each, as the sitemaps protocol allows: a province's site has
more pages than that, so its sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml..."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
LIMIT = 50_000
"""The most URLs one sitemap file may list."""


def split_sitemap(xml: bytes, site_url: str, limit: int | None = None) -> dict[str, bytes]:
    """The files to write, by name, in place of a sitemap that lists more than `limit` URLs: its
    parts, and an index of them named sitemap.xml. Nothing for a sitemap within the limit, or
    one that is an index already."""
    limit = LIMIT if limit is None else limit
    if xml.count(b"<loc>") <= limit:  # every build asks; parsing is for the few that must split
        return {}
    root = ET.fromstring(xml)
    urls = list(root) if root.tag == f"{{{NS}}}urlset" else []
    if len(urls) <= limit:
        return {}
    files: dict[str, bytes] = {}
    for number, start in enumerate(range(0, len(urls), limit), start=1):
        part = ET.Element(f"{{{NS}}}urlset")
        part.extend(urls[start : start + limit])
        files[f"sitemap-{number}.xml"] = _xml(part)
    index = ET.Element(f"{{{NS}}}sitemapindex")
    for name in files:
        entry = ET.SubElement(index, f"{{{NS}}}sitemap")
        ET.SubElement(entry, f"{{{NS}}}loc").text = site_url.rstrip("/") + "/" + name
    files["sitemap.xml"] = _xml(index)
    return files


def _xml(element: ET.Element) -> bytes:
    ET.register_namespace("", NS)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)
