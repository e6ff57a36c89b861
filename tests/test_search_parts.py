"""How the search index is cut into parts: pages whose weight (the Chinese text Pagefind must
segment) adds up to at most `part_size` each, and cut where the pages say, so an added, removed
or edited page changes its own part (seldom the next ones too) and the others are taken from
the cache."""

from __future__ import annotations

import pytest
from congress_mkdocs.search_index import chunks

PART_SIZE = 400
PAGES = [f"news/2026-01-01-a{i:05d}/index.html" for i in range(20_000)]


def test_parts_hold_every_page_once_in_order_at_about_part_size() -> None:
    parts = chunks(PAGES, PART_SIZE)
    assert [path for part in parts for path in part] == PAGES
    sizes = [len(part) for part in parts]
    assert max(sizes) <= PART_SIZE
    assert min(sizes[:-1]) >= PART_SIZE // 4
    assert 0.5 * PART_SIZE <= sum(sizes) / len(sizes) <= 0.75 * PART_SIZE


def _changed(before: list[str], after: list[str]) -> int:
    """How many parts of `after` are not parts of `before`: the parts indexed again."""
    old = {tuple(part) for part in chunks(before, PART_SIZE)}
    return sum(tuple(part) not in old for part in chunks(after, PART_SIZE))


def test_adding_a_page_indexes_again_the_part_it_joins_and_seldom_more() -> None:
    # The next ones too when the new page moves a cut: a part it fills is cut a page earlier,
    # and so may the next one be, until a cut the pages chose.
    counts = [
        _changed(PAGES, [*PAGES[:at], f"news/2026-11-26-new-{at}/index.html", *PAGES[at:]])
        for at in range(0, 20_001, 200)
    ]
    assert set(counts) <= {1, 2, 3}
    assert sum(counts) / len(counts) <= 1.4, counts
    assert len(chunks(PAGES, PART_SIZE)) > 60  # out of some eighty parts


@pytest.mark.parametrize("at", [0, 4_321, 19_999])
def test_removing_a_page_indexes_again_at_most_the_part_it_left_and_the_next(at: int) -> None:
    # Removing the page a part was cut after joins the part to the next one.
    assert 1 <= _changed(PAGES, PAGES[:at] + PAGES[at + 1 :]) <= 2


def test_parts_are_the_same_from_build_to_build() -> None:
    assert chunks(PAGES, PART_SIZE) == chunks(list(PAGES), PART_SIZE)


ARTICLE, DEPUTY = 1800, 360  # Chinese characters on a news article's page and a deputy's
WEIGHED = [f"news/a{i:05d}/index.html" for i in range(3000)] + [
    f"deputies/d{i:05d}/index.html" for i in range(6000)
]


def weight(path: str) -> int:
    return ARTICLE if path.startswith("news/") else DEPUTY


def test_a_part_of_long_articles_holds_fewer_pages_than_one_of_short_pages() -> None:
    size = 400 * ARTICLE
    parts = chunks(WEIGHED, size, weight)
    assert [path for part in parts for path in part] == WEIGHED
    assert all(sum(map(weight, part)) <= size for part in parts)
    news = [len(part) for part in parts if part[-1].startswith("news/")]
    deputies = [len(part) for part in parts if part[0].startswith("deputies/")]
    assert max(news) <= 400 and min(deputies[:-1]) >= 400 // 4 * ARTICLE // DEPUTY
    average = sum(deputies) / len(deputies) / (sum(news) / len(news))
    assert 3.5 <= average <= 6.5, average  # about ARTICLE / DEPUTY times as many


def test_a_page_heavier_than_a_part_is_a_part_of_its_own() -> None:
    parts = chunks(["a", "huge", "b"], 100, {"a": 10, "huge": 500, "b": 10}.get)
    assert ["huge"] in parts and [p for part in parts for p in part] == ["a", "huge", "b"]


@pytest.mark.parametrize("at", [17, 1_500, 2_999, 5_000])
def test_an_edit_that_lengthens_a_page_indexes_again_its_part_and_seldom_more(at: int) -> None:
    size = 400 * ARTICLE
    before = {tuple(part) for part in chunks(WEIGHED, size, weight)}
    edited = WEIGHED[at]
    after = chunks(WEIGHED, size, lambda path: weight(path) + 40 * (path == edited))
    # The edited page's part is indexed again for its new text; of the others, at most the
    # next one changes (when the longer page moves a cut).
    others = [part for part in after if edited not in part]
    assert sum(tuple(part) not in before for part in others) <= 1
