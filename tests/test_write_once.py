"""An editor's new or imported file is written whole, never over one that is there."""

from __future__ import annotations

import os
from pathlib import Path

from congress.atomic_files import write_once


def test_a_new_file_is_written_whole_into_a_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "content" / "news" / "2026-03-15-jie-dai-ri.md"
    assert write_once(target, "---\ntitle: 接待日\n---\n".encode())
    assert target.read_text(encoding="utf-8") == "---\ntitle: 接待日\n---\n"
    assert os.listdir(target.parent) == [target.name]  # no temporary file left


def test_a_file_that_is_there_is_kept_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("编辑改过的内容", encoding="utf-8")
    assert not write_once(target, b"new")
    assert target.read_text(encoding="utf-8") == "编辑改过的内容"
    assert os.listdir(tmp_path) == ["a.md"]
