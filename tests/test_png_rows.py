"""The indexed PNG writer: any decoder reads back exactly the pixels and palette it was given,
whatever runs of repeated rows the picture has, and the same picture always gives the same bytes."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from congress.images import png_rows
from congress.images.png_rows import TallRows, indexed_png
from PIL import Image, ImageDraw

PALETTE = bytes(channel for index in range(40) for channel in (index * 6, 255 - index, index))


def flat_picture(size: tuple[int, int]) -> Image.Image:
    """Flat colour as plaques are: a band, a ground, a block of repeated rows with a pattern,
    some rows of noise."""
    image = Image.new("L", size, 3)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, 0, width, height // 6), fill=7)
    rng = random.Random(size[0] * 7919 + size[1])
    for x in range(0, width, 9):
        draw.rectangle((x, height // 3, x + 4, height // 2), fill=rng.randrange(40))
    for y in range(height * 2 // 3, height * 2 // 3 + 12):
        for x in range(0, width, 5):
            image.putpixel((x, min(y, height - 1)), rng.randrange(40))
    return image


def noise_picture(size: tuple[int, int]) -> Image.Image:
    """No row like the one above it."""
    rng = random.Random(size[0] + size[1])
    data = bytes(rng.randrange(40) for _ in range(size[0] * size[1]))
    return Image.frombytes("L", size, data)


def written(tmp_path: Path, image: Image.Image, dpi: int | None = None) -> Path:
    path = tmp_path / "picture.png"
    path.write_bytes(indexed_png(image.size, image.tobytes(), PALETTE, dpi))
    return path


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk's type and data, after checking its CRC as a strict decoder does."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        offset += 12 + length
    return found


@pytest.mark.parametrize(
    ("make", "size"),
    [
        (flat_picture, (300, 200)),  # long runs of repeated rows, and short ones
        (flat_picture, (1748, 90)),  # a plaque's width
        (noise_picture, (64, 48)),  # no repeated rows at all
        (flat_picture, (1, 50)),  # width 1: every row of a run is one byte
        (noise_picture, (1, 50)),
        (flat_picture, (120, 1)),  # height 1
        (noise_picture, (1, 1)),
    ],
    ids=["runs", "plaque-width", "no-runs", "width-1-runs", "width-1-noise", "height-1", "1x1"],
)
def test_decodes_to_exactly_the_pixels_and_palette(
    tmp_path: Path, make: object, size: tuple[int, int]
) -> None:
    image = make(size)  # type: ignore[operator]
    with Image.open(written(tmp_path, image)) as decoded:
        assert decoded.format == "PNG" and decoded.mode == "P" and decoded.size == size
        assert decoded.tobytes() == image.tobytes()
        assert bytes(decoded.getpalette() or []) == PALETTE


def test_every_run_length_decodes(tmp_path: Path) -> None:
    """Runs just under, at and over the length compressed once, one after another."""
    width = 40
    shortest = png_rows.MIN_RUN_BYTES // (width + 1)
    rows = []
    for index, count in enumerate([1, shortest - 1, shortest, shortest + 1, 2, 3 * shortest]):
        rows += [bytes([index % 40]) * (width - 1) + b"\x05"] * count
    image = Image.frombytes("L", (width, len(rows)), b"".join(rows))
    with Image.open(written(tmp_path, image)) as decoded:
        assert decoded.tobytes() == image.tobytes()


def test_the_zlib_stream_and_chunks_are_valid_for_strict_decoders(tmp_path: Path) -> None:
    """Browsers and libpng check every CRC and the Adler-32 of the whole stream, which for runs of
    repeated rows is worked out rather than read."""
    image = flat_picture((500, 400))
    found = chunks(written(tmp_path, image, dpi=300).read_bytes())
    assert [kind for kind, _ in found] == [b"IHDR", b"PLTE", b"pHYs", b"IDAT", b"IEND"]
    raw = zlib.decompress(found[3][1])  # raises on a wrong Adler-32
    rows = [raw[y * 501 : (y + 1) * 501] for y in range(400)]
    assert all(row[0] in (0, 2) for row in rows)  # None for new rows, Up for repeats
    assert struct.unpack(">IIBBBBB", found[0][1]) == (500, 400, 8, 3, 0, 0, 0)


def test_no_text_chunks_or_timestamps_and_dpi_as_pillow_reads_it(tmp_path: Path) -> None:
    with Image.open(written(tmp_path, flat_picture((80, 60)), dpi=300)) as decoded:
        assert [round(value) for value in decoded.info["dpi"]] == [300, 300]
        assert set(decoded.info) == {"dpi"}
    kinds = [kind for kind, _ in chunks(written(tmp_path, flat_picture((80, 60))).read_bytes())]
    assert kinds == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]


def test_same_picture_same_bytes_whatever_was_written_before() -> None:
    """A drawing worker keeps compressed runs from earlier pictures: reusing them must not change
    a single byte, or a cached drawing would differ by which worker drew it."""
    image = flat_picture((700, 500))
    args = (image.size, image.tobytes(), PALETTE, 300)
    png_rows.repeat_segment.cache_clear()
    fresh = indexed_png(*args)
    misses = png_rows.repeat_segment.cache_info().misses
    assert misses > 0
    assert indexed_png(*args) == fresh
    assert png_rows.repeat_segment.cache_info().misses == misses  # all its runs reused


def test_as_small_as_pillows_own_run_length_png() -> None:
    image = flat_picture((1748, 1200))
    pillow = io.BytesIO()
    indexed = image.copy()
    indexed.putpalette(PALETTE)
    indexed.save(pillow, "PNG", compress_level=6, compress_type=zlib.Z_RLE)
    ours = indexed_png(image.size, image.tobytes(), PALETTE)
    assert len(ours) <= len(pillow.getvalue())


def _taller(image: Image.Image, tall: TallRows) -> Image.Image:
    """`image` with each of the `tall` rows repeated `tall.times` over, as a decoder should read
    it back."""
    width = image.width
    data = image.tobytes()
    rows = [data[y * width : (y + 1) * width] for y in range(image.height)]
    inside = range(tall.top, tall.top + tall.rows)
    taller = [row for y, row in enumerate(rows) for _ in range(tall.times if y in inside else 1)]
    return Image.frombytes("L", (width, len(taller)), b"".join(taller))


@pytest.mark.parametrize(
    "tall",
    [
        TallRows(20, 10, 29),  # a plaque's code: short rows, each written many times
        TallRows(0, 40, 3),  # from the first row
        TallRows(35, 25, 2),  # to the last row
        TallRows(0, 60, 5),  # every row
        TallRows(45, 1, 400),  # one row unlike its neighbours, written more than a long run
        TallRows(36, 18, 4),  # ground, rows of noise, ground
        TallRows(10, 20, 1),  # written once: as if not tall
        TallRows(30, 0, 9),  # no rows
    ],
    ids=["middle", "top", "bottom", "all", "one-row", "noise", "once", "none"],
)
def test_tall_rows_decode_as_if_drawn_that_tall(tmp_path: Path, tall: TallRows) -> None:
    """The band of rows above, inside and below the tall ones has runs that cross its edges:
    the ground rows of `flat_picture` run on into it."""
    image = flat_picture((90, 60))
    path = tmp_path / "tall.png"
    path.write_bytes(indexed_png(image.size, image.tobytes(), PALETTE, 300, tall))
    expected = _taller(image, tall)
    with Image.open(path) as decoded:
        assert decoded.size == expected.size
        assert decoded.tobytes() == expected.tobytes()
    assert indexed_png(expected.size, expected.tobytes(), PALETTE, 300) == path.read_bytes()


@pytest.mark.parametrize(
    "tall", [TallRows(-1, 5, 2), TallRows(55, 6, 2), TallRows(0, 5, 0)], ids=str
)
def test_rejects_tall_rows_outside_the_picture(tall: TallRows) -> None:
    image = flat_picture((90, 60))
    with pytest.raises(ValueError, match="within 60 rows"):
        indexed_png(image.size, image.tobytes(), PALETTE, None, tall)


def test_rejects_pixels_that_do_not_fill_the_picture() -> None:
    with pytest.raises(ValueError, match="not a 10×10 picture"):
        indexed_png((10, 10), bytes(99), PALETTE)
    with pytest.raises(ValueError, match="palette"):
        indexed_png((1, 1), b"\x00", b"")


def _banded(block: bytes, width: int, above: int, below: int) -> Image.Image:
    """`block` (rows of `width` with no row like the one above) between runs of ground long
    enough to be compressed apart."""
    run = png_rows.MIN_RUN_BYTES // (width + 1) + 1
    ground, other = bytes([3]) * width, bytes([7]) * width
    rows = [ground] * (run + above) + [block] + [other] * (run + below)
    return Image.frombytes("L", (width, len(b"".join(rows)) // width), b"".join(rows))


def _block(width: int, height: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 39) for _ in range(width * height))


def test_a_block_of_rows_drawn_again_is_compressed_once_and_reads_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site's name heads every card and plaque: the second picture takes the first one's
    compressed rows, wherever they stand in it, and reads back the same."""
    width = 600
    block = _block(width, png_rows.MIN_KEPT_BYTES // width + 4, seed=1)
    first, second = _banded(block, width, 0, 5), _banded(block, width, 9, 0)
    compressed: list[int] = []  # the length of everything compressed
    compressor = png_rows._compressor

    class Counting:
        def __init__(self) -> None:
            self.inner = compressor()

        def compress(self, data: bytes) -> bytes:
            compressed.append(len(data))
            return self.inner.compress(data)

        def flush(self, mode: int) -> bytes:
            return self.inner.flush(mode)

    monkeypatch.setattr(png_rows, "_BLOCKS", png_rows._Blocks(limit=2**20))
    monkeypatch.setattr(png_rows, "_compressor", Counting)
    written(tmp_path, first)
    with Image.open(written(tmp_path, second)) as decoded:
        assert decoded.tobytes() == second.tobytes()
    large = [n for n in compressed if n >= len(block)]
    assert len(large) == 1  # the block and the row after it, compressed for the first only
    warm = written(tmp_path, second).read_bytes()
    monkeypatch.setattr(png_rows, "_BLOCKS", png_rows._Blocks(limit=2**20))
    assert indexed_png(second.size, second.tobytes(), PALETTE) == warm


def test_a_block_with_the_same_length_and_checksum_is_not_taken_for_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """+1, -2, +1 on three bytes in a row leaves both sums of Adler-32 as they were."""
    width = 600
    block = bytearray(_block(width, png_rows.MIN_KEPT_BYTES // width + 4, seed=2))
    block[width + 10 : width + 13] = b"\x05\x05\x05"
    twin = bytearray(block)
    twin[width + 10 : width + 13] = b"\x06\x03\x06"
    assert zlib.adler32(bytes(block)) == zlib.adler32(bytes(twin)) and block != twin
    monkeypatch.setattr(png_rows, "_BLOCKS", png_rows._Blocks(limit=2**20))
    written(tmp_path, _banded(bytes(block), width, 0, 0))
    other = _banded(bytes(twin), width, 0, 0)
    with Image.open(written(tmp_path, other)) as decoded:
        assert decoded.tobytes() == other.tobytes()


def test_kept_blocks_stay_under_their_limit() -> None:
    blocks = png_rows._Blocks(limit=3 * png_rows.MIN_KEPT_BYTES)
    for seed in range(6):
        raw = _block(png_rows.MIN_KEPT_BYTES, 1, seed)
        blocks.compressed(raw, zlib.adler32(raw))
    assert blocks._size <= blocks.limit
    assert len(blocks._kept) == 3
