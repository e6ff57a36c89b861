"""A site built with `congress-images`: what a visitor, a crawler and a printer get."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from image_site import SITE_URL, build_site, camera_photo, image_site, main_html
from PIL import Image

zxingcpp = pytest.importorskip("zxingcpp")
from test_qr_codes import decode, rasterise_svg  # noqa: E402

pytestmark = pytest.mark.slow

INDEX = """\
# 首页

![大会会场全景](images/news/hall.jpg)

会场内景如下。

<img src="images/news/speech.jpg" alt="代表发言" class="wide">
"""
ARTICLE = """\
---
title: 东湖街道人大代表之家开展“代表接待日”活动，群众反映的老旧小区加装电梯问题得到答复
category_name: 代表风采
description: 代表们在接待日听取居民意见。
---

# 接待日

![接待现场](../images/news/speech.jpg)
"""
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    root = image_site(
        tmp_path_factory.mktemp("images"),
        pages={"index.md": INDEX, "news/reception-day.md": ARTICLE},
        max_workers=2,  # the worker processes, as a real build uses them
    )
    content = root / "content"
    camera_photo(content / "images/news/hall.jpg", (5200, 3000))
    camera_photo(content / "images/news/speech.jpg", (1200, 900), orientation=3)
    camera_photo(content / "images/unused/stray.jpg", (640, 480))
    first = build_site(root)
    snapshot = root / "first-build"
    shutil.copytree(root / "site", snapshot)
    second = build_site(root)
    return root, first, second


def site_dir(built: tuple[Path, Any, Any]) -> Path:
    return built[0] / "site"


def test_every_image_in_the_site_is_free_of_exif_and_gps(built: tuple[Path, Any, Any]) -> None:
    images = [p for p in site_dir(built).rglob("*") if p.suffix.lower() in RASTER]
    assert len(images) > 20
    for path in images:
        data = path.read_bytes()
        assert b"Exif\x00\x00" not in data and b"PhoneMaker" not in data, path
        with Image.open(path) as image:
            assert len(image.getexif()) == 0, path
            assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(image.info), path


def test_original_address_serves_an_upright_capped_web_copy(built: tuple[Path, Any, Any]) -> None:
    root, site = built[0], site_dir(built)
    portrait = site / "images/deputies/li-ming.jpg"
    assert portrait.read_bytes() != (root / "content/images/deputies/li-ming.jpg").read_bytes()
    with Image.open(portrait) as image:
        assert image.format == "JPEG" and image.size == (1200, 1600)  # turned as EXIF said
        r, g, b = image.convert("RGB").getpixel((1200 - 20, 20))  # type: ignore[misc]
        assert r > 200 and g < 60 and b < 60  # the marker ends up top-right
    with Image.open(site / "images/news/hall.jpg") as image:
        assert max(image.size) == 2048
    with Image.open(site / "images/stations/east-home.png") as image:
        assert image.format == "PNG" and image.mode == "RGBA"  # transparency kept
    assert (site / "images/unused/stray.jpg").is_file()  # unreferenced photos are cleaned too


def test_pages_use_picture_with_srcset_and_size(built: tuple[Path, Any, Any]) -> None:
    site = site_dir(built)
    page = main_html(site / "index.html")
    pictures = re.findall(r"<picture>.*?</picture>", page)
    assert len(pictures) == 2 and '<img src="images/news' not in page
    hall, speech = pictures
    assert 'alt="大会会场全景"' in hall and 'loading="eager"' in hall
    assert 'alt="代表发言"' in speech and 'loading="lazy"' in speech and 'class="wide"' in speech
    assert 'width="1280" height="738"' in hall
    for width in (320, 640, 1280):
        for suffix in ("webp", "jpg"):
            match = re.search(rf"(assets/renditions/[0-9a-f]+-{width}\.{suffix}) {width}w", hall)
            assert match, (width, suffix)
            with Image.open(site / match.group(1)) as image:
                assert image.width == width


def test_deputy_portrait_is_cropped_three_by_four(built: tuple[Path, Any, Any]) -> None:
    site = site_dir(built)
    page = main_html(site / "deputies/li-ming/index.html")
    picture = re.search(r"<picture>.*?</picture>", page)
    assert picture and 'width="960" height="1280"' in picture.group(0)
    assert 'alt="李明的照片"' in picture.group(0)
    for name in re.findall(r"assets/renditions/([0-9a-f]+-\d+\.(?:webp|jpg))", picture.group(0)):
        with Image.open(site / "assets/renditions" / name) as image:
            assert image.width * 4 == image.height * 3, name
    assert "placeholder-portrait.svg" in main_html(site / "deputies/zhao-lan/index.html")


@pytest.mark.parametrize("page", ["deputies/li-ming/", "stations/east-home/"])
def test_qr_code_and_plaque_carry_the_page_address(built: tuple[Path, Any, Any], page: str) -> None:
    site = site_dir(built)
    html = main_html(site / page / "index.html")
    code = re.search(r'<img class="qr-code" src="qr-code.svg" alt="([^"]+)"', html)
    assert code is not None and code.group(1).endswith(f"的二维码：{SITE_URL + page}")
    svg = (site / page / "qr-code.svg").read_text("utf-8")
    assert decode(rasterise_svg(svg)) == SITE_URL + page
    assert "扫码访问本页" in html
    assert (
        '<a class="cg-qr__plaque" href="qr-plaque.png" download>下载二维码牌（A5，可打印）</a>'
        in html
    )
    with Image.open(site / page / "qr-plaque.png") as plaque:
        assert plaque.size == (1748, 2480)  # A5 at 300 dpi
        assert round(plaque.info["dpi"][0]) == 300
        assert abs(plaque.height / plaque.width - 210 / 148) < 0.01
        assert decode(plaque) == SITE_URL + page


@pytest.mark.parametrize(
    ("page", "og_type", "title"),
    [
        ("deputies/li-ming/", "profile", "李明代表"),
        ("stations/east-home/", "website", "东湖街道人大代表之家"),
        ("news/reception-day/", "article", "东湖街道人大代表之家开展“代表接待日”活动"),
    ],
)
def test_share_card_and_its_meta_tags(
    built: tuple[Path, Any, Any], page: str, og_type: str, title: str
) -> None:
    site = site_dir(built)
    html = (site / page / "index.html").read_text("utf-8")
    head = html[: html.index("</head>")]
    meta = dict(
        re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', head)
    )
    assert meta["og:type"] == og_type
    assert title in meta["og:title"]
    assert meta["og:url"] == SITE_URL + page
    assert meta["og:image"] == meta["twitter:image"] == SITE_URL + page + "share-card.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:description"]
    with Image.open(site / page / "share-card.png") as card:
        assert card.size == (1200, 630)


def test_second_build_does_no_image_work_and_gives_the_same_files(
    built: tuple[Path, Any, Any],
) -> None:
    root, first, second = built
    assert (
        first.site.processed > 0 and first.drawing_stats.drawn == 10
    )  # 3 codes, 3 plaques, 4 cards
    assert second.site.processed == 0
    assert second.site.pipeline.stats.reused == first.site.pipeline.stats.processed
    assert second.drawing_stats.drawn == 0
    assert (root / ".cache/images/manifests").is_dir()  # beside mkdocs.yml, outside site/

    def images(folder: Path) -> dict[Path, bytes]:
        return {
            p.relative_to(folder): p.read_bytes()
            for p in folder.rglob("*")
            if p.suffix.lower() in RASTER
        }

    before, after = images(root / "first-build"), images(root / "site")
    assert before.keys() == after.keys()
    assert [k for k in before if before[k] != after[k]] == []


def test_every_published_file_is_readable_by_the_web_server(
    built: tuple[Path, Any, Any],
) -> None:
    # Photos, drawings and feeds are links to cached files, which are written privately first.
    site = site_dir(built)
    private = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.stat().st_mode & 0o044 != 0o044
    ]
    assert private == []
    assert (site / "deputies/li-ming/qr-plaque.png").stat().st_nlink > 1  # a link to the cache
