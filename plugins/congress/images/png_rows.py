"""An 8-bit indexed PNG written so that each run of identical rows is compressed once per process.

A plaque is 2480 rows of 1748 bytes, but only about 400 of them differ from the row above: the
rest are white ground, the red band, and each QR module row repeated a dozen times or more (the
code's rows are drawn once and written as `TallRows`, so that they are not compared either).
Filtered "Up", a row equal to the one above is all zeros, and a run of k such rows is the same
bytes in every picture of that width. So rows that differ from the one above are compressed as
they come, and a run of repeats is a deflate segment made once and reused: every segment ends
with a full flush, which byte-aligns it and forgets all history, so a segment made on its own is
the same bytes as one made in the middle of a stream, and segments can be joined in any order.
The Adler-32 of a run is worked out arithmetically instead of read through megabytes of zeros.

Rows that differ from the row above are compressed a block at a time (the rows between two long
runs of repeats), and a block drawn the same way in an earlier picture is not compressed again: a
site's name on every card and plaque, a plaque's "scan this code" line, a section's label.

No text chunks or timestamps: the same pixels give the same bytes."""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Deflate with a 32 KB window, flagged as compressed at the default level (the flag is only a
# hint to decoders; its check bits make the header a multiple of 31).
_ZLIB_HEADER = b"\x78\x9c"
_LAST_BLOCK = b"\x03\x00"  # an empty final block (fixed codes, end of block)
_ADLER_BASE = 65521
_NONE, _UP = b"\x00", b"\x02"
# Shorter runs of repeats cost more in segment overhead than in compressing them where they are.
MIN_RUN_BYTES = 16_384
# Blocks of rows smaller than this are compressed where they are: remembering them saves little.
MIN_KEPT_BYTES = 32_768


def _compressor() -> zlib._Compress:
    # Flat colour is long runs of one byte: zlib's run-length strategy packs them at half the
    # cost of its default, for a fifth more bytes. It looks back one byte only and uses no hash
    # table, so memory level 8 (zlib's default) rather than 9 just halves the table that every
    # full flush clears.
    return zlib.compressobj(6, zlib.DEFLATED, -15, 8, zlib.Z_RLE)


# Plaques and cards have a few hundred distinct run lengths; the largest segment is a few KB.
@lru_cache(maxsize=1024)
def repeat_segment(width: int, count: int) -> bytes:
    """`count` rows of `width` pixels, each equal to the row above, as a self-contained run of
    deflate blocks ending on a byte boundary."""
    compressor = _compressor()
    return compressor.compress((_UP + bytes(width)) * count) + compressor.flush(zlib.Z_FULL_FLUSH)


def _adler_of_repeats(adler: int, width: int, count: int) -> int:
    """Adler-32 continued over `count` rows of b"\\x02" and `width` zeros (RFC 1950): the filter
    byte adds 2 to the sum a, and every byte, zero or not, adds a to the sum b."""
    a, b = adler & 0xFFFF, adler >> 16
    b = (b + (width + 1) * (count * a + count * (count + 1))) % _ADLER_BASE
    a = (a + 2 * count) % _ADLER_BASE
    return (b << 16) | a


class _Blocks:
    """Compressed blocks of rows, kept by their bytes (up to `limit` bytes of rows, the least
    recently used forgotten first). Looked up by length and Adler-32, which the stream's checksum
    needs anyway, then compared byte for byte: a block is never taken for another."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._kept: OrderedDict[tuple[int, int], tuple[bytes, bytes]] = OrderedDict()
        self._size = 0

    def compressed(self, raw: bytes, adler: int) -> bytes:
        key = (len(raw), adler)
        kept = self._kept.get(key)
        if kept is not None and kept[0] == raw:
            self._kept.move_to_end(key)
            return kept[1]
        compressor = _compressor()
        made = compressor.compress(raw) + compressor.flush(zlib.Z_FULL_FLUSH)
        if len(raw) >= MIN_KEPT_BYTES:
            if kept is not None:
                self._size -= len(self._kept.pop(key)[0])
            self._kept[key] = (raw, made)
            self._size += len(raw)
            while self._size > self.limit:
                self._size -= len(self._kept.popitem(last=False)[1][0])
        return made


# A card's or plaque's repeated blocks are well under a megabyte; a worker keeps a few of each.
_BLOCKS = _Blocks(limit=8 * 2**20)


def _adler_joined(adler: int, adler_of_next: int, length: int) -> int:
    """The Adler-32 of two byte strings joined, from each one's and the second one's length (as
    zlib's adler32_combine)."""
    a1, b1 = adler & 0xFFFF, adler >> 16
    a2, b2 = adler_of_next & 0xFFFF, adler_of_next >> 16
    a = (a1 + a2 - 1) % _ADLER_BASE
    b = (b1 + b2 + length * (a1 - 1)) % _ADLER_BASE
    return (b << 16) | a


class TallRows(NamedTuple):
    """Rows `top` to `top + rows` of the pixels, each written `times` over: a QR code's modules,
    drawn one pixel high, printed square."""

    top: int
    rows: int
    times: int

    def written(self, start: int, end: int) -> int:
        """How many rows of the picture rows `start` to `end` of the pixels make."""
        overlap = max(0, min(end, self.top + self.rows) - max(start, self.top))
        return end - start + (self.times - 1) * overlap


NO_TALL_ROWS = TallRows(0, 0, 1)


def _idat(width: int, height: int, pixels: bytes | bytearray, tall: TallRows) -> bytes:
    out = [_ZLIB_HEADER]
    adler = 1
    zeros = _UP + bytes(width)
    pending: list[bytes] = []  # filtered rows not yet compressed
    min_run = max(1, MIN_RUN_BYTES // (width + 1))
    tall_end = tall.top + tall.rows

    def flush() -> None:
        nonlocal adler, pending
        raw = b"".join(pending)
        own = zlib.adler32(raw)
        out.append(_BLOCKS.compressed(raw, own))
        adler = _adler_joined(adler, own, len(raw))
        pending = []

    y = 0
    while y < height:
        start = y * width
        row = pixels[start : start + width]
        pending.append(_NONE + row)
        end = y + 1
        while end < height and pixels.startswith(row, end * width):
            end += 1
        count = end - y - 1  # the rows after this one that repeat it
        if y < tall_end and end > tall.top:
            count = tall.written(y, end) - 1
        y = end
        if count < min_run:
            pending.extend([zeros] * count)
            continue
        flush()
        out.append(repeat_segment(width, count))
        adler = _adler_of_repeats(adler, width, count)
    if pending:
        flush()
    out += [_LAST_BLOCK, struct.pack(">I", adler)]
    return b"".join(out)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def indexed_png(
    size: tuple[int, int],
    pixels: bytes | bytearray,
    palette: bytes,
    dpi: int | None = None,
    tall: TallRows = NO_TALL_ROWS,
) -> bytes:
    """An 8-bit palette PNG of `pixels` (one byte per pixel, row after row, `size` of them)
    coloured by `palette` (r, g, b bytes for each index used), marked `dpi` dots per inch when
    given, with the `tall` rows written as many times over as it says."""
    width, height = size
    if width < 1 or height < 1 or len(pixels) != width * height:
        raise ValueError(f"{len(pixels)} bytes are not a {width}×{height} picture")
    if tall.top < 0 or tall.rows < 0 or tall.top + tall.rows > height or tall.times < 1:
        raise ValueError(f"{tall} is not within {height} rows")
    if not 3 <= len(palette) <= 768 or len(palette) % 3:
        raise ValueError(f"a palette of {len(palette)} bytes is not 1 to 256 colours")
    chunks = [
        _SIGNATURE,
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, tall.written(0, height), 8, 3, 0, 0, 0)),
        _chunk(b"PLTE", palette),
    ]
    if dpi:
        per_metre = int(dpi / 0.0254 + 0.5)  # as Pillow rounds it
        chunks.append(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    chunks += [_chunk(b"IDAT", _idat(width, height, pixels, tall)), _chunk(b"IEND", b"")]
    return b"".join(chunks)
