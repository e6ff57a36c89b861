"""Plaques, cards and codes drawn beside the build: every one reaches the cache, whole, and the
site gets its own link to it that a later change to the site cannot write through."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest
from congress.atomic_files import atomic_write, link_or_copy
from congress.images.drawings import Drawing, DrawingPool
from PIL import Image

SITE = "望澜市人大常委会"
URL = "https://www.wanglan-rd.example/deputies/li-ming/"
CARDS = [Drawing("card", (SITE, f"第{n}届代表座谈会在临江区召开", "要闻")) for n in range(40)]
PLAQUE = Drawing("plaque", (URL, SITE, "李明代表", "扫码查看代表履职信息"))
CODE = Drawing("qr", (URL, "李明代表的二维码"))


def size_of(path: Path) -> tuple[int, int]:
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        return image.size


@pytest.mark.parametrize("workers", [1, 2])
def test_every_drawing_added_is_in_the_cache_once_finished(tmp_path: Path, workers: int) -> None:
    pool = DrawingPool(tmp_path, max_workers=workers, batch=8)
    paths = [Path(p) for p in pool.add(*CARDS) + pool.add(CODE, PLAQUE, CARDS[0])]
    pool.finish()
    assert [size_of(p) for p in paths[:40]] == [(1200, 630)] * 40
    assert paths[40].read_text("utf-8").startswith("<svg")
    assert size_of(paths[41]) == (1748, 2480) and paths[42] == paths[0]
    assert (pool.stats.drawn, pool.stats.reused) == (42, 0)  # the repeated card counts once
    assert not list((tmp_path / "drawings").glob(".*"))  # no temporary file left behind

    again = DrawingPool(tmp_path, max_workers=workers)
    assert [Path(p) for p in again.add(*CARDS)] == paths[:40]
    again.finish()
    assert (again.stats.drawn, again.stats.reused) == (0, 40)


def test_a_build_that_stops_leaves_only_whole_drawings(tmp_path: Path) -> None:
    pool = DrawingPool(tmp_path, max_workers=2, batch=4)
    for drawing in CARDS:
        pool.add(drawing)
    pool.close()  # as on a build error: what has not started is dropped
    for path in (tmp_path / "drawings").iterdir():
        assert not path.name.startswith(".")
        assert size_of(path) == (1200, 630)
    assert len(list((tmp_path / "drawings").iterdir())) < len(CARDS)


def test_publishing_links_the_cached_file_and_replaces_what_was_there(tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "card.png"
    cached.parent.mkdir()
    cached.write_bytes(b"card")
    target = tmp_path / "site" / "news" / "a" / "share-card.png"
    link_or_copy(cached, target)  # its folder is made
    assert target.read_bytes() == b"card" and target.stat().st_ino == cached.stat().st_ino

    # An older file in the site is replaced, and writing into the site cannot reach the cache.
    other = tmp_path / "cache" / "new.png"
    other.write_bytes(b"new card")
    link_or_copy(other, target)
    assert target.read_bytes() == b"new card" and cached.read_bytes() == b"card"
    link_or_copy(other, target)  # again, as a preview does: nothing left beside it
    assert sorted(p.name for p in target.parent.iterdir()) == ["share-card.png"]


def test_publishing_copies_where_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = tmp_path / "card.png"
    cached.write_bytes(b"card")

    def refused(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "cross-device link")

    monkeypatch.setattr(os, "link", refused)
    link_or_copy(cached, tmp_path / "site" / "share-card.png")
    copied = tmp_path / "site" / "share-card.png"
    assert copied.read_bytes() == b"card" and copied.stat().st_ino != cached.stat().st_ino
    with pytest.raises(FileNotFoundError):
        link_or_copy(tmp_path / "missing.png", tmp_path / "site" / "x.png")


def test_published_files_are_readable_by_the_web_server(tmp_path: Path) -> None:
    # Files cached before they were made readable are put right as they are published.
    old = tmp_path / "cache" / "old.png"
    old.parent.mkdir()
    old.write_bytes(b"old")
    old.chmod(0o600)
    new = tmp_path / "cache" / "new.png"
    atomic_write(new, b"new")
    for cached in (old, new):
        target = tmp_path / "site" / cached.name
        link_or_copy(cached, target)
        assert target.stat().st_mode & 0o044 == 0o044, oct(target.stat().st_mode)
