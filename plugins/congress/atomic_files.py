"""Files written whole or not at all: caches are read by later builds, which must never trust
half a file left by a build that was stopped or a disk that filled up."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from pathlib import Path

# Files are made readable as the user's umask allows, as open() would make them: mkstemp's are
# private (0600), and a file the site links to must be readable by the web server and rsync.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
MODE = 0o666 & ~_UMASK


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: a reader, or a build that is
    interrupted, never sees half a file."""
    folder, name = os.path.split(path)
    # Named by process and count rather than by mkstemp's random draw: a build writes tens of
    # thousands of cache files, and a name no other writer uses needs no retries. Created with
    # the mode open() gives, so no chmod either.
    temp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_written)}.tmp")
    try:
        fd = os.open(temp, _NEW_FILE, 0o666)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(temp, _NEW_FILE, 0o666)
    try:
        with open(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
_written = itertools.count()


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
    folder, name = os.path.split(target)
    temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)  # left by a build that was stopped
    try:
        link_else_copy(source, temp)
    except FileNotFoundError:  # the folder is not there yet (the source is: see above)
        os.makedirs(folder, exist_ok=True)
        link_else_copy(source, temp)
    os.replace(temp, target)


def link_else_copy(source: str | Path, target: str | Path) -> None:
    """A new file at `target` with the content of `source`, a cached file that is never changed
    in place: a hard link, or a copy across disks."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # another disk, or a file system without links
        shutil.copyfile(source, target)
