"""A part of the search index made by Pagefind's service from pages handed over in memory."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from congress_mkdocs.pagefind_service import SearchIndexError, _wait_for_writes, index_part

CONFIG = {"root_selector": "main", "exclude_selectors": [], "force_language": "zh"}


def page(title: str, text: str) -> bytes:
    html = f"<html lang='zh'><head><title>{title}</title></head><body><main><h1>{title}</h1>"
    return (html + f"<p>{text}</p></main></body></html>").encode("utf-8")


PAGES = {
    "deputies/wang-fang/index.html": page("王芳", "望湖区人大代表，关注老旧小区加装电梯。"),
    "stations/xinhe/index.html": page("新河街道代表联络站", "每月第一个星期三接待群众。"),
    "leaflet.html": page("便民手册", "代表联络站的开放时间。"),
}


def fragments(bundle: Path) -> dict[str, dict[str, object]]:
    found = {}
    for file in (bundle / "fragment").iterdir():
        record = json.loads(gzip.decompress(file.read_bytes())[len(b"pagefind_dcd") :])
        found[str(record["url"])] = record
    return found


def test_every_page_given_is_indexed_under_the_url_its_path_gives(tmp_path: Path) -> None:
    output = tmp_path / "index"
    index_part(list(PAGES), PAGES.__getitem__, CONFIG, output)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == 3
    records = fragments(output)
    assert set(records) == {"/deputies/wang-fang/", "/stations/xinhe/", "/leaflet.html"}
    # Segmented as Chinese: words apart by zero-width spaces.
    assert "加装\u200b电梯" in str(records["/deputies/wang-fang/"]["content"])


def test_a_page_that_cannot_be_read_stops_indexing_with_its_own_error(tmp_path: Path) -> None:
    def html(path: str) -> bytes:
        if path == "leaflet.html":
            raise FileNotFoundError("site/leaflet.html")
        return PAGES[path]

    with pytest.raises(FileNotFoundError, match="leaflet"):
        index_part(list(PAGES), html, CONFIG, tmp_path / "index")
    assert not (tmp_path / "index" / "pagefind-entry.json").exists()


def test_a_config_pagefind_refuses_is_an_error_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="Pagefind 出错"):
        index_part(list(PAGES), PAGES.__getitem__, {"root_selector": 3}, tmp_path / "index")


WRITER = """
import sys, time
file = open(sys.argv[1], "w")
print("open", flush=True)
time.sleep(0.4)
file.write("whole")
file.close()
time.sleep(30)
"""


def test_indexing_ends_only_once_no_file_of_the_index_is_still_open(tmp_path: Path) -> None:
    """Pagefind's last answer can come while its files are still being written."""
    target = tmp_path / "index" / "pagefind-entry.json"
    target.parent.mkdir()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "open\n"
        started = time.monotonic()
        _wait_for_writes(writer.pid, target.parent)
        assert target.read_text() == "whole"
        assert time.monotonic() - started > 0.2
    finally:
        writer.kill()
        writer.wait()
