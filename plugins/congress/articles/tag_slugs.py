"""Tag pages live at /news/tags/<slug>/: the pinyin of the tag, numbered when two tags spell alike."""

from __future__ import annotations

from collections.abc import Iterable

from congress.articles.slugs import transliterate


def tag_slugs(tags: Iterable[str]) -> dict[str, str]:
    """Tag to slug, stable for a given set of tags: tags are taken in sorted order."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for tag in sorted(set(tags)):
        base = transliterate(tag) or "tag"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[tag] = slug
    return out


def tag_url(slug: str) -> str:
    return f"news/tags/{slug}/"
