"""QR codes, plaques and share cards for many pages, drawn once and then served from the cache.

A drawing is named by a hash of what it shows and of the font that draws it, so a rebuild redraws
only the pages whose name, title or address changed; the rest cost one stat each."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from congress.atomic_files import atomic_write
from congress.images.fonts import find_cjk_font
from congress.images.plaque import qr_plaque_png
from congress.images.qr import qr_svg
from congress.images.share_card import share_card_png

DRAWING_VERSION = 2


@dataclass(frozen=True)
class Drawing:
    """`plaque`: (url, site name, title, subtitle); `card`: (site name, title, category);
    `qr`: (url, title), an inline SVG (choosing the best mask takes segno tens of milliseconds,
    too long to repeat for every deputy on every build)."""

    kind: Literal["plaque", "card", "qr"]
    args: tuple[str, ...]


@lru_cache(maxsize=1)
def _font_identity() -> str:
    font = find_cjk_font()
    return f"{font.name}:{font.stat().st_size}"


def drawing_path(cache_root: Path, drawing: Drawing) -> Path:
    material = json.dumps([DRAWING_VERSION, _font_identity(), drawing.kind, list(drawing.args)])
    key = hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]
    suffix = ".svg" if drawing.kind == "qr" else ".png"
    return cache_root / "drawings" / f"{drawing.kind}-{key}{suffix}"


def _draw(kind: str, args: tuple[str, ...], target: str) -> None:
    if kind == "qr":
        data = qr_svg(args[0], title=args[1]).encode("utf-8")
    elif kind == "plaque":
        data = qr_plaque_png(*args)
    else:
        data = share_card_png(*args)
    atomic_write(Path(target), data)


@dataclass
class DrawingStats:
    drawn: int = 0
    reused: int = 0


def draw_all(
    drawings: Iterable[Drawing],
    cache_root: Path,
    *,
    max_workers: int | None = None,
    stats: DrawingStats | None = None,
) -> dict[Drawing, Path]:
    """The cached PNG of every drawing, drawing the missing ones (in worker processes when there
    are several). Raises FontNotFoundError before any work when no Chinese font is installed."""
    paths = {drawing: drawing_path(cache_root, drawing) for drawing in dict.fromkeys(drawings)}
    missing = [(d, p) for d, p in paths.items() if not p.is_file()]
    workers = min(max_workers or os.cpu_count() or 1, len(missing))
    kinds = [d.kind for d, _ in missing]
    args = [d.args for d, _ in missing]
    targets = [str(p) for _, p in missing]
    if workers <= 1:
        for item in zip(kinds, args, targets, strict=True):
            _draw(*item)
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            list(pool.map(_draw, kinds, args, targets, chunksize=4))
    if stats is not None:
        stats.drawn += len(missing)
        stats.reused += len(paths) - len(missing)
    return paths
