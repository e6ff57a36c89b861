"""Article lists placed into other pages: the home page's latest news and stories, and the reports
that name a deputy or a station on their pages."""

from __future__ import annotations

import datetime as dt
import re

from congress.articles.collection import ArticleCollection
from congress.articles.list_pages import paged_list
from congress.articles.list_rows import rows
from congress.articles.model import Article
from congress.render.environment import Rendered, render
from congress.render.urls import relative

MENTIONS_SHOWN = 10
DEFAULT_LATEST = 6
# `<div class="cg-latest" data-category="stories" data-count="4" data-style="cards"></div>`,
# written in a Markdown page, becomes that list when the site is built.
PLACEHOLDER = re.compile(r'<div class="cg-latest"(?P<attrs>[^>]*)>\s*</div>')
_ATTR = re.compile(r'data-(category|count|style)="([^"]*)"')


def _latest(collection: ArticleCollection, attrs: str, page_url: str, now: dt.datetime) -> str:
    options = dict(_ATTR.findall(attrs))
    category = options.get("category", "")
    count = int(options["count"]) if options.get("count", "").isdigit() else DEFAULT_LATEST
    listed = collection.by_category(category, now) if category else collection.public(now)
    items = rows(listed[:count], page_url)
    if options.get("style") == "cards":
        return render("story_cards.html", items=items)
    return render("news_items.html", items=items, full=False)


def fill_latest(html: str, collection: ArticleCollection, page_url: str, now: dt.datetime) -> str:
    """Replace every latest-articles placeholder in a page's HTML."""
    if "cg-latest" not in html:
        return html
    return PLACEHOLDER.sub(lambda m: _latest(collection, m["attrs"], page_url, now), html)


def mentions_url(owner_url: str) -> str:
    """The full list of reports naming a deputy or station: /deputies/<id>/news/."""
    return f"{owner_url}news/"


def mentions_html(articles: list[Article], owner_url: str, feed_url: str) -> str:
    """The newest reports, with a link to the full list when there are more."""
    if not articles:
        return ""
    return render(
        "mentions.html",
        items=rows(articles[:MENTIONS_SHOWN], owner_url),
        total=len(articles),
        more=relative(owner_url, mentions_url(owner_url))
        if len(articles) > MENTIONS_SHOWN
        else None,
        feed=relative(owner_url, feed_url),
    )


def mentions_pages(articles: list[Article], owner_url: str, name: str) -> list[Rendered]:
    """Paged full list, only for owners with more reports than their page shows."""
    if len(articles) <= MENTIONS_SHOWN:
        return []
    return paged_list(mentions_url(owner_url), f"{name}相关报道", articles)
