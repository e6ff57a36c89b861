"""Memory a build frees is given back to the system, so Pagefind and the drawing workers that run
beside the page writing can have it."""

from __future__ import annotations

import pytest
from congress import memory


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def test_freed_pages_go_back_to_the_system() -> None:
    if not memory.give_back():
        pytest.skip("the C library here cannot give memory back (not glibc)")
    # Pages of a site as a build holds them: strings of some tens of kilobytes, of which most
    # are let go while some stay (the pages not written yet).
    kept, written = [], []
    for number in range(12_000):
        page = "<p>代表联络站接待群众</p>" * 600 + str(number)
        (kept if number % 4 == 0 else written).append(page)
    before = resident_mb()
    written.clear()
    memory.give_back()
    assert before - resident_mb() > 100, (before, resident_mb())
    assert len(kept) == 3000


@pytest.mark.parametrize(
    ("sizes", "calls"),
    [
        ([10, 10, 10], 0),
        ([60, 40], 1),
        ([100, 1, 98, 100], 2),
        ([250], 1),
    ],
)
def test_memory_is_given_back_after_every_so_much_freed(
    monkeypatch: pytest.MonkeyPatch, sizes: list[int], calls: int
) -> None:
    given: list[bool] = []
    monkeypatch.setattr(memory, "give_back", lambda: given.append(True) or True)
    releases = memory.Releases(every=100)
    for size in sizes:
        releases.freed(size)
    assert len(given) == calls
