"""Each character of a font measured and rasterised once, then reused for every line drawn.

Fonts are loaded with Pillow's basic layout (no shaping, no kerning pairs), so a line is its
characters side by side: its width is the sum of their advances, and Pillow draws it by placing
each character's bitmap, rendered at a whole-pixel pen position, and combining overlapping edges.
Doing the same here with bitmaps kept from earlier lines gives the pixels Pillow gives, without
FreeType rasterising a 150-pixel title glyph again for every plaque. A build draws thousands of
pictures in one worker with a few thousand distinct characters, so the bitmaps are kept for the
life of the worker, the least recently used dropped beyond a budget per font."""

from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, ImageMath

from congress.images.fonts import REGULAR, load_font

# Glyph images kept per font, in pixels (bytes): each glyph's coverage and its copy in the colours
# it is drawn in. A card's 68 px title font keeps about 500 characters in 4 MB, the plaque's
# 150 px heading about 100: the common characters of names and titles. Only the title and heading
# fonts meet many characters, so all of a worker's glyphs stay within some 40 MB.
GLYPH_BUDGET = 4_000_000


@dataclass(frozen=True)
class Glyph:
    char: str
    advance: int  # in 1/64 pixel, as FreeType gives it
    ink: Image.Image | None  # coverage "L", cropped to its nonzero pixels; None for a space
    left: int  # the ink's top-left corner from the pen's pixel on the baseline
    top: int
    # The ink mapped through a palette lookup table, by the table's tint_id().
    tints: dict[int, Image.Image] = field(default_factory=dict, compare=False)

    @property
    def width(self) -> int:
        return 0 if self.ink is None else self.ink.width

    @property
    def pixels(self) -> int:
        return 0 if self.ink is None else self.ink.width * self.ink.height


Placed = tuple[Glyph, int, int]  # a glyph with ink, and where its ink's top-left corner goes


@lru_cache(maxsize=64)
def tint_id(lut: tuple[int, ...]) -> int:
    """A small key for a palette lookup table: every picture of a kind builds the same tables,
    and hashing 256 numbers for every glyph drawn would cost more than the lookup saves."""
    return next(_tint_ids)


_tint_ids = itertools.count()


def _pixel(value: int) -> int:
    """FreeType's 26.6 value rounded to a whole pixel, as Pillow's PIXEL() macro does."""
    return (value + 32) >> 6


def _to_26_6(fraction: float) -> int:
    """A fraction of a pixel in 1/64, as Pillow passes it to C (a float) and rounds it there
    (half away from zero)."""
    single = struct.unpack("f", struct.pack("f", fraction))[0] * 64
    return int(math.copysign(math.floor(abs(single) + 0.5), single))


class GlyphSet:
    """One font's glyphs, measured and drawn as Pillow would draw them."""

    def __init__(self, font: ImageFont.FreeTypeFont, budget: int = GLYPH_BUDGET) -> None:
        self.font = font
        self._advances: dict[str, int] = {}
        # Least recently used first; a hit moves its glyph to the end.
        self._glyphs: dict[str, Glyph] = {}
        self._budget = budget
        self._held = 0  # pixels of the images in self._glyphs

    @property
    def held(self) -> int:
        """Pixels of the glyph images kept, at most about the budget."""
        return self._held

    def advance(self, char: str) -> int:
        advance = self._advances.get(char)
        if advance is None:
            # getlength is the advance in 26.6 divided by 64: exact in a float.
            advance = self._advances[char] = round(self.font.getlength(char) * 64)
        return advance

    def length(self, text: str) -> float:
        """What font.getlength(text) returns, from the characters' advances."""
        try:
            return sum(map(self._advances.__getitem__, text)) / 64
        except KeyError:  # a character not measured yet
            return sum(map(self.advance, text)) / 64

    def glyph(self, char: str) -> Glyph:
        glyph = self._glyphs.pop(char, None)
        if glyph is None:
            glyph = self._rasterise(char)
            self._hold(glyph.pixels)
        self._glyphs[char] = glyph
        return glyph

    def tinted(self, glyph: Glyph, lut: list[int], key: int) -> Image.Image:
        """The glyph's ink mapped through `lut`, whose tint_id() is `key`."""
        assert glyph.ink is not None
        image = glyph.tints.get(key)
        if image is None:
            image = glyph.ink.point(lut)
            if self._glyphs.get(glyph.char) is glyph:  # not dropped while its line was drawn
                glyph.tints[key] = image
                self._hold(glyph.pixels)
        return image

    def _hold(self, pixels: int) -> None:
        self._held += pixels
        while self._held > self._budget and len(self._glyphs) > 1:
            oldest = self._glyphs.pop(next(iter(self._glyphs)))
            self._held -= oldest.pixels * (1 + len(oldest.tints))

    def _rasterise(self, char: str) -> Glyph:
        left, top, right, bottom = map(int, self.font.getbbox(char, anchor="ls"))
        advance = self.advance(char)
        if right <= left or bottom <= top:
            return Glyph(char, advance, None, 0, 0)
        canvas = Image.new("L", (right - left, bottom - top), 0)
        ImageDraw.Draw(canvas).text((-left, -top), char, font=self.font, fill=255, anchor="ls")
        box = canvas.getbbox()
        if box is None:
            return Glyph(char, advance, None, 0, 0)
        return Glyph(char, advance, canvas.crop(box), left + box[0], top + box[1])

    def place(self, xy: tuple[float, float], line: str, anchor: str) -> list[Placed]:
        """Where ImageDraw.text would put each inked glyph of `line` drawn at `xy` with
        `anchor` ("ls" or "ms")."""
        if anchor not in ("ls", "ms"):
            raise ValueError(f"unsupported anchor {anchor!r}")
        glyphs = [self.glyph(char) for char in line]
        x, y = xy
        # Pillow starts the pen at the fraction of x in 26.6, and rounds each glyph to a pixel.
        pen = int(x) * 64 + _to_26_6(math.modf(x)[0])
        if anchor == "ms":
            pen -= _pixel(sum(glyph.advance for glyph in glyphs) // 2) * 64
        baseline = int(y) + (1 if _to_26_6(math.modf(y)[0]) > 32 else 0)
        placed = []
        for glyph in glyphs:
            if glyph.ink is not None:
                placed.append((glyph, _pixel(pen) + glyph.left, baseline + glyph.top))
            pen += glyph.advance
        return placed

    def coverage(
        self, xy: tuple[float, float], line: str, anchor: str
    ) -> tuple[Image.Image, tuple[int, int]] | None:
        """The line's coverage (0 to 255) as ImageDraw.text draws it, and where its top-left
        corner goes; None when nothing is inked."""
        placed = self.place(xy, line, anchor)
        if not placed:
            return None
        x0, y0, x1, y1 = ink_box(placed)
        image = Image.new("L", (x1 - x0, y1 - y0), 0)
        reach = x0  # right edge of the ink placed so far
        for glyph, px, py in placed:
            ink = glyph.ink
            assert ink is not None
            box = (px - x0, py - y0, px - x0 + ink.width, py - y0 + ink.height)
            if px < reach:
                ink = _over(ink, image.crop(box))
            image.paste(ink, box[:2])
            reach = max(reach, px + ink.width)
        return image, (x0, y0)


def ink_box(placed: list[Placed]) -> tuple[int, int, int, int]:
    """The box around the placed glyphs' ink."""
    inks = [(glyph.ink, px, py) for glyph, px, py in placed if glyph.ink is not None]
    return (
        min(px for _, px, _ in inks),
        min(py for _, _, py in inks),
        max(px + ink.width for ink, px, _ in inks),
        max(py + ink.height for ink, _, py in inks),
    )


def _over(ink: Image.Image, under: Image.Image) -> Image.Image:
    """Coverage of `ink` drawn over `under` as Pillow combines overlapping glyph edges:
    ink + under * (255 - ink) / 255, rounded as its MULDIV255. Rare (a few Latin pairs such as
    "fV"), so done with ImageMath rather than kept fast."""

    def combine(images: dict[str, ImageMath._Operand]) -> ImageMath._Operand:
        source, target = images["source"], images["target"]
        product = target * (255 - source) + 128
        return source + ((product + (product >> 8)) >> 8)

    result: Image.Image = ImageMath.lambda_eval(combine, source=ink, target=under)
    return result.convert("L")


def glyph_set(size: int, weight: int = REGULAR) -> GlyphSet:
    """The glyphs of load_font(size, weight), shared by every picture drawn in this process."""
    return _glyph_set(load_font(size, weight))


# By font object, so that a font loaded afresh (another face, a cleared cache) gets new glyphs.
# Plaques and cards together choose among 23 sizes and weights.
@lru_cache(maxsize=32)
def _glyph_set(font: ImageFont.FreeTypeFont) -> GlyphSet:
    return GlyphSet(font)
