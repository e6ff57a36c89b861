"""Memory a build has freed, given back to the system as it goes.

A province's build holds every generated page until MkDocs writes it, and lets each go once
written. CPython frees the strings, but the C library keeps the freed pages for itself: the
build's resident size stays at its high-water mark while Pagefind and the drawing workers,
which run beside it as the pages are written, need memory of their own. glibc's `malloc_trim`
returns whole free pages (about 60 ms for a gigabyte of heap); elsewhere this does nothing.
`resident_mb` tells what the build and its helper processes hold now."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
from collections.abc import Callable

_trim: Callable[[int], int] | None = None
with contextlib.suppress(OSError, AttributeError, TypeError):
    _trim = ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim


def give_back() -> bool:
    """Returns the C library's free pages to the system; False where it cannot."""
    if _trim is None:
        return False
    _trim(0)
    return True


class Releases:
    """Counts what is freed and gives memory back after every `every` characters of it."""

    def __init__(self, every: int = 32_000_000) -> None:
        self.every = every
        self._since = 0

    def freed(self, size: int) -> None:
        self._since += size
        if self._since >= self.every:
            self._since = 0
            give_back()


RELEASES = Releases()
"""One per process: pages are released by whichever plugin writes them."""


def resident_mb() -> float:
    """Resident memory of this process and of its children (drawing workers, Pagefind), in MB;
    0 where /proc cannot tell."""
    try:
        pids = [os.getpid()]
        for task in os.scandir("/proc/self/task"):
            with open(os.path.join(task.path, "children")) as children:
                pids += [int(pid) for pid in children.read().split()]
        pages = 0
        for pid in pids:
            # A child that has ended since it was listed holds nothing.
            with contextlib.suppress(FileNotFoundError), open(f"/proc/{pid}/statm") as statm:
                pages += int(statm.read().split()[1])
    except OSError:
        return 0.0
    return pages * _PAGE_SIZE / 2**20


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
