"""From an editor's reference to a cached set of renditions, or to problems that name the file.

    pipeline = ImagePipeline(content_dir, cache_dir)
    image_set, problems = pipeline.process("images/deputies/zhang-san.jpg", kind="portrait",
                                           referenced_from=("data/deputies/zhang-san.yml", 7, "photo"))

A source whose bytes and parameters were seen before is served from the cache without decoding:
`ImageSet.from_cache` is True and `pipeline.stats.processed` does not grow."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from congress.images.cache import (
    DigestMemo,
    RenditionCache,
    Signature,
    rendition_key,
    signature,
    source_digest,
)
from congress.images.image_set import SUFFIXES, ImageSet
from congress.images.loading import Failure, draft_size, open_image
from congress.images.renditions import make_renditions
from congress.images.safety import Listings, Where, problem_at, resolve_reference, where_of
from congress.images.specs import MAX_PIXELS, spec_for
from congress.problems import Problem


class ImageRequest(NamedTuple):
    reference: str
    kind: str
    referenced_from: tuple[str, int, str] | Where | None = None
    relative_to: str = ""


@dataclass
class PipelineStats:
    processed: int = 0  # sources decoded and encoded in this pipeline's lifetime
    reused: int = 0  # sources served entirely from the cache
    failed: int = 0


@dataclass(frozen=True)
class _Outcome:
    """What a worker hands back: plain data, so it crosses a process boundary."""

    manifest: dict[str, Any] | None
    failure: str | None = None
    detail: str = ""
    from_cache: bool = False
    seen: tuple[Signature, str] | None = None  # the source's stat signature and hash, to remember


def _failure_message(failure: str, shown: str, detail: str, max_pixels: int) -> str:
    if failure == Failure.not_an_image:
        return (
            f"文件{shown}不是可识别的图片（支持 JPEG、PNG、WebP、GIF、HEIC）："
            "请确认它没有被改过扩展名，或用图片软件另存为 JPEG"
        )
    if failure == Failure.too_large:
        size = f"（{detail}）" if detail else ""
        return (
            f"图片{shown}像素过多{size}，超过上限 {max_pixels // 10_000} 万像素，已拒绝："
            "请缩小到长边不超过 6000 像素后再提交"
        )
    if failure == Failure.heif_unsupported:
        return (
            f"图片{shown}是 HEIC 格式（苹果手机照片），本机无法处理：请先转换为 JPEG"
            "（在 iPhone 上可设置“相机 → 格式 → 兼容性最佳”，或用图片软件另存为 JPEG）"
        )
    if failure == "unreadable":
        return f"无法读取图片文件{shown}（{detail}）：请检查文件权限"
    return f"图片文件{shown}已损坏或不完整，无法读取：请从原图重新导出为 JPEG 后替换"


def _build(path: str, kind: str, cache_root: str, max_pixels: int) -> _Outcome:
    """Hash the source, answer from the cache, or decode, render and store. Runs in a worker
    process or in the caller's; takes and returns only plain data."""
    try:
        sig = signature(Path(path))
        data = Path(path).read_bytes()
    except OSError as exc:
        return _Outcome(None, "unreadable", exc.strerror or type(exc).__name__)
    digest = source_digest(data)
    seen = (sig, digest)
    spec = spec_for(kind)
    key = rendition_key(digest, kind, spec)
    cache = RenditionCache(Path(cache_root))
    manifest = cache.load(key)
    if manifest is not None:
        return _Outcome(manifest, from_cache=True, seen=seen)
    opened = open_image(
        data,
        suffix=Path(path).suffix,
        max_pixels=max_pixels,
        need_side=draft_size(max(spec.widths), spec.aspect),
    )
    if opened.image is None:
        return _Outcome(None, opened.failure, opened.detail, seen=seen)
    try:
        with opened.image as image:
            encoded, has_alpha = make_renditions(image, spec)
    except Exception as exc:  # an odd pixel format that decoded but cannot be converted
        return _Outcome(None, Failure.corrupt, type(exc).__name__, seen=seen)
    renditions = []
    for item in encoded:
        for fmt, blob in (("webp", item.webp), ("jpeg", item.jpeg)):
            name = f"{key}-{item.width}{SUFFIXES[fmt]}"
            cache.write_file(name, blob)
            renditions.append(
                {"name": name, "width": item.width, "height": item.height, "format": fmt}
            )
    widest = encoded[-1]
    manifest = {
        "key": key,
        "kind": kind,
        "width": widest.width,
        "height": widest.height,
        "has_alpha": has_alpha,
        "renditions": renditions,
    }
    cache.store(key, manifest)
    return _Outcome(manifest, seen=seen)


@dataclass
class _Job:
    index: int
    path: Path
    kind: str
    where: Where
    shown: str


@dataclass
class ImagePipeline:
    content_dir: Path
    cache_dir: Path
    max_pixels: int = MAX_PIXELS
    stats: PipelineStats = field(default_factory=PipelineStats)

    def __post_init__(self) -> None:
        self.cache = RenditionCache(self.cache_dir)
        self.cache.sweep_temp_files()
        self.memo = DigestMemo(self.cache_dir / "digests.json")

    def process(
        self,
        reference: str | Path,
        *,
        kind: str,
        referenced_from: tuple[str, int, str] | Where | None = None,
        relative_to: str = "",
    ) -> tuple[ImageSet | None, list[Problem]]:
        request = ImageRequest(str(reference), kind, referenced_from, relative_to)
        return self.process_many([request], max_workers=1)[0]

    def process_many(
        self, requests: Sequence[ImageRequest], *, max_workers: int | None = None
    ) -> list[tuple[ImageSet | None, list[Problem]]]:
        """Every request's result, in order. With more than one worker the image work runs in
        separate processes (`None` means one per CPU core); the same file asked for twice with the
        same kind is worked on once."""
        results: list[tuple[ImageSet | None, list[Problem]]] = [(None, [])] * len(requests)
        jobs: list[_Job] = []
        listings: Listings = {}
        for index, request in enumerate(requests):
            spec_for(request.kind)  # a wrong kind is the caller's bug: fail loudly
            path, problems = resolve_reference(
                request.reference,
                self.content_dir,
                relative_to=request.relative_to,
                referenced_from=request.referenced_from,
                listings=listings,
            )
            if path is None:
                self.stats.failed += 1
                results[index] = (None, problems)
                continue
            where = where_of(request.referenced_from, request.reference)
            jobs.append(_Job(index, path, request.kind, where, f"“{request.reference}”"))
        unique = sorted({(str(job.path), job.kind) for job in jobs})
        outcomes = dict(zip(unique, self._run(unique, max_workers), strict=True))
        for pair in unique:
            outcome = outcomes[pair]
            if outcome.manifest is None:
                continue
            if outcome.from_cache:
                self.stats.reused += 1
            else:
                self.stats.processed += 1
        for job in jobs:
            outcome = outcomes[(str(job.path), job.kind)]
            if outcome.manifest is None:
                self.stats.failed += 1
                message = _failure_message(
                    outcome.failure or "", job.shown, outcome.detail, self.max_pixels
                )
                results[job.index] = (None, [problem_at(job.where, message)])
                continue
            image_set = ImageSet.from_manifest(
                outcome.manifest,
                self.cache.files_dir,
                source=str(requests[job.index].reference),
                from_cache=outcome.from_cache,
            )
            results[job.index] = (image_set, [])
        return results

    def _run(self, unique: list[tuple[str, str]], max_workers: int | None) -> list[_Outcome]:
        root = str(self.cache_dir)
        # What the cache holds is answered here without reading the photos (a rebuild usually has
        # nothing else to do); the rest is hashed, looked up and, if need be, made by _build.
        outcomes = [self._known(Path(path), kind) for path, kind in unique]
        missing = [pair for pair, outcome in zip(unique, outcomes, strict=True) if outcome is None]
        workers = min(max_workers or os.cpu_count() or 1, len(missing))
        if workers <= 1:
            made = [_build(path, kind, root, self.max_pixels) for path, kind in missing]
        else:
            # "spawn": a forked copy of a multi-threaded parent (a live-reloading server) can
            # deadlock.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                made = list(
                    pool.map(
                        _build,
                        [path for path, _ in missing],
                        [kind for _, kind in missing],
                        [root] * len(missing),
                        [self.max_pixels] * len(missing),
                        chunksize=2,
                    )
                )
        for (path, _), outcome in zip(missing, made, strict=True):
            if outcome.seen is not None:
                self.memo.record(Path(path), *outcome.seen)
        self.memo.save()
        fresh = iter(made)
        return [outcome if outcome is not None else next(fresh) for outcome in outcomes]

    def _known(self, path: Path, kind: str) -> _Outcome | None:
        digest = self.memo.lookup(path)
        if digest is None:
            return None
        manifest = self.cache.load(rendition_key(digest, kind, spec_for(kind)))
        return _Outcome(manifest, from_cache=True) if manifest is not None else None


def process_image(
    reference: str | Path,
    *,
    kind: str,
    content_dir: Path,
    cache_dir: Path,
    referenced_from: tuple[str, int, str] | Where | None = None,
    relative_to: str = "",
) -> tuple[ImageSet | None, list[Problem]]:
    """One picture, without keeping a pipeline: see ImagePipeline for batches and counters."""
    pipeline = ImagePipeline(content_dir, cache_dir)
    return pipeline.process(
        reference, kind=kind, referenced_from=referenced_from, relative_to=relative_to
    )
