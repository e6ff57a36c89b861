"""An 8-bit indexed PNG written so that each run of identical rows is compressed once per process.

A plaque is 2480 rows of 1748 bytes, but only about 400 of them differ from the row above: the
rest are white ground, the red band, and each QR module row repeated a dozen times or more.
Filtered "Up", a row equal to the one above is all zeros, and a run of k such rows is the same
bytes in every picture of that width. So rows that differ from the one above are compressed as
they come, and a run of repeats is a deflate segment made once and reused: every segment ends
with a full flush, which byte-aligns it and forgets all history, so a segment made on its own is
the same bytes as one made in the middle of a stream, and segments can be joined in any order.
The Adler-32 of a run is worked out arithmetically instead of read through megabytes of zeros.

No text chunks or timestamps: the same pixels give the same bytes."""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Deflate with a 32 KB window, flagged as compressed at the default level (the flag is only a
# hint to decoders; its check bits make the header a multiple of 31).
_ZLIB_HEADER = b"\x78\x9c"
_LAST_BLOCK = b"\x03\x00"  # an empty final block (fixed codes, end of block)
_ADLER_BASE = 65521
_NONE, _UP = b"\x00", b"\x02"
# Shorter runs of repeats cost more in segment overhead than in compressing them where they are.
MIN_RUN_BYTES = 16_384


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


def _idat(width: int, height: int, pixels: bytes | bytearray) -> bytes:
    compressor = _compressor()
    out = [_ZLIB_HEADER]
    adler = 1
    zeros = _UP + bytes(width)
    pending: list[bytes] = []  # filtered rows not yet compressed
    min_run = max(1, MIN_RUN_BYTES // (width + 1))
    y = 0
    while y < height:
        start = y * width
        row = pixels[start : start + width]
        pending.append(_NONE + row)
        y += 1
        count = 0
        while y < height and pixels.startswith(row, y * width):
            count += 1
            y += 1
        if count < min_run:
            pending.extend([zeros] * count)
            continue
        raw = b"".join(pending)
        adler = zlib.adler32(raw, adler)
        out += [compressor.compress(raw), compressor.flush(zlib.Z_FULL_FLUSH)]
        pending = []
        out.append(repeat_segment(width, count))
        adler = _adler_of_repeats(adler, width, count)
    if pending:
        raw = b"".join(pending)
        adler = zlib.adler32(raw, adler)
        out += [compressor.compress(raw), compressor.flush(zlib.Z_FULL_FLUSH)]
    out += [_LAST_BLOCK, struct.pack(">I", adler)]
    return b"".join(out)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def indexed_png(
    size: tuple[int, int], pixels: bytes | bytearray, palette: bytes, dpi: int | None = None
) -> bytes:
    """An 8-bit palette PNG of `pixels` (one byte per pixel, row after row) coloured by
    `palette` (r, g, b bytes for each index used), marked `dpi` dots per inch when given."""
    width, height = size
    if width < 1 or height < 1 or len(pixels) != width * height:
        raise ValueError(f"{len(pixels)} bytes are not a {width}×{height} picture")
    if not 3 <= len(palette) <= 768 or len(palette) % 3:
        raise ValueError(f"a palette of {len(palette)} bytes is not 1 to 256 colours")
    chunks = [
        _SIGNATURE,
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)),
        _chunk(b"PLTE", palette),
    ]
    if dpi:
        per_metre = int(dpi / 0.0254 + 0.5)  # as Pillow rounds it
        chunks.append(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    chunks += [_chunk(b"IDAT", _idat(width, height, pixels)), _chunk(b"IEND", b"")]
    return b"".join(chunks)
