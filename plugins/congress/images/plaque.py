"""A printable A5 plaque (148×210 mm at 300 dpi) for a station door or a deputy's desk: site name,
the name of the station or deputy, what scanning does, the code, and the address in words."""

from __future__ import annotations

from congress.images.fonts import BOLD, REGULAR
from congress.images.indexed_canvas import IndexedCanvas
from congress.images.qr import modules_across, qr_modules
from congress.images.text_drawing import (
    BLACK,
    CONGRESS_RED,
    GOLD,
    INK,
    MUTED,
    WHITE,
    draw_block,
    fit_text,
)

DPI = 300
WIDTH, HEIGHT = 1748, 2480  # A5 portrait at 300 dpi
MARGIN = 130
BAND = 380
RULE = 14
FOOT = 60  # the red band at the bottom
HEADING_SIZES = (150, 136, 124, 112, 100, 92)
QR_SIDE = 1100  # the code's largest size in pixels, quiet zone included (about 93 mm)
TEXT_WIDTH = WIDTH - 2 * MARGIN


def qr_plaque_png(url: str, site_name: str, title: str, subtitle: str) -> bytes:
    """`title` is the station's or deputy's name; `subtitle` says what the code does, e.g.
    扫码查看代表履职信息 or 扫码联系联络站."""
    name = fit_text(
        site_name, TEXT_WIDTH, 2, (104, 92, 80), weight=BOLD, leading=1.25, fewest_lines=True
    )
    # A station's full name can be long: it gets up to three lines before anything is cut.
    heading = fit_text(
        title, TEXT_WIDTH, 3, HEADING_SIZES, weight=BOLD, leading=1.2, fewest_lines=True
    )
    line = fit_text(subtitle, TEXT_WIDTH, 2, (84, 72, 64), weight=REGULAR, leading=1.3)
    address = fit_text(url, TEXT_WIDTH, 2, (44, 38, 32), weight=REGULAR, leading=1.3)

    plaque = IndexedCanvas((WIDTH, HEIGHT), WHITE)
    plaque.rectangle((0, 0, WIDTH, BAND), CONGRESS_RED)
    plaque.rectangle((0, BAND, WIDTH, BAND + RULE), GOLD)
    top = (BAND - name.height) / 2
    draw_block(plaque, name, x=WIDTH / 2, top=top, fill=WHITE, ground=CONGRESS_RED, align="center")
    top = BAND + RULE + 100
    draw_block(plaque, heading, x=WIDTH / 2, top=top, fill=INK, ground=WHITE, align="center")
    top += heading.height + 36
    draw_block(plaque, line, x=WIDTH / 2, top=top, fill=CONGRESS_RED, ground=WHITE, align="center")
    top += line.height + 48

    # The code takes what is left above the address, up to QR_SIDE, in whole pixels per module.
    room = HEIGHT - FOOT - 60 - address.height - 24 - top
    module_px = max(1, min(QR_SIDE, room) // modules_across(url))
    code = qr_modules(url)
    side = code.width * module_px
    top += (room - side) // 3  # the space left goes a third above, two thirds below
    plaque.paste_mask(code, ((WIDTH - side) // 2, top), dark=BLACK, light=WHITE, scale=module_px)
    top += side + 24
    draw_block(plaque, address, x=WIDTH / 2, top=top, fill=MUTED, ground=WHITE, align="center")

    plaque.rectangle((0, HEIGHT - FOOT, WIDTH, HEIGHT), CONGRESS_RED)
    return plaque.png(dpi=DPI)
