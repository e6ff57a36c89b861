"""Pages of content/ outside news/ and plans/ that MkDocs would publish as they are: an article
saved in the wrong folder (its draft status would mean nothing there) and a file header MkDocs
cannot read (it would show the raw YAML at the top of the page)."""

from __future__ import annotations

import os
from pathlib import Path

from congress.articles.categories import display_path
from congress.articles.front_matter import FENCE, parse_front_matter
from congress.problems import Problem

# Keys only an article's header has: a page carrying them was meant for content/news/.
_ARTICLE_KEYS = ("category", "status")


def _pages(content_dir: Path, skip: tuple[str, ...]) -> list[Path]:
    """The Markdown files of `content_dir`, sorted, without walking the `skip` folders: a
    preview's rebuild asks this every time, and news/ holds tens of thousands of articles."""
    found = []
    for folder, subfolders, names in os.walk(content_dir):
        if folder == str(content_dir):
            subfolders[:] = [name for name in subfolders if name not in skip]
        found += [Path(folder, name) for name in names if name.endswith(".md")]
    return sorted(found)


def misplaced_pages(content_dir: Path, root: Path, skip: tuple[str, ...]) -> list[Problem]:
    """Problems in the Markdown pages of `content_dir` outside the folders named in `skip`."""
    problems: list[Problem] = []
    for file in _pages(content_dir, skip):
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # MkDocs says so itself
        if not text.lstrip("\ufeff").startswith(FENCE):
            continue
        parsed, found = parse_front_matter(text, display_path(file, root))
        problems += found
        header = parsed.header
        if header is None or not isinstance(header.data, dict):
            continue
        for key in _ARTICLE_KEYS:
            if key in header.data:
                message = (
                    f"这个文件写有文章才有的“{key}”，但不在 content/news/ 下：放在这里会作为普通页面"
                    "直接发布（草稿也会发布）。文章请移到 content/news/ 中"
                )
                problems.append(header.problem((key,), message))
                break
    return problems
