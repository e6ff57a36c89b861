"""One build's pictures: which files of the content folder are photos, which `<img>` on which page
shows which of them, and, once everything is known, all image work done in one batch.

    site = SiteImages(content_dir, cache_dir)
    site.adopt("images/news/a.jpg")              # for every file of the content folder
    site.collect(page_url, html, source, exists)  # for every page
    site.process()                               # renditions and web copies, in parallel
    html = site.rewrite(page_url, html)          # `<img>` becomes `<picture>`
    site.problems                                 # everything wrong, with file and line

Originals are never published: a photo's address serves its web copy (web_copy.py)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from congress.images.html_tags import (
    ImgTag,
    find_img_tags,
    is_external,
    relative_url,
    site_path,
)
from congress.images.image_set import ImageSet
from congress.images.picture_html import DEFAULT_SIZES, picture_html
from congress.images.pipeline import ImagePipeline, ImageRequest, _failure_message
from congress.images.safety import Where, resolve_reference
from congress.images.specs import MAX_PIXELS
from congress.images.web_copy import RASTER_SUFFIXES, make_web_copies
from congress.problems import Problem

RENDITION_DIR = "assets/renditions"
BODY_FIELD = "正文"
SIZES = {"portrait": "12rem", "cover": DEFAULT_SIZES, "photo": DEFAULT_SIZES}


@dataclass(frozen=True)
class PageSource:
    """Where a page's pictures are written, for messages: a Markdown file (its text is searched
    for the line) or a data file's `photo:` field."""

    path: str
    text: str | None = None
    photo: Where | None = None

    @classmethod
    def locate(cls, root: Path, file: str | None, fallback: str, photo: Where | None) -> PageSource:
        """A data page's `photo:`, else the page's Markdown file (absolute, or relative to the
        site's `root`), else just the page's own path."""
        if photo is not None:
            return cls(photo.path, photo=photo)
        path = root / file if file else None
        if path is None or not path.is_file():
            return cls(fallback)
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        return cls(shown, text=path.read_text("utf-8", errors="replace"))

    def where(self, src: str) -> Where:
        if self.photo is not None:
            return self.photo
        lines = (self.text or "").splitlines()
        # The HTML's src is relative to the page's address, the Markdown's to its file: they may
        # differ in leading ../, never in the file name.
        for needle in (src, unquote(src), posixpath.basename(unquote(src)) or src):
            for number, line in enumerate(lines, 1):
                column = line.find(needle)
                if column >= 0:
                    return Where(self.path, number, BODY_FIELD, column + 1)
        return Where(self.path, 1, "")


def kind_of(tag: ImgTag) -> str:
    kind = tag.attrs.get("data-kind", "")
    return kind if kind in ("portrait", "cover") else "photo"


@dataclass
class SiteImages:
    content_dir: Path
    cache_dir: Path
    max_workers: int | None = None
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # site path -> file to read
    copies: dict[str, Path] = field(default_factory=dict)  # site path -> cached web copy
    copies_made: int = 0

    def __post_init__(self) -> None:
        self.pipeline = ImagePipeline(self.content_dir, self.cache_dir)
        self._root = self.content_dir.resolve()
        self._refused: dict[str, list[Problem]] = {}
        self._requests: list[tuple[str, str, Where]] = []
        self._sets: dict[tuple[str, str], ImageSet] = {}

    @property
    def processed(self) -> int:
        """Pictures decoded and encoded in this build: zero when the cache had everything."""
        return self.pipeline.stats.processed + self.copies_made

    def adopt(self, src_uri: str) -> bool:
        """True when `src_uri` (a file of the content folder) is a photo: it must not be published
        as it is, only through processed copies. A link that leads outside the folder is refused."""
        if PurePosixPath(src_uri).suffix.lower() not in RASTER_SUFFIXES:
            return False
        real = (self._root / src_uri).resolve()
        if real.is_relative_to(self._root) and real.is_file():
            self.sources[src_uri] = real
            return True
        where = Where(f"{self.content_dir.name}/{src_uri}", 1, "")
        _, problems = resolve_reference(src_uri, self.content_dir, referenced_from=where)
        self._refused[src_uri] = problems  # reported in process() unless a page names it first
        return True

    def collect(
        self, page_url: str, html: str, source: PageSource, exists: Callable[[str], bool]
    ) -> None:
        """Note every picture the page shows; `exists` says whether a site path is some other
        file of the site (a theme asset, an SVG, a generated file), which is left alone."""
        for tag in find_img_tags(html):
            src = tag.attrs.get("src", "").strip()
            if not src or src.startswith("data:") or "srcset" in tag.attrs:
                continue
            path = None if is_external(src) else site_path(page_url, src)
            if path is not None and path in self.sources:
                self._requests.append((path, kind_of(tag), source.where(src)))
                continue
            if path is not None and path not in self._refused and exists(path):
                continue
            # Missing, outside the content folder, absolute, on another website, or a link out of
            # the folder: say which, where the page names it.
            self._refused.pop(path or "", None)
            reference = src if path is None else path
            _, problems = resolve_reference(
                reference, self.content_dir, referenced_from=source.where(src)
            )
            self.problems += problems

    def process(self) -> None:
        for problems in self._refused.values():
            self.problems += problems
        self._refused.clear()
        requests = [ImageRequest(path, kind, where) for path, kind, where in self._requests]
        results = self.pipeline.process_many(requests, max_workers=self.max_workers)
        failed = set()
        for (path, kind, _), (image_set, problems) in zip(self._requests, results, strict=True):
            self.problems += problems
            if image_set is not None:
                self._sets[(path, kind)] = image_set
            else:
                failed.add(path)
        copies = make_web_copies(
            list(self.sources.values()),
            self.cache_dir,
            self.pipeline.memo,
            max_workers=self.max_workers,
        )
        for path, real in self.sources.items():
            outcome = copies[real]
            self.copies_made += outcome.made
            if outcome.path is not None:
                self.copies[path] = Path(outcome.path)
            elif path not in failed:  # a page showing it has already been named
                shown = f"“{path}”"
                message = _failure_message(outcome.failure, shown, outcome.detail, MAX_PIXELS)
                where = Where(f"{self.content_dir.name}/{path}", 1, "")
                self.problems.append(Problem(where.path, where.line, 1, "", message))

    def renditions(self) -> dict[str, Path]:
        """Site path of every rendition a page uses -> its file in the cache."""
        return {
            f"{RENDITION_DIR}/{r.name}": r.path
            for image_set in self._sets.values()
            for r in image_set.renditions
        }

    def rewrite(self, page_url: str, html: str) -> str:
        """The page with each photo's `<img>` turned into a `<picture>`; the first one loads at
        once (it is usually above the fold), the rest lazily."""
        out, last, first = [], 0, True
        prefix = relative_url(page_url, RENDITION_DIR)
        for tag in find_img_tags(html):
            src = tag.attrs.get("src", "").strip()
            if not src or "srcset" in tag.attrs or is_external(src):
                continue
            path = site_path(page_url, src)
            kind = kind_of(tag)
            image_set = self._sets.get((path, kind)) if path is not None else None
            if image_set is None:
                continue
            picture = picture_html(
                image_set,
                prefix,
                alt=tag.attrs.get("alt", ""),
                sizes=SIZES[kind],
                above_the_fold=first,
                css_class=tag.attrs.get("class"),
            )
            out += [html[last : tag.start], picture]
            last, first = tag.end, False
        return "".join(out) + html[last:] if out else html
