"""The copy of a photo published at its original address (images/news/x.jpg): upright, stripped of
every metadata block (no GPS leaves the site), at most WEB_MAX_SIDE pixels on its long side, in the
format its file name promises, so an old link or a feed enclosure still gets a picture.

    data = web_original(Path("content/images/news/x.jpg"), Path(".cache/images"))

Copies are cached by the source's content hash and these parameters; the same source gives the same
bytes on every machine with the same Pillow."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from congress.atomic_files import atomic_write
from congress.images.cache import DigestMemo, Signature, signature, source_digest
from congress.images.loading import open_image
from congress.images.pipeline import _failure_message
from congress.images.renditions import _on_white, _pixels_only, normalise
from congress.images.specs import MAX_PIXELS

WEB_COPY_VERSION = 1
WEB_MAX_SIDE = 2048
WEB_JPEG_QUALITY = 85
WEB_WEBP_QUALITY = 82

# What a browser expects behind each name; formats browsers cannot show (HEIC, TIFF, BMP, AVIF)
# become JPEG bytes under the original name, which every browser decodes whatever the suffix.
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
RASTER_SUFFIXES = frozenset({*_FORMATS, ".heic", ".heif", ".hif", ".tif", ".tiff", ".bmp", ".avif"})


class UnusableImage(ValueError):
    """The source gave no picture; the message says why, in Chinese, naming the file."""

    def __init__(self, failure: str, message: str) -> None:
        super().__init__(message)
        self.failure = failure


def output_format(suffix: str) -> str:
    return _FORMATS.get(suffix.lower(), "JPEG")


def web_copy_key(digest: str, suffix: str) -> str:
    params = f"web|v{WEB_COPY_VERSION}|max={WEB_MAX_SIDE}|jpeg={WEB_JPEG_QUALITY}"
    material = f"{digest}|{params}|webp={WEB_WEBP_QUALITY}|{output_format(suffix)}"
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def cached_copy_path(cache_root: Path, digest: str, suffix: str) -> Path:
    fmt = output_format(suffix)
    extension = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}[fmt]
    return cache_root / "web" / f"{web_copy_key(digest, suffix)}{extension}"


def encode_web_copy(image: Image.Image, suffix: str) -> bytes:
    upright, has_alpha = normalise(image)
    if max(upright.size) > WEB_MAX_SIDE:
        scale = WEB_MAX_SIDE / max(upright.size)
        size = (max(1, round(upright.width * scale)), max(1, round(upright.height * scale)))
        upright = upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    pixels = _pixels_only(upright)
    fmt = output_format(suffix)
    out = io.BytesIO()
    if fmt == "PNG":
        pixels.save(out, "PNG", optimize=False, compress_level=9)
    elif fmt == "WEBP":
        pixels.save(out, "WEBP", quality=WEB_WEBP_QUALITY, method=4, exact=False)
    elif fmt == "GIF":
        flat = _on_white(pixels) if has_alpha else pixels
        flat.quantize(256).save(out, "GIF")
    else:
        flat = _on_white(pixels) if has_alpha else pixels
        flat.save(out, "JPEG", quality=WEB_JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


@dataclass(frozen=True)
class CopyOutcome:
    """Plain data, so it crosses a process boundary."""

    path: str | None
    failure: str = ""
    detail: str = ""
    made: bool = False
    seen: tuple[Signature, str] | None = None


def build_web_copy(source: str, cache_root: str, max_pixels: int = MAX_PIXELS) -> CopyOutcome:
    try:
        sig = signature(Path(source))
        data = Path(source).read_bytes()
    except OSError as exc:
        return CopyOutcome(None, "unreadable", exc.strerror or type(exc).__name__)
    digest = source_digest(data)
    seen = (sig, digest)
    suffix = Path(source).suffix
    target = cached_copy_path(Path(cache_root), digest, suffix)
    if target.is_file():
        return CopyOutcome(str(target), seen=seen)
    opened = open_image(data, suffix=suffix, max_pixels=max_pixels, need_side=WEB_MAX_SIDE)
    if opened.image is None:
        return CopyOutcome(None, opened.failure or "corrupt", opened.detail, seen=seen)
    try:
        with opened.image as image:
            blob = encode_web_copy(image, suffix)
    except Exception as exc:  # decoded, but in a pixel format that will not convert
        return CopyOutcome(None, "corrupt", type(exc).__name__, seen=seen)
    atomic_write(target, blob)
    return CopyOutcome(str(target), made=True, seen=seen)


def web_original(source: Path, cache_root: Path) -> bytes:
    """The bytes published at the source's own address. Raises UnusableImage (message in Chinese)
    when the source is not a usable picture."""
    outcome = build_web_copy(str(source), str(cache_root))
    if outcome.path is None:
        shown = f"“{source.name}”"
        message = _failure_message(outcome.failure, shown, outcome.detail, MAX_PIXELS)
        raise UnusableImage(outcome.failure, message)
    return Path(outcome.path).read_bytes()


def make_web_copies(
    sources: Sequence[Path],
    cache_root: Path,
    memo: DigestMemo,
    *,
    max_workers: int | None = None,
    max_pixels: int = MAX_PIXELS,
) -> dict[Path, CopyOutcome]:
    """Web copies of many sources. A source whose hash `memo` remembers and whose copy is cached
    costs a stat, nothing more; the rest are made in worker processes."""
    results: dict[Path, CopyOutcome] = {}
    missing = []
    for source in dict.fromkeys(sources):
        digest = memo.lookup(source)
        cached = cached_copy_path(cache_root, digest, source.suffix) if digest else None
        if cached is not None and cached.is_file():
            results[source] = CopyOutcome(str(cached))
        else:
            missing.append(source)
    workers = min(max_workers or os.cpu_count() or 1, len(missing))
    args = (
        [str(s) for s in missing],
        [str(cache_root)] * len(missing),
        [max_pixels] * len(missing),
    )
    if workers <= 1:
        made = list(map(build_web_copy, *args))
    else:
        context = multiprocessing.get_context("spawn")  # see ImagePipeline._run
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            made = list(pool.map(build_web_copy, *args, chunksize=2))
    for source, outcome in zip(missing, made, strict=True):
        if outcome.seen is not None:
            memo.record(source, *outcome.seen)
        results[source] = outcome
    memo.save()
    return results
