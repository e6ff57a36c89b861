"""The site's folders made ahead of the build by another process: every folder the files will be
written to exists once it is done, and without `xargs` the build simply makes them itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress_mkdocs import site_folders
from congress_mkdocs.site_folders import SiteFolders


def _paths(site: Path) -> list[str]:
    return [
        str(site / "feeds" / "deputies" / "p1" / "rss.xml"),
        str(site / "deputies" / "p1" / "index.html"),
        str(site / "news" / "2026-11-26-空格 与中文" / "index.html"),
        str(site / "index.html"),
    ]


def test_every_folder_a_file_goes_to_is_made(tmp_path: Path) -> None:
    folders = SiteFolders()
    folders.start(_paths(tmp_path / "site"))
    folders.wait()
    for path in _paths(tmp_path / "site"):
        assert Path(path).parent.is_dir(), path
        assert not Path(path).exists()  # folders only: the build writes the files


def test_without_xargs_nothing_is_made_and_nothing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_folders.shutil, "which", lambda name: None)
    folders = SiteFolders()
    folders.start(_paths(tmp_path / "site"))
    folders.wait()
    assert not (tmp_path / "site").exists()
