"""Rows for article lists, with links relative to the page that shows them."""

from __future__ import annotations

from typing import Any

from congress.articles.model import Article, category_url
from congress.render.urls import relative


def date_text(article: Article) -> str:
    return article.published.date().isoformat()


def row(article: Article, from_url: str) -> dict[str, Any]:
    return {
        "href": relative(from_url, article.url),
        "title": article.title,
        "iso": article.published.isoformat(),
        "date": date_text(article),
        "summary": article.summary,
        "source": article.source,
        "category": article.category_name,
        "category_href": relative(from_url, category_url(article.category)),
        "cover": relative(from_url, article.cover) if article.cover else None,
    }


def rows(articles: list[Article], from_url: str) -> list[dict[str, Any]]:
    return [row(a, from_url) for a in articles]
