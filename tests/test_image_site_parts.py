"""The pieces the images plugin is made of, without building a site: the web copy published at a
photo's own address, how `<img>` addresses are read, and where a problem is said to be."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from congress.images import UnusableImage, web_original
from congress.images.html_tags import find_img_tags, insert_into_head, site_path
from congress.images.sharing import fill_qr_slot, qr_drawing, social_meta
from congress.images.site_images import PageSource
from image_site import camera_photo, png_with_alpha
from PIL import Image


def test_web_original_is_upright_stripped_capped_and_cached(tmp_path: Path) -> None:
    source = camera_photo(tmp_path / "x.jpg", (2400, 1800), orientation=6, marker=True)
    cache = tmp_path / "cache"
    data = web_original(source, cache)
    assert b"Exif" not in data and b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (1536, 2048)
        r, g, b = image.convert("RGB").getpixel((1536 - 20, 20))  # type: ignore[misc]
        assert r > 200 and g < 60 and b < 60
    (cached,) = (cache / "web").iterdir()
    stamp = cached.stat().st_mtime_ns
    assert web_original(source, cache) == data
    assert cached.stat().st_mtime_ns == stamp  # served from the cache, not made again


def test_web_original_keeps_the_format_its_name_promises(tmp_path: Path) -> None:
    data = web_original(png_with_alpha(tmp_path / "a.png"), tmp_path / "cache")
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.mode == "RGBA"


@pytest.mark.parametrize(
    ("content", "failure"),
    [(b"\xff\xd8\xff\xe0 half a jpeg", "corrupt"), ("会议记录".encode(), "not_an_image")],
)
def test_web_original_refuses_what_is_not_a_picture(
    tmp_path: Path, content: bytes, failure: str
) -> None:
    (tmp_path / "bad.jpg").write_bytes(content)
    with pytest.raises(UnusableImage) as raised:
        web_original(tmp_path / "bad.jpg", tmp_path / "cache")
    assert raised.value.failure == failure and "“bad.jpg”" in str(raised.value)


@pytest.mark.parametrize(
    ("page_url", "src", "expected"),
    [
        ("", "images/a.jpg", "images/a.jpg"),
        ("news/visit/", "../../images/news/a.jpg", "images/news/a.jpg"),
        ("news/visit.html", "../images/%E5%9B%BE.jpg?v=1#x", "images/图.jpg"),
        ("", "../../etc/passwd", None),
        ("deputies/a/", "/etc/hosts.jpg", None),
    ],
)
def test_site_path_of_an_img_src(page_url: str, src: str, expected: str | None) -> None:
    assert site_path(page_url, src) == expected


def test_img_attributes_are_read_whatever_the_quoting() -> None:
    html = """<p><img alt="A &amp; B" src='x.jpg' data-kind=portrait title="a>b"/><img src=y.png alt=""></p>"""
    first, second = find_img_tags(html)
    assert first.attrs == {"alt": "A & B", "src": "x.jpg", "data-kind": "portrait", "title": "a>b"}
    assert html[first.end :].startswith("<img src=y.png")
    assert second.attrs == {"src": "y.png", "alt": ""}


@pytest.mark.parametrize(
    ("src", "line"),
    [("images/b.jpg", 4), ("../../images/b.jpg", 4), ("../images/c.jpg", 6)],
)
def test_markdown_problem_points_at_the_line_naming_the_picture(src: str, line: int) -> None:
    text = "---\ntitle: 标题\n---\n![乙](../images/b.jpg)\n\n![丙](../images/c.jpg)\n"
    where = PageSource("content/news/a.md", text=text).where(src)
    assert (where.path, where.line, where.field) == ("content/news/a.md", line, "正文")


def test_meta_tags_are_escaped_and_go_into_the_head() -> None:
    tags = social_meta(
        title='他说"好"<script>',
        description="",
        page_url="https://x.example/a/",
        image_url="https://x.example/a/share-card.png",
        og_type="article",
        site_name="测试站",
    )
    assert "<script>" not in tags and "&quot;好&quot;" in tags
    assert "og:description" not in tags  # nothing to say: no empty tag
    page = insert_into_head("<html><head><title>t</title></head><body></body></html>", tags)
    assert page.index("og:image") < page.index("</head>")


def test_qr_slot_is_filled_once_and_only_where_marked() -> None:
    html = '<div class="cg-qr-slot"></div><p>正文</p>'
    code = qr_drawing("https://x.example/deputies/a/", '"张三"<代表>')
    filled = fill_qr_slot(html + html, code)
    assert filled.count('<img class="qr-code" src="qr-code.svg"') == 1
    assert filled.count("cg-qr-slot") == 1
    assert 'alt="&quot;张三&quot;&lt;代表&gt;的二维码：https://x.example/deputies/a/"' in filled
    assert fill_qr_slot("<p>正文</p>", code) == "<p>正文</p>"
