"""The sample site's feeds and pages as media and visitors get them after `make build`."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from conftest import build_sample
from test_article_sample_content import UNPUBLISHED_MARKERS

pytestmark = pytest.mark.slow
SITE_URL = "https://www.wanglan-rd.example/"
TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".geojson", ".txt", ".js", ".svg"}


def test_every_sample_feed_is_valid_full_text_and_absolute(sample_site: Path) -> None:
    feeds = sorted(sample_site.glob("feeds/**/*.xml"))
    assert len(feeds) >= 2 * (1 + 4 + 60 + 20)
    items = 0
    for file in feeds:
        parsed = feedparser.parse(file.read_bytes())
        assert not parsed.bozo, (file, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            items += 1
            assert entry.id, file
            assert entry.link.startswith(SITE_URL + "news/"), file
            assert re.search(r"(\+08:00|\+0800)$", entry.published), file
            body = entry.content[0].value
            assert len(body) > len(entry.summary), file
            for url in re.findall(r'(?:href|src)="([^"]+)"', body):
                assert url.startswith(("https://", "http://", "mailto:", "#")), (file, url)
    assert items > 100


def test_nothing_unpublished_is_anywhere_in_the_built_site(sample_site: Path) -> None:
    for slug in UNPUBLISHED_MARKERS:
        assert not (sample_site / "news" / slug).exists(), slug
    for file in sample_site.rglob("*"):
        if file.is_file() and file.suffix in TEXT_SUFFIXES:
            text = file.read_text(encoding="utf-8", errors="ignore")
            for marker in UNPUBLISHED_MARKERS.values():
                assert marker not in text, (file, marker)


def test_rebuilding_unchanged_content_changes_no_feed_byte(
    sample_site: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    result = build_sample(again)
    assert result.returncode == 0, result.stderr[-3000:]
    feeds = sorted(p.relative_to(sample_site) for p in sample_site.glob("feeds/**/*.xml"))
    assert feeds == sorted(p.relative_to(again) for p in again.glob("feeds/**/*.xml"))
    for feed in feeds:
        assert (sample_site / feed).read_bytes() == (again / feed).read_bytes(), feed


def test_cover_enclosures_give_the_published_file_length(sample_site: Path) -> None:
    parsed = feedparser.parse((sample_site / "feeds/all/rss.xml").read_bytes())
    enclosures = [e for entry in parsed.entries for e in entry.enclosures]
    assert enclosures
    for enclosure in enclosures:
        published = sample_site / enclosure.href.removeprefix(SITE_URL)
        assert int(enclosure.length) == published.stat().st_size, enclosure.href
