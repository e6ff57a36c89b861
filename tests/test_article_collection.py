"""Visibility and the lists: drafts and future articles never show; order is fixed by date and slug."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from congress.articles import (
    SHANGHAI,
    Article,
    ArticleCollection,
    ArticleStatus,
    Category,
    is_public,
)
from test_article_site import NOW, article_site, catalog_of

CATEGORIES = {
    "news": Category(id="news", name="要闻", description="重要消息。"),
    "stories": Category(id="stories", name="代表风采", description="人物报道。"),
}


def make(slug: str, when: str, **fields: Any) -> Article:
    base = Article(
        slug=slug,
        title=f"标题 {slug}",
        published=dt.datetime.fromisoformat(when).replace(tzinfo=SHANGHAI),
        author=None,
        source=None,
        category="news",
        category_name="要闻",
        tags=(),
        summary="摘要",
        cover=None,
        deputies=(),
        stations=(),
        areas=(),
        plan_items=(),
        body="正文",
        source_path=f"content/news/{slug}.md",
        content_path=f"news/{slug}.md",
        guid=None,
        status=ArticleStatus.published,
    )
    return dataclasses.replace(base, **fields)


DRAFT = make("draft", "2025-05-01 10:00", status=ArticleStatus.draft, tags=("走访",))
FUTURE = make("future", "2027-06-01 00:00", tags=("走访",), deputies=("li-ming",))
ARTICLES = [
    make("b-same-time", "2025-04-01 09:00", tags=("走访",)),
    make("a-same-time", "2025-04-01 09:00", category="stories", deputies=("li-ming",)),
    make("oldest", "2025-01-02 08:00", stations=("east-home",)),
    make("newest", "2026-11-24 12:00", areas=("east-town",), tags=("走访", "代表之家")),
    DRAFT,
    FUTURE,
]


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> ArticleCollection:
    root = article_site(tmp_path_factory.mktemp("site"), {})
    return ArticleCollection(ARTICLES, CATEGORIES, catalog_of(root))


def slugs(articles: list[Article]) -> list[str]:
    return [a.slug for a in articles]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (make("x", "2026-11-24 12:00"), True),
        (make("x", "2026-11-24 12:00:01"), False),
        (make("x", "2020-01-01 00:00", status=ArticleStatus.draft), False),
        (FUTURE, False),
    ],
    ids=["exactly now", "one second later", "draft", "future"],
)
def test_is_public(article: Article, expected: bool) -> None:
    assert is_public(article, NOW) is expected


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError):
        is_public(make("x", "2020-01-01 00:00"), dt.datetime(2026, 1, 1))


def test_public_is_newest_first_with_slug_breaking_ties(collection: ArticleCollection) -> None:
    assert slugs(collection.public(NOW)) == ["newest", "a-same-time", "b-same-time", "oldest"]
    later = dt.datetime(2027, 6, 1, tzinfo=SHANGHAI)
    assert slugs(collection.public(later))[0] == "future"
    assert len(collection) == 6


@pytest.mark.parametrize(
    ("method", "ref", "expected"),
    [
        ("by_category", "news", ["newest", "b-same-time", "oldest"]),
        ("by_category", "stories", ["a-same-time"]),
        ("by_deputy", "li-ming", ["a-same-time"]),
        ("by_station", "east-home", ["oldest"]),
        ("by_tag", "走访", ["newest", "b-same-time"]),
        ("by_area", "east-town", ["newest", "oldest"]),
        ("by_area", "east", ["newest", "oldest"]),
        ("by_area", "demo", ["newest", "oldest"]),
        ("by_area", "nowhere", []),
    ],
)
def test_lists(collection: ArticleCollection, method: str, ref: str, expected: list[str]) -> None:
    assert slugs(getattr(collection, method)(ref, NOW)) == expected


def test_archive_by_year_and_month(collection: ArticleCollection) -> None:
    archive = collection.by_year_month(NOW)
    assert list(archive) == [(2026, 11), (2025, 4), (2025, 1)]
    assert slugs(archive[(2025, 4)]) == ["a-same-time", "b-same-time"]


def test_tags_count_public_articles_only(collection: ArticleCollection) -> None:
    assert collection.tags(NOW) == [("代表之家", 1), ("走访", 2)]


def test_previous_and_next_skip_hidden_articles(collection: ArticleCollection) -> None:
    newest, a, b, oldest = collection.public(NOW)
    assert collection.next(newest, NOW) is None
    assert collection.previous(newest, NOW) is a
    assert collection.previous(a, NOW) is b
    assert collection.next(b, NOW) is a
    assert collection.previous(oldest, NOW) is None
    assert collection.previous(DRAFT, NOW) is None


def test_related_is_scored_and_never_hidden(tmp_path: Path) -> None:
    me = make(
        "me", "2025-06-01 09:00", deputies=("li-ming",), stations=("east-home",), tags=("走访",)
    )
    articles = [
        me,
        make("same-deputy", "2025-01-01 09:00", deputies=("li-ming",)),
        make("same-station", "2025-02-01 09:00", stations=("east-home",)),
        make("same-tag-new", "2025-05-01 09:00", tags=("走访",)),
        make("same-tag-old", "2025-03-01 09:00", tags=("走访",)),
        make("everything", "2024-01-01 09:00", deputies=("li-ming",), tags=("走访",)),
        make("unrelated", "2025-06-02 09:00"),
        make("hidden", "2025-06-03 09:00", deputies=("li-ming",), status=ArticleStatus.draft),
    ]
    collection = ArticleCollection(articles, CATEGORIES)
    assert slugs(collection.related(me, NOW, n=10)) == [
        "everything",
        "same-deputy",
        "same-station",
        "same-tag-new",
        "same-tag-old",
    ]
    assert slugs(collection.related(me, NOW, n=2)) == ["everything", "same-deputy"]
    reordered = ArticleCollection(list(reversed(articles)), CATEGORIES)
    assert slugs(reordered.related(me, NOW, n=10)) == slugs(collection.related(me, NOW, n=10))


def test_related_articles_with_the_same_score_and_time_are_in_slug_order() -> None:
    me = make("me", "2025-06-01 09:00", tags=("走访",))
    same_time = [make(slug, "2025-05-01 09:00", tags=("走访",)) for slug in ("tie-c", "tie-a")]
    older = make("tie-older", "2025-04-01 09:00", tags=("走访",))
    collection = ArticleCollection([older, *same_time, me], CATEGORIES)
    assert slugs(collection.related(me, NOW)) == ["tie-a", "tie-c", "tie-older"]
