"""Article bodies converted once: kept on disk under a digest of what they are made from, and
converted on every core when many are new (a first build, a new machine, a new Markdown).

A build holds no body in memory: a page or feed reads its body from the disk cache when it is
made, so the bodies of a province's news (hundreds of megabytes) are never all held at once. A
preview (`mkdocs serve`) keeps them in memory across rebuilds instead."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import markdown

from congress.articles.model import Article
from congress.articles.rendering import EXTENSIONS, article_html, body_html
from congress.atomic_files import atomic_write

# Below this many new bodies, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
_VERSION = f"{markdown.__version__}|{','.join(EXTENSIONS)}|1"


def body_digest(article: Article) -> str:
    """Everything the body HTML depends on: the Markdown, where it is read from and published."""
    text = "\x00".join((_VERSION, article.content_path, article.url, article.body))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BodyCache:
    """Digest to HTML, on disk in `folder` and, with `remember` (across rebuilds of one
    `mkdocs serve`), in memory."""

    def __init__(
        self, folder: Path, max_workers: int | None = None, *, remember: bool = False
    ) -> None:
        self.folder = folder
        self._folder = str(folder)
        self.max_workers = max_workers or os.cpu_count() or 1
        self.remember = remember
        self._memory: dict[str, str] = {}
        self._digests: dict[Article, str] = {}
        self.converted = 0

    def prepare(self, articles: Iterable[Article]) -> None:
        """Makes sure every article's body is in the cache: converts the ones that are not.
        `html` and `digest` answer for these articles from then on."""
        digests = self._digests
        wanted = {article: digests.get(article) or body_digest(article) for article in articles}
        self._digests = wanted
        memory = self._memory
        missing: dict[str, Article] = {}
        for article, digest in wanted.items():
            if digest in memory or digest in missing:
                continue
            if self.remember:
                html = self._read(digest)
                if html is not None:
                    memory[digest] = html
                    continue
            elif os.path.isfile(self._path(digest)):
                continue
            missing[digest] = article
        for digest, html in zip(missing, self._convert(list(missing.values())), strict=True):
            self._write(digest, html)
            if self.remember:
                memory[digest] = html
        self.converted = len(missing)
        if self.remember:  # only this collection's bodies: an edited article's old one goes
            self._memory = {digest: memory[digest] for digest in wanted.values()}

    def digest(self, article: Article) -> str:
        """What the article's body HTML is made from (see `body_digest`)."""
        return self._digests.get(article) or body_digest(article)

    def html(self, article: Article) -> str:
        """The article's body HTML (see `article_html`)."""
        digest = self._digests.get(article)
        if digest is None:  # not prepared: nothing to look up
            return article_html(article)
        html = self._memory.get(digest) or self._read(digest)
        if html is None:  # removed or damaged since `prepare`
            html = article_html(article)
            self._write(digest, html)
        return html

    def _convert(self, articles: list[Article]) -> Iterator[str]:
        if len(articles) < PARALLEL_FROM or self.max_workers < 2:
            return (article_html(a) for a in articles)
        return self._convert_in_parallel(articles)

    def _convert_in_parallel(self, articles: list[Article]) -> Iterator[str]:
        # Sent encoded: pickling a str leaves a UTF-8 copy of it attached to the str for as long
        # as the article lives (115 MB for 25,000 articles). The bytes are all made at once
        # (`map` submits every chunk), but go as their chunks come back converted.
        jobs = ((a.body.encode("utf-8"), a.content_path, a.url) for a in articles)
        # Spawned, not forked: the build may have threads running (the search indexer).
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.max_workers, mp_context=context) as pool:
            # Each body is written as it comes back, not collected first.
            yield from pool.map(_body_html, jobs, chunksize=64)

    def _path(self, digest: str) -> str:
        # A string, not a Path: a build reads tens of thousands of bodies, and joining Paths
        # costs more than reading a small file.
        return f"{self._folder}{os.sep}{digest[:2]}{os.sep}{digest}.html"

    def _read(self, digest: str) -> str | None:
        try:
            with open(self._path(digest), "rb") as file:
                return file.read().decode("utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def _write(self, digest: str, html: str) -> None:
        atomic_write(Path(self._path(digest)), html.encode("utf-8"))


def _body_html(job: tuple[bytes, str, str]) -> str:
    body, content_path, url = job
    return body_html(body.decode("utf-8"), content_path, url)
