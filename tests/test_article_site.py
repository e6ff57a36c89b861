"""A small site with articles, shared by the article and feed tests, and the happy path of loading it.

The other test modules import `article_site`, `GOOD` and `load` from here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from congress.articles import SHANGHAI, ArticleCollection, ArticleStatus, load_articles
from congress.catalog import Catalog, load_catalog
from congress.problems import Problem
from PIL import Image
from site_factory import TODAY, write_site

CATEGORIES = """\
# yaml-language-server: $schema=../schema/category-list.schema.json
- id: news
  name: 要闻
  description: 常委会的重要消息。
- id: stories
  name: 代表风采
  description: 代表履职的人物报道。
"""

# Line numbers matter: the rule tests point at them.
GOOD = """\
---
title: 李明代表走访东湖街道
date: 2025-03-15 09:30
author: 研究室 张明
source: 示范日报
category: news
tags: [走访, 代表之家]
deputies: [li-ming]
stations: [east-home]
areas: [east-town]
plan_items: [2025-plan#3]
---

李明代表来到东湖街道人大代表之家，**听取**居民对老旧小区改造的意见。

![代表与居民交谈](../images/news/visit.jpg)

第二段写的是后续安排。
"""

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=SHANGHAI)


def write_image(path: Path, size: tuple[int, int] = (120, 80), colour: str = "#b22222") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def article_site(root: Path, articles: dict[str, str], categories: str = CATEGORIES) -> Path:
    """The site_factory site plus data/categories.yml, content/images/news/visit.jpg and the given
    articles (paths relative to content/news/)."""
    write_site(root)
    (root / "data" / "categories.yml").write_text(categories, encoding="utf-8")
    write_image(root / "content" / "images" / "news" / "visit.jpg")
    for name, text in articles.items():
        file = root / "content" / "news" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return root


def catalog_of(root: Path) -> Catalog:
    catalog, problems = load_catalog(root, dt.date.fromisoformat(TODAY))
    assert not [p for p in problems if p.severity == "error"], problems
    return catalog


def load(root: Path) -> tuple[ArticleCollection, list[Problem]]:
    return load_articles(
        root,
        catalog_of(root),
        content_dir=root / "content",
        categories_file=root / "data" / "categories.yml",
    )


def test_a_good_article_loads_with_every_field(tmp_path: Path) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD})
    collection, problems = load(root)
    assert problems == []
    (article,) = list(collection)
    assert article.slug == "2025-03-15-visit"
    assert article.title == "李明代表走访东湖街道"
    assert article.published == dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)
    assert article.published.isoformat().endswith("+08:00")
    assert (article.author, article.source) == ("研究室 张明", "示范日报")
    assert (article.category, article.category_name) == ("news", "要闻")
    assert article.tags == ("走访", "代表之家")
    assert article.deputies == ("li-ming",)
    assert article.stations == ("east-home",)
    assert article.areas == ("east-town",)
    assert article.plan_items == ("2025-plan#3",)
    assert article.summary == "李明代表来到东湖街道人大代表之家，听取居民对老旧小区改造的意见。"
    assert article.body.startswith("\n李明代表")
    assert "title:" not in article.body
    assert article.source_path == "content/news/2025-03-15-visit.md"
    assert article.content_path == "news/2025-03-15-visit.md"
    assert article.status is ArticleStatus.published
    assert article.guid is None
    assert article.url == "news/2025-03-15-visit/"


def test_dates_are_beijing_time_in_every_spelling(tmp_path: Path) -> None:
    cases = {
        "a.md": ("2025-03-15", dt.datetime(2025, 3, 15, 0, 0, tzinfo=SHANGHAI)),
        "b.md": ("2025-03-15 09:30", dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)),
        "c.md": ("2025-03-15 09:30:00", dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)),
        "d.md": ("2025-03-15T01:30:00Z", dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)),
        "e.md": ('"2025-03-15T09:30:00+08:00"', dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)),
    }
    files = {
        name: GOOD.replace("date: 2025-03-15 09:30", f"date: {text}")
        for name, (text, _) in cases.items()
    }
    collection, problems = load(article_site(tmp_path, files))
    assert problems == []
    for name, (_, expected) in cases.items():
        article = collection.get(name.removesuffix(".md"))
        assert article is not None
        assert article.published == expected
        assert article.published.utcoffset() == dt.timedelta(hours=8), name


def test_summary_is_kept_when_given_and_derived_otherwise(tmp_path: Path) -> None:
    given = GOOD.replace("tags:", "summary: 编辑写的摘要。\ntags:")
    heading_first = GOOD.replace("\n李明代表来到", "\n## 小标题\n\n李明代表来到")
    collection, problems = load(
        article_site(tmp_path, {"given.md": given, "heading-first.md": heading_first})
    )
    assert problems == []
    assert collection.get("given").summary == "编辑写的摘要。"  # type: ignore[union-attr]
    assert collection.get("heading-first").summary.startswith("李明代表来到")  # type: ignore[union-attr]


def test_index_md_is_the_section_page_not_an_article(tmp_path: Path) -> None:
    collection, problems = load(
        article_site(tmp_path, {"index.md": "# 新闻\n", "2025-03-15-visit.md": GOOD})
    )
    assert problems == []
    assert [a.slug for a in collection] == ["2025-03-15-visit"]


def test_missing_categories_file_is_reported(tmp_path: Path) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": GOOD})
    (root / "data" / "categories.yml").unlink()
    _, problems = load(root)
    assert any(p.path == "data/categories.yml" for p in problems)


def test_a_site_without_articles_needs_no_categories_file(tmp_path: Path) -> None:
    """A directory-only site previews and builds without data/categories.yml."""
    root = article_site(tmp_path, {"index.md": "# 新闻\n"})
    (root / "data" / "categories.yml").unlink()
    collection, problems = load(root)
    assert (len(collection), problems) == (0, [])
