"""Article bodies converted once: kept on disk under a digest of what they are made from, and
converted on every core when many are new (a first build, a new machine, a new Markdown).

A build holds no body in memory: a page or feed reads its body from the disk cache when it is
made, so the bodies of a province's news (hundreds of megabytes) are never all held at once. A
preview (`mkdocs serve`) keeps them in memory across rebuilds instead."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
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
        self._converting: _Conversion | None = None
        self.converted = 0

    def prepare(self, articles: Iterable[Article]) -> None:
        """Makes sure every article's body is in the cache: converts the ones that are not.
        Many are converted on every core while the build goes on (`html` waits for the body it
        is asked for, if that one is not ready yet). `html` and `digest` answer for these
        articles from then on."""
        self._finish()
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
        self.converted = len(missing)
        if len(missing) >= PARALLEL_FROM and self.max_workers >= 2:
            jobs = [self._job(digest, article) for digest, article in missing.items()]
            self._converting = _Conversion(jobs, self.max_workers)
            return
        for digest, article in missing.items():
            html = article_html(article)
            self._write(digest, html)
            if self.remember:
                memory[digest] = html
        self._forget_others()

    def digest(self, article: Article) -> str:
        """What the article's body HTML is made from (see `body_digest`)."""
        return self._digests.get(article) or body_digest(article)

    def html(self, article: Article) -> str:
        """The article's body HTML (see `article_html`)."""
        digest = self._digests.get(article)
        if digest is None:  # not prepared: nothing to look up
            return article_html(article)
        converting = self._converting
        if converting is not None and digest in converting.jobs:
            made = converting.wait_for(digest)
            if made is not None:
                return made
        html = self._memory.get(digest) or self._read(digest)
        if html is None:  # removed or damaged since `prepare`
            html = article_html(article)
            self._write(digest, html)
        return html

    def _job(self, digest: str, article: Article) -> _Job:
        # Sent encoded: pickling a str leaves a UTF-8 copy of it attached to the str for as long
        # as the article lives (115 MB for 25,000 articles).
        body = article.body.encode("utf-8")
        return digest, body, article.content_path, article.url, self._path(digest), self.remember

    def _finish(self) -> None:
        """Waits for a conversion still running; a preview keeps what it converted."""
        converting, self._converting = self._converting, None
        if converting is not None:
            self._memory.update(converting.finish())
            self._forget_others()

    def _forget_others(self) -> None:
        if self.remember:  # only this collection's bodies: an edited article's old one goes
            memory = self._memory
            self._memory = {d: memory[d] for d in self._digests.values() if d in memory}

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


# A body to convert: its digest, its Markdown (UTF-8), where it is read from and published, the
# cache file to write, and whether the HTML is sent back (a preview keeps it in memory).
_Job = tuple[str, bytes, str, str, str, bool]


class _Conversion:
    """Bodies converted by worker processes, on a thread of their own so the build goes on making
    pages meanwhile. Each worker writes the bodies it converts to the cache itself: sent back
    and written here, a province's bodies took the build two seconds more."""

    def __init__(self, jobs: list[_Job], workers: int) -> None:
        self.jobs = {job[0] for job in jobs}
        self._done: dict[str, str | None] = {}
        self._error: BaseException | None = None
        self._ended = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(
            target=self._run, args=(jobs, workers), name="congress-bodies"
        )
        self._thread.start()

    def _run(self, jobs: list[_Job], workers: int) -> None:
        try:
            # Spawned, not forked: the build has threads running (this one, the search indexer).
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                for job, html in zip(jobs, pool.map(_body_html, jobs, chunksize=64), strict=True):
                    with self._changed:
                        self._done[job[0]] = html
                        self._changed.notify_all()
        except BaseException as exc:  # handed to the build's thread, which raises it
            self._error = exc
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def wait_for(self, digest: str) -> str | None:
        """Once the body is converted and written: its HTML if it was sent back."""
        with self._changed:
            while digest not in self._done and not self._ended:
                self._changed.wait()
        if digest not in self._done:
            raise RuntimeError(f"文章正文转换失败：{self._error}") from self._error
        return self._done[digest]

    def finish(self) -> dict[str, str]:
        """Waits for every body; the HTML sent back, by digest."""
        self._thread.join()
        if self._error is not None:
            raise RuntimeError(f"文章正文转换失败：{self._error}") from self._error
        return {digest: html for digest, html in self._done.items() if html is not None}


def _body_html(job: _Job) -> str | None:
    _, body, content_path, url, target, send_back = job
    html = body_html(body.decode("utf-8"), content_path, url)
    atomic_write(Path(target), html.encode("utf-8"))
    return html if send_back else None
