"""Feeds made once: each feed's RSS and Atom kept on disk under a digest of everything they are made
from, so a build of an unchanged site publishes the last build's files without running feedgen:
the site links to them (a province's feeds come to hundreds of megabytes, read and written again
on every build otherwise).

The key holds the feed's spec, the site's address and name, the item limit, each listed article's
facts and the digest its body HTML is cached under (see `body_cache`), each cover's published
size, and the code that writes feeds (this package's feed modules, feedgen and lxml). Feeds never
read the clock (see `feeds`), so equal keys mean byte-identical files. Files are written whole or
not at all (`atomic_write`) and never changed in place, so a pair that is there is whole; a pair
with a half missing is made again."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import fields
from functools import cache
from pathlib import Path
from types import ModuleType

import feedgen
import lxml.etree

from congress.articles import absolute_urls, guids, model
from congress.articles import feeds as feeds_module
from congress.articles.feeds import FeedSpec, feed_items
from congress.articles.model import Article
from congress.atomic_files import atomic_write

# Bump when the cache files' layout changes; code changes are caught by the source digest.
FORMAT = 2
RSS, ATOM = ".rss.xml", ".atom.xml"
# A temporary file this old belongs to a build that was stopped; a younger one may be in use.
STALE_TEMP_SECONDS = 3600
_FACTS = tuple(f.name for f in fields(Article) if f.name != "body")


@cache
def code_version() -> str:
    """The feed-writing code as it is in this process: its sources and library versions."""
    parts = [str(FORMAT), sys.version.split()[0], feedgen.version.version_str]
    parts.append(".".join(map(str, lxml.etree.LXML_VERSION)))
    modules: Iterable[ModuleType] = (
        feeds_module,
        absolute_urls,
        guids,
        model,
        sys.modules[__name__],
    )
    parts.extend(_source(m) for m in modules)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _source(module: ModuleType) -> str:
    try:
        return Path(module.__file__ or "").read_text(encoding="utf-8")
    except OSError:  # no source on disk: the module's name is all that can be told
        return module.__name__


def article_digest(article: Article, body: str) -> str:
    """The article as a feed shows it: every fact but the Markdown, and `body`, the digest of
    what its body HTML is made from (the HTML itself is not read to make a key)."""
    facts = repr(tuple(getattr(article, name) for name in _FACTS))
    return hashlib.sha256(f"{facts}\x00{body}".encode()).hexdigest()


class FeedCache:
    """Feed key to (rss, atom), in `folder`; counts what it made and reused since `start`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._digests: dict[Article, str] = {}
        self._last: dict[Article, str] = {}
        self.made = self.reused = 0

    def start(self) -> None:
        """A new build: article digests are kept only for the articles it lists again."""
        self._last, self._digests = self._digests, {}
        self.made = self.reused = 0

    def key(
        self,
        spec: FeedSpec,
        articles: list[Article],
        body_of: Callable[[Article], str],
        *,
        site_url: str,
        site_name: str,
        limit: int,
        cover_size: Callable[[str], int],
    ) -> str:
        """The digest of everything `build_feeds` with the same arguments makes its bytes from;
        `body_of` gives an article's body digest, which names its body HTML."""
        listed = feed_items(articles, limit)
        items = [self._article(a, body_of) for a in listed]
        covers = [cover_size(a.cover) if a.cover else None for a in listed]
        spec_parts = [spec.kind, spec.ref, spec.title, spec.description, spec.page_url]
        whole = [code_version(), spec_parts, site_url, site_name, limit, items, covers]
        return hashlib.sha256(json.dumps(whole, ensure_ascii=False).encode()).hexdigest()

    def _article(self, article: Article, body_of: Callable[[Article], str]) -> str:
        digest = self._digests.get(article) or self._last.get(article)
        if digest is None:
            digest = article_digest(article, body_of(article))
        self._digests[article] = digest
        return digest

    def pair(
        self, key: str, make: Callable[[], tuple[bytes, bytes]]
    ) -> tuple[Path, Path] | tuple[bytes, bytes]:
        """The cached RSS and Atom files for `key`, made by `make()` when missing. When the
        cache cannot be written (a full or read-only disk), `make()`'s bytes themselves: that
        costs the next build time, not this one."""
        rss, atom = self._path(key, RSS), self._path(key, ATOM)
        if rss.is_file() and atom.is_file():
            self.reused += 1
            return rss, atom
        made = make()
        self.made += 1
        try:
            atomic_write(atom, made[1])
            atomic_write(rss, made[0])
        except OSError:
            return made
        return rss, atom

    def prune(self, used: set[str]) -> int:
        """Removes the pairs no key in `used` names, and stale temporary files; how many."""
        removed = 0
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return 0
        for entry in entries:
            if _unused(entry, used):
                try:
                    os.remove(entry.path)
                    removed += 1
                except FileNotFoundError:  # another build of the same site got there first
                    pass
        return removed

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / f"{key}{suffix}"


def _unused(entry: os.DirEntry[str], used: set[str]) -> bool:
    """A feed file no key names (".feed": of the earlier format), or a stale temporary file;
    anything else in the folder is not the cache's to remove."""
    name = entry.name
    if name.endswith(".tmp"):
        return time.time() - entry.stat().st_mtime > STALE_TEMP_SECONDS
    if name.endswith((RSS, ATOM, ".feed")):
        return name.split(".", 1)[0] not in used
    return False
