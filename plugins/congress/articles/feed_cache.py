"""Feeds made once: each feed's RSS and Atom kept on disk under a digest of everything they are made
from, so a build of an unchanged site writes the last build's bytes without running feedgen.

The key holds the feed's spec, the site's address and name, the item limit, each listed article's
facts and the digest its body HTML is cached under (see `body_cache`), each cover's published
size, and the code that writes feeds (this package's feed modules, feedgen and lxml). Feeds never
read the clock (see `feeds`), so equal keys mean byte-identical files. A file is trusted only when
its lengths and checksum match; anything else is made again."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
import zlib
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

# Bump when the cache file's layout changes; code changes are caught by the source digest.
FORMAT = 1
SUFFIX = ".feed"
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

    def pair(self, key: str, make: Callable[[], tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
        """The cached pair for `key`, or `make()`'s, kept for the next build."""
        found = self._read(key)
        if found is not None:
            self.reused += 1
            return found
        made = make()
        self.made += 1
        self._write(key, made)
        return made

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

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def _read(self, key: str) -> tuple[bytes, bytes] | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        return unpack(data)

    def _write(self, key: str, pair: tuple[bytes, bytes]) -> None:
        # A full or read-only disk costs the next build time, not this one.
        with contextlib.suppress(OSError):
            atomic_write(self._path(key), pack(*pair))


def _unused(entry: os.DirEntry[str], used: set[str]) -> bool:
    name = entry.name
    if name.endswith(SUFFIX):
        return name.removesuffix(SUFFIX) not in used
    if name.endswith(".tmp"):
        return time.time() - entry.stat().st_mtime > STALE_TEMP_SECONDS
    return False


def pack(rss: bytes, atom: bytes) -> bytes:
    """One file for both formats: a header line with their lengths and a checksum, then both."""
    header = f"{FORMAT} {len(rss)} {len(atom)} {zlib.crc32(atom, zlib.crc32(rss))}\n"
    return header.encode("ascii") + rss + atom


def unpack(data: bytes) -> tuple[bytes, bytes] | None:
    """The pair `pack` wrote, or None for a file that is truncated, altered or of another
    format."""
    header, newline, body = data.partition(b"\n")
    try:
        version, rss_length, atom_length, checksum = map(int, header.split())
    except ValueError:
        return None
    if not newline or version != FORMAT or len(body) != rss_length + atom_length:
        return None
    if zlib.crc32(body) != checksum:
        return None
    return body[:rss_length], body[rss_length:]
