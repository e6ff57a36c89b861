"""Article bodies converted once: kept on disk under a digest of what they are made from, and
converted on every core when many are new (a first build, a new machine, a new Markdown)."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable
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
    """Digest to HTML, on disk in `folder` and, across rebuilds of one `mkdocs serve`, in memory."""

    def __init__(self, folder: Path, max_workers: int | None = None) -> None:
        self.folder = folder
        self.max_workers = max_workers or os.cpu_count() or 1
        self._memory: dict[str, str] = {}
        self._digests: dict[Article, str] = {}
        self.converted = 0

    def bodies(self, articles: Iterable[Article]) -> dict[Article, str]:
        """Every article's body HTML (see `article_html`)."""
        digests = self._digests
        wanted = {article: digests.get(article) or body_digest(article) for article in articles}
        self._digests = wanted
        known: dict[str, str] = {}
        missing: dict[str, Article] = {}
        for article, digest in wanted.items():
            html = self._memory.get(digest) or self._read(digest)
            if html is None:
                missing[digest] = article
            else:
                known[digest] = html
        for digest, html in zip(missing, self._convert(list(missing.values())), strict=True):
            self._write(digest, html)
            known[digest] = html
        self.converted = len(missing)
        self._memory = known
        return {article: known[digest] for article, digest in wanted.items()}

    def _convert(self, articles: list[Article]) -> list[str]:
        if len(articles) < PARALLEL_FROM or self.max_workers < 2:
            return [article_html(a) for a in articles]
        jobs = [(a.body, a.content_path, a.url) for a in articles]
        # Spawned, not forked: the build may have threads running (the search indexer).
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.max_workers, mp_context=context) as pool:
            return list(pool.map(_body_html, jobs, chunksize=64))

    def _path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.html"

    def _read(self, digest: str) -> str | None:
        try:
            return self._path(digest).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def _write(self, digest: str, html: str) -> None:
        atomic_write(self._path(digest), html.encode("utf-8"))


def _body_html(job: tuple[str, str, str]) -> str:
    return body_html(*job)
