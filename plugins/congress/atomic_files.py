"""Files written whole or not at all: caches are read by later builds, which must never trust
half a file left by a build that was stopped or a disk that filled up."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: a reader, or a build that is
    interrupted, never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Publish a cached file at `target`: a hard link when the cache shares the disk (no bytes
    copied), a copy otherwise. Whatever was at `target` is removed first, never written through:
    it may be a link to another cached file. The cache only ever replaces files (atomic_write),
    so a published link keeps its content; whatever writes into the site must replace its files
    too, as every build does (its site folder is new or emptied)."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # another disk, or a file system without links
        shutil.copyfile(source, target)
