"""The Open Graph picture (1200×630) shown when a page is shared: site name on a deep-red band,
the title large on warm paper, the section below. Same input, same bytes."""

from __future__ import annotations

from PIL import Image, ImageDraw

from congress.images.fonts import BOLD, REGULAR
from congress.images.text_drawing import (
    CONGRESS_RED,
    GOLD,
    INK,
    PAPER,
    WHITE,
    draw_block,
    fit_text,
    png_bytes,
)

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BAND = 128  # the red band's height
RULE = 6  # the gold line under it
FOOT = 14  # the red line at the bottom
TITLE_TOP, TITLE_BOTTOM = BAND + RULE + 44, 486
TITLE_SIZES = (68, 60, 54)
TITLE_LINES = 3
TEXT_WIDTH = WIDTH - 2 * MARGIN


def share_card_png(site_name: str, title: str, category: str) -> bytes:
    card = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(card)

    draw.rectangle((0, 0, WIDTH, BAND), fill=CONGRESS_RED)
    draw.rectangle((0, BAND, WIDTH, BAND + RULE), fill=GOLD)
    name = fit_text(site_name, TEXT_WIDTH, 1, (48, 42, 36), weight=BOLD, leading=1.0)
    draw_block(draw, name, x=MARGIN, top=(BAND - name.height) / 2, fill=WHITE)

    block = fit_text(title, TEXT_WIDTH, TITLE_LINES, TITLE_SIZES, weight=BOLD)
    space = TITLE_BOTTOM - TITLE_TOP
    draw_block(draw, block, x=MARGIN, top=TITLE_TOP + max(0, (space - block.height) / 2), fill=INK)

    label = fit_text(category, TEXT_WIDTH - 28, 1, (34, 30), weight=REGULAR, leading=1.0)
    label_top = HEIGHT - FOOT - 44 - label.height
    draw.rectangle(
        (MARGIN, label_top + 4, MARGIN + 8, label_top + label.height - 4), fill=CONGRESS_RED
    )
    draw_block(draw, label, x=MARGIN + 24, top=label_top, fill=CONGRESS_RED)

    draw.rectangle((0, HEIGHT - FOOT, WIDTH, HEIGHT), fill=CONGRESS_RED)
    return png_bytes(card)


def title_lines(title: str) -> list[str]:
    """The lines the title is set in on the card, for tests and previews."""
    return fit_text(title, TEXT_WIDTH, TITLE_LINES, TITLE_SIZES, weight=BOLD).lines
