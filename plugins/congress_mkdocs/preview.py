"""`mkdocs serve --dirty` made exact: each rebuild writes only the files whose content changed and
removes the ones that are gone, so an edited article shows in a second at province scale.

MkDocs's own dirty build compares a page's source and output times, which says nothing about
generated pages, lists or feeds. Here every generated file carries its content; a rebuild writes it
only when the content differs from what the previous build wrote to the same path and nothing the
whole site shows (theme, nav, catalog, article list) changed since. Pages MkDocs reads from Markdown
are few and show site-wide facts (the home page's latest news), so they are always rebuilt."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from congress.atomic_files import link_or_copy
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.congress.preview")

_DIRTY_WARNING = "A 'dirty' build is being performed"


class Identity:
    """A key part equal only to the very same object: catalogs and plan sets are rebuilt, never
    changed in place, so the same object means the same content, and comparing two catalogs of
    20,000 deputies field by field would cost more than the rebuild saves."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


def tree_stats(folder: Path, skip: Callable[[str], bool] = lambda path: False) -> tuple[Any, ...]:
    """Every file below `folder` with its size and modification time, by relative path: equal
    tuples mean nothing was added, removed or saved since. `skip` leaves out relative paths."""
    found: list[tuple[str, int, int]] = []
    stack = [(str(folder), "")]
    while stack:
        path, prefix = stack.pop()
        try:
            entries = list(os.scandir(path))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            relative = prefix + entry.name
            if skip(relative):
                continue
            if entry.is_dir(follow_symlinks=True):
                stack.append((entry.path, relative + "/"))
            else:
                stat = entry.stat()
                found.append((relative, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


class Preview:
    """What the last successful build of this `mkdocs serve` wrote, for the next one."""

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self._context: Hashable | None = None
        self._same_context = False
        self._written: dict[str, object] = {}
        self._current: dict[str, object] = {}
        self._build: object = None
        self._noted: object = None
        self._all_files: Files = Files([])
        # Generated files by site path, this build's and the last one's: an unchanged file keeps
        # its File and Page objects (making 20,000 of them anew costs seconds).
        self._files: dict[str, _Generated] = {}
        self._last_files: dict[str, _Generated] = {}

    def start(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.reset()
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty_warning)

    def begin(self, build: object, context: Callable[[], Hashable]) -> None:
        """Called by every congress plugin as its files are added; the first call of a build
        wins. `context` gives what every page shows (theme, nav, catalog, article list)."""
        if build is self._build:
            return
        self._build = build
        self._current = {}
        if not self.dirty:
            return
        shown = context()
        self._same_context = shown == self._context
        self._context = shown
        self._last_files = self._files if self._same_context else {}
        self._files = {}
        if not self._same_context and self._written:
            log.info("预览：站点结构有变化，全部页面重新生成")

    @property
    def same_context(self) -> bool:
        """Whether this dirty rebuild may keep what did not change (see `begin`)."""
        return self._same_context

    def file(self, config: Any, path: str, content: str | bytes, key: object) -> _Generated:
        kept = self._last_files.get(path)
        if kept is not None and kept.content_key is key:
            file = kept
        else:
            made = _Generated.generated(config, path, content=content)
            assert isinstance(made, _Generated)
            # Only a dirty preview compares keys (see `changed`); elsewhere the key (a page's
            # HTML) would outlive the written page.
            file, file.content_key = made, key if self.dirty else None
        if self.dirty:
            self._files[path] = file
        return file

    def changed(self, dest: str, content: object) -> bool:
        """Whether the file at `dest` must be written now; notes it as part of this build."""
        self._current[dest] = content
        if not self._same_context:
            return True
        previous = self._written.get(dest, _NOTHING)
        return previous is not content and previous != content

    def note(self, build: object, files: Files) -> None:
        """This build's files, before MkDocs reads any page: at its end, every file in them is
        what a rebuild removes from site/ once gone. Markdown pages are always rebuilt (see the
        module's note)."""
        if build is self._noted:
            return
        self._noted, self._all_files = build, files
        if self.dirty:
            for file in files:
                if not isinstance(file, _Generated) and file.is_documentation_page():
                    setattr(file, "is_modified", _always)  # noqa: B010  (MkDocs asks the file)

    def finish(self, build: object) -> bool:
        """The build succeeded: what it wrote is what the next build compares against. True
        for the first call of a build."""
        if build is not self._build:
            return False
        if self._same_context:
            # The same pages as last time; files made only for rebuilt pages (drawn images) are
            # in this build's list only when their page was rebuilt, and are not gone.
            for dest, content in self._written.items():
                self._current.setdefault(dest, content)
        else:
            for file in self._all_files:  # with those added since note()
                self._current.setdefault(file.abs_dest_path, _ALWAYS)
            if self.dirty:
                removed = 0
                for dest in self._written.keys() - self._current.keys():
                    if os.path.isfile(dest):
                        os.remove(dest)
                        removed += 1
                if removed:
                    log.info("预览：删除了 %d 个已不存在的页面或文件", removed)
        self._written, self._current, self._all_files = self._current, {}, Files([])
        self._build = self._noted = None
        return True

    def reset(self) -> None:
        """A failed build may have written part of its files: compare the next one with nothing."""
        self._written, self._current, self._context = {}, {}, None
        self._files, self._last_files = {}, {}
        self._same_context = False
        self._build = self._noted = None


_NOTHING = object()
_ALWAYS = object()  # never equal to any content: such a file is always written


def _always() -> bool:
    return True


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    # A strict build stops at any warning, and this one is about MkDocs's inexact dirty builds.
    return not str(record.msg).startswith(_DIRTY_WARNING)


PREVIEW = Preview()
"""One per process: `mkdocs serve` keeps the congress plugins across rebuilds, and each one asks
this the same questions."""


class Deferred:
    """Content made only as its file is written, and forgotten once written: the feeds of a
    province's site (one per deputy, each with its articles' full text) come to a gigabyte, which
    a build would otherwise hold all at once. `make` gives the bytes, or a cached file to publish
    as they are. Equal only to itself: a preview that has the very same Deferred again has
    nothing new to write.

    Such files are written after the pages (by `write_deferred`), not with the other files before
    them: Pagefind indexes pages as they are written, and is what a province's first build waits
    for last; making 17,000 feeds first would hold it back by ten seconds."""

    def __init__(self, make: Callable[[], bytes | Path]) -> None:
        self.make = make


_waiting: list[_Generated] = []


def write_deferred() -> None:
    """Writes the files whose content is made as they are written (see `Deferred`)."""
    files = _waiting[:]
    _waiting.clear()
    for file in files:
        file._write_deferred()


def write_order(file: File) -> int:
    """When a build writes `file`: 0 with the other files, 1 with the pages, 2 after them."""
    if isinstance(file, _Generated) and file.deferred is not None:
        return 2
    return 1 if file.is_documentation_page() else 0


def drop_deferred() -> None:
    """A failed build: what it did not write yet is not written."""
    _waiting.clear()


class _Generated(File):
    """A file whose content the plugins made; written only when it changed (see `Preview`)."""

    content_key: object = None
    deferred: Deferred | None = None

    def is_modified(self) -> bool:
        return PREVIEW.changed(self.abs_dest_path, self.content_key)

    def copy_file(self, dirty: bool = False) -> None:
        if self.deferred is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        _waiting.append(self)
        return None

    def _write_deferred(self) -> None:
        assert self.deferred is not None
        made = self.deferred.make()
        if isinstance(made, Path):
            return link_or_copy(made, self.abs_dest_path)
        # The last build of a preview may have left a link to a cached file here: writing into
        # it would change the cache.
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.abs_dest_path)
        self.content_bytes = made
        try:
            super().copy_file()
        finally:
            self.content_bytes = b""


def generated_file(
    config: Any, path: str, content: str | bytes | Deferred, key: object = None
) -> File:
    """`File.generated` that a dirty preview writes only when `key` (default: the content itself)
    differs from what the last build wrote there; the very same key keeps the last build's File."""
    if isinstance(content, Deferred):
        file = PREVIEW.file(config, path, b"", content if key is None else key)
        file.deferred = content
        return file
    return PREVIEW.file(config, path, content, content if key is None else key)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory; a bucket's key includes its source's checksum."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES_COMPILED = MemoryBytecodeCache()
"""Material's templates, compiled once per preview instead of once per rebuild."""
