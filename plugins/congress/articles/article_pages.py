"""One page per article at /news/<slug>/: the body, its facts, the deputies and stations it names,
previous and next, and a few related articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from congress.articles.collection import ArticleCollection, is_public
from congress.articles.list_rows import row, rows
from congress.articles.model import Article, category_url
from congress.articles.tag_slugs import tag_url
from congress.catalog import Catalog
from congress.render.environment import Rendered, render
from congress.render.urls import deputy_url, relative, station_url


def when_text(article: Article) -> str:
    p = article.published
    return f"{p.year}年{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}"


def _banner(article: Article, now: dt.datetime) -> str:
    """Only a preview shows unpublished articles, and says so at the top."""
    if is_public(article, now):
        return ""
    if article.published > now:
        return f"定时发布：本文将于 {when_text(article)} 公开，现在只在预览中可见。"
    return "草稿：本文尚未发布，只在预览中可见，不会出现在列表、订阅和搜索中。"


def article_page(
    article: Article,
    collection: ArticleCollection,
    catalog: Catalog,
    body_html: str,
    tag_slugs: dict[str, str],
    now: dt.datetime,
) -> Rendered:
    url = article.url
    previous, following = collection.previous(article, now), collection.next(article, now)
    html = render(
        "article.html",
        a=article,
        banner=_banner(article, now),
        when=when_text(article),
        category_href=relative(url, category_url(article.category)),
        cover=relative(url, article.cover) if article.cover else None,
        body=Markup(body_html),
        tags=[
            {"name": t, "href": relative(url, tag_url(tag_slugs[t]))}
            for t in dict.fromkeys(article.tags)
            if t in tag_slugs
        ],
        deputies=[
            {"name": d.name, "href": relative(url, deputy_url(d.id))}
            for d in map(catalog.deputies.get, dict.fromkeys(article.deputies))
            if d is not None
        ],
        stations=[
            {"name": s.name, "href": relative(url, station_url(s.id))}
            for s in map(catalog.stations.get, dict.fromkeys(article.stations))
            if s is not None
        ],
        previous=row(previous, url) if previous else None,
        next=row(following, url) if following else None,
        related=rows(collection.related(article, now), url),
    )
    dated = article.published.date().isoformat()
    return Rendered(url, article.title, html, article.summary, dated=dated)


def article_pages(
    collection: ArticleCollection,
    catalog: Catalog,
    body_of: Callable[[Article], str],
    tag_slugs: dict[str, str],
    now: dt.datetime,
    *,
    drafts: bool = False,
    made: dict[Article, Rendered] | None = None,
) -> list[Rendered]:
    """Public articles; with `drafts`, the unpublished ones too (for an editor's preview). `made`
    holds pages made before from the same collection's lists, by article; new ones are added."""
    before = {} if made is None else dict(made)
    pages = {}
    for a in collection:
        if drafts or is_public(a, now):
            page = before.get(a)
            pages[a] = page or article_page(a, collection, catalog, body_of(a), tag_slugs, now)
    if made is not None:  # only this collection's pages: an edited article's old page goes
        made.clear()
        made.update(pages)
    return list(pages.values())
