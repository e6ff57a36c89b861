"""The site's Pagefind index, made after the pages are written, in parts cached by their content.

A page goes to the part its path hashes to, among as many parts as the site needs to keep each
under `part_pages` pages. The assignment depends on the page alone, so adding or editing an
article changes one part and leaves the others as they were; an unchanged part (the same pages
with the same text, the same Pagefind and options) is taken from the cache instead of indexed
again. Parts that are random samples of the site also carry word statistics close to the whole
site's, so results merged from several parts rank much as one index would.

A part to index is written out as a small site of its pages' excerpts, and Pagefind's command
line indexes it; two of them run at a time, since each uses every core only while parsing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from pagefind.service import get_executable

_PROCESSES = 2
"""Pagefind processes at a time: one keeps the cores busy only while it parses pages; more than
two would mostly multiply memory (about 250 KB a page while a part is indexed)."""

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

    def html(self, path: str) -> bytes:
        """The page's excerpt, from the file the build wrote."""
        with open(os.path.join(self.site_dir, path), encoding="utf-8") as file:
            return self.excerpt(file.read()).encode("utf-8")

    def parts(self, count: int) -> list[list[str]]:
        """The paths of each of `count` parts, sorted; a page's part depends on its path alone."""
        parts: list[list[str]] = [[] for _ in range(count)]
        for path in sorted(self._digests):
            hashed = hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest()
            parts[int.from_bytes(hashed, "big") % count].append(path)
        return parts

    def digest(self, paths: Iterable[str], options: IndexOptions) -> str:
        """What a part's index depends on: its pages and their text, Pagefind and the options."""
        key = hashlib.blake2b(digest_size=20)
        key.update(json.dumps([version("pagefind"), options.pagefind_config("", "")]).encode())
        for path in paths:
            key.update(path.encode("utf-8") + b"\0" + self._digests[path])
        return key.hexdigest()


def part_count(pages: int, part_pages: int) -> int:
    """How many parts keep each under `part_pages` pages on average. It changes only when the
    site crosses a multiple of `part_pages`, the one time every part is indexed again."""
    return max(1, -(-pages // max(1, part_pages)))


class PartCache:
    """Finished parts, each in a folder named by its digest, under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, digest: str) -> Path | None:
        found = self.folder / digest
        return found if (found / "pagefind-entry.json").is_file() else None

    def make(self, digest: str, pages: Pages, paths: list[str], options: IndexOptions) -> Path:
        """Indexes the part and keeps it; a half-made part never takes the digest's name."""
        work = self.folder / f"{digest}.work-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        try:
            for path in paths:
                target = work / "site" / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(pages.html(path))
            _run_pagefind(work, options)
            made = work / "index"
            _check_entry(made)
            final = self.folder / digest
            shutil.rmtree(final, ignore_errors=True)
            made.rename(final)
            return final
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def keep_only(self, digests: set[str]) -> None:
        """Removes parts no longer used (an edited page's old part), and work left by a build
        that was stopped."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name not in digests:
                shutil.rmtree(entry, ignore_errors=True)


def _run_pagefind(work: Path, options: IndexOptions) -> None:
    executable = get_executable()
    if executable is None:
        raise SearchIndexError("找不到 Pagefind 程序：请运行 make setup 安装依赖")
    config = options.pagefind_config("site", "index")
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


def write_index(
    pages: Pages, bundle: Path, cache: PartCache, options: IndexOptions, part_pages: int
) -> Written:
    """Indexes the parts the cache lacks and publishes them all in `bundle`, which is replaced
    only once every part is ready: a failed index leaves the last one in place."""
    groups = [paths for paths in pages.parts(part_count(len(pages), part_pages)) if paths]
    digests = [pages.digest(paths, options) for paths in groups]
    found = [cache.get(digest) for digest in digests]
    missing = [i for i, folder in enumerate(found) if folder is None]
    cache.folder.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(_PROCESSES) as pool:
        made = pool.map(lambda i: cache.make(digests[i], pages, groups[i], options), missing)
        for i, folder in zip(missing, made, strict=True):
            found[i] = folder
    cache.keep_only(set(digests))
    folders = [folder for folder in found if folder is not None]
    names = _publish(folders, bundle)
    return Written(len(pages), names, len(groups) - len(missing))


def _publish(parts: list[Path], bundle: Path) -> list[str]:
    """Links the parts into a new bundle folder, the first whole with Pagefind's scripts, the
    others as part-2/, part-3/...; then puts it in place of the old one."""
    new = bundle.with_name(bundle.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    names = [""] if parts else []
    if parts:
        shutil.copytree(parts[0], new, copy_function=_link)
    else:
        new.mkdir(parents=True)
    for number, part in enumerate(parts[1:], start=2):
        name = f"part-{number}/"
        for entry in part.iterdir():
            if _PART_FILES.fullmatch(entry.name):
                target = new / name / entry.name
                if entry.is_dir():
                    shutil.copytree(entry, target, copy_function=_link)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _link(entry, target)
        names.append(name)
    (new / "parts.json").write_text(json.dumps({"parts": names[1:]}), encoding="utf-8")
    old = bundle.with_name(bundle.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    new.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    return names


def _link(source: str | Path, target: str | Path) -> None:
    """A hard link to the cached file, which is never changed in place; a copy across devices."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
