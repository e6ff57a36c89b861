"""A preview whose rebuild fails shows the problems in the browser instead of hanging, and goes
back to the site once the editor has fixed them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from congress_mkdocs.preview_problems import FailedBuild, failure_text, with_banner
from mkdocs.exceptions import PluginError
from site_factory import write_site

PAGE = b"<html><body><h1>\xe4\xbb\xa3\xe8\xa1\xa8</h1></body></html>"


def _app(body: bytes, content_type: str) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", "1")])
        return [body]

    return app


def _serve(app: Any) -> tuple[str, dict[str, str], bytes]:
    got: list[Any] = []
    body = b"".join(app({}, lambda status, headers: got.extend([status, dict(headers)])))
    return got[0], got[1], body


@pytest.mark.parametrize(
    ("message", "content_type", "shown"),
    [
        (None, "text/html", False),
        ("data/deputies/li-ming.yml:3:1: gender: 应为以下之一", "text/html", True),
        ("data/deputies/li-ming.yml:3:1: gender: 应为以下之一", "text/html; charset=utf-8", True),
        ("data/deputies/li-ming.yml:3:1: gender: 应为以下之一", "text/css", False),
    ],
)
def test_pages_carry_the_failure_only_while_there_is_one(
    message: str | None, content_type: str, shown: bool
) -> None:
    failed = FailedBuild()
    failed.message = message
    status, headers, body = _serve(with_banner(_app(PAGE, content_type), failed))
    assert status == "200 OK"
    assert int(headers["Content-Length"]) == len(body) or not shown
    if not shown:
        assert body == PAGE
        return
    assert body.startswith(PAGE[: PAGE.index(b"</body>")]) and body.endswith(b"</body></html>")
    text = body.decode()
    assert 'role="alert"' in text and "预览没有更新" in text and message in text


def test_a_hostile_message_is_shown_as_text() -> None:
    failed = FailedBuild()
    failed.message = "data/deputies/x.yml:1:1: name: <script>alert(1)</script>"
    _, _, body = _serve(with_banner(_app(PAGE, "text/html"), failed))
    assert b"<script>alert" not in body
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize(
    ("error", "logged", "words"),
    [
        (
            PluginError("Aborted with a BuildError!"),
            ["内容检查未通过：第 3 行"],
            "内容检查未通过：第 3 行",
        ),
        (PluginError("缺少 site_url"), [], "缺少 site_url"),
        (KeyError("deputies"), [], "程序出错（KeyError"),
    ],
)
def test_the_failure_is_told_in_the_words_written_for_editors(
    error: Exception, logged: list[str], words: str
) -> None:
    assert words in failure_text(error, logged)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _until(url: str, wanted: bool, deadline: float) -> str:
    while True:
        try:
            page = _get(url)
            if ("congress-preview-failed" in page) == wanted:
                return page
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} did not {'show' if wanted else 'drop'} the failure")
        time.sleep(0.3)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = write_site(tmp_path / "office")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield root, f"http://127.0.0.1:{port}/deputies/li-ming/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_broken_file_is_shown_in_the_browser_until_it_is_fixed(
    served: tuple[Path, str],
) -> None:
    root, url = served
    deadline = time.monotonic() + 90
    first = _until(url, False, deadline)
    assert "李明" in first
    deputy = root / "data" / "deputies" / "li-ming.yml"
    good = deputy.read_text(encoding="utf-8")
    deputy.write_text(good.replace("gender: male", "gender: man"), encoding="utf-8")
    broken = _until(url, True, deadline)
    assert "data/deputies/li-ming.yml:3:1: gender: 应为以下之一" in broken
    assert "李明" in broken  # the last good page, under the message
    deputy.write_text(
        good.replace("东湖区第一小学校长", "东湖区第一小学名誉校长"), encoding="utf-8"
    )
    fixed = _until(url, False, deadline)
    assert "东湖区第一小学名誉校长" in fixed
