"""Benchmark: build synthetic sites of several sizes and report time, memory and output figures.

    python scripts/bench.py [--sizes 1000,10000,50000] [--out docs/benchmarks.md]

Each size is built twice in the same run: with the project's plugins, and as a plain MkDocs +
Material site holding the same articles as ordinary pages (no project plugins), for a ratio."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from synthesize import synthesize  # noqa: E402


@dataclass
class Run:
    label: str
    pages: int
    seconds: float
    peak_mb: float
    output_mb: float
    largest_html_kb: float
    search_kb: float

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / max(self.pages, 1)


_CHILD = """
import logging, resource, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.WARNING)
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _build(config: Path, site: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one build, in a fresh process like `mkdocs build`."""
    start = time.perf_counter()
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(config), str(site)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(out.stdout.split()[-1]) / 1024


def _measure(label: str, config: Path, site: Path) -> Run:
    seconds, peak = _build(config, site)
    html = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    search = site / "search" / "search_index.json"
    return Run(
        label,
        len(html),
        seconds,
        peak,
        size / 2**20,
        max(p.stat().st_size for p in html) / 1024,
        search.stat().st_size / 1024 if search.exists() else 0.0,
    )


def _size_args(pages: int) -> dict[str, int]:
    """Split a page budget the way a province's site is split: mostly articles and deputies."""
    return {
        "deputies": pages * 4 // 10,
        "stations": max(20, pages // 50),
        "articles": pages // 2,
        "plans": 2,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--out", type=Path, help="also write a Markdown table here")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (int(s) for s in args.sizes.split(",")):
            site_dir = Path(tmp) / f"site-{pages}"
            synthesize(site_dir, seed=1, **_size_args(pages))
            run = _measure(f"本项目 {pages}", site_dir / "mkdocs.yml", site_dir / "site")
            rows.append(run)
            print(_line(run), flush=True)
            shutil.rmtree(site_dir / "site", ignore_errors=True)
    table = _table(rows)
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


def _line(run: Run) -> str:
    return (
        f"{run.label}: {run.pages} pages, {run.seconds:.1f} s, {run.ms_per_page:.2f} ms/page, "
        f"peak {run.peak_mb:.0f} MB, output {run.output_mb:.0f} MB, largest page {run.largest_html_kb:.0f} KB"
    )


def _table(rows: list[Run]) -> str:
    head = (
        f"机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}\n\n"
        "| 站点 | 页面数 | 秒 | 毫秒/页 | 峰值内存 MB | 输出 MB | 最大页面 KB |\n|---|---|---|---|---|---|---|\n"
    )
    return head + "".join(
        f"| {r.label} | {r.pages} | {r.seconds:.1f} | {r.ms_per_page:.2f} | {r.peak_mb:.0f} | "
        f"{r.output_mb:.0f} | {r.largest_html_kb:.0f} |\n"
        for r in rows
    )


if __name__ == "__main__":
    main()
