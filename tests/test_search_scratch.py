"""Where Pagefind reads a part's excerpts: a folder in memory when the machine has one with room,
else beside the cache. Either way the index holds every page, and no excerpt is left behind,
in memory or on disk, not even one a stopped build left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from congress_mkdocs import search_index
from congress_mkdocs.search_index import scratch_folder
from site_factory import build
from test_search import (
    PART_CHARACTERS,
    html_pages,
    pagefind_wrapper,
    part_folders,
    search_site,
    urls_by_part,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for /dev/shm."""
    folder = tmp_path / "memory"
    folder.mkdir()
    monkeypatch.setattr(search_index, "MEMORY_FOLDER", folder)
    return folder


def indexed_in_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, list[Path]]:
    """Builds the test site in parts, after a stopped build left an excerpt in its scratch
    folder; returns the source folder, the site and the folder each Pagefind run worked in."""
    pid_file = pagefind_wrapper(tmp_path, monkeypatch)
    root = search_site(tmp_path / "src", part_characters=PART_CHARACTERS)
    left = scratch_folder(root / ".cache" / "search") / "0a1b.site-99" / "site" / "index.html"
    left.parent.mkdir(parents=True)
    left.write_text("<html><title>上次中断留下的</title></html>", encoding="utf-8")
    site = build(root)
    runs = pid_file.read_text().split()
    return root, site, [Path(Path(f"{pid_file}.{run}.cwd").read_text().strip()) for run in runs]


def assert_whole_and_tidy(root: Path, site: Path) -> None:
    parts = urls_by_part(site / "pagefind")
    assert sorted(url for urls in parts for url in urls) == sorted(html_pages(site))
    cache = root / ".cache" / "search"
    assert len(parts) > 1 and len(list(cache.iterdir())) == len(parts)
    assert all(re.fullmatch("[0-9a-f]{40}", entry.name) for entry in cache.iterdir())


def test_excerpts_are_read_from_memory_and_none_stay_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory: Path
) -> None:
    root, site, folders = indexed_in_parts(tmp_path, monkeypatch)
    assert len(folders) == len(part_folders(site / "pagefind"))
    assert all(folder.is_relative_to(memory) for folder in folders), folders
    assert list(memory.iterdir()) == []
    assert_whole_and_tidy(root, site)


@pytest.mark.parametrize(
    "machine",
    [
        pytest.param({"MEMORY_ROOM": 2**62}, id="memory-folder-too-small"),
        pytest.param({"MEMORY_FOLDER": Path("/no/such/folder")}, id="no-memory-folder"),
    ],
)
def test_without_room_in_memory_excerpts_are_written_beside_the_cache_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory: Path, machine: dict[str, object]
) -> None:
    for name, value in machine.items():
        monkeypatch.setattr(search_index, name, value)
    root, site, folders = indexed_in_parts(tmp_path, monkeypatch)
    cache = root / ".cache" / "search"
    assert folders and all(folder.parent == cache for folder in folders), folders
    assert list(memory.iterdir()) == []
    assert_whole_and_tidy(root, site)
