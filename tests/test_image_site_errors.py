"""Bad pictures stop the build with every problem listed, each naming the file and line that
references the picture, in Chinese, and never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import congress.images.drawings as drawings
import pytest
from image_site import camera_photo, failing_build, image_site
from PIL import Image

pytestmark = pytest.mark.slow

# Line numbers matter: the expectations below point at them.
INDEX = """\
# 首页

![缺失的图片](images/nobody.jpg)

![损坏的图片](images/broken.jpg)

![改了扩展名的文本](images/notes.jpg)

![像素炸弹](images/bomb.png)

![越出内容目录](../../etc/passwd)

![绝对路径](/etc/hosts.jpg)

![其他网站](https://cdn.example.com/a.jpg)

![指向外面的链接](images/evil.jpg)
"""
CASES = [
    ("content/index.md:3:", "找不到图片文件“images/nobody.jpg”"),
    ("content/index.md:5:", "图片文件“images/broken.jpg”已损坏"),
    ("content/index.md:7:", "不是可识别的图片"),
    ("content/index.md:9:", "像素过多"),
    ("content/index.md:11:", "指向内容目录之外，已拒绝"),
    ("content/index.md:13:", "是绝对路径，已拒绝"),
    ("content/index.md:15:", "不能引用其他网站的地址"),
    ("content/index.md:17:", "符号链接，已拒绝"),
    ("data/deputies/li-ming.yml:9:1: photo:", "“images/deputies/li-ming.jpg”已损坏"),
    ("content/images/unused/half.jpg:1:1:", "已损坏"),
]


def truncated_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((640, 480), 40).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()[:4000]


@pytest.fixture(scope="module")
def failure(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = image_site(tmp_path_factory.mktemp("bad"), pages={"index.md": INDEX})
    images = root / "content" / "images"
    (images / "broken.jpg").write_bytes(truncated_jpeg())
    (images / "deputies" / "li-ming.jpg").write_bytes(truncated_jpeg())
    (images / "unused").mkdir()
    (images / "unused" / "half.jpg").write_bytes(truncated_jpeg())
    (images / "notes.jpg").write_text("这不是图片，是会议记录。", encoding="utf-8")
    Image.new("1", (20_000, 20_000)).save(images / "bomb.png")  # 400 MP in a few kilobytes
    outside = camera_photo(root / "private" / "home.jpg", (320, 240))
    (images / "evil.jpg").symlink_to(outside)
    return root, failing_build(root)


@pytest.mark.parametrize(("where", "message"), CASES)
def test_each_problem_names_the_referencing_file_and_line(
    failure: tuple[Path, str], where: str, message: str
) -> None:
    _, log = failure
    lines = [line for line in log.splitlines() if line.startswith(where)]
    assert lines, f"{where} not in:\n{log}"
    assert message in lines[0], lines


def test_problems_are_reported_together_without_a_traceback(failure: tuple[Path, str]) -> None:
    root, log = failure
    assert log.count("图片检查未通过") == 1
    assert f"共 {len(CASES)} 个错误" in log
    assert "Traceback" not in log
    assert not (root / "site").exists()


def test_symlinked_file_is_never_published(tmp_path: Path) -> None:
    root = image_site(tmp_path, pages={"index.md": "# 首页\n"})
    outside = camera_photo(tmp_path / "private" / "home.jpg", (320, 240))
    (root / "content" / "images" / "evil.jpg").symlink_to(outside)
    log = failing_build(root)
    assert "content/images/evil.jpg:1:1: 图片“images/evil.jpg”是指向内容目录之外的符号链接" in log


def test_a_drawing_that_fails_stops_the_build_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(kind: str, args: tuple[str, ...]) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drawings, "_drawn", full_disk)  # one worker: drawn in this process
    said = failing_build(image_site(tmp_path))
    assert "二维码牌和分享图绘制失败：[Errno 28] No space left on device" in said
    assert "Traceback" not in said
