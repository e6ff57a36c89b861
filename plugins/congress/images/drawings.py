"""QR codes, plaques and share cards for many pages, drawn once and then served from the cache.

A drawing is named by a hash of what it shows and of the font that draws it, so a rebuild redraws
only the pages whose name, title or address changed; the rest cost one stat each. A first build
of a province draws tens of thousands: they are drawn beside the build, not before it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from congress.atomic_files import atomic_write
from congress.images.fonts import find_cjk_font
from congress.images.plaque import qr_plaque_png
from congress.images.qr import qr_svg
from congress.images.share_card import share_card_png

DRAWING_VERSION = 4  # 4: QR codes by zxing-cpp


@dataclass(frozen=True)
class Drawing:
    """`plaque`: (url, site name, title, subtitle); `card`: (site name, title, category);
    `qr`: (url, title), an SVG file."""

    kind: Literal["plaque", "card", "qr"]
    args: tuple[str, ...]


@lru_cache(maxsize=1)
def _font_identity() -> str:
    font = find_cjk_font()
    return f"{font.name}:{font.stat().st_size}"


def drawing_path(cache_root: Path, drawing: Drawing) -> str:
    """Where the drawing is cached. A string, not a Path: a province's build keeps one for each
    of some 70,000 drawings, and a Path holds its parts besides (about 40 MB more)."""
    material = json.dumps([DRAWING_VERSION, _font_identity(), drawing.kind, list(drawing.args)])
    key = hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]
    suffix = ".svg" if drawing.kind == "qr" else ".png"
    return os.path.join(cache_root, "drawings", f"{drawing.kind}-{key}{suffix}")


def _drawn(kind: str, args: tuple[str, ...]) -> bytes:
    if kind == "qr":
        return qr_svg(args[0], title=args[1]).encode("utf-8")
    if kind == "plaque":
        return qr_plaque_png(*args)
    return share_card_png(*args)


def _draw_many(batch: list[tuple[str, tuple[str, ...], str]]) -> None:
    for kind, args, target in batch:
        atomic_write(Path(target), _drawn(kind, args))


def _lower_priority() -> None:
    # The build itself (pages written, Pagefind indexing them) goes first; drawing fills the
    # time a core would otherwise be idle, and has until the build's last page to finish.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)


@dataclass
class DrawingStats:
    drawn: int = 0
    reused: int = 0


class DrawingPool:
    """Draws what the cache lacks in worker processes while the build goes on: a drawing is
    handed over as soon as its page is read, and only the build's end waits for the last one.

        pool = DrawingPool(cache_root)
        paths = pool.add(code, plaque, card)    # where they are, or soon will be
        pool.finish()                           # every drawing is in the cache

    `close()` stops it early (a build that failed); what was drawn stays cached."""

    def __init__(
        self, cache_root: Path, *, max_workers: int | None = None, batch: int = 16
    ) -> None:
        self.cache_root = cache_root
        self.stats = DrawingStats()
        self._workers = max_workers or os.cpu_count() or 1
        self._batch = batch
        self._paths: dict[Drawing, str] = {}
        self._waiting: list[tuple[str, tuple[str, ...], str]] = []
        self._futures: list[Future[None]] = []
        self._executor: ProcessPoolExecutor | None = None

    def add(self, *drawings: Drawing) -> list[str]:
        """The cached file of each drawing, drawn in the background when it is not there yet;
        drawings added together are drawn together. Raises FontNotFoundError when no Chinese
        font is installed."""
        paths = []
        for drawing in drawings:
            path = self._paths.get(drawing)
            if path is None:
                path = self._paths[drawing] = drawing_path(self.cache_root, drawing)
                if os.path.isfile(path):
                    self.stats.reused += 1
                else:
                    self.stats.drawn += 1
                    self._waiting.append((drawing.kind, drawing.args, path))
            paths.append(path)
        if len(self._waiting) >= self._batch:
            self._hand_over()
        return paths

    def finish(self) -> None:
        """Waits until every drawing added is in the cache; a drawing that failed raises here."""
        if self._workers <= 1:
            _draw_many(self._waiting)
            self._waiting = []
        self._hand_over()
        try:
            for future in self._futures:
                future.result()
        finally:
            self.close()

    def close(self) -> None:
        """Stops drawing: what is not yet started is dropped."""
        self._waiting, self._futures = [], []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _hand_over(self) -> None:
        if not self._waiting or self._workers <= 1:
            return
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_lower_priority,
            )
        self._futures.append(self._executor.submit(_draw_many, self._waiting))
        self._waiting = []
