"""The documents an office is sent (a plan, an article), read as text and written into the site
as new Markdown files: never over a file that is there."""

from __future__ import annotations

import re
from pathlib import Path

from congress.atomic_files import write_once
from congress.models import ID_HINT, ID_PATTERN

_SLUG = re.compile(ID_PATTERN)


_OLD_WORD = (b"\xd0\xcf\x11\xe0", b"{\\rtf")  # Word 97-2003 (.doc) and RTF, often named .doc
_NOT_TEXT = "这不是 .docx 或文本文件"


def read_received(path: Path) -> tuple[str | None, str | None]:
    """The text of a .docx, or of a text file in UTF-8 (with or without BOM), UTF-16 (Notepad's
    "Unicode") or GB18030, which Chinese Windows saves; or, instead, why it cannot be read, in
    Chinese."""
    if not path.is_file():
        return None, f"找不到文件：{path}"
    data = path.read_bytes()
    if not data.strip():
        return None, f"{path} 是空文件"
    if data.startswith(_OLD_WORD):
        return None, f"{path} 是旧版 Word（.doc）或 RTF 文件：请在 Word 中“另存为” .docx 后再导入"
    if path.suffix.lower() == ".docx" or data.startswith(b"PK\x03\x04"):
        from congress.plans.docx_text import docx_text

        try:
            return docx_text(path), None
        except Exception:  # a damaged .docx raises several kinds of errors
            return None, f"无法读取 {path}：文件已损坏，或{_NOT_TEXT}；请用 Word 打开后另存为 .docx"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text, None
    return None, f"无法读取 {path}：{_NOT_TEXT}；请另存为 .docx 或 UTF-8 文本后再导入"


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
