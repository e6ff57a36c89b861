"""Feed GUIDs. A reader marks an item read by its GUID, so it must outlive retitling and edits.

The default is a tag URI (RFC 4151) made of the site's host, the article's publication date and its
slug: `tag:www.wanglan-rd.example,2025-03-15:news/2025-03-15-visit`. The title plays no part. An
explicit `guid:` in the file header wins, for articles that must keep an identifier from an older site.
The slug comes from the file name, so renaming a published file (or moving its date to another day)
changes the GUID unless `slug:` (or `guid:`) holds the old value."""

from __future__ import annotations

from urllib.parse import urlsplit

from congress.articles.model import Article


def default_guid(site_url: str, article: Article) -> str:
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{article.published.date().isoformat()}:news/{article.slug}"


def guid_of(article: Article, site_url: str) -> str:
    return article.guid or default_guid(site_url, article)


def is_permalink(guid: str) -> bool:
    """RSS's isPermaLink: true only when the GUID is itself a web address."""
    return guid.startswith(("http://", "https://"))
