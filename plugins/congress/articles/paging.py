"""Paged lists: /news/ shows the newest PAGE_SIZE articles, /news/page/2/ the next, and so on, so no
list page grows with the number of articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from congress.render.urls import relative

PAGE_SIZE = 20
T = TypeVar("T")


def page_url(base: str, number: int) -> str:
    """`news/` for page 1, `news/page/2/` after."""
    return base if number == 1 else f"{base}page/{number}/"


@dataclass(frozen=True)
class Slice:
    url: str
    number: int
    count: int
    base: str

    def title(self, title: str) -> str:
        """The list's title on this page: later pages say which page they are."""
        return title if self.number == 1 else f"{title}（第 {self.number} 页）"

    def pager(self) -> dict[str, Any]:
        """Links from this page to its neighbours: first, last and two on each side."""
        shown = sorted(
            {1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)}
        )
        links: list[dict[str, Any]] = []
        for i, n in enumerate(shown):
            if i and n - shown[i - 1] > 1:
                links.append({"number": None, "href": None, "current": False})
            href = relative(self.url, page_url(self.base, n))
            links.append({"number": n, "href": href, "current": n == self.number})
        return {
            "number": self.number,
            "count": self.count,
            "links": links,
            "previous": relative(self.url, page_url(self.base, self.number - 1))
            if self.number > 1
            else None,
            "next": relative(self.url, page_url(self.base, self.number + 1))
            if self.number < self.count
            else None,
        }


def paginate(
    items: Sequence[T], base: str, size: int = PAGE_SIZE
) -> list[tuple[Slice, Sequence[T]]]:
    """The pages of a list; an empty list still has its first page."""
    count = max(1, -(-len(items) // size))
    return [
        (Slice(page_url(base, n), n, count, base), items[(n - 1) * size : n * size])
        for n in range(1, count + 1)
    ]
