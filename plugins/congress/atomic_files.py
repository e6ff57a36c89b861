"""Files written whole or not at all: caches are read by later builds, which must never trust
half a file left by a build that was stopped or a disk that filled up."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# Files are made readable as the user's umask allows, as open() would make them: mkstemp's are
# private (0600), and a file the site links to must be readable by the web server and rsync.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
MODE = 0o666 & ~_UMASK


def _written_beside(path: Path, data: bytes) -> str:
    """A temporary file beside `path` holding `data`, for the caller to put in place."""
    temp = _beside(path)
    # Created with the mode open() gives: readable as the umask allows, with no chmod.
    fd = _in_its_folder(lambda name: os.open(name, _NEW_FILE, 0o666), temp)
    try:
        with open(fd, "wb") as out:
            out.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: a reader, or a build that is
    interrupted, never sees half a file."""
    temp = _written_beside(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_once(path: Path, data: bytes) -> bool:
    """A new file at `path`, whole or not at all, never in place of one: False when a file is
    there, even one that appeared a moment ago (an editor's imports and new files)."""
    temp = _written_beside(path, data)
    try:
        try:
            os.link(temp, path)  # unlike a rename, fails when the name is taken
        except FileExistsError:
            return False
        except OSError:  # a file system without links
            with open(path, "xb") as out:
                out.write(data)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Publish a cached file at `target`: a hard link when the cache shares the disk (no bytes
    copied), a copy otherwise, put in place of whatever was there in one rename, never written
    through it (it may be a link to another cached file). The cache only ever replaces files
    (atomic_write), so a published link keeps its content; whatever writes into the site must
    replace its files too, as every build does (its site folder is new or emptied)."""
    source, target = os.fspath(source), os.fspath(target)
    cached = os.stat(source)
    if cached.st_mode & 0o777 != MODE:  # cached before files were made readable
        os.chmod(source, MODE)
    with contextlib.suppress(FileNotFoundError):
        if os.path.samestat(cached, os.stat(target)):
            return  # published already (a preview's rebuild); a rename onto it would do nothing
    temp = _beside(target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)  # left by a stopped build: a copy would write through a link
    # A missing folder is the target's: the source is there (see above).
    _in_its_folder(lambda name: link_else_copy(source, name), temp)
    os.replace(temp, target)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
_written = itertools.count()
T = TypeVar("T")


def _beside(path: str | Path) -> str:
    """A temporary name in the folder of `path` that no other writer uses, by process and count:
    a build writes tens of thousands of cache files, and mkstemp's random names cost retries."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}-{next(_written)}.tmp")


def _in_its_folder(make: Callable[[str], T], path: str) -> T:
    """`make(path)`, making the folder of `path` first when it is not there yet."""
    try:
        return make(path)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return make(path)


def link_else_copy(source: str | Path, target: str | Path) -> None:
    """A new file at `target` with the content of `source`, a cached file that is never changed
    in place: a hard link, or a copy across disks."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # another disk, or a file system without links
        shutil.copyfile(source, target)
