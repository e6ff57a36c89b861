"""Choosing a QR code's data mask fast, and exactly as segno chooses it.

Every deputy's and station's code is made once for its plaque and SVG; segno scores the eight
masks module by module in Python, 2.5 of the 3.1 ms a code takes, a minute of a province's
first build. Here each row is an integer: the four penalty rules of ISO/IEC 18004 7.8.3 become
bit operations and regular expressions over rows and columns, with segno's own reading of
them kept (format and version areas count as light, the N3 pattern's search resumes where
segno's does). `fast_masking()` puts this in place of segno's chooser while a code is made;
any code it does not expect (Micro QR, a mask asked for, a module not yet 0 or 1) goes to
segno's own. The tests compare both on hundreds of addresses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from itertools import pairwise
from typing import Any

import segno.encoder as encoder

Matrix = tuple[bytearray, ...]
_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = "1011101"
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_MODULES = bytes.maketrans(b"01", b"\x00\x01")
_segnos_own: Callable[..., tuple[int, Matrix]] = encoder.find_and_apply_best_mask


@contextmanager
def fast_masking() -> Iterator[None]:
    """Within this block, segno chooses masks with `choose_mask`."""
    encoder.find_and_apply_best_mask = choose_mask
    try:
        yield
    finally:
        encoder.find_and_apply_best_mask = _segnos_own


def choose_mask(
    matrix: Matrix, width: int, height: int, proposed_mask: int | None = None
) -> tuple[int, Matrix]:
    """segno's `find_and_apply_best_mask`: the mask with the lowest penalty (the first of
    equals), and the matrix with it applied."""
    if proposed_mask is not None or width != height or width < 21:
        return _segnos_own(matrix, width, height, proposed_mask)
    cells = b"".join(matrix)
    if cells.translate(None, b"\x00\x01"):  # a module neither light nor dark
        return _segnos_own(matrix, width, height, proposed_mask)
    rows = [int(row.translate(_DIGITS), 2) for row in matrix]
    best, best_score, best_rows = 0, -1, rows
    for number, pattern in enumerate(_patterns(width)):
        masked = [row ^ bits for row, bits in zip(rows, pattern, strict=True)]
        score = _penalty(masked, width)
        if best_score < 0 or score < best_score:
            best, best_score, best_rows = number, score, masked
    return best, tuple(
        bytearray(format(row, f"0{width}b").encode().translate(_MODULES)) for row in best_rows
    )


def _penalty(rows: list[int], size: int) -> int:
    lines = [format(row, f"0{size}b") for row in rows]
    columns = ["".join(column) for column in zip(*lines, strict=True)]
    # Rows and columns in one string, apart by a module of neither colour: one search each.
    text = "2".join(lines + columns)
    runs = _RUNS.findall(text)
    n1 = sum(map(len, runs)) - 2 * len(runs)
    # N2: every 2x2 block of one colour, overlapping ones included.
    full, inner = (1 << size) - 1, (1 << (size - 1)) - 1
    n2 = 0
    for upper, lower in pairwise(rows):
        same = ~(upper ^ lower) & full
        across = ~(upper ^ (upper >> 1)) & inner
        n2 += 3 * (same & (same >> 1) & across).bit_count()
    dark = sum(row.bit_count() for row in rows)
    n4 = 10 * int(abs(float(dark) / (size**2) * 100 - 50) / 5)
    return n1 + n2 + _finder_like(text, size) + n4


def _finder_like(text: str, size: int) -> int:
    """N3 as segno counts it in each line of `text`: 1:1:3:1:1 with four light modules, or
    the line's end, on one side; the search resumes inside a pattern that has neither."""
    count, stride = 0, size + 1
    found = text.find(_FINDER_LIKE)
    while found != -1:
        column = found % stride
        start = found - column
        after = found + 7
        if (
            column in (0, size - 7)
            or "1" not in text[max(found - 4, start) : found]
            or "1" not in text[after : min(after + 4, start + size)]
        ):
            count += 40
        else:
            after = found + 4
        found = text.find(_FINDER_LIKE, after)
    return count


@cache
def _patterns(size: int) -> list[list[int]]:
    """For each of the eight masks, the bits it flips in each row: its pattern, on the modules
    that carry data."""
    function: Any = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    function[-8][8] = 0x1  # the dark module
    masks = encoder.get_data_mask_functions(False)
    return [
        [
            sum(1 << (size - 1 - j) for j in range(size) if function[i][j] > 0x1 and mask(i, j))
            for i in range(size)
        ]
        for mask in masks
    ]
