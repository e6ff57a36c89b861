"""The Open Graph card: right size, same bytes every time, long titles kept inside the card."""

from __future__ import annotations

import io
import itertools

import pytest
from congress.images import share_card_png
from congress.images.fonts import BOLD, load_font
from congress.images.line_break import NO_LINE_END, NO_LINE_START
from congress.images.share_card import (
    HEIGHT,
    MARGIN,
    TEXT_WIDTH,
    TITLE_LINES,
    TITLE_SIZES,
    WIDTH,
    title_lines,
)
from congress.images.text_drawing import CONGRESS_RED, INK, PAPER
from PIL import Image

SITE = "滨江市人大常委会"
LONG_TITLE = (
    "市人大常委会召开第二十三次会议，审议《滨江市城市绿化条例（修订草案）》等多项法规草案，"
    "听取和审议市政府关于2025年度国有资产管理情况的综合报告，并对“十五五”规划纲要编制工作"
    "提出意见和建议。"
)


def card(title: str, category: str = "要闻", site: str = SITE) -> Image.Image:
    return Image.open(io.BytesIO(share_card_png(site, title, category))).convert("RGB")


def test_card_is_1200_by_630_png_with_the_red_band() -> None:
    data = share_card_png(SITE, "代表联络站接待日：倾听群众心声", "履职故事")
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
        rgb = image.convert("RGB")
        assert rgb.getpixel((5, 5)) == CONGRESS_RED == (0xA6, 0x1B, 0x1B)
        assert rgb.getpixel((5, HEIGHT - 3)) == CONGRESS_RED
        assert rgb.getpixel((WIDTH // 2, HEIGHT // 2 + 150)) == PAPER


def test_same_input_gives_the_same_bytes() -> None:
    args = (SITE, LONG_TITLE, "要闻")
    assert share_card_png(*args) == share_card_png(*args)
    assert share_card_png(*args) != share_card_png(SITE, LONG_TITLE, "通知公告")


def test_long_title_is_cut_with_an_ellipsis_and_every_line_fits() -> None:
    lines = title_lines(LONG_TITLE)
    assert len(lines) == TITLE_LINES
    assert lines[-1].endswith("……")
    font = load_font(TITLE_SIZES[-1], BOLD)
    for line in lines:
        assert font.getlength(line) <= TEXT_WIDTH, line
    for before, after in itertools.pairwise(lines):
        assert after[0] not in NO_LINE_START, lines
        assert before[-1] not in NO_LINE_END, lines


@pytest.mark.parametrize(
    "title",
    [
        LONG_TITLE,
        "关于召开全市人大代表“家站点”建设推进会的通知！！！！！！！！！！！！！！！！！！",
        "《" * 40 + "》" * 40,
        "W" * 120,
        "代表" + "https://rd.binjiang.example.gov.cn/news/very-long-slug-" * 3,
    ],
    ids=["long", "exclamations", "brackets", "latin", "url"],
)
def test_title_ink_stays_inside_the_margins(title: str) -> None:
    image = card(title, category="要闻" * 30, site=SITE * 6)
    # Beyond the right margin, between the band and the foot, nothing but paper.
    margin_strip = image.crop((WIDTH - MARGIN + 2, 140, WIDTH, HEIGHT - 16))
    assert margin_strip.getcolors() == [(margin_strip.width * margin_strip.height, PAPER)]
    band_edge = image.crop((WIDTH - MARGIN + 2, 0, WIDTH, 120))
    assert band_edge.getcolors() == [(band_edge.width * band_edge.height, CONGRESS_RED)]


def test_short_title_uses_the_largest_size_on_one_line() -> None:
    assert title_lines("代表联络站接待日") == ["代表联络站接待日"]


def test_medium_title_lines_are_balanced() -> None:
    lines = title_lines(
        "市人大常委会党组召开理论学习中心组学习会议传达学习全国人大常委会有关会议精神"
    )
    assert len(lines) in (2, 3)
    lengths = [len(line) for line in lines]
    assert max(lengths) - min(lengths) <= 3, lines


def test_title_edges_are_smooth_shades_between_ink_and_paper() -> None:
    image = card("代表联络站接待日")
    title_band = image.crop((MARGIN, 200, WIDTH - MARGIN, 480))
    colours = {colour for _, colour in title_band.getcolors(maxcolors=4096) or []}
    between = [c for c in colours if c not in (INK, PAPER) and INK[0] < c[0] < PAPER[0]]
    assert len(between) >= 8, colours


def test_card_is_small_enough_for_a_phone_to_fetch() -> None:
    assert len(share_card_png(SITE, LONG_TITLE, "要闻")) < 40_000
