"""Pagefind fed page by page while the site renders: what of a page to send, a service client fit
for a request per page, and the index built on an event loop in a thread beside the build.

Tied to pagefind==1.5.2: `_Service` uses private parts of its Python client; rerun
tests/test_search.py when upgrading."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import threading
from contextlib import suppress
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

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


class _Service(PagefindService):
    """Pagefind's service client, made fit for a request per page.

    Pages go out in batches without a future each, and the reader counts their replies. The
    upstream reader sleeps 0.1 s before reading each reply (nothing for one add_directory, nine
    minutes for 5,500 add_html_file calls) and never notices Pagefind exiting, which would leave
    every request waiting for ever; this one fails them all."""

    def __init__(self) -> None:
        super().__init__()
        self.failure: Exception | None = None
        self.pages = 0
        self._page_urls: dict[int, str] = {}
        self._answered = asyncio.Event()

    def add_pages(self, index: PagefindIndex, pages: list[tuple[str, str]]) -> None:
        """Sends pages (URL, HTML) to the index, the same AddFile requests `add_html_file` sends,
        without waiting for Pagefind: it reads its input as fast as it comes."""
        assert self._backend.stdin is not None and index._index_id is not None
        if self.failure is not None:
            return
        requests = []
        for url, html in pages:
            self._message_id += 1
            self._page_urls[self._message_id] = url
            payload = {
                "type": "AddFile",
                "index_id": index._index_id,
                "url": url,
                "file_contents": html,
                "file_path": None,
            }
            request = {"message_id": self._message_id, "payload": payload}
            requests.append(base64.b64encode(json.dumps(request).encode()) + b",")
        self._backend.stdin.write(b"".join(requests))

    async def wait_for_pages(self) -> int:
        """Waits for Pagefind to have indexed every page sent; the number of pages."""
        while self._page_urls and self.failure is None:
            self._answered.clear()
            await self._answered.wait()
        if self.failure is not None:
            raise self.failure
        return self.pages

    async def send(self, payload: Any) -> Any:
        if self.failure is not None:
            raise self.failure
        return await super().send(payload)

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        try:
            while True:
                message = await self._backend.stdout.readuntil(b",")
                self._resolve(json.loads(base64.b64decode(message[:-1])))
        except asyncio.IncompleteReadError:
            self._fail(RuntimeError("Pagefind 进程意外退出"))
        except Exception as exc:
            self._fail(RuntimeError(f"无法读取 Pagefind 的回复：{exc}"))

    def _resolve(self, response: dict[str, Any]) -> None:
        payload = response["payload"]
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            # A request Pagefind could not parse comes back without its id, but with the request.
            message_id = json.loads(payload["original_message"]).get("message_id")
        url = self._page_urls.pop(message_id, None) if message_id is not None else None
        if url is not None:
            if payload["type"] == "IndexedFile":
                self.pages += 1
            else:
                self._fail(RuntimeError(f"Pagefind 无法读取页面 {url}：{payload.get('message')}"))
            if not self._page_urls:
                self._answered.set()
            return
        future = self._responses.pop(message_id, None) if message_id is not None else None
        if future is None or future.done():
            return
        if payload["type"] == "Error":
            # Without the original message Pagefind sends back: for a page, the whole page.
            future.set_exception(RuntimeError(payload["message"]))
        else:
            future.set_result(payload)

    def _fail(self, error: Exception) -> None:
        if self.failure is None:
            self.failure = error
        for future in self._responses.values():
            if not future.done():
                future.set_exception(self.failure)
        self._responses.clear()
        self._answered.set()

    async def stop(self) -> None:
        """Ends the Pagefind process and the reader, whatever state they are in."""
        if hasattr(self, "_poll_task"):
            self._poll_task.cancel()
            with suppress(asyncio.CancelledError):
                await self._poll_task
        backend = getattr(self, "_backend", None)
        if backend is None:
            return
        if backend.returncode is None:
            with suppress(ProcessLookupError):
                backend.terminate()
            try:
                await asyncio.wait_for(backend.wait(), timeout=10)
            except TimeoutError:
                with suppress(ProcessLookupError):
                    backend.kill()
                await backend.wait()
        # Closing the pipes now, on this loop, rather than in a warning when the loop is gone.
        transport = getattr(backend, "_transport", None)
        if transport is not None:
            transport.close()


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
        self._service: _Service | None = None
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
            self._service = _Service()
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
