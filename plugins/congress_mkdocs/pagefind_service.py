"""Pagefind's service client, made fit for a request per page.

Tied to pagefind==1.5.2: `PageService` uses private parts of its Python client; rerun
tests/test_search.py when upgrading."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from pagefind.index import PagefindIndex
from pagefind.service import PagefindService


class PageService(PagefindService):
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
        self.on_answer: Callable[[], None] | None = None
        """Called on the loop after each page's reply, to send more pages as room frees up."""

    @property
    def in_flight(self) -> int:
        """Pages sent and not answered yet."""
        return len(self._page_urls)

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
            requests.append(
                base64.b64encode(json.dumps(request, ensure_ascii=False).encode()) + b","
            )
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
        """The upstream request, except that a Pagefind which has exited fails it with the
        reader's Chinese error rather than the pipe's own (`Connection lost`)."""
        if self.failure is not None:
            raise self.failure
        assert self._backend.stdin is not None
        self._message_id += 1
        reply: asyncio.Future[Any] = self._loop.create_future()
        self._responses[self._message_id] = reply
        request = {"message_id": self._message_id, "payload": payload}
        self._backend.stdin.write(
            base64.b64encode(json.dumps(request, ensure_ascii=False).encode()) + b","
        )
        with suppress(ConnectionError):  # the reader fails the reply at Pagefind's end of output
            await self._backend.stdin.drain()
        return await reply

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
            if self.on_answer is not None:
                self.on_answer()
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
        if backend.returncode is None and backend.stdin is not None:
            # Pagefind exits by itself at the end of its input, after what it was doing.
            backend.stdin.close()
            with suppress(TimeoutError):
                await asyncio.wait_for(backend.wait(), timeout=5)
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
