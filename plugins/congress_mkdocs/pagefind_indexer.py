"""Pagefind fed page by page while the site renders: what of a page to send, and the index built
on an event loop in a thread beside the build, in parts of bounded size (the service client is in
pagefind_service.py)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from pagefind.index import IndexConfig, PagefindIndex

from congress_mkdocs.pagefind_service import PageService

log = logging.getLogger("mkdocs.plugins.congress.search")


_SIMPLE_SELECTOR = re.compile(r"([A-Za-z][A-Za-z0-9-]*)((?:\.[\w-]+)*)")
_CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_HTML_TAG = re.compile(r"<html(?=[\s>])[^>]*>", re.I)


class Excerpt:
    """What Pagefind needs of a page when a root selector is set: the `<html>` tag (for the
    language), the `<title>` and everything from the root element's start tag to the last end tag
    of its kind. Outside the root element Pagefind reads only the `<html>` tag; the navigation
    before it and the footer after it, four fifths of a Material page, would be sent, parsed and
    thrown away. A selector more complex than `tag.class.class` keeps the whole page."""

    def __init__(self, root_selector: str) -> None:
        simple = _SIMPLE_SELECTOR.fullmatch(root_selector.strip())
        self.tag = simple.group(1).lower() if simple else ""
        self.classes = frozenset(simple.group(2).split(".")[1:]) if simple else frozenset()
        self.start = re.compile(rf"<{self.tag}(?=[\s/>])[^>]*>", re.I) if simple else None

    def __call__(self, html: str) -> str:
        if self.start is None:
            return html
        for tag in self.start.finditer(html):
            attribute = _CLASS_ATTRIBUTE.search(tag.group())
            value = next(filter(None, attribute.groups()), "") if attribute else ""
            if self.classes <= set(value.split()):
                return self._cut(html, tag.start())
        return html

    def _cut(self, html: str, start: int) -> str:
        opening = _HTML_TAG.search(html, 0, start)
        end = html.rfind(f"</{self.tag}", start)
        if opening is None or end < 0:
            return html
        title_start = html.find("<title", 0, start)
        title_end = html.find("</title>", title_start, start) if title_start >= 0 else -1
        title = html[title_start : title_end + len("</title>")] if title_end >= 0 else ""
        end = html.find(">", end) + 1 or len(html)
        return f"<!DOCTYPE html>{opening.group()}<head>{title}</head><body>{html[start:end]}</body></html>"


_BATCH = 32
"""Pages handed to the indexing thread at a time: one wake-up of its loop for each batch."""

_WINDOW = 256
"""Most pages sent to Pagefind and not answered yet. The rest wait in Python as text: sent, a
page sits in the pipe's buffer as base64 JSON, about twice its size as a Python string, and a
part opened after a rotation would otherwise get the whole backlog at once."""

_PART_FILES = re.compile(r"pagefind-entry\.json|pagefind\..+\.pf_meta")
"""The top-level files a merged part is searched with; its copies of Pagefind's scripts, styles
and wasm are never fetched, since a merged index runs on the first part's."""


async def _write_whole(index: PagefindIndex, folder: str) -> None:
    """Writes the index, and again if its entry file came out empty or cut short: a benchmark
    build on a loaded machine once found an empty pagefind-entry.json, which leaves the search
    box waiting for ever. The index is still in Pagefind's memory, so writing again is safe."""
    entry = os.path.join(folder, "pagefind-entry.json")
    for _ in range(3):
        await index.write_files()
        try:
            with open(entry, encoding="utf-8") as file:
                json.load(file)
            return
        except (OSError, ValueError):
            await asyncio.sleep(0.5)
    raise RuntimeError(f"Pagefind 写出的索引不完整：{entry}")


@dataclass(frozen=True)
class Written:
    pages: int
    """Pages indexed, across all parts."""
    parts: list[str]
    """Each part's folder relative to the bundle folder: "" for the first, then "part-2/"..."""


class Indexer:
    """A Pagefind index being built on an event loop of its own, in a thread beside the build.

    Pages are submitted from the build's thread without waiting; Pagefind indexes them one at a
    time, in the order they were submitted, on another core. One Pagefind process holds a whole
    index in memory until it writes it (up to some 370 KB a page), so the index is written in parts of
    at most `part_pages` pages, each by a process of its own: the first part into the bundle
    folder, the next ones into part-2/, part-3/... inside it. One process runs at a time; pages
    submitted while a full part is written wait in Python for the next one."""

    def __init__(self, options: IndexConfig, part_pages: int = 4000) -> None:
        self._batch: list[tuple[str, str]] = []
        self._closed = False
        self._options = options
        self._bundle = str(options.get("output_path") or "pagefind")
        self._part_pages = max(1, part_pages)
        # Touched on the loop's thread only (`_failure` is also read from the build's).
        self._queued: list[tuple[str, str]] = []
        self._service: PageService | None = None  # the open part's, None while none is open
        self._index: PagefindIndex | None = None
        self._sent = 0  # pages sent to the open part
        self._written = Written(0, [])
        self._live: set[PageService] = set()  # launched and not stopped yet
        self._rotation: asyncio.Task[None] | None = None
        self._opening: asyncio.Task[None] | None = None
        self._closing = False
        self._failure: Exception | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="congress-search", daemon=True
        )
        self._thread.start()
        self._ready = asyncio.run_coroutine_threadsafe(self._start(), self._loop)

    # On the build's thread.

    @property
    def failure(self) -> Exception | None:
        """What went wrong so far, if anything; read without waiting for Pagefind."""
        service = self._service
        return self._failure or (service.failure if service else None)

    def submit(self, url: str, html: str) -> None:
        self._batch.append((url, html))
        if len(self._batch) >= _BATCH:
            self._hand_over()

    def finish(self) -> Written:
        """Waits for every submitted page and writes the index's last part."""
        self._hand_over()
        return asyncio.run_coroutine_threadsafe(self._finish(), self._loop).result()

    def close(self) -> None:
        """Stops Pagefind, the loop and the thread; safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=60)
        except Exception as exc:
            log.warning("站内搜索：无法正常关闭 Pagefind 进程：%s", exc)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
            if not self._thread.is_alive():
                self._loop.close()

    def _hand_over(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            self._loop.call_soon_threadsafe(self._send, batch)

    # On the loop's thread: callbacks run in the order they were scheduled, so pages reach
    # Pagefind in the order they were submitted.

    async def _start(self) -> None:
        self._opening = asyncio.ensure_future(self._open_part())
        try:
            await asyncio.shield(self._opening)
        except Exception as exc:
            self._fail(exc)
            raise
        self._pump()

    async def _open_part(self) -> None:
        """Launches Pagefind for the next part. Never cancelled: starting takes milliseconds, and
        a cancelled start could leave a process running that nothing knows of."""
        output = os.path.join(self._bundle, self._next_folder())
        service = PageService()
        self._live.add(service)
        await service.launch()
        index = await service.create_index(IndexConfig(**{**self._options, "output_path": output}))
        service.on_answer = self._pump
        self._service, self._index, self._sent = service, index, 0

    def _send(self, batch: list[tuple[str, str]]) -> None:
        self._queued += batch
        self._pump()

    def _pump(self) -> None:
        """Sends queued pages to the open part, up to its size; when it is full and pages are
        left, detaches it (nothing more goes to it) and starts writing it."""
        service, index = self._service, self._index
        if service is None or index is None or self._closing:
            return
        room = min(self._part_pages - self._sent, _WINDOW - service.in_flight)
        if room > 0 and self._queued and service.in_flight <= _WINDOW // 2:
            pages, self._queued = self._queued[:room], self._queued[room:]
            service.add_pages(index, pages)
            self._sent += len(pages)
        if self._sent >= self._part_pages and self._queued and self._rotation is None:
            self._service = self._index = None
            self._rotation = asyncio.ensure_future(
                self._rotate(service, index, time.perf_counter())
            )

    async def _rotate(self, service: PageService, index: PagefindIndex, since: float) -> None:
        try:
            await self._write_part(service, index, since)
            self._opening = asyncio.ensure_future(self._open_part())
            await asyncio.shield(self._opening)
        except Exception as exc:
            self._fail(exc)
        self._rotation = None
        self._pump()

    async def _write_part(self, service: PageService, index: PagefindIndex, since: float) -> None:
        """Waits for the part's pages and writes it; `since` is when it got its last page (or,
        the last part, when the build finished), for the log."""
        try:
            pages = await service.wait_for_pages()
            written = time.perf_counter()
            await _write_whole(index, os.path.join(self._bundle, self._next_folder()))
            log.debug(
                "站内搜索：第 %d 部分 %d 个页面，等待索引 %.1f 秒，写入 %.1f 秒",
                len(self._written.parts) + 1,
                pages,
                written - since,
                time.perf_counter() - written,
            )
        finally:
            await service.stop()
            self._live.discard(service)
        folder = self._next_folder()
        if folder:
            for entry in os.scandir(os.path.join(self._bundle, folder)):
                if entry.is_file() and not _PART_FILES.fullmatch(entry.name):
                    os.remove(entry.path)
        self._written = Written(self._written.pages + pages, [*self._written.parts, folder])

    def _next_folder(self) -> str:
        """The folder, relative to the bundle's, of the part being indexed (one at a time)."""
        number = len(self._written.parts) + 1
        return "" if number == 1 else f"part-{number}/"

    def _fail(self, error: Exception) -> None:
        if self._failure is None:
            self._failure = error

    async def _finish(self) -> Written:
        since = time.perf_counter()
        await asyncio.wrap_future(self._ready)
        while True:
            while self._rotation is not None:
                await self._rotation
            if self._failure is not None:
                raise self._failure
            service, index = self._service, self._index
            assert service is not None and index is not None
            self._pump()
            # Queued pages go out as replies come in; the part is the last one once none is
            # left and none made it rotate.
            await service.wait_for_pages()
            if self._service is service and not self._queued:
                break
        self._service = self._index = None
        await self._write_part(service, index, since)
        return self._written

    async def _stop(self) -> None:
        self._closing = True
        with suppress(Exception):
            await asyncio.wait_for(asyncio.wrap_future(self._ready), timeout=10)
        if self._rotation is not None:
            self._rotation.cancel()
            await asyncio.wait([self._rotation])
        if self._opening is not None:
            with suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._opening), timeout=10)
        for service in list(self._live):
            await service.stop()
            self._live.discard(service)
