"""The documents an office is sent (a plan, an article), read as text and written into the site
as new Markdown files: never over a file that is there."""

from __future__ import annotations

import re
from pathlib import Path

from congress.atomic_files import write_once
from congress.models import ID_HINT, ID_PATTERN

_SLUG = re.compile(ID_PATTERN)


def read_received(path: Path) -> tuple[str | None, str | None]:
    """The text of a .docx, or of a text file in UTF-8 (with or without BOM) or GB18030, which
    Chinese Windows saves; or, instead, why it cannot be read, in Chinese."""
    if not path.is_file():
        return None, f"找不到文件：{path}"
    try:
        if path.suffix.lower() == ".docx":
            from congress.plans.docx_text import docx_text

            return docx_text(path), None
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            return data.decode("gb18030"), None
    except Exception as exc:  # a damaged .docx raises several kinds of errors
        return None, f"无法读取 {path}：{exc}"


def out_refusal(out: str | None, what: str, example: str) -> str | None:
    """Why `--out` cannot name the file: its name is the address of the `what` it holds."""
    if out is None or _SLUG.match(Path(out).stem):
        return None
    return f"输出文件名“{Path(out).name}”就是{what}的网址名，应为{ID_HINT}，如 {example}"


def write_imported(target: Path, markdown: str) -> str | None:
    """Writes `target`; why it did not, in Chinese, when a file is there."""
    if write_once(target, markdown.encode("utf-8")):
        return None
    return f"{target} 已存在，没有覆盖。如需替换，请先核对并删除旧文件，或用 --out 指定另一个路径。"
