"""Benchmark the image pipeline on generated camera-sized photos, cold (empty cache) and warm.

    python scripts/bench_images.py [--count 1000] [--workers 1,2] [--kind photo] [--keep]

Generates COUNT distinct 4000×3000 JPEGs (texture, noise and shapes, so they weigh about what a
phone photo does) in a temporary folder, then for each worker count runs the pipeline twice in a
fresh process: once with an empty cache (every photo decoded and encoded) and once again with the
cache it filled (no image work). Prints wall seconds and peak memory for each run: the measuring
process's own peak RSS, its worker processes' largest peak RSS, and, for the serial runs, the peak
of Python-level allocations (tracemalloc; Pillow's pixel buffers are allocated in C and not seen
by it)."""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

WIDTH, HEIGHT = 4000, 3000
_texture: Image.Image | None = None


def _make_texture(seed: int) -> Image.Image:
    """A smooth colour field with photographic grain, a little larger than a photo, so each photo
    can be cut from it at a different offset. Built once per generating process."""
    rng = random.Random(seed)
    small = Image.new("RGB", (10, 8))
    small.putdata([tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(80)])  # type: ignore[misc]
    size = (WIDTH + 400, HEIGHT + 300)
    field = small.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise((size[0] // 2, size[1] // 2), 18).resize(size)
    return Image.merge("RGB", [ImageChops.add(band, grain, 1.0, -128) for band in field.split()])


def _generate_one(path: str, seed: int) -> int:
    global _texture
    if _texture is None:
        _texture = _make_texture(seed)
    rng = random.Random(seed)
    x, y = rng.randrange(400), rng.randrange(300)
    photo = _texture.crop((x, y, x + WIDTH, y + HEIGHT))
    draw = ImageDraw.Draw(photo)
    for _ in range(30):
        x0, y0 = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        box = (x0, y0, x0 + rng.randrange(40, 900), y0 + rng.randrange(40, 900))
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse(box, fill=colour)  # type: ignore[arg-type]
        else:
            draw.rectangle(box, fill=colour)  # type: ignore[arg-type]
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    Path(path).write_bytes(out.getvalue())
    return len(out.getvalue())


def generate(folder: Path, count: int) -> tuple[float, int]:
    """Seconds taken and total bytes of COUNT photos written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    paths = [str(folder / f"photo-{i:05d}.jpg") for i in range(count)]
    with ProcessPoolExecutor() as pool:
        sizes = list(pool.map(_generate_one, paths, range(count), chunksize=8))
    return time.perf_counter() - start, sum(sizes)


def run_phase(content: Path, cache: Path, workers: int, kind: str, trace: bool) -> dict[str, float]:
    """One pipeline run over every photo, in this process (the parent starts a fresh one)."""
    from congress.images import ImagePipeline, ImageRequest

    names = sorted(p.name for p in (content / "images").iterdir())
    requests = [ImageRequest(f"images/{name}", kind) for name in names]
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    pipeline = ImagePipeline(content, cache)
    results = pipeline.process_many(requests, max_workers=workers)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    problems = sum(len(p) for _, p in results)
    kib = 1024.0  # ru_maxrss is in KiB on Linux
    return {
        "seconds": seconds,
        "processed": pipeline.stats.processed,
        "reused": pipeline.stats.reused,
        "problems": problems,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib,
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kib,
        "tracemalloc_mb": peak / 2**20,
    }


def _phase_in_fresh_process(
    content: Path, cache: Path, workers: int, kind: str, trace: bool
) -> dict[str, float]:
    args = [sys.executable, __file__, "--phase", str(content), str(cache), str(workers), kind]
    if trace:
        args.append("--trace")
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _phase_main(argv: list[str]) -> None:
    """`--phase CONTENT CACHE WORKERS KIND [--trace]`: one run, its figures as JSON."""
    content, cache, workers, kind = argv[:4]
    print(json.dumps(run_phase(Path(content), Path(cache), int(workers), kind, "--trace" in argv)))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--phase":
        _phase_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="photos to generate (1000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (1,2)")
    parser.add_argument("--kind", default="photo", choices=("photo", "portrait", "cover"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="bench-images-"))
    try:
        content = root / "content"
        seconds, size = generate(content / "images", options.count)
        print(
            f"{options.count} photos {WIDTH}×{HEIGHT}, {size / options.count / 2**20:.2f} MiB each, "
            f"generated in {seconds:.1f} s; {os.cpu_count()} CPU cores; kind {options.kind}"
        )
        print(
            f"{'run':<16}{'seconds':>9}{'ms/photo':>10}{'made':>7}{'reused':>8}"
            f"{'RSS MiB':>9}{'workers MiB':>13}{'tracemalloc MiB':>17}"
        )
        for workers in [int(w) for w in options.workers.split(",")]:
            cache = root / f"cache-{workers}"
            for label in ("cold", "warm"):
                r = _phase_in_fresh_process(content, cache, workers, options.kind, workers == 1)
                traced = f"{r['tracemalloc_mb']:.1f}" if workers == 1 else "-"
                print(
                    f"{label + f' x{workers}':<16}{r['seconds']:>9.2f}"
                    f"{1000 * r['seconds'] / options.count:>10.1f}{r['processed']:>7.0f}"
                    f"{r['reused']:>8.0f}{r['rss_mb']:>9.0f}{r['workers_rss_mb']:>13.0f}"
                    f"{traced:>17}",
                    flush=True,
                )
                if r["problems"]:
                    print(f"  {r['problems']:.0f} problems reported", flush=True)
        cached = sum(
            f.stat().st_size for f in (root / f"cache-{workers}").rglob("*") if f.is_file()
        )
        print(f"renditions in the cache: {cached / 2**20:.1f} MiB")
    finally:
        if options.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
