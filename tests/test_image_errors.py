"""Bad pictures and bad paths give a Chinese problem naming the file, never a traceback."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from congress.images import ImagePipeline, ImageRequest, Where, loading
from congress.problems import Problem, Severity
from PIL import Image

WHERE = ("data/deputies/zhang-san.yml", 7, "photo")


def jpeg_bytes(size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def only_problem(pipeline: ImagePipeline, reference: str, **kwargs: object) -> Problem:
    image_set, problems = pipeline.process(reference, kind="photo", referenced_from=WHERE, **kwargs)  # type: ignore[arg-type]
    assert image_set is None
    assert len(problems) == 1, problems
    problem = problems[0]
    # The problem points at the file and field that reference the picture.
    assert (problem.path, problem.line, problem.field) == WHERE
    assert problem.severity is Severity.error
    return problem


def test_missing_file_names_it(pipeline: ImagePipeline) -> None:
    problem = only_problem(pipeline, "images/nobody.jpg")
    assert "找不到图片文件" in problem.message
    assert "images/nobody.jpg" in problem.message
    assert str(problem).startswith("data/deputies/zhang-san.yml:7:1: photo: 找不到图片文件")


def test_corrupt_file_names_it(content: Path, pipeline: ImagePipeline) -> None:
    data = jpeg_bytes()
    (content / "images" / "broken.jpg").write_bytes(data[: len(data) // 2])
    problem = only_problem(pipeline, "images/broken.jpg")
    assert "已损坏" in problem.message and "images/broken.jpg" in problem.message


def test_file_that_is_not_an_image(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "notes.jpg").write_text("这不是图片，是会议记录。", encoding="utf-8")
    problem = only_problem(pipeline, "images/notes.jpg")
    assert "不是可识别的图片" in problem.message and "images/notes.jpg" in problem.message


def test_unsupported_format_is_not_an_image(content: Path, pipeline: ImagePipeline) -> None:
    Image.new("RGB", (32, 32)).save(content / "images" / "icon.ico")
    assert "不是可识别的图片" in only_problem(pipeline, "images/icon.ico").message


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0" + b"\x00" * 40,
        b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        b"GIF89a" + b"\xff" * 50,
        b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x01" * 30,
        b"",
    ],
    ids=["jpeg-header", "png-header", "gif-header", "webp-header", "empty"],
)
def test_hostile_bytes_give_a_problem_not_a_traceback(
    content: Path, pipeline: ImagePipeline, data: bytes
) -> None:
    (content / "images" / "odd.jpg").write_bytes(data)
    message = only_problem(pipeline, "images/odd.jpg").message
    assert "images/odd.jpg" in message


def test_decompression_bomb_over_the_pixel_limit(content: Path, pipeline: ImagePipeline) -> None:
    # 10000 × 9000 = 90 megapixels in a file of a few kilobytes.
    Image.new("1", (10_000, 9_000)).save(content / "images" / "bomb.png")
    assert (content / "images" / "bomb.png").stat().st_size < 100_000
    problem = only_problem(pipeline, "images/bomb.png")
    assert "像素过多" in problem.message and "images/bomb.png" in problem.message
    assert "10000×9000" in problem.message and "8000 万像素" in problem.message


def test_pillow_own_bomb_error_is_caught(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Image.new("RGB", (200, 200)).save(content / "images" / "huge.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # Pillow raises above twice this
    pipeline = ImagePipeline(content, tmp_path / "cache", max_pixels=10**9)
    assert "像素过多" in only_problem(pipeline, "images/huge.png").message


def test_pixel_limit_is_configurable(content: Path, tmp_path: Path) -> None:
    (content / "images" / "photo.jpg").write_bytes(jpeg_bytes((400, 300)))
    pipeline = ImagePipeline(content, tmp_path / "cache", max_pixels=100_000)
    assert "像素过多" in only_problem(pipeline, "images/photo.jpg").message


@pytest.mark.parametrize(
    "reference",
    ["../../etc/passwd", "images/../../secret.jpg", "..\\..\\etc\\passwd", ".."],
)
def test_path_leaving_content_folder_is_refused(pipeline: ImagePipeline, reference: str) -> None:
    problem = only_problem(pipeline, reference)
    assert "内容目录之外" in problem.message and "已拒绝" in problem.message
    assert reference in problem.message


def test_relative_path_from_a_markdown_folder(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "a.jpg").write_bytes(jpeg_bytes())
    image_set, problems = pipeline.process("../images/a.jpg", kind="photo", relative_to="news")
    assert problems == [] and image_set is not None
    problem = only_problem(pipeline, "../../images/a.jpg", relative_to="news")
    assert "内容目录之外" in problem.message


@pytest.mark.parametrize("reference", ["/etc/passwd", "C:\\Windows\\win.ini", "/images/a.jpg"])
def test_absolute_path_is_refused(content: Path, pipeline: ImagePipeline, reference: str) -> None:
    (content / "images" / "a.jpg").write_bytes(jpeg_bytes())
    problem = only_problem(pipeline, reference)
    assert "绝对路径" in problem.message and "已拒绝" in problem.message


@pytest.mark.parametrize(
    "reference", ["https://cdn.example.com/a.jpg", "//cdn.example.com/a.jpg", "file:///etc/passwd"]
)
def test_other_websites_are_refused(pipeline: ImagePipeline, reference: str) -> None:
    assert "其他网站" in only_problem(pipeline, reference).message


def test_symlink_pointing_outside_is_refused(
    content: Path, pipeline: ImagePipeline, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.jpg").write_bytes(jpeg_bytes())
    (content / "images" / "innocent.jpg").symlink_to(outside / "private.jpg")
    (content / "images" / "album").symlink_to(outside, target_is_directory=True)
    (content / "images" / "dangling.jpg").symlink_to(tmp_path / "nowhere.jpg")
    for reference in ("images/innocent.jpg", "images/album/private.jpg", "images/dangling.jpg"):
        problem = only_problem(pipeline, reference)
        assert "符号链接" in problem.message and "已拒绝" in problem.message, reference
        assert reference in problem.message
    assert not any((tmp_path / ".cache").rglob("*.jpg"))


def test_symlink_inside_content_is_fine(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "real.jpg").write_bytes(jpeg_bytes())
    (content / "images" / "alias.jpg").symlink_to(content / "images" / "real.jpg")
    image_set, problems = pipeline.process("images/alias.jpg", kind="photo")
    assert problems == [] and image_set is not None


def test_name_differing_only_in_case(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "Zhang.jpg").write_bytes(jpeg_bytes())
    if not (content / "images" / "zhang.jpg").exists():
        pytest.skip("case-sensitive file system: the file is simply missing")
    assert "大小写" in only_problem(pipeline, "images/zhang.jpg").message


def test_folder_instead_of_file(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "album").mkdir()
    assert "不是一个文件" in only_problem(pipeline, "images/album").message


def test_heic_without_a_decoder_says_to_convert(
    content: Path, pipeline: ImagePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "_heif_state", False)
    (content / "images" / "iphone.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    problem = only_problem(pipeline, "images/iphone.HEIC")
    assert "HEIC" in problem.message and "转换为 JPEG" in problem.message
    assert "images/iphone.HEIC" in problem.message


def test_problem_location_defaults_to_the_reference(pipeline: ImagePipeline) -> None:
    _, problems = pipeline.process("images/gone.jpg", kind="photo")
    assert problems[0].path == "images/gone.jpg"
    where = Where("content/news/a.md", 12, "正文", column=5)
    _, problems = pipeline.process("images/gone.jpg", kind="photo", referenced_from=where)
    assert (problems[0].path, problems[0].line, problems[0].column) == ("content/news/a.md", 12, 5)


def test_batch_keeps_going_past_bad_pictures(content: Path, pipeline: ImagePipeline) -> None:
    (content / "images" / "good.jpg").write_bytes(jpeg_bytes())
    (content / "images" / "bad.jpg").write_bytes(b"nonsense")
    results = pipeline.process_many(
        [
            ImageRequest("images/bad.jpg", "photo", WHERE),
            ImageRequest("images/good.jpg", "photo", WHERE),
            ImageRequest("../x.jpg", "photo", WHERE),
        ]
    )
    assert [s is not None for s, _ in results] == [False, True, False]
    assert [len(p) for _, p in results] == [1, 0, 1]
    assert pipeline.stats.processed == 1 and pipeline.stats.failed == 2


def test_unknown_kind_is_a_programming_error(pipeline: ImagePipeline) -> None:
    with pytest.raises(ValueError, match="unknown image kind"):
        pipeline.process("images/a.jpg", kind="thumbnail")
