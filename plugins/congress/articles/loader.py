"""Read every article under content/news/, check it, and collect every problem before failing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from congress.articles.body_images import exists_exactly, image_problems
from congress.articles.body_links import link_problems
from congress.articles.categories import category_choices, display_path, load_categories
from congress.articles.collection import ArticleCollection
from congress.articles.front_matter import parse_front_matter
from congress.articles.header_doubts import header_doubts
from congress.articles.misplaced import misplaced_pages
from congress.articles.model import IMAGE_TYPES, Article, Category, FrontMatter
from congress.articles.plan_refs import plan_item_problems
from congress.articles.slugs import derive_slug
from congress.articles.summary import derive_summary
from congress.catalog import Catalog
from congress.messages import validation_problems
from congress.models import ID_PATTERN
from congress.plans.model import PLANS_DIR
from congress.problems import Problem, has_errors
from congress.yaml_source import Positioned

NEWS_DIR = "news"
# Segments under /news/ that list pages use (paging, archives, tags, feeds); category ids are
# reserved as well, and so are bare numbers (years).
RESERVED_SLUGS = frozenset({"page", "archive", "tags", "tag", "feeds", "index"})

_ID = re.compile(ID_PATTERN)
# field: (catalog table, label, where the ids live)
_REFERENCES = {
    "deputies": ("deputy", "代表", "data/deputies/ 下已有的文件名（不含 .yml）"),
    "stations": ("station", "联络站", "data/stations/ 下已有的文件名（不含 .yml）"),
    "areas": ("area", "区域", "data/areas.yml 中已有的编号"),
}


@dataclass
class _Loaded:
    article: Article
    header: Positioned
    explicit_slug: bool
    valid: bool


def _is_ref(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def _reference_problems(
    header: Positioned, catalog: Catalog, categories: dict[str, Category], content_dir: Path
) -> list[Problem]:
    """Checked on the raw header, so they are reported together with any other field's mistake."""
    data, problems = header.data, []
    category = data.get("category")
    # With no categories at all, the categories file has the one problem to report.
    if _is_ref(category) and categories and category not in categories:
        choices = category_choices(categories)
        problems.append(
            header.problem(("category",), f"未找到栏目“{category}”，应为以下之一：{choices}")
        )
    for field, (kind, label, where) in _REFERENCES.items():
        refs = data.get(field)
        seen: set[str] = set()
        for i, ref in enumerate(refs if isinstance(refs, list) else []):
            if not _is_ref(ref):
                continue
            if ref not in catalog.table(kind):
                if catalog.unknown(kind, ref):  # else its own file's errors are reported
                    message = f"未找到{label}“{ref}”，应为 {where}"
                    problems.append(header.problem((field, i), message))
            elif ref in seen:
                problems.append(header.problem((field, i), f"{label}“{ref}”重复列出"))
            seen.add(ref)
    cover = data.get("cover")
    if (
        isinstance(cover, str)
        and Path(cover).suffix.lower() in IMAGE_TYPES
        and not cover.startswith(("/", "\\"))
        and ".." not in cover.replace("\\", "/").split("/")
        and ":" not in cover
        and not exists_exactly(content_dir / cover.strip(), content_dir)
    ):
        message = (
            f"找不到封面图片 {content_dir.name}/{cover.strip()}；"
            "路径相对于 content/ 目录，请检查路径和文件名的大小写"
        )
        problems.append(header.problem(("cover",), message))
    return problems


class _Folders(NamedTuple):
    """The site root and content/, as given and resolved once: resolving a path reads every
    folder on its way, and six times an article took a second of a 10,000-article build."""

    root: Path
    content: Path
    real_root: Path
    real_content: Path

    @classmethod
    def of(cls, root: Path, content: Path) -> _Folders:
        return cls(root, content, root.resolve(), content.resolve())

    def shown(self, file: Path) -> tuple[str, str]:
        """How problems name `file` (as `display_path` does), and its path within content/."""
        real = file.resolve()
        try:
            display = real.relative_to(self.real_root).as_posix()
        except ValueError:
            display = file.as_posix()
        return display, real.relative_to(self.real_content).as_posix()


def _article(
    front: FrontMatter, body: str, file: Path, paths: tuple[str, str], category_name: str
) -> Article:
    return Article(
        slug=derive_slug(front.slug, file.stem, front.title, front.date),
        title=front.title,
        published=front.date,
        author=front.author,
        source=front.source,
        category=front.category,
        category_name=category_name,
        tags=tuple(dict.fromkeys(front.tags)),
        summary=" ".join((front.summary or derive_summary(body, front.title)).split()),
        cover=front.cover,
        deputies=tuple(dict.fromkeys(front.deputies)),
        stations=tuple(dict.fromkeys(front.stations)),
        areas=tuple(dict.fromkeys(front.areas)),
        plan_items=tuple(dict.fromkeys(front.plan_items)),
        body=body,
        source_path=paths[0],
        content_path=paths[1],
        guid=front.guid,
        status=front.status,
    )


def _load_file(
    file: Path,
    folders: _Folders,
    catalog: Catalog,
    categories: dict[str, Category],
    plans: Mapping[str, Collection[int]] | None,
) -> tuple[_Loaded | None, list[Problem]]:
    content_dir = folders.content
    paths = folders.shown(file)
    display = paths[0]
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, 1, 1, "", "文件不是 UTF-8 编码，请另存为 UTF-8")]
    parsed, problems = parse_front_matter(text, display)
    problems += image_problems(parsed.body, parsed.body_line, file, content_dir, display)
    problems += link_problems(parsed.body, parsed.body_line, display)
    header = parsed.header
    if header is None:
        return None, problems
    if not isinstance(header.data, dict):
        return None, [*problems, header.problem((), "文件头应为若干“字段: 值”")]
    problems += _reference_problems(header, catalog, categories, content_dir)
    if plans is not None:
        problems += plan_item_problems(header, plans)
    try:
        front = FrontMatter.model_validate(header.data)
    except ValidationError as exc:
        return None, problems + validation_problems(header, FrontMatter, exc)
    problems += header_doubts(parsed, header, front)
    category = categories.get(front.category)
    name = category.name if category else front.category
    article = _article(front, parsed.body, file, paths, name)
    loaded = _Loaded(article, header, front.slug is not None, not has_errors(problems))
    return loaded, problems


def _slug_problem(item: _Loaded, message: str) -> Problem:
    if item.explicit_slug:
        return item.header.problem(("slug",), message)
    hint = "请修改文件名，或在文件头写 slug: 指定另一个网址名"
    return Problem(item.article.source_path, 1, 1, "slug", f"由文件名得出的{message}；{hint}")


def _unique(loaded: list[_Loaded], categories: dict[str, Category]) -> list[Problem]:
    """Slugs and explicit GUIDs must be unique; the later file (by path) is the one reported."""
    problems: list[Problem] = []
    slugs: dict[str, _Loaded] = {}
    guids: dict[str, _Loaded] = {}
    for item in loaded:
        slug = item.article.slug
        if slug in categories or slug in RESERVED_SLUGS or slug.isdigit():
            what = "栏目编号" if slug in categories else "列表页使用的网址"
            problems.append(_slug_problem(item, f"网址名“{slug}”与{what}冲突"))
            item.valid = False
        elif slug in slugs:
            first = slugs[slug].article.source_path
            problems.append(
                _slug_problem(item, f"网址名“{slug}”与 {first} 重复，每篇文章的网址名必须唯一")
            )
            item.valid = False
        else:
            slugs[slug] = item
        guid = item.article.guid
        if guid is not None and guid in guids:
            first = guids[guid].article.source_path
            message = f"订阅标识“{guid}”与 {first} 重复，必须唯一"
            problems.append(item.header.problem(("guid",), message))
            item.valid = False
        elif guid is not None:
            guids[guid] = item
    return problems


class ArticleFiles:
    """Each article file's result, kept for a preview that reloads after every save: reused while
    the file's size and time and everything it was checked against (the same catalog object, equal
    categories and plans) stay the same."""

    def __init__(self) -> None:
        self._checked_against: tuple[Any, ...] = ()
        self._files: dict[str, tuple[tuple[int, int], _Loaded | None, bool, list[Problem]]] = {}

    def check_against(self, *context: Any) -> None:
        """What the coming loads are checked against; anything else forgets every kept result."""
        same = len(context) == len(self._checked_against) and all(
            a is b or (not isinstance(a, Catalog) and a == b)
            for a, b in zip(context, self._checked_against, strict=True)
        )
        if not same:
            self._files, self._checked_against = {}, context

    def load(self, file: Path, load: Callable[[], _Result]) -> _Result:
        stat = os.stat(file)
        version = (stat.st_size, stat.st_mtime_ns)
        kept = self._files.get(str(file))
        if kept is not None and kept[0] == version:
            _, item, valid, problems = kept
            if item is not None:
                item.valid = valid  # the uniqueness check of the last load may have cleared it
            return item, list(problems)
        item, problems = load()
        self._files[str(file)] = (version, item, item.valid if item else False, list(problems))
        return item, problems


_Result = tuple[_Loaded | None, list[Problem]]


def load_articles(
    root: Path,
    catalog: Catalog,
    *,
    content_dir: Path,
    categories_file: Path,
    plans: Mapping[str, Collection[int]] | None = None,
    kept: ArticleFiles | None = None,
) -> tuple[ArticleCollection, list[Problem]]:
    """Every `*.md` below `content_dir/news/` (except `index.md`, the section page). Articles with
    an error are left out of the collection, so nothing half-checked is published; all problems
    are returned, sorted, paths relative to `root`. With `plans` (each plan's slug to its item
    numbers), every `plan_items` reference is checked against them. With `kept`, unchanged files
    are not read again."""
    root = Path(root)
    news = content_dir / NEWS_DIR
    files = sorted(p for p in news.rglob("*.md") if p.name != "index.md") if news.is_dir() else []
    # A site of directories alone has no articles to file under categories.
    needed = files or categories_file.exists()
    categories, problems = load_categories(categories_file, root) if needed else ({}, [])
    if files and not categories and not has_errors(problems):
        message = (
            "栏目文件中没有栏目：每篇文章都要归入一个栏目，请至少写一个（id、name、description）"
        )
        problems.append(Problem(display_path(categories_file, root), 1, 1, "", message))
    loaded: list[_Loaded] = []
    folders = _Folders.of(root, content_dir)
    if kept is not None:
        kept.check_against(catalog, categories, plans, root, content_dir)
    for file in files:

        def load(file: Path = file) -> _Result:
            return _load_file(file, folders, catalog, categories, plans)

        item, found = kept.load(file, load) if kept else load()
        problems += found
        if item is not None:
            loaded.append(item)
    problems += _unique(loaded, categories)
    problems += misplaced_pages(content_dir, root, skip=(NEWS_DIR, PLANS_DIR))
    articles = [item.article for item in loaded if item.valid]
    return ArticleCollection(articles, categories, catalog), sorted(problems)
