"""Pictures in a few flat colours, drawn as palette indices and saved as an indexed PNG.

Plaques and share cards are flat colour with text. Kept as 24-bit RGB, a 300 dpi A5 plaque is
13 MB of pixels, and compressing them was four fifths of the time to draw it. Here every pixel
is one byte, an index into a palette of the solid colours and, for each text colour over its
ground, a ramp of antialiasing shades: text stays as smooth as Pillow draws it, and the files
are smaller (a plaque 81 -> 52 KB, a card 52 -> 20 KB)."""

from __future__ import annotations

import io
import math
import zlib

from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]
# Shades between a text colour and its ground: more than the eye tells apart at text edges.
LEVELS = 16
_PALETTE_SIZE = 256


class IndexedCanvas:
    """An indexed picture of `size` on a `ground` colour."""

    def __init__(self, size: tuple[int, int], ground: RGB) -> None:
        self._palette: list[RGB] = []
        self._solids: dict[RGB, int] = {}
        self._ramps: dict[tuple[RGB, RGB], list[int]] = {}
        self._image = Image.new("L", size, self._solid(ground))
        self._draw = ImageDraw.Draw(self._image)

    @property
    def size(self) -> tuple[int, int]:
        return self._image.size

    def rectangle(self, box: tuple[float, float, float, float], fill: RGB) -> None:
        self._draw.rectangle(box, fill=self._solid(fill))

    def text(
        self,
        xy: tuple[float, float],
        line: str,
        font: ImageFont.FreeTypeFont,
        *,
        fill: RGB,
        ground: RGB,
        anchor: str,
    ) -> None:
        """`line` at `xy` (by `anchor`, as ImageDraw.text places it) over a part of the
        picture that is all `ground`."""
        left, top, right, bottom = font.getbbox(line, anchor=anchor)
        x0, y0 = math.floor(xy[0] + left) - 1, math.floor(xy[1] + top) - 1
        width = math.ceil(xy[0] + right) + 1 - x0
        height = math.ceil(xy[1] + bottom) + 1 - y0
        if width <= 0 or height <= 0:
            return
        coverage = Image.new("L", (width, height), 0)
        ImageDraw.Draw(coverage).text(
            (xy[0] - x0, xy[1] - y0), line, font=font, fill=255, anchor=anchor
        )
        ramp = self._ramp(fill, ground)
        shades = coverage.point([ramp[(value * (LEVELS - 1) + 127) // 255] for value in range(256)])
        inked = coverage.point([0] + [255] * 255)
        self._image.paste(shades, (x0, y0), inked)

    def paste_mask(self, mask: Image.Image, xy: tuple[int, int], dark: RGB, light: RGB) -> None:
        """A black-and-white "L" picture (a QR code) in `dark` and `light`."""
        lut = [self._solid(dark)] * 128 + [self._solid(light)] * 128
        self._image.paste(mask.point(lut), xy)

    def png(self, dpi: int | None = None) -> bytes:
        """The picture as an indexed PNG with no text chunks or timestamps: the same picture
        gives the same bytes. Drawing ends here."""
        self._image.putpalette([channel for colour in self._palette for channel in colour])
        out = io.BytesIO()
        options = {"dpi": (dpi, dpi)} if dpi else {}
        # Flat colour is long runs of one byte. zlib's run-length strategy packs them at half
        # the cost of its default, for a fifth more bytes.
        self._image.save(out, "PNG", compress_level=6, compress_type=zlib.Z_RLE, **options)
        return out.getvalue()

    def _solid(self, colour: RGB) -> int:
        if colour not in self._solids:
            self._solids[colour] = self._add(colour)
        return self._solids[colour]

    def _ramp(self, fill: RGB, ground: RGB) -> list[int]:
        key = (fill, ground)
        if key not in self._ramps:
            self._ramps[key] = [
                self._add(
                    tuple(  # type: ignore[arg-type]
                        round(g + (f - g) * level / (LEVELS - 1))
                        for f, g in zip(fill, ground, strict=True)
                    )
                )
                for level in range(LEVELS)
            ]
        return self._ramps[key]

    def _add(self, colour: RGB) -> int:
        if len(self._palette) == _PALETTE_SIZE:
            raise ValueError("调色板已满：一张图中的颜色过多")
        self._palette.append(colour)
        return len(self._palette) - 1
