"""QR codes carry exactly the URL they were given, read back with a real decoder (zxing-cpp)."""

from __future__ import annotations

import io
import re

import pytest
from congress.images import qr_plaque_png, qr_svg
from congress.images.qr import QUIET_ZONE, qr_matrix, qr_modules
from PIL import Image

zxingcpp = pytest.importorskip("zxingcpp")

URLS = [
    "https://rd.binjiang.example.gov.cn/deputies/zhang-xiaoming/",
    "https://rd.binjiang.example.gov.cn/stations/xinhe-jie-lianluozhan/",
    "http://example.org/news/%E6%96%B0%E9%97%BB/?page=2#item-3",
]


def decode(image: Image.Image) -> str:
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, results
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    text: str = results[0].text
    return text


def rasterise_svg(svg: str, module_px: int = 8) -> Image.Image:
    """Draw the dark path (M/m moves and h runs, one module high) as pixels."""
    view = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert view, svg[:200]
    side = int(view.group(1))
    dark = re.search(r'<path[^>]*stroke="#000"[^>]*\sd="([^"]+)"', svg)
    assert dark, svg[:300]
    image = Image.new("L", (side, side), 255)
    x = y = 0.0
    for command, a, b in re.findall(r"([MmHh])\s*(-?[\d.]+)(?:[ ,](-?[\d.]+))?", dark.group(1)):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            end = float(a) if command == "H" else x + float(a)
            for column in range(int(min(x, end)), int(max(x, end))):
                image.putpixel((column, int(y)), 0)
            x = end
    return image.resize((side * module_px, side * module_px), Image.Resampling.NEAREST)


@pytest.mark.parametrize("url", URLS)
def test_svg_encodes_exactly_the_url(url: str) -> None:
    svg = qr_svg(url)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert decode(rasterise_svg(svg)) == url


def test_svg_is_accessible_and_scalable() -> None:
    svg = qr_svg(URLS[0])
    head = svg.split(">", 1)[0]
    assert 'role="img"' in head and "viewBox=" in head
    assert 'xmlns="http://www.w3.org/2000/svg"' in head  # a file <img> can show
    assert "width=" not in head and "height=" not in head  # the page's CSS sizes it
    assert f"<title>二维码：{URLS[0]}</title>" in svg
    assert 'fill="#fff"' in svg  # its own white ground, quiet zone included
    named = qr_svg(URLS[0], title='扫码查看"张三"代表<履职>')
    assert "<title>扫码查看&quot;张三&quot;代表&lt;履职&gt;</title>" in named
    assert "<?xml" not in svg


def qr_image(url: str, module_px: int) -> Image.Image:
    """The code as a plaque prints it: every module `module_px` pixels square."""
    modules = qr_modules(url)
    side = modules.width * module_px
    return modules.resize((side, side), Image.Resampling.NEAREST)


@pytest.mark.parametrize("url", URLS)
def test_raster_code_decodes(url: str) -> None:
    image = qr_image(url, module_px=6)
    assert image.width % 6 == 0
    assert image.getpixel((QUIET_ZONE * 6 - 1, QUIET_ZONE * 6 - 1)) == 255  # quiet zone
    assert image.getpixel((QUIET_ZONE * 6, QUIET_ZONE * 6)) == 0  # finder pattern corner
    assert decode(image) == url


@pytest.mark.parametrize("url", ["/deputies/zhang-san/", "deputies/x", "https://", "https://a b/"])
def test_only_absolute_urls_are_encoded(url: str) -> None:
    with pytest.raises(ValueError, match="完整的网址"):
        qr_svg(url)


def test_plaque_is_a5_at_300_dpi_and_scans() -> None:
    data = qr_plaque_png(URLS[1], "滨江市人大常委会", "新河街道人大代表联络站", "扫码联系联络站")
    with Image.open(io.BytesIO(data)) as plaque:
        assert plaque.format == "PNG"
        assert plaque.size == (1748, 2480)
        dpi = plaque.info["dpi"]
        assert round(dpi[0]) == round(dpi[1]) == 300
        assert decode(plaque.convert("L")) == URLS[1]
        # Scanned from a photo of the print, at a quarter of the resolution, it still reads.
        small = plaque.convert("L").resize((437, 620), Image.Resampling.BILINEAR)
        assert decode(small) == URLS[1]
        assert plaque.convert("RGB").getpixel((10, 10)) == (166, 27, 27)  # the red band


def test_plaque_with_long_names_still_scans_and_is_deterministic() -> None:
    args = (
        URLS[0],
        "滨江市人民代表大会常务委员会",
        "全过程人民民主基层实践站（新河街道凤凰社区代表联络点）暨代表之家",
        "扫码查看代表履职信息，或预约接待日与代表面对面交流",
    )
    first = qr_plaque_png(*args)
    assert first == qr_plaque_png(*args)
    with Image.open(io.BytesIO(first)) as plaque:
        assert decode(plaque.convert("L")) == URLS[0]


@pytest.mark.parametrize(
    "title",
    ["李明", "全过程人民民主基层实践站（新河街道凤凰社区代表联络点）暨代表之家"],
    ids=["short-name", "three-line-name"],
)
def test_plaque_modules_are_whole_squares_of_the_code(title: str) -> None:
    """Every module of a printed plaque is the same whole number of pixels square, dark where
    the code is dark, with its quiet zone white: what a code needs to scan from a distance."""
    url = URLS[1]
    matrix = qr_matrix(url)
    with Image.open(io.BytesIO(qr_plaque_png(url, "滨江市人大常委会", title, "扫码"))) as plaque:
        picture = plaque.convert("RGB")
    dark = picture.point(lambda value: 255 if value == 0 else 0).convert("L", dither=None)
    dark = dark.point(lambda value: 255 if value == 255 else 0)  # all three channels 0
    left, top, right, bottom = dark.getbbox() or (0, 0, 0, 0)
    module_px = (right - left) // len(matrix)
    assert module_px >= 20 and right - left == bottom - top == module_px * len(matrix)
    quiet = QUIET_ZONE * module_px
    around = picture.crop((left - quiet, top - quiet, right + quiet, bottom + quiet))
    assert around.getcolors() is not None and {c for _, c in around.getcolors()} == {
        (0, 0, 0),
        (255, 255, 255),
    }
    for row, modules in enumerate(matrix):
        for column, module in enumerate(modules):
            x, y = left + column * module_px, top + row * module_px
            block = picture.crop((x, y, x + module_px, y + module_px))
            colour = (0, 0, 0) if module else (255, 255, 255)
            assert block.getcolors() == [(module_px * module_px, colour)], (row, column)
