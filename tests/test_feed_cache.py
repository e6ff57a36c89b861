"""Feeds kept in .cache/feeds/: a rebuild of an unchanged site runs no feedgen and publishes the
same bytes (links to the cached files), an edit remakes only the feeds that show the edited
article, and a pair with a half missing is made again."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import congress_mkdocs.feeds as feeds_plugin
import pytest
from congress.articles import feeds as feeds_module
from congress.articles.feed_cache import ATOM, RSS
from site_factory import build
from test_article_pages_build import built_site, story

CACHE = ".cache/feeds"
EDITED = "content/news/2025-03-02-other.md"


def _articles() -> dict[str, str]:
    # The second article is in other feeds than the first: another category and deputy.
    other = story(2).replace("deputies: [li-ming]", "deputies: [zhao-lan]")
    other = other.replace("category: news", "category: stories\ncover: images/news/visit.jpg")
    return {"2025-03-01-one.md": story(1), "2025-03-02-other.md": other}


def _feeds(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.glob("feeds/**/*.xml"))
    }


def _count_feedgen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the feeds feedgen makes from now on."""
    made: list[str] = []
    real: Callable[..., tuple[bytes, bytes]] = feeds_module.build_feeds

    def counted(spec: Any, *args: Any, **kwargs: Any) -> tuple[bytes, bytes]:
        made.append(spec.key)
        return real(spec, *args, **kwargs)

    monkeypatch.setattr(feeds_plugin, "build_feeds", counted)
    return made


def _clean_feeds(root: Path) -> dict[str, bytes]:
    """The feeds a build without any cached feed writes."""
    shutil.rmtree(root / CACHE)
    return _feeds(build(root))


def _cache_files(root: Path) -> list[Path]:
    return sorted((root / CACHE).iterdir())


def test_a_warm_cache_writes_the_same_bytes_without_feedgen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _feeds(built_site(tmp_path, _articles()))
    assert len(_cache_files(tmp_path)) == len(first)  # an RSS and an Atom file per feed

    def no_feedgen(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("feedgen ran for an unchanged feed")

    monkeypatch.setattr(feeds_module, "FeedGenerator", no_feedgen)
    assert _feeds(build(tmp_path)) == first
    monkeypatch.undo()
    assert _clean_feeds(tmp_path) == first


def test_an_edited_body_remakes_exactly_the_feeds_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _feeds(built_site(tmp_path, _articles()))
    stale = tmp_path / CACHE / "old.feed.1.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200,) * 2)
    made = _count_feedgen(monkeypatch)
    file = tmp_path / EDITED
    file.write_text(file.read_text(encoding="utf-8") + "\n编辑补充的一句话。\n", "utf-8")

    after = _feeds(build(tmp_path))
    changed = {path for path in after if after[path] != before[path]}
    showing = {path for path, data in after.items() if "编辑补充的一句话" in data.decode()}
    assert changed == showing
    assert {f"feeds/{key}/{name}" for key in made for name in ("rss.xml", "atom.xml")} == showing
    assert "feeds/deputy/zhao-lan/rss.xml" in showing
    assert "feeds/deputy/li-ming/rss.xml" not in showing
    # The pairs of the body before the edit, and the stopped build's leftover, are gone.
    names = [p.name for p in _cache_files(tmp_path)]
    assert len(names) == len(after) and all(n.endswith((RSS, ATOM)) for n in names)
    assert _clean_feeds(tmp_path) == after


def test_published_feeds_are_the_cached_files_and_a_half_pair_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _feeds(built_site(tmp_path, _articles()))
    site = tmp_path / "site"
    cached = {p.stat().st_ino for p in _cache_files(tmp_path)}
    assert all((site / path).stat().st_ino in cached for path in first)  # links, not copies
    atom = next(p for p in _cache_files(tmp_path) if p.name.endswith(ATOM))
    atom.unlink()
    made = _count_feedgen(monkeypatch)

    assert _feeds(build(tmp_path)) == first
    assert len(made) == 1
    assert len(_cache_files(tmp_path)) == len(first)
