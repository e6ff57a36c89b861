"""One part of the search index, made by `pagefind --service` from pages handed over on its
standard input: no copy of the pages is written to disk and deleted again (at 20,000 pages that
was some 20,000 folders made and removed, on the build's main core).

The service reads base64 JSON messages, each followed by a comma, and answers each one the same
way on its standard output. The `pagefind` package's own client waits a tenth of a second
before reading each answer, which would be minutes for a part of 1,600 pages; this one writes
the messages from a thread while the answers are read as they come."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from pagefind.service import get_executable


class SearchIndexError(RuntimeError):
    """Pagefind could not index a part; the message is for an editor, in Chinese."""


def index_part(
    paths: list[str],
    html: Callable[[str], bytes],
    config: dict[str, Any],
    output: Path,
) -> None:
    """Indexes the pages at `paths` (relative to the site, as Pagefind names their URLs), each
    page's HTML given by `html(path)`, with Pagefind's service `config`, into the folder
    `output`."""
    executable = get_executable()
    if executable is None:
        raise SearchIndexError("找不到 Pagefind 程序：请运行 make setup 安装依赖")
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                [str(executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except OSError as exc:
            raise SearchIndexError(f"无法运行 Pagefind：{exc}") from exc
        assert process.stdin is not None and process.stdout is not None
        messages = _messages(paths, html, config, output)
        writer = _Writer(process.stdin, messages)
        writer.start()
        done = False
        try:
            _read_answers(process.stdout, last=len(paths) + 2)
            _wait_for_writes(process.pid, output)
            done = True
        except SearchIndexError as exc:
            raise writer.failure() or _with_output(exc, process, errors) from None
        finally:
            if not done:
                process.kill()  # and with it a writer waiting for room in the pipe
            writer.join()
            with contextlib.suppress(BrokenPipeError):
                process.stdin.close()  # the service's end
            process.wait()


def _messages(
    paths: list[str], html: Callable[[str], bytes], config: dict[str, Any], output: Path
) -> Iterable[bytes]:
    yield _message(1, {"type": "NewIndex", "config": config})
    for number, path in enumerate(paths, start=2):
        contents = html(path).decode("utf-8")
        add = {"type": "AddFile", "index_id": 0, "file_path": path, "file_contents": contents}
        yield _message(number, add)
    write = {"type": "WriteFiles", "index_id": 0, "output_path": str(output.resolve())}
    yield _message(len(paths) + 2, write)


def _message(number: int, payload: dict[str, Any]) -> bytes:
    data = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False)
    return base64.b64encode(data.encode("utf-8")) + b","


class _Writer(threading.Thread):
    """Writes the messages while the answers are read: Pagefind answers each page as it reads
    it, and would stop reading once its answers filled the pipe. Standard input stays open
    until the last answer is read: at its end, the service stops, with work still queued."""

    def __init__(self, stdin: IO[bytes], messages: Iterable[bytes]) -> None:
        super().__init__(name="congress-search-pages", daemon=True)
        self.stdin, self.messages = stdin, messages
        self._failure: BaseException | None = None

    def run(self) -> None:
        try:
            for message in self.messages:
                self.stdin.write(message)
            self.stdin.flush()
        except BrokenPipeError:
            pass  # Pagefind stopped: its answers or its exit say why
        except BaseException as exc:  # a page could not be read: stop Pagefind with it
            self._failure = exc
            self.stdin.close()

    def failure(self) -> BaseException | None:
        return self._failure


def _read_answers(stdout: IO[bytes], last: int) -> None:
    """Reads answers until the one to message `last`; raises on an error or an early end."""
    pending = b""
    while True:
        chunk = stdout.read1(1 << 16)  # type: ignore[attr-defined]
        if not chunk:
            raise SearchIndexError("Pagefind 提前退出")
        *answers, pending = (pending + chunk).split(b",")
        for answer in answers:
            message = json.loads(base64.b64decode(answer))
            payload = message.get("payload") or {}
            if payload.get("type") == "Error":
                raise SearchIndexError(f"Pagefind 出错：{payload.get('message', '')}")
            if message.get("message_id") == last:
                return


def _wait_for_writes(pid: int, folder: Path, timeout: float = 60.0) -> None:
    """Waits until process `pid` has no file in `folder` open. Pagefind answers WriteFiles once
    it has handed each file's bytes to a background write, and stops the moment its standard
    input ends: closing it at once has left a part with an empty pagefind-entry.json. A file
    is written before it is closed, so once none is open every file is whole."""
    descriptors = f"/proc/{pid}/fd"
    if not os.path.isdir(descriptors):  # not Linux: a moment is all the writes have needed
        time.sleep(0.5)
        return
    inside = os.path.join(os.path.realpath(folder), "")
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        try:
            names = os.listdir(descriptors)
        except FileNotFoundError:
            return  # it has stopped: nothing is being written
        if not any(_target(descriptors, name).startswith(inside) for name in names):
            return
        time.sleep(0.005)
    raise SearchIndexError(f"Pagefind 在 {timeout:.0f} 秒内没有写完索引文件")


def _target(descriptors: str, name: str) -> str:
    try:
        return os.readlink(os.path.join(descriptors, name))
    except OSError:  # closed since it was listed
        return ""


def _with_output(
    error: SearchIndexError, process: subprocess.Popen[bytes], errors: IO[bytes]
) -> SearchIndexError:
    """The error, or Pagefind's exit code if it stopped with one, and what it printed."""
    if process.poll() is None:
        process.kill()
    code = process.wait()
    errors.seek(0)
    said = errors.read().decode("utf-8", "replace").strip()[-2000:]
    message = f"Pagefind 出错退出（代码 {code}）" if code > 0 else str(error)
    return SearchIndexError(f"{message}：{said}" if said else message)
