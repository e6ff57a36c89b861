"""Memory a build has freed, given back to the system as it goes.

A province's build holds every generated page until MkDocs writes it, and lets each go once
written. CPython frees the strings, but the C library keeps the freed pages for itself: the
build's resident size stays at its high-water mark while Pagefind and the drawing workers,
which run beside it as the pages are written, need memory of their own. glibc's `malloc_trim`
returns whole free pages (about 60 ms for a gigabyte of heap); elsewhere this does nothing."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
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
