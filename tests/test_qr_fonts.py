"""The CJK font is found without guessing paths, and its absence stops the build in Chinese."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from congress.images import FontNotFoundError, find_cjk_font, fonts, qr_plaque_png, share_card_png


@pytest.fixture
def fresh_font_caches() -> Iterator[None]:
    fonts._default_face.cache_clear()
    fonts.load_font.cache_clear()
    yield
    fonts._default_face.cache_clear()
    fonts.load_font.cache_clear()


def test_font_is_found_and_draws_chinese() -> None:
    path = find_cjk_font()
    assert path.is_file()
    regular = fonts.load_font(48)
    bold = fonts.load_font(48, fonts.BOLD)
    # Different characters give different glyphs (a font without them draws one empty box).
    shapes = {bytes(regular.getmask(char)) for char in "人大代表履职"}
    assert len(shapes) == 6
    assert regular.getbbox("人")[2] > 30
    assert bytes(bold.getmask("代")) != bytes(regular.getmask("代"))  # bold is heavier


def test_collection_uses_the_simplified_chinese_face() -> None:
    face = fonts.find_cjk_face()
    if face.path.suffix.lower() not in (".ttc", ".otc"):
        pytest.skip("the installed font is a single face")
    assert fonts.load_font(20, face=face).getname()[0].endswith("SC")


def test_no_font_anywhere_is_a_clear_chinese_error(
    monkeypatch: pytest.MonkeyPatch, fresh_font_caches: None
) -> None:
    monkeypatch.setattr(fonts, "FONT_PACKAGES", (("no_such_font_package", "x.ttf"),))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(FontNotFoundError) as caught:
        find_cjk_font()
    message = str(caught.value)
    assert "未找到可显示中文的字体" in message
    assert "pip install manimgx-fonts-cjk" in message and "fonts-noto-cjk" in message
    with pytest.raises(FontNotFoundError):
        share_card_png("滨江市人大常委会", "标题", "要闻")
    with pytest.raises(FontNotFoundError):
        qr_plaque_png("https://example.org/", "滨江市人大常委会", "张三", "扫码查看代表履职信息")


def _fake_fc_match(stdout: str) -> object:
    def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        assert args[0].endswith("fc-match") and "Noto Sans CJK SC" in args[-1]
        return subprocess.CompletedProcess(args, 0, stdout=stdout, stderr="")

    return run


def test_fontconfig_latin_fallback_is_not_taken_for_chinese(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_font_caches: None
) -> None:
    # With no CJK font installed, fc-match still answers: with DejaVu, which has no Chinese.
    dejavu = tmp_path / "DejaVuSans.ttf"
    dejavu.write_bytes(b"font")
    monkeypatch.setattr(fonts, "FONT_PACKAGES", ())
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/fc-match")
    monkeypatch.setattr(subprocess, "run", _fake_fc_match(f"{dejavu}\n0\naa|de|en|fr|ru"))
    with pytest.raises(FontNotFoundError):
        fonts.find_cjk_face()


def test_fontconfig_cjk_font_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_font_caches: None
) -> None:
    system_font = tmp_path / "NotoSansCJK-Regular.ttc"
    system_font.write_bytes(b"font")
    monkeypatch.setattr(fonts, "FONT_PACKAGES", ())
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/fc-match")
    monkeypatch.setattr(subprocess, "run", _fake_fc_match(f"{system_font}\n2\nen|ja|zh-cn|zh-sg"))
    face = fonts.find_cjk_face()
    assert (face.path, face.index) == (system_font, 2)
