"""Articles (新闻、要闻、代表风采…): front matter, loading and checks, lists, and RSS/Atom feeds."""

from congress.articles.absolute_urls import absolutize, relocate
from congress.articles.categories import load_categories
from congress.articles.collection import ArticleCollection, is_public
from congress.articles.feeds import (
    EMPTY_FEED_UPDATED,
    FeedSpec,
    build_feeds,
    feed_articles,
    feed_specs,
)
from congress.articles.guids import guid_of
from congress.articles.loader import load_articles
from congress.articles.model import (
    SHANGHAI,
    Article,
    ArticleStatus,
    Category,
    FrontMatter,
    article_url,
    category_url,
)
from congress.articles.rendering import article_html
from congress.articles.slugs import derive_slug

__all__ = [
    "EMPTY_FEED_UPDATED",
    "SHANGHAI",
    "Article",
    "ArticleCollection",
    "ArticleStatus",
    "Category",
    "FeedSpec",
    "FrontMatter",
    "absolutize",
    "article_html",
    "article_url",
    "build_feeds",
    "category_url",
    "derive_slug",
    "feed_articles",
    "feed_specs",
    "guid_of",
    "is_public",
    "load_articles",
    "load_categories",
    "relocate",
]
