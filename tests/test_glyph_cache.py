"""Text measured and drawn from glyphs kept per font: the same widths and the same pixels as
Pillow's own getlength and ImageDraw.text, for Chinese, Latin, digits and punctuation."""

from __future__ import annotations

import random

import pytest
from congress.images.fonts import BOLD, REGULAR, load_font
from congress.images.glyphs import GlyphSet, glyph_set
from PIL import Image, ImageChops, ImageDraw

SAMPLES = [
    "滨江市人大常委会",
    "新河街道人大代表联络站",
    "扫码查看代表履职信息，或预约接待日与代表面对面交流",
    "关于2025年度国有资产管理情况的综合报告（草案）",
    "《滨江市城市绿化条例》“十五五”规划……",
    "https://rd.binjiang.example.gov.cn/deputies/zhang-xiaoming/",
    "WiFi AVATAR Typography fjord ffi 0123456789 %/-:.",
    "",
]
# Letters whose edges overlap their neighbours', which Pillow blends rather than overwrites.
OVERLAPPING = ["fV", "ff", "afV“f表Oa", "aNdxVy6」VWRj", "LT:f”众", "//Wj", "rT.Y,"]


@pytest.mark.parametrize(
    ("size", "weight"), [(150, BOLD), (68, BOLD), (44, REGULAR), (30, REGULAR)]
)
def test_width_is_what_pillow_measures(size: int, weight: int) -> None:
    glyphs, font = glyph_set(size, weight), load_font(size, weight)
    for text in [*SAMPLES, *OVERLAPPING]:
        assert glyphs.length(text) == font.getlength(text), text
        for end in range(len(text)):  # every prefix, as line breaking measures them
            assert glyphs.length(text[:end]) == font.getlength(text[:end]), text[:end]


def pillow_line(font: object, xy: tuple[float, float], line: str, anchor: str) -> Image.Image:
    image = Image.new("L", (1400, 420), 0)
    ImageDraw.Draw(image).text(xy, line, font=font, fill=255, anchor=anchor)  # type: ignore[arg-type]
    return image


def cached_line(glyphs: GlyphSet, xy: tuple[float, float], line: str, anchor: str) -> Image.Image:
    image = Image.new("L", (1400, 420), 0)
    drawn = glyphs.coverage(xy, line, anchor)
    if drawn is not None:
        image.paste(*drawn)
    return image


def test_lines_are_the_pixels_pillow_draws() -> None:
    """Antialiased edges, positions to the pixel (the pen starts at a fraction of a pixel), and
    overlapping letters blended as Pillow blends them."""
    rng = random.Random(2025)
    lines = [text[:24] for text in SAMPLES + OVERLAPPING if text]
    for trial in range(120):
        size, weight = rng.choice([(150, BOLD), (104, BOLD), (68, BOLD), (44, REGULAR)])
        glyphs = glyph_set(size, weight)
        line = lines[trial % len(lines)]
        anchor = rng.choice(["ls", "ms"])
        x = rng.choice([600.0, 600.5, 600.25]) + rng.random() * (trial % 2)
        xy = (x if anchor == "ms" else x / 10, rng.choice([200.0, 200.5, 200.515625, 201.5, 201.7]))
        expected = pillow_line(glyphs.font, xy, line, anchor)
        assert expected.getbbox() is not None
        difference = ImageChops.difference(expected, cached_line(glyphs, xy, line, anchor))
        assert difference.getbbox() is None, (size, line, anchor, xy)


def test_glyphs_kept_stay_within_the_budget_and_still_draw_right() -> None:
    font = load_font(68, BOLD)
    glyphs = GlyphSet(font, budget=60_000)
    text = (
        "市人大常委会召开第二十三次会议审议滨江市城市绿化条例修订草案听取和审议市政府关于国有资产"
    )
    for start in range(0, len(text), 6):
        line = text[start : start + 6]
        expected = pillow_line(font, (40.5, 200), line, "ls")
        assert (
            ImageChops.difference(expected, cached_line(glyphs, (40.5, 200), line, "ls")).getbbox()
            is None
        )
        assert glyphs.held <= 60_000
    assert glyphs.held > 0
