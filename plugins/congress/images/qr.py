"""QR codes that carry exactly one canonical absolute URL: inline SVG for pages, and a module grid
drawn onto Pillow images for printed plaques."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import segno
from PIL import Image

from congress.images.qr_masks import fast_masking

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_ABSOLUTE = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_MODULE_SHADES = b"\xff" + bytes(255)  # segno's light module (0) is white, a dark one black


def _checked(url: str) -> str:
    if not _ABSOLUTE.match(url):
        raise ValueError(
            f"二维码只能指向完整的网址（以 https:// 或 http:// 开头、不含空格），收到“{url[:80]}”："
            "请在 mkdocs.yml 中设置 site_url"
        )
    return url


# A plaque asks for its code twice (its size, then its modules); choosing the mask is the cost.
@lru_cache(maxsize=8)
def make_qr(url: str) -> segno.QRCode:
    """Error correction M (15%), enough for a sticker that gets scuffed, small enough to scan
    from a phone; segno raises the level for free when the same size allows."""
    with fast_masking():
        return segno.make_qr(_checked(url), error="m")


def qr_svg(url: str, *, title: str | None = None) -> str:
    """The code as an SVG file that scales with its box (viewBox, no fixed size), on its own
    white ground so a dark theme cannot hide it, named for screen readers by its `<title>`."""
    code = make_qr(url)
    label = title if title is not None else f"二维码：{url}"
    svg: str = code.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass=None,
        lineclass=None,
    )
    # segno's inline SVG has neither a namespace, which a file shown by <img> needs, nor a title.
    head, rest = svg.split(">", 1)
    head = head.replace("<svg", f'<svg xmlns="{SVG_NAMESPACE}"', 1)
    return f'{head} role="img"><title>{escape(label)}</title>{rest}'


def qr_modules(url: str) -> Image.Image:
    """The code as a black-on-white "L" picture one pixel per module, quiet zone included."""
    matrix = make_qr(url).matrix
    side = len(matrix) + 2 * QUIET_ZONE
    quiet = b"\xff" * QUIET_ZONE
    rows = [quiet + bytes(row).translate(_MODULE_SHADES) + quiet for row in matrix]
    blank = [b"\xff" * side] * QUIET_ZONE
    return Image.frombytes("L", (side, side), b"".join([*blank, *rows, *blank]))


def modules_across(url: str) -> int:
    """Modules per side, quiet zone included."""
    return len(make_qr(url).matrix) + 2 * QUIET_ZONE
