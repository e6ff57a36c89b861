"""The loaded articles and the lists the site shows. Only what `is_public(article, now)` allows is
ever listed; `now` is always a parameter, never read from the clock, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from congress.articles.model import Article, ArticleStatus, Category
from congress.catalog import Catalog
from congress.sorting import name_key

# Related articles are looked for among this many neighbours in time per shared deputy, station or
# tag, so a tag on ten thousand articles costs no more than one on ten.
RELATED_WINDOW = 40
RELATED_WEIGHTS = {"deputy": 3, "station": 2, "tag": 1}

Key = tuple[str, str]


def is_public(article: Article, now: dt.datetime) -> bool:
    """Published and not dated in the future. `now` must be timezone-aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return article.status is ArticleStatus.published and article.published <= now


def _area_keys(article: Article, catalog: Catalog | None) -> set[str]:
    """The article's own areas and those of its stations, each with every enclosing area, so a
    story about a village also lists under its town and district."""
    ids = list(article.areas)
    if catalog is not None:
        ids += [s.area for s in map(catalog.stations.get, article.stations) if s is not None]
    found = set(ids)
    for area_id in ids:
        if catalog is not None:
            found.update(a.id for a in catalog.area_chain(area_id))
    return found


class ArticleCollection:
    """Every loaded article, drafts included; the listing methods return public ones, newest
    first, ties broken by slug."""

    def __init__(
        self,
        articles: Iterable[Article],
        categories: Mapping[str, Category],
        catalog: Catalog | None = None,
    ) -> None:
        self.categories: dict[str, Category] = dict(categories)
        self._all = sorted(articles, key=Article.sort_key)
        self._by_slug = {a.slug: a for a in self._all}
        self._index: dict[Key, list[Article]] = defaultdict(list)
        for article in self._all:
            keys: list[Key] = [("category", article.category)]
            keys += [("deputy", d) for d in dict.fromkeys(article.deputies)]
            keys += [("station", s) for s in dict.fromkeys(article.stations)]
            keys += [("tag", t) for t in dict.fromkeys(article.tags)]
            keys += [("area", a) for a in sorted(_area_keys(article, catalog))]
            for key in keys:
                self._index[key].append(article)
        self._positions: dict[Key, dict[str, int]] = {}
        self._public: dict[dt.datetime, tuple[list[Article], dict[str, int]]] = {}

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Article]:
        """All articles, drafts and future ones included: for checks, never for pages."""
        return iter(self._all)

    def get(self, slug: str) -> Article | None:
        return self._by_slug.get(slug)

    def _public_list(self, now: dt.datetime) -> tuple[list[Article], dict[str, int]]:
        if now not in self._public:
            shown = [a for a in self._all if is_public(a, now)]
            self._public[now] = (shown, {a.slug: i for i, a in enumerate(shown)})
        return self._public[now]

    def public(self, now: dt.datetime) -> list[Article]:
        return list(self._public_list(now)[0])

    def _listed(self, key: Key, now: dt.datetime) -> list[Article]:
        return [a for a in self._index.get(key, ()) if is_public(a, now)]

    def by_category(self, category_id: str, now: dt.datetime) -> list[Article]:
        return self._listed(("category", category_id), now)

    def by_deputy(self, deputy_id: str, now: dt.datetime) -> list[Article]:
        return self._listed(("deputy", deputy_id), now)

    def by_station(self, station_id: str, now: dt.datetime) -> list[Article]:
        return self._listed(("station", station_id), now)

    def by_area(self, area_id: str, now: dt.datetime) -> list[Article]:
        """Articles naming this area, an area inside it, or a station inside it."""
        return self._listed(("area", area_id), now)

    def by_tag(self, tag: str, now: dt.datetime) -> list[Article]:
        return self._listed(("tag", tag), now)

    def tags(self, now: dt.datetime) -> list[tuple[str, int]]:
        """Tags of public articles with their counts, in pinyin order."""
        counts: dict[str, int] = defaultdict(int)
        for article in self._public_list(now)[0]:
            for tag in dict.fromkeys(article.tags):
                counts[tag] += 1
        return sorted(counts.items(), key=lambda item: name_key(item[0]))

    def by_year_month(self, now: dt.datetime) -> dict[tuple[int, int], list[Article]]:
        """Archive: (year, month) to its articles, newest month first."""
        out: dict[tuple[int, int], list[Article]] = {}
        for article in self._public_list(now)[0]:
            month = (article.published.year, article.published.month)
            out.setdefault(month, []).append(article)
        return out

    def _neighbour(self, article: Article, now: dt.datetime, step: int) -> Article | None:
        shown, where = self._public_list(now)
        i = where.get(article.slug)
        if i is None or not 0 <= i + step < len(shown):
            return None
        return shown[i + step]

    def previous(self, article: Article, now: dt.datetime) -> Article | None:
        """The public article published just before this one (上一篇, older), or None."""
        return self._neighbour(article, now, +1)

    def next(self, article: Article, now: dt.datetime) -> Article | None:
        """The public article published just after this one (下一篇, newer), or None."""
        return self._neighbour(article, now, -1)

    def _near(self, key: Key, article: Article) -> list[Article]:
        listed = self._index.get(key, [])
        if key not in self._positions:
            self._positions[key] = {a.slug: i for i, a in enumerate(listed)}
        i = self._positions[key].get(article.slug, 0)
        return listed[max(0, i - RELATED_WINDOW) : i + RELATED_WINDOW + 1]

    def related(self, article: Article, now: dt.datetime, n: int = 5) -> list[Article]:
        """Up to `n` public articles sharing a deputy (3 points each), station (2) or tag (1),
        highest score first, then newest, then by slug."""
        # Public articles in list order, and each one's place in it: newer (or, at the same
        # time, first by slug) is a lower place, so ties on score go to the lower place.
        shown, place = self._public_list(now)
        scores: dict[int, int] = defaultdict(int)  # by place
        shared = [
            *(("deputy", d) for d in dict.fromkeys(article.deputies)),
            *(("station", s) for s in dict.fromkeys(article.stations)),
            *(("tag", t) for t in dict.fromkeys(article.tags)),
        ]
        for key in shared:
            weight = RELATED_WEIGHTS[key[0]]
            for other in self._near(key, article):
                found = place.get(other.slug)  # None: not public
                if found is not None and other.slug != article.slug:
                    scores[found] += weight
        best = heapq.nsmallest(n, scores, key=lambda found: (-scores[found], found))
        return [shown[found] for found in best]
