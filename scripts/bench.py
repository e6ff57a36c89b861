"""Benchmark: build synthetic sites of several sizes and report time, memory and output figures.

    python scripts/bench.py [--sizes 1000,10000,50000] [--out docs/benchmarks.md]

Per size, in one run: the synthetic site built with the project's plugins, once from nothing and
once more after one article changed (the caches of article bodies, feeds and search parts ready,
as on a server that publishes every day); the same articles as posts of a plain MkDocs +
Material blog (Material's blog plugin and its own search with jieba, no project plugins) for a
ratio; the bytes one search query fetches in headless Chromium, for both searches; and
edit-to-preview, the rebuild `mkdocs serve` does after one article changes.

A size is a page budget; the real page count (every HTML file written) is what ms/page divides by.

Nothing is deleted before the run ends, and `--work` must be a new or empty folder: on ext4, files
made within minutes of a mass deletion are made more slowly (the kernel steps over the inodes just
freed), which charged each build for the clean-up of the one before it. The trees take about
4 GB at 20,000 pages, some 17 GB for the default sizes together."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import yaml
from congress.articles.front_matter import parse_front_matter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from search_measure import index_size, run_queries  # noqa: E402
from synthesize import synthesize  # noqa: E402

# Material segments Chinese for its index with jieba when it is importable; the plain site is
# meant to be stock Material at its best, so jieba is installed beside it, not into the project.
BENCH_DEPS = ROOT / ".cache" / "bench-deps"
QUERY = "联络站"


@dataclass
class Run:
    label: str
    pages: int
    seconds: float
    peak_mb: float
    total_peak_mb: float
    output_mb: float
    largest_html_kb: float
    search_index_kb: float = 0.0
    query_kb: float = 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / max(self.pages, 1)


_CHILD = """
import logging, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.WARNING)
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(peak)
"""


def _env(plain: bool) -> dict[str, str]:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    if plain:
        env["PYTHONPATH"] = str(BENCH_DEPS)
    return env


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError, StopIteration, ValueError):
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
            total += int(next(line for line in status if line.startswith("VmRSS")).split()[1])
    return total


def _build(config: Path, site: Path, plain: bool = False) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB of the largest process (Python, or Pagefind's indexer) and
    peak RSS of all its processes together (sampled four times a second) of one build in a fresh
    process, as `mkdocs build` runs it. The last build's files are flushed to disk first, so
    that writing them back does not count against this one."""
    os.sync()
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(config), str(site)],
        env=_env(plain),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peaks = [0]
    sampler = threading.Thread(target=_sample, args=(child, peaks), daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if child.returncode:
        raise SystemExit(f"构建失败：{config}\n{stderr[-3000:]}")
    return seconds, int(stdout.split()[-1]) / 1024, peaks[0] / 1024


def _sample(child: subprocess.Popen[str], peaks: list[int]) -> None:
    while child.poll() is None:
        peaks[0] = max(peaks[0], _tree_rss_kb(child.pid))
        time.sleep(0.25)


def _measure(label: str, config: Path, site: Path, plain: bool = False) -> Run:
    seconds, peak, total = _build(config, site, plain)
    html = [p for p in site.rglob("*.html") if not p.is_relative_to(site / "pagefind")]
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    engine = "material" if plain else "pagefind"
    return Run(
        label,
        len(html),
        seconds,
        peak,
        total,
        size / 2**20,
        max(p.stat().st_size for p in html) / 1024,
        index_size(site, engine).total_bytes / 1024,
    )


def _query_kb(site: Path, plain: bool) -> float:
    """Bytes one query fetched, or NaN when the browser gave up (Material's whole-site index
    of 390 MB at 50k pages closes headless Chromium)."""
    try:
        return _fetched_kb(site, plain)
    except Exception as exc:  # Playwright reports a crashed browser as assorted errors
        print(f"  浏览器未能完成搜索：{exc.__class__.__name__}", flush=True)
        return float("nan")


def _fetched_kb(site: Path, plain: bool) -> float:
    """Bytes the browser fetched for one query typed into the header box of an article page."""
    pages = site.glob("blog/*/*/*/*/index.html") if plain else site.glob("news/*/index.html")
    page = next(p for p in sorted(pages) if "-a" in p.parent.name)
    rel = page.relative_to(site).parent.as_posix() + "/"
    [result] = run_queries(site, [QUERY], "material" if plain else "pagefind", page=rel)
    return result.bytes_fetched / 1024


def _plain_site(synthetic: Path, out: Path) -> Path:
    """The synthetic site's articles as posts of stock Material's blog plugin, as the issue's
    baseline builds them ("articles as blog posts, not in the nav"): each post keeps its title,
    body, date and section, and its file name as its slug (Chinese titles alone collide)."""
    posts = out / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (out / "docs" / "blog" / "index.md").write_text("# 新闻\n", encoding="utf-8")
    sections = yaml.safe_load((synthetic / "data" / "categories.yml").read_text(encoding="utf-8"))
    names = {section["id"]: section["name"] for section in sections}
    for article in sorted((synthetic / "content" / "news").glob("*.md")):
        if article.name == "index.md":
            continue
        parsed, problems = parse_front_matter(article.read_text(encoding="utf-8"), str(article))
        if parsed.header is None or problems:
            raise SystemExit(f"{article}: {problems}")
        facts, body = parsed.header.data, parsed.body
        meta = {
            "title": facts["title"],
            "date": datetime.fromisoformat(str(facts["date"])),
            "slug": article.stem,
            "categories": [names[facts["category"]]],
        }
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        (posts / article.name).write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: 望澜市人大常委会\nsite_url: https://www.example.org/\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search:\n      lang: zh\n  - blog\n"
        "nav:\n  - 首页: index.md\n  - 新闻: blog/index.md\n",
        encoding="utf-8",
    )
    return out / "mkdocs.yml"


def _edit_to_preview(config: Path) -> tuple[float, float]:
    """Run `mkdocs serve --dirty`, change one article once it is up, and time until the rebuild is done:
    (seconds from the file's change to the rebuild's end, seconds the rebuild itself reported)."""
    article = sorted((config.parent / "content" / "news").glob("*-a*.md"))[-1]
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "--dirty",  # as `make serve` runs it
            "-f",
            str(config),
            "-a",
            "127.0.0.1:0",
        ],
        env=_env(False),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        for line in proc.stdout:
            if "Serving on" in line:
                break
        time.sleep(1)
        text = article.read_text(encoding="utf-8")
        changed = time.perf_counter()
        article.write_text(text + "\n编辑刚刚补充了一句话。\n", encoding="utf-8")
        for line in proc.stdout:
            match = built.search(line)
            if match:
                return time.perf_counter() - changed, float(match.group(1))
        raise SystemExit("mkdocs serve 意外退出")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.communicate(
                timeout=30
            )  # reads what it logs as it stops, or it blocks on a full pipe
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()


def _edit_one_article(site_dir: Path) -> None:
    """The change a day's work makes to a published site: one article gets a sentence more."""
    article = sorted((site_dir / "content" / "news").glob("*-a*.md"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\n记者从会上获悉，相关工作将于年内完成。\n", encoding="utf-8")


def _drop_plugin(config: Path, plugin: str) -> None:
    text = config.read_text(encoding="utf-8")
    pattern = rf"^  - {re.escape(plugin)}(:\n(    .*\n)*|\n)"
    text, n = re.subn(pattern, "", text, flags=re.MULTILINE)
    if not n:
        raise SystemExit(f"mkdocs.yml 中没有插件 {plugin}")
    config.write_text(text, encoding="utf-8")


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
    parser.add_argument("--sizes", default="1000,5000,10000,20000,50000")
    parser.add_argument(
        "--out", type=Path, help="also add the Markdown table to this file, as a dated section"
    )
    parser.add_argument("--work", type=Path, help="build here instead of a temporary folder")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Material site")
    parser.add_argument("--no-serve", action="store_true", help="skip edit-to-preview")
    parser.add_argument("--no-query", action="store_true", help="skip the browser query")
    parser.add_argument(
        "--without",
        default="",
        help="project plugins to leave out, comma-separated (e.g. congress-images); the table says so",
    )
    args = parser.parse_args()
    if not args.no_plain and not (BENCH_DEPS / "jieba").is_dir():
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--target", str(BENCH_DEPS), "jieba"],
            check=True,
        )
    if args.work and args.work.exists() and any(args.work.iterdir()):
        raise SystemExit(
            f"{args.work} 不是空文件夹：请换一个新的，刚删除的大量文件会拖慢紧接着的构建"
        )
    rows: list[tuple[Run, Run, Run | None, tuple[float, float] | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        for pages in (int(s) for s in args.sizes.split(",")):
            site_dir = work / f"site-{pages}"
            synthesize(site_dir, seed=1, **_size_args(pages))
            label = f"本项目 {pages}"
            for plugin in filter(None, args.without.split(",")):
                _drop_plugin(site_dir / "mkdocs.yml", plugin)
                label += f"（不含 {plugin}）"
            run = _measure(label, site_dir / "mkdocs.yml", site_dir / "site")
            if not args.no_query:
                run.query_kb = _query_kb(site_dir / "site", plain=False)
            print(_line(run), flush=True)
            _edit_one_article(site_dir)
            again = _measure(
                f"本项目 {pages}，再次构建（改了一篇文章）",
                site_dir / "mkdocs.yml",
                site_dir / "site-again",
            )
            print(_line(again), flush=True)
            plain = None
            if not args.no_plain:
                config = _plain_site(site_dir, work / f"plain-{pages}")
                plain = _measure(f"Material {pages}", config, config.parent / "site", plain=True)
                if not args.no_query:
                    plain.query_kb = _query_kb(config.parent / "site", plain=True)
                print(_line(plain), flush=True)
            serve = None if args.no_serve else _edit_to_preview(site_dir / "mkdocs.yml")
            if serve:
                print(f"  edit-to-preview: {serve[0]:.1f} s (rebuild {serve[1]:.1f} s)", flush=True)
            rows.append((run, again, plain, serve))
    table = _table(rows)
    print(table)
    if args.out:  # appended: the file keeps every earlier round
        heading = f"## {datetime.now():%Y-%m-%d} `scripts/bench.py --sizes {args.sizes}`"
        with args.out.open("a", encoding="utf-8") as out:
            out.write(f"\n{heading}\n\n{table}\n")


def _line(run: Run) -> str:
    return (
        f"{run.label}: {run.pages} pages, {run.seconds:.1f} s, {run.ms_per_page:.2f} ms/page, "
        f"peak {run.peak_mb:.0f} MB (all processes {run.total_peak_mb:.0f} MB), output {run.output_mb:.0f} MB, "
        f"largest page {run.largest_html_kb:.0f} KB, search index {run.search_index_kb:.0f} KB, "
        f"one query {run.query_kb:.0f} KB"
    )


def _ratio(plain: Run | None, run: Run) -> str:
    """How many times the plain Material site's cost per page this one's is."""
    return f"{plain.ms_per_page / run.ms_per_page:.2f}" if plain else "—"


def _table(rows: list[tuple[Run, Run, Run | None, tuple[float, float] | None]]) -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    head = (
        f"机器：{cpu}，{os.cpu_count()} 核，{platform.system()} {platform.machine()}，"
        f"Python {platform.python_version()}\n\n"
        "| 站点 | 页面数 | 秒 | 毫秒/页 | Material 每页耗时是它的几倍 | 峰值内存 MB（最大的进程） "
        "| 峰值内存 MB（所有进程合计） | 输出 MB | 最大页面 KB "
        "| 搜索索引 KB | 一次搜索下载 KB | 改一篇文章到预览 秒 |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for run, again, plain, serve in rows:
        ratio = partial(_ratio, plain)
        preview = f"{serve[0]:.1f}（重建 {serve[1]:.1f}）" if serve else "—"
        for r, extra in (
            (run, (ratio(run), preview)),
            (again, (ratio(again), "—")),
            (plain, ("1", "—")),
        ):
            if r is None:
                continue
            query = f"{r.query_kb:.0f}" if r.query_kb else "—"  # not measured for this row
            lines.append(
                f"| {r.label} | {r.pages} | {r.seconds:.1f} | {r.ms_per_page:.2f} | {extra[0]} | "
                f"{r.peak_mb:.0f} | {r.total_peak_mb:.0f} | {r.output_mb:.0f} | {r.largest_html_kb:.0f} | "
                f"{r.search_index_kb:.0f} | {query} | {extra[1]} |\n"
            )
    return head + "".join(lines)


if __name__ == "__main__":
    main()
