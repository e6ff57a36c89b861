"""Chinese line breaking (禁则), as a table: every character is one unit wide."""

from __future__ import annotations

import itertools
import random

import pytest
from congress.images.line_break import NO_LINE_END, NO_LINE_START, tokens, wrap, wrap_lines

CASES = [
    # (text, width, lines)
    ("", 4, []),
    ("短标题", 10, ["短标题"]),
    ("一二三四五六", 3, ["一二三", "四五六"]),
    # A comma may not start a line: the character before it comes down with it.
    ("一二三，四五", 3, ["一二", "三，四", "五"]),
    # Two closing marks in a row come down together with the character before them.
    ("一二三。」四", 3, ["一二", "三。」", "四"]),
    ("一二三）》四五", 3, ["一二", "三）》", "四五"]),
    # An opening mark may not end a line: it goes down to the text it opens.
    ("一二《三四》", 3, ["一二", "《三", "四》"]),
    ("一二“三四”五", 3, ["一二", "“三", "四”五"]),
    ("甲乙（丙）丁", 3, ["甲乙", "（丙）", "丁"]),
    # Question and exclamation marks, colons, ellipses.
    ("你好吗？我很好！", 3, ["你好", "吗？我", "很好！"]),
    ("通知：明天开会", 2, ["通", "知：", "明天", "开会"]),
    ("等等……结束", 3, ["等", "等……", "结束"]),
    # Numbers and Latin words are not cut.
    ("第2025年度", 4, ["第", "2025", "年度"]),
    ("访问WiFi热点", 6, ["访问WiFi", "热点"]),
    ("访问WiFi热点", 5, ["访问", "WiFi热", "点"]),
    ("增长3.5%以上", 5, ["增长", "3.5%以", "上"]),
    # ...unless longer than a whole line.
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    # Spaces vanish at the break.
    ("hello world", 6, ["hello", "world"]),
    ("  两端  空格  ", 10, ["两端 空格"]),
    # A space does not hide a mark from the rules.
    ("你好啊 ？对", 3, ["你好", "啊 ？", "对"]),
    # A line of nothing but marks cannot be fixed; it is broken where it fills up.
    ("。。。。", 2, ["。。", "。。"]),
]


@pytest.mark.parametrize(("text", "width", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_wrap(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, len, width) == expected


ELLIPSIS_CASES = [
    ("一二三四五六七八九十", 4, 2, ["一二三四", "五六……"]),
    ("一二三四", 4, 1, ["一二三四"]),  # fits: no ellipsis
    ("一二三，五六七八九", 6, 1, ["一二三……"]),  # no comma before the ellipsis
    ("一二三（五六七八九", 6, 1, ["一二三……"]),  # no opening bracket either
    ("关于2025年度报告", 6, 1, ["关于……"]),  # a number is not cut to "20……"
]


@pytest.mark.parametrize(("text", "width", "max_lines", "expected"), ELLIPSIS_CASES)
def test_wrap_lines_with_ellipsis(
    text: str, width: int, max_lines: int, expected: list[str]
) -> None:
    assert wrap_lines(text, len, width, max_lines) == expected


def test_tokens_keep_words_whole() -> None:
    assert tokens("第2025年 WiFi,好") == ["第", "2025", "年", " ", "WiFi", ",", "好"]


def _fixable(before: str, after: str) -> bool:
    """Whether some earlier break in `before` would have kept the rules."""
    parts = tokens(before)
    for k in range(1, len(parts)):
        head, tail = "".join(parts[:k]).rstrip(), ("".join(parts[k:]) + after).lstrip()
        if head and head[-1] not in NO_LINE_END and tail[0] not in NO_LINE_START:
            return True
    return False


def test_random_text_always_fits_keeps_every_character_and_the_rules() -> None:
    alphabet = "人大代表联络站接待群众意见建议" + "，。、；：！？）》」”（《「“" + "2025AB "
    rng = random.Random(20250101)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))).strip()
        width = rng.randint(2, 12)
        lines = wrap(text, len, width)
        assert all(0 < len(line) <= width for line in lines), (text, width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for before, after in itertools.pairwise(lines):
            if after[0] in NO_LINE_START or before[-1] in NO_LINE_END:
                assert not _fixable(before, after), (text, width, lines)
