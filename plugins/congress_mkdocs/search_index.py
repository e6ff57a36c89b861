"""The site's Pagefind index, made in parts while the site is written, each cached by content.

The pages, in the order MkDocs writes them, are cut into parts where a page's path says so (a
path whose hash is a multiple of a number, as content-defined chunking cuts a file): a part is
then the same whatever pages are added or removed elsewhere, so adding or editing an article
changes one part and leaves the others as they were. A part whose pages, text, Pagefind and
options are unchanged is taken from the cache; one that is not is indexed as soon as its last
page is written, by Pagefind's command line on the core the build is not using, from a small
site of its pages' excerpts (in memory when it can be: see `MEMORY_FOLDER`). The rest wait for
the end of the build, one at a time."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from congress.atomic_files import link_else_copy
from pagefind.service import get_executable

log = logging.getLogger("mkdocs.plugins.congress.search")

_PROCESSES = 1
"""Pagefind processes at a time. Pagefind keeps about 137 bytes for each Chinese character of a
part in memory while it indexes it, and about 80 KB for each page: a second process at once
doubled that, and took a 50,000-page build past 2 GB. While the pages are written, one
process on the core the build leaves idle is all the cores allow anyway."""

_PART_FILES = re.compile(r"pagefind-entry\.json|pagefind\..+\.pf_meta|fragment|filter|index")
"""What of a later part the search box fetches: merged, it runs on the first part's scripts."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index a part; the message is for an editor, in Chinese."""


@dataclass(frozen=True)
class IndexOptions:
    root_selector: str
    exclude_selectors: tuple[str, ...]
    language: str = "zh"

    def pagefind_config(self, site: str, output: str) -> dict[str, object]:
        return {
            "site": site,
            "output_path": output,
            "root_selector": self.root_selector,
            "exclude_selectors": list(self.exclude_selectors),
            "force_language": self.language,
        }


class Pages:
    """The pages to index, by path in the site: a digest of each page's excerpt, for the cache
    key of the part that holds it. A part to index reads its pages again from the site, so a
    build whose parts are all cached keeps no page's text."""

    def __init__(self, site_dir: str, excerpt: Callable[[str], str]) -> None:
        self.site_dir = site_dir
        self.excerpt = excerpt
        self._digests: dict[str, bytes] = {}

    def add(self, path: str, html: str) -> None:
        data = self.excerpt(html).encode("utf-8")
        self._digests[path] = hashlib.blake2b(data, digest_size=16).digest()

    def __len__(self) -> int:
        return len(self._digests)

    def __contains__(self, path: object) -> bool:
        return path in self._digests

    def paths(self) -> Iterable[str]:
        return self._digests.keys()

    def html(self, path: str) -> bytes:
        """The page's excerpt, from the file the build wrote."""
        with open(os.path.join(self.site_dir, path), encoding="utf-8") as file:
            return self.excerpt(file.read()).encode("utf-8")

    def digest(self, paths: Iterable[str], options: IndexOptions) -> str:
        """What a part's index depends on: its pages and their text, Pagefind and the options."""
        key = hashlib.blake2b(digest_size=20)
        key.update(json.dumps([version("pagefind"), options.pagefind_config("", "")]).encode())
        for path in paths:
            key.update(path.encode("utf-8") + b"\0" + self._digests[path])
        return key.hexdigest()


def chunks(
    paths: list[str], part_size: int, weight: Callable[[str], int] = lambda path: 1
) -> list[list[str]]:
    """`paths` in order, in parts whose pages' `weight` adds up to at most `part_size` (a page
    heavier than that alone): a part is cut after a page with the chance its weight gives (by
    the hash of its path, so the cut is the same in every build) once it holds a quarter of
    `part_size`, and before a page it has no room for. About three fifths of `part_size` on
    average; the cuts seldom move when a page is added, removed or edited before them."""
    least, most = max(1, part_size // 4), max(1, part_size)
    every = max(1, part_size * 2 // 5)
    parts: list[list[str]] = [[]]
    total = 0
    for path in paths:
        heavy = max(1, weight(path))
        if parts[-1] and total + heavy > most:
            parts.append([])
            total = 0
        parts[-1].append(path)
        total += heavy
        hashed = int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big")
        if total >= least and hashed % every < heavy:
            parts.append([])
            total = 0
    return [part for part in parts if part]


MEMORY_FOLDER = Path("/dev/shm")
"""Where a part's small site of excerpts is written for Pagefind to read, if this folder is in
memory with `MEMORY_ROOM` free; else beside the cache. A 20,000-page build writes and deletes
some 19,000 excerpts and as many folders: on a disk that costs kernel time, and on ext4 without
a journal every file made soon after was slower too (the kernel steps over inodes freed in the
last minutes). Measured in alternate 20,000-page builds: 78 s on average on disk, 71 s here.
Linux mounts /dev/shm in memory (tmpfs); where it is missing, the disk serves."""

MEMORY_ROOM = 512 * 2**20
"""A part of 1,600 articles has some 19 MB of excerpts: a container's usual 64 MB /dev/shm,
shared with whatever else runs there, leaves too little room to be sure of."""


def scratch_folder(cache: Path) -> Path:
    """The folder for `cache`'s excerpt sites: one of its own in memory, else in the cache."""
    try:
        free = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return cache
    if free.f_bavail * free.f_frsize < MEMORY_ROOM:
        return cache
    name = hashlib.blake2b(str(cache.resolve()).encode(), digest_size=8).hexdigest()
    return MEMORY_FOLDER / f"congress-search-{name}"


class PartCache:
    """Finished parts, each in a folder named by its digest, under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.scratch = scratch_folder(folder)

    def get(self, digest: str) -> Path | None:
        found = self.folder / digest
        return found if (found / "pagefind-entry.json").is_file() else None

    def make(self, digest: str, pages: Pages, paths: list[str], options: IndexOptions) -> Path:
        """Indexes the part and keeps it; a half-made part never takes the digest's name."""
        work = self.scratch / f"{digest}.site-{os.getpid()}"
        made = self.folder / f"{digest}.work-{os.getpid()}"
        for folder in (work, made):
            shutil.rmtree(folder, ignore_errors=True)
        try:
            for path in paths:
                target = work / "site" / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(pages.html(path))
            _run_pagefind(work, made.resolve(), options)
            _check_entry(made)
            final = self.folder / digest
            shutil.rmtree(final, ignore_errors=True)
            made.rename(final)
            return final
        finally:
            for folder in (work, made):
                shutil.rmtree(folder, ignore_errors=True)

    def keep_only(self, digests: set[str]) -> None:
        """Removes parts no longer used (an edited page's old part), and work left by a build
        that was stopped."""
        for folder in {self.folder, self.scratch}:
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if entry.name not in digests:
                    shutil.rmtree(entry, ignore_errors=True)
        if self.scratch != self.folder:
            with contextlib.suppress(OSError):
                self.scratch.rmdir()


def _run_pagefind(work: Path, output: Path, options: IndexOptions) -> None:
    """Indexes `work`/site into `output`, with `work` as Pagefind's folder for its settings."""
    executable = get_executable()
    if executable is None:
        raise SearchIndexError("找不到 Pagefind 程序：请运行 make setup 安装依赖")
    config = options.pagefind_config("site", str(output))
    (work / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    try:
        done = subprocess.run(
            [str(executable), "--quiet"], cwd=work, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise SearchIndexError(f"无法运行 Pagefind：{exc}") from exc
    if done.returncode:
        said = (done.stderr + done.stdout).strip()[-2000:]
        raise SearchIndexError(f"Pagefind 出错退出（代码 {done.returncode}）：{said}")


def _check_entry(bundle: Path) -> None:
    entry = bundle / "pagefind-entry.json"
    try:
        json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"Pagefind 写出的索引不完整：{entry}") from exc


@dataclass(frozen=True)
class Written:
    pages: int
    """Pages indexed, across all parts."""
    parts: list[str]
    """Each part's folder relative to the bundle folder: "" for the first, then "part-2/"..."""
    reused: int
    """Parts taken from the cache."""


class IndexBuilder:
    """The index of one build: `plan` the pages in the order they will be written, tell `seen`
    of each as it is written, and `finish` once the build is done."""

    def __init__(
        self, pages: Pages, cache: PartCache, options: IndexOptions, part_size: int
    ) -> None:
        self.pages, self.cache, self.options, self.part_size = pages, cache, options, part_size
        self._parts: list[list[str]] = []
        self._weight: Callable[[str], int] = lambda path: 1
        self._part_of: dict[str, int] = {}
        self._unseen: list[int] = []
        self._complete: list[int] = []  # parts whose last page is about to be written
        self._started: dict[int, tuple[str, Future[Path]]] = {}
        self._pool = ThreadPoolExecutor(_PROCESSES, thread_name_prefix="congress-search")

    def plan(self, paths: list[str], weight: Callable[[str], int] = lambda path: 1) -> None:
        """The pages in the order they will be written, each weighing what indexing it costs."""
        self._parts = chunks(paths, self.part_size, weight)
        self._weight = weight
        self._part_of = {path: i for i, part in enumerate(self._parts) for path in part}
        self._unseen = [len(part) for part in self._parts]

    def seen(self, path: str, html: str | None) -> None:
        """A page about to be written, with its HTML, or None if it is not indexed."""
        self._start_complete()  # their last page was written since
        if html is not None:
            self.pages.add(path, html)
        part = self._part_of.get(path)
        if part is not None:
            self._unseen[part] -= 1
            if self._unseen[part] == 0:
                self._complete.append(part)

    def _start_complete(self) -> None:
        for part in self._complete:
            paths = [path for path in self._parts[part] if path in self.pages]
            digest = self.pages.digest(paths, self.options)
            if paths and self.cache.get(digest) is None:
                log.debug("站内搜索：第 %d 部分（%d 个页面）写完，开始建索引", part + 1, len(paths))
                self._started[part] = (digest, self._make(digest, paths))
        self._complete = []

    def _make(self, digest: str, paths: list[str]) -> Future[Path]:
        self.cache.folder.mkdir(parents=True, exist_ok=True)
        return self._pool.submit(self.cache.make, digest, self.pages, paths, self.options)

    def finish(self, bundle: Path) -> Written:
        """Indexes the parts not done yet and publishes them all in `bundle`, which is replaced
        only once every part is ready: a failed index leaves the last one in place. Pages added
        that were not planned (HTML files other than pages) make parts of their own."""
        planned = set(self._part_of)
        extra = sorted(path for path in self.pages.paths() if path not in planned)
        groups = [[path for path in part if path in self.pages] for part in self._parts]
        groups += chunks(extra, self.part_size, self._weight)
        groups = [paths for paths in groups if paths]
        digests = [self.pages.digest(paths, self.options) for paths in groups]
        started = dict(self._started.values())
        made: list[Future[Path] | Path] = []
        reused = 0
        for digest, paths in zip(digests, groups, strict=True):
            found = self.cache.get(digest) if digest not in started else None
            reused += found is not None
            made.append(found or started.get(digest) or self._make(digest, paths))
        folders = [item if isinstance(item, Path) else item.result() for item in made]
        wait([future for _, future in self._started.values()])  # before their folders go
        self.cache.keep_only(set(digests))
        return Written(len(self.pages), _publish(folders, bundle), reused)

    def close(self) -> None:
        """Waits for a Pagefind already running, and starts no other."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _publish(parts: list[Path], bundle: Path) -> list[str]:
    """Links the parts into a new bundle folder, the first whole with Pagefind's scripts, the
    others as part-2/, part-3/...; then puts it in place of the old one."""
    new = bundle.with_name(bundle.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    names = [""] if parts else []
    if parts:
        shutil.copytree(parts[0], new, copy_function=link_else_copy)
    else:
        new.mkdir(parents=True)
    for number, part in enumerate(parts[1:], start=2):
        name = f"part-{number}/"
        for entry in part.iterdir():
            if _PART_FILES.fullmatch(entry.name):
                target = new / name / entry.name
                if entry.is_dir():
                    shutil.copytree(entry, target, copy_function=link_else_copy)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    link_else_copy(entry, target)
        names.append(name)
    (new / "parts.json").write_text(json.dumps({"parts": names[1:]}), encoding="utf-8")
    old = bundle.with_name(bundle.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    new.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    return names
