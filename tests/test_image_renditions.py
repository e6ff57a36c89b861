"""Renditions: upright, stripped of metadata, at the promised widths, cropped by kind, cached."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from congress.atomic_files import atomic_write
from congress.images import ImagePipeline, ImageRequest, ImageSet
from congress.images.cache import RenditionCache
from congress.images.renditions import crop_box, target_widths
from image_files import gps_exif
from PIL import ExifTags, Image, ImageCms, ImageDraw

RED = (255, 0, 0)


def photo(size: tuple[int, int], marker: tuple[int, int, int, int] | None = None) -> Image.Image:
    """A grey picture with some texture, and a red square where asked."""
    image = Image.effect_noise(size, 20).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(40, 90, 160))
    if marker:
        draw.rectangle(marker, fill=RED)
    return image


def process(pipeline: ImagePipeline, reference: str, kind: str = "photo") -> ImageSet:
    image_set, problems = pipeline.process(reference, kind=kind)
    assert problems == []
    assert image_set is not None
    return image_set


def red_at(image: Image.Image, xy: tuple[int, int]) -> bool:
    r, g, b = image.getpixel(xy) if image.mode == "RGB" else image.convert("RGB").getpixel(xy)  # type: ignore[misc]
    return bool(r > 200 and g < 60 and b < 60)


def test_exif_orientation_6_comes_out_upright(content: Path, pipeline: ImagePipeline) -> None:
    # Stored landscape with a red square top-left; orientation 6 means "turn 90° clockwise to
    # view", so the viewer sees a portrait picture with the square top-right.
    photo((1600, 1200), marker=(0, 0, 160, 160)).save(
        content / "images" / "rotated.jpg", exif=gps_exif(orientation=6), quality=92
    )
    image_set = process(pipeline, "images/rotated.jpg")
    assert (image_set.width, image_set.height) == (1200, 1600)
    for rendition in image_set.renditions:
        with Image.open(rendition.path) as out:
            assert out.width < out.height
            assert out.size == (rendition.width, rendition.height)
            w, h = out.size
            assert red_at(out, (w - 1 - w // 40, h // 40)), rendition.name
            assert not red_at(out, (w // 40, h // 40)), rendition.name


def test_gps_and_all_metadata_are_stripped(content: Path, pipeline: ImagePipeline) -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><GPSLatitude>30,15N</GPSLatitude></x:xmpmeta>'
    source = content / "images" / "gps.jpg"
    photo((900, 600)).save(source, exif=gps_exif(), icc_profile=icc, xmp=xmp, comment=b"secret")
    with Image.open(source) as original:  # the test picture really carries it all
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "icc_profile" in original.info and "xmp" in original.info
    image_set = process(pipeline, "images/gps.jpg")
    assert len(image_set.renditions) == 6
    for rendition in image_set.renditions:
        data = rendition.path.read_bytes()
        for secret in (b"Exif", b"PhoneMaker", b"GPS", b"xmpmeta", b"secret", b"ICC_PROFILE"):
            assert secret not in data, (rendition.name, secret)
        with Image.open(rendition.path) as out:
            assert len(out.getexif()) == 0
            assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(
                out.info
            )


def test_heic_photo_is_read_and_stripped(content: Path, pipeline: ImagePipeline) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    source = content / "images" / "iphone.heic"
    try:
        photo((800, 600)).save(source, exif=gps_exif().tobytes())
    except (OSError, KeyError, ValueError):
        pytest.skip("this pillow-heif build has no HEIC encoder")
    image_set = process(pipeline, "images/iphone.heic")
    assert [r.width for r in image_set.of_format("jpeg")] == [320, 640, 800]
    for rendition in image_set.renditions:
        assert b"Exif" not in rendition.path.read_bytes()


def test_renditions_at_promised_widths_never_wider_than_source(
    content: Path, pipeline: ImagePipeline
) -> None:
    photo((1600, 1200)).save(content / "images" / "big.jpg")
    photo((500, 400)).save(content / "images" / "small.png")
    big = process(pipeline, "images/big.jpg")
    assert [r.width for r in big.of_format("webp")] == [320, 640, 1280]
    assert [r.width for r in big.of_format("jpeg")] == [320, 640, 1280]
    assert (big.width, big.height) == (1280, 960)
    small = process(pipeline, "images/small.png")
    assert [r.width for r in small.of_format("jpeg")] == [320, 500]
    for image_set in (big, small):
        for rendition in image_set.renditions:
            with Image.open(rendition.path) as out:
                assert out.format == rendition.format.upper()
                assert out.size == (rendition.width, rendition.height)
                assert out.width <= 1600


def test_names_are_content_addressed_and_stable(
    content: Path, pipeline: ImagePipeline, tmp_path: Path
) -> None:
    photo((700, 500)).save(content / "images" / "a.jpg")
    (content / "images" / "copy-of-a.jpg").write_bytes((content / "images" / "a.jpg").read_bytes())
    first = process(pipeline, "images/a.jpg")
    again = process(ImagePipeline(content, tmp_path / "other-cache"), "images/copy-of-a.jpg")
    assert [r.name for r in first.renditions] == [r.name for r in again.renditions]
    assert [r.path.read_bytes() for r in first.renditions] == [
        r.path.read_bytes() for r in again.renditions
    ]
    assert first.renditions[0].name == f"{first.key}-320.webp"
    assert all(len(r.name.split("-")[0]) == 16 for r in first.renditions)
    portrait = process(pipeline, "images/a.jpg", kind="portrait")
    assert portrait.key != first.key  # other parameters, other names


def test_png_with_alpha_gets_jpeg_flattened_on_white(
    content: Path, pipeline: ImagePipeline
) -> None:
    image = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((400, 0, 799, 599), fill=(0, 0, 255, 255))
    image.save(content / "images" / "logo.png")
    image_set = process(pipeline, "images/logo.png")
    assert image_set.has_alpha
    for rendition in image_set.of_format("jpeg"):
        with Image.open(rendition.path) as out:
            assert out.mode == "RGB"
            w, h = out.size
            assert min(out.getpixel((w // 8, h // 2))) >= 250  # type: ignore[arg-type]
            r, g, b = out.getpixel((w * 7 // 8, h // 2))  # type: ignore[misc]
            assert b > 200 and r < 40 and g < 40
    for rendition in image_set.of_format("webp"):
        with Image.open(rendition.path) as out:
            assert out.mode == "RGBA"
            assert out.getpixel((2, 2))[3] == 0  # type: ignore[index]


def test_opaque_alpha_channel_is_treated_as_plain_photo(
    content: Path, pipeline: ImagePipeline
) -> None:
    photo((400, 300)).convert("RGBA").save(content / "images" / "opaque.png")
    image_set = process(pipeline, "images/opaque.png")
    assert not image_set.has_alpha
    with Image.open(image_set.of_format("webp")[0].path) as out:
        assert out.mode == "RGB"


def test_portrait_is_three_by_four_from_the_upper_middle(
    content: Path, pipeline: ImagePipeline
) -> None:
    photo((1600, 1200), marker=(760, 100, 840, 200)).save(content / "images" / "wide.jpg")
    # A tall full-length shot: the head (red) in the upper part survives, the feet (blue) do not.
    tall = photo((900, 2400), marker=(400, 450, 500, 550))
    ImageDraw.Draw(tall).rectangle((0, 2300, 899, 2399), fill=(0, 0, 255))
    tall.save(content / "images" / "tall.jpg")
    for name in ("wide.jpg", "tall.jpg"):
        image_set = process(pipeline, f"images/{name}", kind="portrait")
        assert [r.width for r in image_set.of_format("jpeg")] == [240, 480, 900]
        for rendition in image_set.renditions:
            assert abs(rendition.width / rendition.height - 3 / 4) < 0.01
        with Image.open(image_set.of_format("jpeg")[-1].path) as out:
            rgb = out.convert("RGB")
            w, h = rgb.size
            points = [(x, y) for x in range(0, w, 6) for y in range(0, h, 6)]
            assert any(red_at(rgb, p) for p in points), name
            assert not [p for p in points if is_blue(rgb, p)], name


def is_blue(image: Image.Image, xy: tuple[int, int]) -> bool:
    r, g, b = image.getpixel(xy)  # type: ignore[misc]
    return bool(b > 200 and r < 60 and g < 60)


def test_crop_box_geometry() -> None:
    from fractions import Fraction

    three_four = Fraction(3, 4)
    assert crop_box(1600, 1200, three_four, 0.25) == (350, 0, 1250, 1200)
    assert crop_box(900, 2400, three_four, 0.25) == (0, 300, 900, 1500)
    assert crop_box(900, 1200, three_four, 0.25) == (0, 0, 900, 1200)
    assert crop_box(1600, 1200, None, 0.5) == (0, 0, 1600, 1200)
    assert crop_box(1600, 1200, Fraction(16, 9), 0.5) == (0, 150, 1600, 1050)
    assert target_widths(2000, (320, 640, 1280)) == [320, 640, 1280]
    assert target_widths(1280, (320, 640, 1280)) == [320, 640, 1280]
    assert target_widths(700, (320, 640, 1280)) == [320, 640, 700]
    assert target_widths(200, (320, 640, 1280)) == [200]


def test_cover_is_sixteen_by_nine(content: Path, pipeline: ImagePipeline) -> None:
    photo((1600, 1200)).save(content / "images" / "cover.jpg")
    image_set = process(pipeline, "images/cover.jpg", kind="cover")
    assert [(r.width, r.height) for r in image_set.of_format("jpeg")] == [
        (320, 180),
        (640, 360),
        (1280, 720),
    ]


def test_second_run_processes_zero_images(
    content: Path, pipeline: ImagePipeline, tmp_path: Path
) -> None:
    for index in range(3):
        photo((700, 500), marker=(index * 10, 0, index * 10 + 9, 9)).save(
            content / "images" / f"p{index}.jpg"
        )
    requests = [ImageRequest(f"images/p{i}.jpg", "photo") for i in range(3)]
    first = pipeline.process_many(requests, max_workers=1)
    assert pipeline.stats.processed == 3 and pipeline.stats.reused == 0
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / ".cache").rglob("*") if p.is_file()}

    rebuild = ImagePipeline(content, tmp_path / ".cache" / "images")
    second = rebuild.process_many(requests, max_workers=1)
    assert rebuild.stats.processed == 0
    assert rebuild.stats.reused == 3
    assert all(s is not None and s.from_cache for s, _ in second)
    assert [s.key for s, _ in first if s] == [s.key for s, _ in second if s]
    after = {p: p.stat().st_mtime_ns for p in (tmp_path / ".cache").rglob("*") if p.is_file()}
    assert after == stamps  # nothing rewritten

    # A rendition deleted from the cache is made again, and only for that picture.
    first[1][0].renditions[0].path.unlink()  # type: ignore[union-attr]
    repair = ImagePipeline(content, tmp_path / ".cache" / "images")
    repair.process_many(requests, max_workers=1)
    assert (repair.stats.processed, repair.stats.reused) == (1, 2)


def test_changed_picture_gets_new_names(content: Path, pipeline: ImagePipeline) -> None:
    source = content / "images" / "edit.jpg"
    photo((700, 500)).save(source)
    before = process(pipeline, "images/edit.jpg")
    photo((700, 500), marker=(0, 0, 50, 50)).save(source)
    after = process(pipeline, "images/edit.jpg")
    assert before.key != after.key
    assert not after.from_cache


def test_worker_processes_give_the_same_result(
    content: Path, pipeline: ImagePipeline, tmp_path: Path
) -> None:
    for index in range(4):
        photo((600, 450), marker=(index * 20, 0, index * 20 + 9, 9)).save(
            content / "images" / f"w{index}.jpg"
        )
    requests = [ImageRequest(f"images/w{i}.jpg", "photo") for i in range(4)]
    requests.append(ImageRequest("images/w0.jpg", "photo"))  # asked twice, made once
    parallel = pipeline.process_many(requests, max_workers=2)
    assert pipeline.stats.processed == 4
    serial = ImagePipeline(content, tmp_path / "serial-cache").process_many(requests, max_workers=1)
    for (a, _), (b, _) in zip(parallel, serial, strict=True):
        assert a is not None and b is not None
        assert [r.path.read_bytes() for r in a.renditions] == [
            r.path.read_bytes() for r in b.renditions
        ]


def test_atomic_write_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "files" / "abc-320.webp"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"x" * 10_000)
    assert list((tmp_path / "files").iterdir()) == []
    monkeypatch.undo()
    atomic_write(target, b"whole")
    assert target.read_bytes() == b"whole"


def test_stale_temp_files_are_swept(tmp_path: Path) -> None:
    cache = RenditionCache(tmp_path)
    cache.files_dir.mkdir(parents=True)
    stale = cache.files_dir / ".abc-320.webp.k3j.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    fresh = cache.files_dir / ".abc-640.webp.k4j.tmp"
    fresh.write_bytes(b"in progress")
    assert cache.sweep_temp_files() == 1
    assert not stale.exists() and fresh.exists()


def test_greyscale_cmyk_palette_and_16_bit_sources(content: Path, pipeline: ImagePipeline) -> None:
    base = photo((400, 300))
    base.convert("L").save(content / "images" / "grey.jpg")
    base.convert("CMYK").save(content / "images" / "cmyk.jpg")
    base.convert("P").save(content / "images" / "palette.gif")
    base.convert("I;16").save(content / "images" / "deep.png")
    for name in ("grey.jpg", "cmyk.jpg", "palette.gif", "deep.png"):
        image_set = process(pipeline, f"images/{name}")
        with Image.open(io.BytesIO(image_set.fallback.path.read_bytes())) as out:
            assert out.mode == "RGB", name


def test_warm_run_reads_no_photo(
    content: Path, pipeline: ImagePipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo((600, 400)).save(content / "images" / "a.jpg")
    process(pipeline, "images/a.jpg")
    from congress.images import pipeline as pipeline_module

    def no_work(*args: object) -> object:
        raise AssertionError("a cached photo was read or made again")

    monkeypatch.setattr(pipeline_module, "_build", no_work)
    rebuild = ImagePipeline(content, tmp_path / ".cache" / "images")
    assert process(rebuild, "images/a.jpg").from_cache
    assert (rebuild.stats.processed, rebuild.stats.reused) == (0, 1)


def test_rewrite_with_same_size_and_old_mtime_is_noticed(
    content: Path, pipeline: ImagePipeline, tmp_path: Path
) -> None:
    source = content / "images" / "same-size.bmp"
    Image.new("RGB", (400, 300), (200, 30, 30)).save(source)
    first = process(pipeline, "images/same-size.bmp")
    before = source.stat()
    Image.new("RGB", (400, 300), (30, 30, 200)).save(source)  # BMP: same size in bytes
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert source.stat().st_size == before.st_size
    assert source.stat().st_mtime_ns == before.st_mtime_ns
    second = process(ImagePipeline(content, tmp_path / ".cache" / "images"), "images/same-size.bmp")
    assert second.key != first.key and not second.from_cache
