"""The sample site's articles: they load without a single problem, and nothing unpublished leaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from congress.articles import (
    SHANGHAI,
    ArticleCollection,
    ArticleStatus,
    article_html,
    build_feeds,
    feed_articles,
    feed_specs,
    load_articles,
)
from congress.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=SHANGHAI)
# Each draft and the future-dated article carries one of these phrases in its body.
UNPUBLISHED_MARKERS = {
    "2026-11-18-night-reception-plan": "青鸾七号",
    "2026-11-19-training-notice": "白鹭三号",
    "2026-11-19-annual-review-outline": "灰雀九号",
    "2027-06-01-children-day-visit": "金雕一号",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    catalog, problems = load_catalog(ROOT, SAMPLE_TODAY)
    assert not [p for p in problems if p.severity == "error"], "\n".join(map(str, problems))
    return catalog


@pytest.fixture(scope="module")
def collection(catalog: Catalog) -> ArticleCollection:
    collection, problems = load_articles(
        ROOT,
        catalog,
        content_dir=ROOT / "content",
        categories_file=ROOT / "data" / "categories.yml",
    )
    assert problems == [], "\n".join(map(str, problems))
    return collection


def test_sample_articles_have_the_promised_shape(collection: ArticleCollection) -> None:
    public = collection.public(NOW)
    assert len(public) >= 40
    assert {a.category for a in public} == set(collection.categories)
    assert {a.published.year for a in public} == {2025, 2026}
    assert all(a.published < dt.datetime(2026, 11, 20, tzinfo=SHANGHAI) for a in public)
    assert sum(a.cover is not None for a in public) >= 5
    assert all(a.tags for a in public)
    assert sum(bool(a.deputies or a.stations or a.areas) for a in public) >= 30
    for article in public:
        assert 300 <= len(article.body.strip()) <= 900, article.source_path
        assert article.slug == Path(article.source_path).stem, "file names are the slugs"


def test_drafts_and_the_future_article_exist_but_stay_hidden(
    collection: ArticleCollection,
) -> None:
    hidden = {a.slug: a for a in collection if a.slug in UNPUBLISHED_MARKERS}
    assert set(hidden) == set(UNPUBLISHED_MARKERS)
    assert sum(a.status is ArticleStatus.draft for a in hidden.values()) == 3
    for slug, marker in UNPUBLISHED_MARKERS.items():
        assert marker in hidden[slug].body
    for article in collection.public(NOW):
        text = article.title + article.summary + article.body
        assert not any(marker in text for marker in UNPUBLISHED_MARKERS.values()), article.slug
    everything = {a.slug for a in collection}
    assert len(everything) == len(collection)


def test_every_public_article_is_in_a_category_list(collection: ArticleCollection) -> None:
    listed = {a.slug for c in collection.categories for a in collection.by_category(c, NOW)}
    assert listed == {a.slug for a in collection.public(NOW)}


def test_sample_feeds_are_valid_and_leak_nothing(
    collection: ArticleCollection, catalog: Catalog
) -> None:
    specs = feed_specs(collection, catalog)
    assert len({s.key for s in specs}) == len(specs)
    with_items = 0
    for spec in specs:
        rss, atom = build_feeds(
            spec,
            feed_articles(spec, collection, NOW),
            article_html,
            site_url="https://www.wanglan-rd.example/",
            site_name="望澜市人大常委会",
            content_dir=ROOT / "content",
            limit=20,
        )
        for raw in (rss, atom):
            parsed = feedparser.parse(raw)
            assert parsed.bozo == 0, (spec.key, parsed.get("bozo_exception"))
            text = raw.decode()
            assert not any(m in text for m in UNPUBLISHED_MARKERS.values()), spec.key
        with_items += bool(feedparser.parse(rss).entries)
    assert with_items >= 15
