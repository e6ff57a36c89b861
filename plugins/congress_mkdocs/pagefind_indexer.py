"""Pagefind fed page by page while the site renders: what of a page to send, and the index built
on an event loop in a thread beside the build (the service client is in pagefind_service.py)."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from contextlib import suppress

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


class Indexer:
    """A Pagefind index being built on an event loop of its own, in a thread beside the build.

    Pages are submitted from the build's thread without waiting; Pagefind indexes them one at a
    time, in the order they were submitted, on another core."""

    def __init__(self, options: IndexConfig) -> None:
        self._batch: list[tuple[str, str]] = []
        self._closed = False
        # Touched on the loop's thread only.
        self._queued: list[tuple[str, str]] = []
        self._service: PageService | None = None
        self._index: PagefindIndex | None = None
        self._startup_failure: Exception | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="congress-search", daemon=True
        )
        self._thread.start()
        self._ready = asyncio.run_coroutine_threadsafe(self._open(options), self._loop)

    # On the build's thread.

    @property
    def failure(self) -> Exception | None:
        """What went wrong so far, if anything; read without waiting for Pagefind."""
        service = self._service
        return self._startup_failure or (service.failure if service else None)

    def submit(self, url: str, html: str) -> None:
        self._batch.append((url, html))
        if len(self._batch) >= _BATCH:
            self._hand_over()

    def finish(self) -> int:
        """Waits for every submitted page, writes the index and returns the number of pages."""
        self._hand_over()
        return asyncio.run_coroutine_threadsafe(self._finish(), self._loop).result()

    def close(self) -> None:
        """Stops Pagefind, the loop and the thread; safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        try:
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=30)
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

    async def _open(self, options: IndexConfig) -> None:
        try:
            self._service = PageService()
            await self._service.launch()
            self._index = await self._service.create_index(options)
        except Exception as exc:
            self._startup_failure = exc
            raise
        self._send([])

    def _send(self, batch: list[tuple[str, str]]) -> None:
        self._queued += batch
        if self._service is not None and self._index is not None and self._queued:
            self._service.add_pages(self._index, self._queued)
            self._queued = []

    async def _finish(self) -> int:
        await asyncio.wrap_future(self._ready)
        assert self._service is not None and self._index is not None
        pages = await self._service.wait_for_pages()
        await self._index.write_files()
        return pages

    async def _stop(self) -> None:
        # Starting takes milliseconds; cancelling it could leave a process started but unknown.
        with suppress(Exception):
            await asyncio.wait_for(asyncio.wrap_future(self._ready), timeout=10)
        if self._service is not None:
            await self._service.stop()
