"""The files offices send are read as what they are, or refused with a reason an editor can act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress.received import read_received

TEXT = "望澜市人大常委会2025年代表工作计划\n一、加强代表联络\n"

CASES = [
    ("utf-8", "计划.txt", TEXT.encode("utf-8"), TEXT, None),
    ("utf-8 with BOM", "计划.txt", TEXT.encode("utf-8-sig"), TEXT, None),
    ("gb18030 from Chinese Windows", "计划.txt", TEXT.encode("gb18030"), TEXT, None),
    ("Notepad's Unicode", "计划.txt", TEXT.encode("utf-16"), TEXT, None),
    ("UTF-16 big-endian", "计划.txt", b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, None),
    ("empty", "计划.txt", b" \n", None, "是空文件"),
    (
        "Word 97-2003",
        "计划.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
        None,
        "另存为” .docx",
    ),
    ("RTF named .doc", "计划.doc", rb"{\rtf1\ansi\ansicpg936 text}", None, "另存为” .docx"),
    ("not a docx", "计划.docx", b"random bytes, not a zip", None, "文件已损坏"),
    ("binary", "计划.txt", bytes(range(256)) * 4, None, "不是 .docx 或文本文件"),
]


@pytest.mark.parametrize(
    ("case", "name", "data", "text", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_a_received_file_is_read_or_refused_with_a_reason(
    tmp_path: Path, case: str, name: str, data: bytes, text: str | None, words: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    got, refusal = read_received(path)
    assert got == text
    if words is None:
        assert refusal is None
    else:
        assert refusal is not None and words in refusal, refusal
        assert not any(
            ch.isascii() and ch.isalpha()
            for ch in refusal.replace(str(path), "")
            .replace(".docx", "")
            .replace(".doc", "")
            .replace("Word", "")
            .replace("RTF", "")
            .replace("UTF-8", "")
        )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert read_received(tmp_path / "没有.txt") == (None, f"找不到文件：{tmp_path / '没有.txt'}")
