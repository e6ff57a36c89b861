"""The <picture> element: WebP and JPEG srcsets, reserved size, lazy loading, escaped alt text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from congress.images import ImageSet, Rendition, picture_html


def image_set(tmp_path: Path, widths: tuple[int, ...] = (320, 640, 1280)) -> ImageSet:
    renditions = []
    for width in widths:
        for fmt, suffix in (("webp", "webp"), ("jpeg", "jpg")):
            name = f"0123456789abcdef-{width}.{suffix}"
            path = tmp_path / name
            path.write_bytes(f"{fmt}{width}".encode())
            renditions.append(Rendition(name, width, width * 3 // 4, fmt, path))
    return ImageSet(
        key="0123456789abcdef",
        kind="photo",
        source="images/a.jpg",
        width=max(widths),
        height=max(widths) * 3 // 4,
        has_alpha=False,
        renditions=tuple(renditions),
        from_cache=False,
    )


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> dict[str, dict[str, str | None]]:
    parser = Tags()
    parser.feed(html)
    return {tag: attrs for tag, attrs in parser.tags}


def test_picture_has_srcsets_size_and_lazy_loading(tmp_path: Path) -> None:
    html = picture_html(image_set(tmp_path), "/images/", alt="代表接待群众")
    assert html.startswith("<picture>") and html.endswith("</picture>")
    tags = parse(html)
    source, img = tags["source"], tags["img"]
    assert source["type"] == "image/webp"
    assert source["srcset"] == (
        "/images/0123456789abcdef-320.webp 320w, /images/0123456789abcdef-640.webp 640w, "
        "/images/0123456789abcdef-1280.webp 1280w"
    )
    assert img["src"] == "/images/0123456789abcdef-640.jpg"
    assert img["srcset"] is not None and "/images/0123456789abcdef-1280.jpg 1280w" in img["srcset"]
    assert img["sizes"] == source["sizes"] == "(max-width: 48em) 100vw, 48em"
    assert (img["width"], img["height"]) == ("1280", "960")
    assert img["alt"] == "代表接待群众"
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert "fetchpriority" not in img


def test_above_the_fold_loads_at_once(tmp_path: Path) -> None:
    img = parse(picture_html(image_set(tmp_path), "", alt="", above_the_fold=True))["img"]
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert img["src"] == "0123456789abcdef-640.jpg"
    assert img["alt"] == ""


@pytest.mark.parametrize(
    "alt",
    ['"><script>alert(1)</script>', "张三 & 李四 “代表” <b>", "a'b\"c"],
)
def test_alt_text_is_escaped(tmp_path: Path, alt: str) -> None:
    html = picture_html(image_set(tmp_path), "../../images", alt=alt, css_class='x" onload="y')
    assert "<script>" not in html and "<b>" not in html
    assert 'onload="y"' not in html
    img = parse(html)["img"]
    assert img["alt"] == alt  # the parser unescapes back to exactly what was given
    assert img["class"] == 'x" onload="y'
    assert img["src"] == "../../images/0123456789abcdef-640.jpg"


def test_small_source_uses_its_own_widths(tmp_path: Path) -> None:
    img = parse(picture_html(image_set(tmp_path, (320, 500)), "/i", alt="x", sizes="240px"))["img"]
    assert img["src"] == "/i/0123456789abcdef-500.jpg"
    assert (img["width"], img["sizes"]) == ("500", "240px")
