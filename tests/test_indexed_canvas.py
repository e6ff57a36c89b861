"""The indexed canvas: its PNG is exactly what was drawn, and its text looks as Pillow draws text,
shaded in steps between the text colour and its ground."""

from __future__ import annotations

import io
from pathlib import Path

from congress.images.fonts import BOLD, REGULAR
from congress.images.glyphs import glyph_set
from congress.images.indexed_canvas import LEVELS, RGB, IndexedCanvas
from congress.images.qr import qr_modules
from congress.images.text_drawing import BLACK, CONGRESS_RED, INK, PAPER, WHITE
from PIL import Image, ImageDraw

# (xy, line, size, weight, fill, ground, anchor); the third line's top overlaps the second's
# bottom, and the last has letters whose edges overlap.
LINES = [
    ((600.5, 90.25), "滨江市人大常委会", 68, BOLD, WHITE, CONGRESS_RED, "ms"),
    ((80, 260.6), "代表联络站接待日：倾听群众心声", 60, BOLD, INK, PAPER, "ls"),
    ((95.3, 300), "jgpq（二〇二五）WiFi", 60, BOLD, INK, PAPER, "ls"),
    ((600, 420.5), "https://rd.example.gov.cn/fVff/", 44, REGULAR, CONGRESS_RED, PAPER, "ms"),
]


def drawn_canvas() -> IndexedCanvas:
    canvas = IndexedCanvas((1200, 480), PAPER)
    canvas.rectangle((0, 0, 1200, 128), CONGRESS_RED)
    for xy, line, size, weight, fill, ground, anchor in LINES:
        canvas.text(xy, line, glyph_set(size, weight), fill=fill, ground=ground, anchor=anchor)
    canvas.paste_mask(qr_modules("https://example.org/x"), (1000, 300), BLACK, WHITE, scale=(4, 4))
    return canvas


def reference() -> Image.Image:
    """The same picture in RGB straight from ImageDraw.text, each pixel's coverage rounded to one
    of LEVELS shades between ground and text colour, where there is any coverage at all."""
    image = Image.new("RGB", (1200, 480), PAPER)
    ImageDraw.Draw(image).rectangle((0, 0, 1200, 128), CONGRESS_RED)
    for xy, line, size, weight, fill, ground, anchor in LINES:
        coverage = Image.new("L", image.size, 0)
        font = glyph_set(size, weight).font
        ImageDraw.Draw(coverage).text(xy, line, font=font, fill=255, anchor=anchor)
        bands = [
            coverage.point(
                [
                    round(g + (f - g) * ((v * (LEVELS - 1) + 127) // 255) / (LEVELS - 1))
                    for v in range(256)
                ]
            )
            for f, g in zip(fill, ground, strict=True)
        ]
        image.paste(Image.merge("RGB", bands), (0, 0), coverage.point([0] + [255] * 255))
    code = qr_modules("https://example.org/x").convert("RGB")
    image.paste(
        code.resize((code.width * 4, code.height * 4), Image.Resampling.NEAREST), (1000, 300)
    )
    return image


def test_text_looks_as_pillow_draws_it() -> None:
    picture = Image.open(io.BytesIO(drawn_canvas().png())).convert("RGB")
    expected = reference()
    assert picture.tobytes() == expected.tobytes()
    # Antialiased: many shades between ink and paper, not a hard edge.
    shades: set[RGB] = {colour for _, colour in picture.getcolors(4096) or []}  # type: ignore[misc]
    assert len({c for c in shades if c not in (INK, PAPER) and INK[0] < c[0] < PAPER[0]}) >= 8


def test_png_is_exactly_the_pixels_and_palette_drawn(tmp_path: Path) -> None:
    canvas = drawn_canvas()
    path = tmp_path / "canvas.png"
    path.write_bytes(canvas.png(dpi=300))
    with Image.open(path) as decoded:
        assert decoded.mode == "P" and decoded.size == canvas.size
        assert decoded.tobytes() == canvas.image.tobytes()
        palette = decoded.getpalette() or []
        assert [tuple(palette[i : i + 3]) for i in range(0, len(palette), 3)] == canvas.palette
    assert canvas.png(dpi=300) == path.read_bytes() == drawn_canvas().png(dpi=300)


def test_drawing_after_saving_is_saved_too() -> None:
    """The PNG reads the pixels as they are when it is made, not a copy from before."""
    canvas = IndexedCanvas((50, 40), WHITE)
    first = canvas.png()
    canvas.rectangle((10, 10, 20, 20), CONGRESS_RED)
    with Image.open(io.BytesIO(canvas.png())) as decoded:
        assert decoded.convert("RGB").getpixel((15, 15)) == CONGRESS_RED
    assert canvas.png() != first
