"""QR codes that carry exactly one canonical absolute URL: inline SVG for pages, and a module grid
drawn onto Pillow images for printed plaques.

The codes are made by zxing-cpp (its writer is Zint, in C): a province has a code for every
deputy and station, and a pure-Python encoder spent over a millisecond choosing each one's mask,
ten seconds of a first build."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import zxingcpp
from PIL import Image

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_ABSOLUTE = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_DARK_RUNS = re.compile(rb"\x01+")
_DARK_IS_ONE = b"\x01" + bytes(255)  # zxing-cpp draws a dark module 0, a light one 255
_SHADES = b"\xff\x00" + bytes(254)  # and a plaque's picture needs them that way again


def _checked(url: str) -> str:
    if not _ABSOLUTE.match(url):
        raise ValueError(
            f"二维码只能指向完整的网址（以 https:// 或 http:// 开头、不含空格），收到“{url[:80]}”："
            "请在 mkdocs.yml 中设置 site_url"
        )
    return url


# A deputy's code is asked for three times in a row: its SVG, then its plaque's size and modules.
@lru_cache(maxsize=8)
def qr_matrix(url: str) -> tuple[bytes, ...]:
    """The code's rows, one byte per module (1 dark, 0 light), without the quiet zone. Error
    correction M (15%): enough for a sticker that gets scuffed, small enough to scan from a
    phone."""
    code = zxingcpp.create_barcode(_checked(url), zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    # zxingcpp's stub leaves out that an Image is a buffer (one byte a module, row by row).
    pixels = bytes(memoryview(image)).translate(_DARK_IS_ONE)  # type: ignore[arg-type]
    return tuple(pixels[row * width : (row + 1) * width] for row in range(height))


def qr_svg(url: str, *, title: str | None = None) -> str:
    """The code as an SVG file that scales with its box (viewBox, no fixed size), on its own
    white ground so a dark theme cannot hide it, named for screen readers by its `<title>`. Each
    row's dark runs are strokes one module high, as short as an SVG path can say them."""
    rows = qr_matrix(url)
    side = len(rows) + 2 * QUIET_ZONE
    label = title if title is not None else f"二维码：{url}"
    path = []
    for number, row in enumerate(rows):
        x = -QUIET_ZONE
        for run in _DARK_RUNS.finditer(row):
            start = run.start()
            move = f"M{start + QUIET_ZONE} {number + QUIET_ZONE}.5" if x < 0 else f"m{start - x} 0"
            path.append(f"{move}h{run.end() - start}")
            x = run.end()
    return (
        f'<svg xmlns="{SVG_NAMESPACE}" viewBox="0 0 {side} {side}" role="img">'
        f"<title>{escape(label)}</title>"
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
        f'<path stroke="#000" d="{"".join(path)}"/></svg>'
    )


def qr_modules(url: str) -> Image.Image:
    """The code as a black-on-white "L" picture one pixel per module, quiet zone included."""
    rows = qr_matrix(url)
    side = len(rows) + 2 * QUIET_ZONE
    quiet = b"\xff" * QUIET_ZONE
    lines = [quiet + row.translate(_SHADES) + quiet for row in rows]
    blank = [b"\xff" * side] * QUIET_ZONE
    return Image.frombytes("L", (side, side), b"".join([*blank, *lines, *blank]))


def modules_across(url: str) -> int:
    """Modules per side, quiet zone included."""
    return len(qr_matrix(url)) + 2 * QUIET_ZONE
