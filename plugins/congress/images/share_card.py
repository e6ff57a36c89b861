"""The Open Graph picture (1200×630) shown when a page is shared: site name on a deep-red band,
the title large on warm paper, the section below. Same input, same bytes."""

from __future__ import annotations

from congress.images.fonts import BOLD, REGULAR
from congress.images.indexed_canvas import IndexedCanvas
from congress.images.text_drawing import (
    CONGRESS_RED,
    GOLD,
    INK,
    PAPER,
    WHITE,
    draw_block,
    fit_text,
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
    card = IndexedCanvas((WIDTH, HEIGHT), PAPER)

    card.rectangle((0, 0, WIDTH, BAND), CONGRESS_RED)
    card.rectangle((0, BAND, WIDTH, BAND + RULE), GOLD)
    name = fit_text(site_name, TEXT_WIDTH, 1, (48, 42, 36), weight=BOLD, leading=1.0)
    top = (BAND - name.height) / 2
    draw_block(card, name, x=MARGIN, top=top, fill=WHITE, ground=CONGRESS_RED)

    block = fit_text(title, TEXT_WIDTH, TITLE_LINES, TITLE_SIZES, weight=BOLD)
    top = TITLE_TOP + max(0, (TITLE_BOTTOM - TITLE_TOP - block.height) / 2)
    draw_block(card, block, x=MARGIN, top=top, fill=INK, ground=PAPER)

    label = fit_text(category, TEXT_WIDTH - 28, 1, (34, 30), weight=REGULAR, leading=1.0)
    label_top = HEIGHT - FOOT - 44 - label.height
    card.rectangle((MARGIN, label_top + 4, MARGIN + 8, label_top + label.height - 4), CONGRESS_RED)
    draw_block(card, label, x=MARGIN + 24, top=label_top, fill=CONGRESS_RED, ground=PAPER)

    card.rectangle((0, HEIGHT - FOOT, WIDTH, HEIGHT), CONGRESS_RED)
    return card.png()


def title_lines(title: str) -> list[str]:
    """The lines the title is set in on the card, for tests and previews."""
    return list(fit_text(title, TEXT_WIDTH, TITLE_LINES, TITLE_SIZES, weight=BOLD).lines)
