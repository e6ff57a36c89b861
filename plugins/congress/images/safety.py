"""Turning an editor's image reference into a file inside the content folder, or a refusal.

A reference may come from YAML or Markdown written by anyone with commit rights; it must never make
the build read (and publish) a file outside the content folder: not by `..`, not by an absolute path,
not through a symbolic link that points elsewhere."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import NamedTuple

from congress.problems import Problem

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_WINDOWS_DRIVE = re.compile(r"^[a-zA-Z]:[\\/]")


class Where(NamedTuple):
    """The place that references an image: the file, line and field an error should name."""

    path: str
    line: int
    field: str
    column: int = 1


def where_of(referenced_from: tuple[str, int, str] | Where | None, fallback: str) -> Where:
    if referenced_from is None:
        return Where(fallback, 1, "")
    return Where(*referenced_from)


def problem_at(where: Where, message: str) -> Problem:
    return Problem(where.path, where.line, where.column, where.field, message)


Listings = dict[Path, frozenset[str]]


def _exact_case(path: Path, root: Path, listings: Listings | None = None) -> bool:
    """True when every part below `root` is spelt exactly as on disk: a name that differs only in
    case works on a Windows or macOS laptop and breaks on the Linux server. `listings` keeps each
    folder's names for a batch, so ten thousand photos in one folder are not listed ten thousand
    times."""
    cache: Listings = {} if listings is None else listings
    folder = root
    for part in path.relative_to(root).parts:
        if folder not in cache:
            try:
                cache[folder] = frozenset(child.name for child in folder.iterdir())
            except OSError:
                return False
        if part not in cache[folder]:
            return False
        folder = folder / part
    return True


def resolve_reference(
    reference: str | Path,
    content_dir: Path,
    *,
    relative_to: str = "",
    referenced_from: tuple[str, int, str] | Where | None = None,
    listings: Listings | None = None,
) -> tuple[Path | None, list[Problem]]:
    """The real file a reference names, checked to lie inside `content_dir`.

    `reference` is relative to `relative_to`, a folder given relative to `content_dir` (for a
    Markdown file, its own folder; for YAML data, usually "" or "images")."""
    text = str(reference).strip()
    where = where_of(referenced_from, text or "(空)")
    shown = f"“{text[:80]}”"
    if not text:
        return None, [problem_at(where, "图片路径为空")]
    if text.startswith("//") or (_SCHEME.match(text) and not _WINDOWS_DRIVE.match(text)):
        return None, [
            problem_at(
                where,
                f"图片不能引用其他网站的地址{shown}：请把图片保存到内容目录中，再用相对路径引用",
            )
        ]
    posix = text.replace("\\", "/")
    if posix.startswith("/") or _WINDOWS_DRIVE.match(text):
        return None, [
            problem_at(
                where,
                f"图片路径{shown}是绝对路径，已拒绝：请写相对于内容目录的路径，如 images/deputies/a.jpg",
            )
        ]
    joined = posixpath.normpath(posixpath.join(relative_to.replace("\\", "/"), posix))
    if joined == ".." or joined.startswith("../") or joined == ".":
        return None, [
            problem_at(
                where,
                f"图片路径{shown}指向内容目录之外，已拒绝：图片必须放在内容目录 {content_dir.name}/ 之内",
            )
        ]
    root = content_dir.resolve()
    candidate = root / joined
    if not candidate.exists() and not candidate.is_symlink():
        return None, [
            problem_at(
                where,
                f"找不到图片文件{shown}（在内容目录 {content_dir.name}/ 中查找 {joined}）；"
                "请检查路径和文件名",
            )
        ]
    real = candidate.resolve()
    if not real.is_relative_to(root):
        return None, [
            problem_at(
                where,
                f"图片{shown}是指向内容目录之外的符号链接，已拒绝：请把图片文件本身放进内容目录",
            )
        ]
    if not real.is_file():
        return None, [problem_at(where, f"图片路径{shown}不是一个文件")]
    if not _exact_case(candidate, root, listings):
        return None, [
            problem_at(
                where,
                f"图片文件名{shown}的大小写与磁盘上的文件不一致：在 Windows 或 macOS 上能打开，"
                "在网站服务器上会找不到，请改成与文件名完全一致",
            )
        ]
    return real, []
