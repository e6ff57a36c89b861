"""Article lists: /news/ and each category (paged, newest first), archives by month, and tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from congress.articles.collection import ArticleCollection
from congress.articles.list_rows import rows
from congress.articles.model import Article, category_url
from congress.articles.paging import paginate
from congress.articles.tag_slugs import tag_url
from congress.render.environment import Rendered, render
from congress.render.urls import relative

NEWS_URL = "news/"
ARCHIVE_URL = "news/archive/"
TAGS_URL = "news/tags/"
ALL_FEED = "feeds/all/rss.xml"


def month_url(year: int, month: int) -> str:
    return f"{ARCHIVE_URL}{year}/{month:02d}/"


def _sections(collection: ArticleCollection, url: str, current: str) -> list[dict[str, Any]]:
    tabs = [{"name": "全部", "href": relative(url, NEWS_URL), "current": current == ""}]
    for c in collection.categories.values():
        tabs.append(
            {"name": c.name, "href": relative(url, category_url(c.id)), "current": current == c.id}
        )
    return tabs


def paged_list(
    base: str,
    title: str,
    articles: Sequence[Article],
    *,
    intro: str = "",
    description: str = "",
    feed: str | None = None,
    sections: ArticleCollection | None = None,
    current: str = "",
) -> list[Rendered]:
    """`base` and its /page/<n>/ pages. Titles of later pages say which page they are."""
    out = []
    for piece, items in paginate(articles, base):
        url = piece.url
        html = render(
            "article_list.html",
            title=title,
            intro=intro if piece.number == 1 else "",
            sections=_sections(sections, url, current) if sections else [],
            items=rows(list(items), url),
            pager=piece.pager(),
            feed=relative(url, feed) if feed else None,
            archive=relative(url, ARCHIVE_URL),
            tags=relative(url, TAGS_URL),
        )
        page_title = piece.title(title)
        out.append(Rendered(url, page_title, html, description, searchable=piece.number == 1))
    return out


def _index_page(url: str, title: str, intro: str, groups: list[dict[str, Any]]) -> Rendered:
    html = render("article_index.html", title=title, intro=intro, groups=groups)
    return Rendered(url, title, html, intro)


def archive_pages(collection: ArticleCollection, now: dt.datetime) -> list[Rendered]:
    months = collection.by_year_month(now)
    years: dict[int, list[dict[str, Any]]] = {}
    pages: list[Rendered] = []
    for (year, month), articles in months.items():
        url = month_url(year, month)
        years.setdefault(year, []).append(
            {"name": f"{month}月", "href": relative(ARCHIVE_URL, url), "count": len(articles)}
        )
        pages += paged_list(url, f"{year}年{month}月文章", articles)
    groups = [
        {"anchor": f"year-{year}", "name": f"{year}年", "links": links}
        for year, links in years.items()
    ]
    intro = "按发布月份浏览本站全部文章。"
    return [_index_page(ARCHIVE_URL, "文章归档", intro, groups), *pages]


def tag_pages(
    collection: ArticleCollection, tag_slugs: dict[str, str], now: dt.datetime
) -> list[Rendered]:
    counted = collection.tags(now)
    links = [
        {"name": tag, "href": relative(TAGS_URL, tag_url(tag_slugs[tag])), "count": count}
        for tag, count in counted
    ]
    pages = [
        _index_page(
            TAGS_URL,
            "文章标签",
            "按关键词浏览文章。",
            [{"anchor": "all", "name": "全部标签", "links": links}],
        )
    ]
    for tag, _ in counted:
        pages += paged_list(tag_url(tag_slugs[tag]), f"标签：{tag}", collection.by_tag(tag, now))
    return pages


def news_pages(
    collection: ArticleCollection, tag_slugs: dict[str, str], now: dt.datetime
) -> list[Rendered]:
    """Every list page under /news/."""
    pages = paged_list(
        NEWS_URL,
        "人大要闻",
        collection.public(now),
        intro="本站发布的全部新闻和文章，按发布时间由新到旧排列。",
        description="本站发布的新闻和文章",
        feed=ALL_FEED,
        sections=collection,
    )
    for c in collection.categories.values():
        pages += paged_list(
            category_url(c.id),
            c.name,
            collection.by_category(c.id, now),
            intro=c.description,
            description=c.description,
            feed=f"feeds/category/{c.id}/rss.xml",
            sections=collection,
            current=c.id,
        )
    return pages + archive_pages(collection, now) + tag_pages(collection, tag_slugs, now)
