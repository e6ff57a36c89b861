"""A printable A5 plaque (148×210 mm at 300 dpi) for a station door or a deputy's desk: site name,
the name of the station or deputy, what scanning does, the code, and the address in words."""

from __future__ import annotations

from congress.images.fonts import BOLD, REGULAR
from congress.images.indexed_canvas import IndexedCanvas
from congress.images.png_rows import TallRows
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

    name_top = (BAND - name.height) / 2
    heading_top = BAND + RULE + 100
    line_top = heading_top + heading.height + 36
    top = line_top + line.height + 48

    # The code takes what is left above the address, up to QR_SIDE, in whole pixels per module.
    room = HEIGHT - FOOT - 60 - address.height - 24 - top
    module_px = max(1, min(QR_SIDE, room) // modules_across(url))
    code = qr_modules(url)
    side = code.height * module_px
    code_top = top + (room - side) // 3  # the space left goes a third above, two thirds below
    # Each row of modules is drawn one pixel high and written module_px times: drawn square, the
    # code was half the pixels of a plaque, and a third of the time to make it.
    tall = TallRows(code_top, code.height, module_px)
    plaque = IndexedCanvas((WIDTH, HEIGHT - side + code.height), WHITE, tall)
    plaque.rectangle((0, 0, WIDTH, BAND), CONGRESS_RED)
    plaque.rectangle((0, BAND, WIDTH, BAND + RULE), GOLD)
    centre = WIDTH / 2
    draw_block(
        plaque, name, x=centre, top=name_top, fill=WHITE, ground=CONGRESS_RED, align="center"
    )
    draw_block(plaque, heading, x=centre, top=heading_top, fill=INK, ground=WHITE, align="center")
    draw_block(
        plaque, line, x=centre, top=line_top, fill=CONGRESS_RED, ground=WHITE, align="center"
    )
    plaque.paste_mask(
        code, ((WIDTH - side) // 2, code_top), dark=BLACK, light=WHITE, scale=(module_px, 1)
    )
    top = code_top + code.height + 24
    draw_block(plaque, address, x=centre, top=top, fill=MUTED, ground=WHITE, align="center")

    height = plaque.size[1]
    plaque.rectangle((0, height - FOOT, WIDTH, height), CONGRESS_RED)
    return plaque.png(dpi=DPI)
