"""Pictures in a few flat colours, drawn as palette indices and saved as an indexed PNG.

Plaques and share cards are flat colour with text. Kept as 24-bit RGB, a 300 dpi A5 plaque is
13 MB of pixels, and compressing them was four fifths of the time to draw it. Here every pixel
is one byte, an index into a palette of the solid colours and, for each text colour over its
ground, a ramp of antialiasing shades: text stays as smooth as Pillow draws it, and the files
are small. The pixels live in a bytearray that Pillow draws into, so the PNG writer reads its
rows where they are: copying a plaque's 4.3 MB out of Pillow (tobytes) took longer than
compressing it."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw

from congress.images.glyphs import GlyphSet, Placed, ink_box, tint_id
from congress.images.png_rows import NO_TALL_ROWS, TallRows, indexed_png

RGB = tuple[int, int, int]
# Shades between a text colour and its ground: more than the eye tells apart at text edges.
LEVELS = 16
_PALETTE_SIZE = 256
_INKED = [0] + [255] * 255  # coverage to a paste mask: every touched pixel takes its shade


class IndexedCanvas:
    """An indexed picture of `size` on a `ground` colour."""

    def __init__(self, size: tuple[int, int], ground: RGB, tall: TallRows = NO_TALL_ROWS) -> None:
        self.tall = tall
        """Rows drawn once and written `tall.times` over in the PNG: `size` is what is drawn."""
        self._palette: list[RGB] = []
        self._solids: dict[RGB, int] = {}
        self._ramps: dict[tuple[RGB, RGB], tuple[list[int], int]] = {}
        self._text_boxes: list[tuple[int, int, int, int]] = []
        self._pixels = bytearray([self._solid(ground)]) * (size[0] * size[1])
        self._image = Image.frombuffer("L", size, self._pixels, "raw", "L", 0, 1)
        # frombuffer marks the image read-only so that drawing would copy it; the buffer is
        # ours and writable, and drawing into it in place is the point.
        self._image.readonly = 0
        self._core = self._image.im
        self._draw = ImageDraw.Draw(self._image)

    @property
    def size(self) -> tuple[int, int]:
        return self._image.size

    @property
    def image(self) -> Image.Image:
        """The palette indices drawn so far, as an "L" picture (for tests and previews)."""
        return self._image.copy()

    @property
    def palette(self) -> list[RGB]:
        return list(self._palette)

    def rectangle(self, box: tuple[float, float, float, float], fill: RGB) -> None:
        self._draw.rectangle(box, fill=self._solid(fill))

    def text(
        self,
        xy: tuple[float, float],
        line: str,
        glyphs: GlyphSet,
        *,
        fill: RGB,
        ground: RGB,
        anchor: str,
    ) -> None:
        """`line` at `xy` (by `anchor`, "ls" or "ms", as ImageDraw.text places it) over a part of
        the picture that is all `ground`."""
        placed = glyphs.place(xy, line, anchor)
        if not placed:
            return
        box = ink_box(placed)
        lut, key = self._shades(fill, ground)
        if self._overlaps(placed, box) or ground not in self._solids:
            # Glyphs whose edges meet are combined first, as Pillow does; then only the pixels
            # with ink are set.
            drawn = glyphs.coverage(xy, line, anchor)
            assert drawn is not None
            coverage, corner = drawn
            self._image.paste(coverage.point(lut), corner, coverage.point(_INKED))
        else:
            # Each glyph's box holds its ink and ground: pasted whole, it sets the ink's shades
            # and leaves the ground as it was, with no mask to compute or apply.
            for glyph, px, py in placed:
                self._image.paste(glyphs.tinted(glyph, lut, key), (px, py))
        self._text_boxes.append(box)

    def paste_mask(
        self,
        mask: Image.Image,
        xy: tuple[int, int],
        dark: RGB,
        light: RGB,
        scale: tuple[int, int] = (1, 1),
    ) -> None:
        """A black-and-white "L" picture (a QR code) in `dark` and `light`, each of its pixels
        `scale` pixels across and down (coloured before scaling up: a QR code's modules are
        few)."""
        lut = [self._solid(dark)] * 128 + [self._solid(light)] * 128
        indices = mask.point(lut)
        if scale != (1, 1):
            across, down = scale
            indices = indices.resize(
                (mask.width * across, mask.height * down), Image.Resampling.NEAREST
            )
        self._image.paste(indices, xy)

    def png(self, dpi: int | None = None) -> bytes:
        """The picture as an indexed PNG with no text chunks or timestamps: the same picture
        gives the same bytes."""
        # Should Pillow ever copy the image rather than draw into the buffer, read its pixels.
        pixels = self._pixels if self._image.im is self._core else self._image.tobytes()
        palette = bytes(channel for colour in self._palette for channel in colour)
        return indexed_png(self.size, pixels, palette, dpi, self.tall)

    def _solid(self, colour: RGB) -> int:
        if colour not in self._solids:
            self._solids[colour] = self._add(colour)
        return self._solids[colour]

    def _shades(self, fill: RGB, ground: RGB) -> tuple[list[int], int]:
        """Coverage 0-255 to the palette index of its shade, in LEVELS steps from `ground` to
        `fill` (no coverage is the ground itself), and the table's tint_id(). The ramp's colours
        join the palette the first time it is used."""
        key = (fill, ground)
        if key not in self._ramps:
            colours, lut, tint = _ramp(fill, ground, len(self._palette), self._solids.get(ground))
            for colour in colours:
                self._add(colour)
            self._ramps[key] = lut, tint
        return self._ramps[key]

    def _overlaps(self, placed: list[Placed], box: tuple[int, int, int, int]) -> bool:
        """Whether any glyph's box meets another's, in this line or a line drawn before."""
        reach = box[0]
        for glyph, px, _ in placed:
            if px < reach:
                return True
            reach = px + glyph.width
        return any(
            box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
            for other in self._text_boxes
        )

    def _add(self, colour: RGB) -> int:
        if len(self._palette) == _PALETTE_SIZE:
            raise ValueError("调色板已满：一张图中的颜色过多")
        self._palette.append(colour)
        return len(self._palette) - 1


_LEVEL_OF = [(value * (LEVELS - 1) + 127) // 255 for value in range(256)]


# Every card, and every plaque, makes the same ramps at the same places in its palette.
@lru_cache(maxsize=64)
def _ramp(
    fill: RGB, ground: RGB, first: int, ground_index: int | None
) -> tuple[list[RGB], list[int], int]:
    """The LEVELS colours from `ground` to `fill`, and the lookup table from coverage to their
    palette indices, the first at `first`; no coverage is `ground_index` when the ground is a
    colour of the palette already. Callers do not change the table."""
    colours = [
        (
            round(ground[0] + (fill[0] - ground[0]) * level / (LEVELS - 1)),
            round(ground[1] + (fill[1] - ground[1]) * level / (LEVELS - 1)),
            round(ground[2] + (fill[2] - ground[2]) * level / (LEVELS - 1)),
        )
        for level in range(LEVELS)
    ]
    lut = [first + level for level in _LEVEL_OF]
    if ground_index is not None:
        lut[0] = ground_index
    return colours, lut, tint_id(tuple(lut))
