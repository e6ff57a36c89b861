"""Breaking Chinese text into lines that fit a width, following the usual rules (禁则):
no line starts with closing punctuation, no line ends with opening punctuation, and a run of Latin
letters or digits (2025, WiFi, 12345) is not cut unless it is longer than a whole line."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

# May not begin a line: closing brackets and quotes, pause and stop marks, and marks that belong to
# the character before them (full and half width).
NO_LINE_START = frozenset("，。、；：！？）》」』”’】〕〉］｝〗〙〛…‥—～·・々〻ー,.;:!?)]}%、°′″℃")
# May not end a line: opening brackets and quotes.
NO_LINE_END = frozenset("（《「『“‘【〔〈［｛〖〘〚([{")
ELLIPSIS = "……"
# Pause marks dropped before an ellipsis: "代表，……" reads badly.
_PAUSES = frozenset("，、；：,;: ")

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%\-]*[A-Za-z0-9%]|\s+|.", re.DOTALL)

Measure = Callable[[str], float]


def tokens(text: str) -> list[str]:
    """Characters, except that Latin words and numbers stay whole and whitespace runs become one
    space."""
    return [" " if t.isspace() else t for t in _TOKEN.findall(text)]


def _split_long(token: str, measure: Measure, max_width: float) -> list[str]:
    """A word wider than a line, cut by characters."""
    parts, current = [], ""
    for char in token:
        if current and measure(current + char) > max_width:
            parts.append(current)
            current = char
        else:
            current += char
    return [*parts, current] if current else parts


def _violates(line: list[str], following: list[str]) -> bool:
    """True when breaking between `line` and `following` breaks a rule. Spaces at the break vanish,
    so they do not count: "你好 ？" may not put the question mark first on the next line."""
    before = "".join(line).rstrip()
    after = "".join(following).lstrip()
    return bool(before) and (
        before[-1] in NO_LINE_END or (bool(after) and after[0] in NO_LINE_START)
    )


def wrap(text: str, measure: Measure, max_width: float) -> list[str]:
    """Every line of `text`, each at most `max_width` as `measure` reports it."""
    queue = deque(t for t in tokens(text.strip()) if t)
    lines: list[str] = []
    current: list[str] = []
    while queue:
        token = queue.popleft()
        if token == " " and not current:
            continue  # no space at a line's start
        if measure("".join(current) + token) <= max_width:
            current.append(token)
            continue
        if not current:  # a single token wider than the line
            pieces = _split_long(token, measure, max_width)
            queue.extendleft(reversed(pieces[1:]))
            lines.append(pieces[0])
            continue
        # Break before `token`; move tokens down while the break breaks a rule. If no break in
        # this line is allowed (a line of nothing but marks), keep the first one.
        carried = [token]
        if token == " " and queue:
            carried.append(queue.popleft())
        kept, moved = list(current), 0
        while len(current) > 1 and _violates(current, carried):
            carried.insert(0, current.pop())
            moved += 1
        if _violates(current, carried):
            current, carried = kept, carried[moved:]
        queue.extendleft(reversed(carried))
        lines.append("".join(current).rstrip())
        current = []
    if current:
        lines.append("".join(current).rstrip())
    return [line for line in lines if line]


def _with_ellipsis(line: str, measure: Measure, max_width: float, ellipsis: str) -> str:
    """Drop whole tokens (a number is not cut to "20……") until the ellipsis fits."""
    parts = tokens(line)
    while parts and (
        measure("".join(parts) + ellipsis) > max_width
        or parts[-1][-1] in _PAUSES
        or parts[-1][-1] in NO_LINE_END
    ):
        parts.pop()
    return "".join(parts) + ellipsis


def balanced_width(text: str, measure: Measure, max_width: float) -> float:
    """The narrowest width that sets `text` in as few lines as `max_width` does, so the lines come
    out of even length ("新河街道人大 / 代表联络站" rather than "新河街道人大代表联 / 络站")."""
    count = len(wrap(text, measure, max_width))
    if count <= 1:
        return max_width
    low, high = max_width / count, max_width
    for _ in range(12):
        middle = (low + high) / 2
        if len(wrap(text, measure, middle)) == count:
            high = middle
        else:
            low = middle
    return high


def wrap_lines(
    text: str, measure: Measure, max_width: float, max_lines: int, ellipsis: str = ELLIPSIS
) -> list[str]:
    """At most `max_lines` lines; when the text is longer, the last line ends in an ellipsis."""
    lines = wrap(text, measure, max_width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], measure, max_width, ellipsis)
    return kept
