"""How the search index is cut into parts: at most `part_pages` pages each, and cut where the
pages say, so an added or removed page changes its own part (seldom the next ones too) and the
others are taken from the cache."""

from __future__ import annotations

import pytest
from congress_mkdocs.search_index import chunks

PART_PAGES = 400
PAGES = [f"news/2026-01-01-a{i:05d}/index.html" for i in range(20_000)]


def test_parts_hold_every_page_once_in_order_at_about_part_pages() -> None:
    parts = chunks(PAGES, PART_PAGES)
    assert [path for part in parts for path in part] == PAGES
    sizes = [len(part) for part in parts]
    assert max(sizes) <= PART_PAGES
    assert min(sizes[:-1]) >= PART_PAGES // 4
    assert 0.5 * PART_PAGES <= sum(sizes) / len(sizes) <= 0.75 * PART_PAGES


def _changed(before: list[str], after: list[str]) -> int:
    """How many parts of `after` are not parts of `before`: the parts indexed again."""
    old = {tuple(part) for part in chunks(before, PART_PAGES)}
    return sum(tuple(part) not in old for part in chunks(after, PART_PAGES))


def test_adding_a_page_indexes_again_the_part_it_joins_and_seldom_more() -> None:
    # The next ones too when the new page moves a cut: a part it fills is cut a page earlier,
    # and so may the next one be, until a cut the pages chose.
    counts = [
        _changed(PAGES, [*PAGES[:at], f"news/2026-11-26-new-{at}/index.html", *PAGES[at:]])
        for at in range(0, 20_001, 200)
    ]
    assert set(counts) <= {1, 2, 3}
    assert sum(counts) / len(counts) <= 1.4, counts
    assert len(chunks(PAGES, PART_PAGES)) > 60  # out of some eighty parts


@pytest.mark.parametrize("at", [0, 4_321, 19_999])
def test_removing_a_page_indexes_again_at_most_the_part_it_left_and_the_next(at: int) -> None:
    # Removing the page a part was cut after joins the part to the next one.
    assert 1 <= _changed(PAGES, PAGES[:at] + PAGES[at + 1 :]) <= 2


def test_parts_are_the_same_from_build_to_build() -> None:
    assert chunks(PAGES, PART_PAGES) == chunks(list(PAGES), PART_PAGES)
