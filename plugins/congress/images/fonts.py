"""A font with Chinese glyphs for QR plaques and share cards, found the same way on every machine.

Order: a Python package that ships the font (located with importlib.resources, so it is wherever pip
put it), then fontconfig's `fc-match` for a system font such as Debian's fonts-noto-cjk. No path
is guessed. Without either, FontNotFoundError tells the editor how to install one."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from PIL import ImageFont

# (import package, font file inside it). The first is the recommended one: Noto Sans CJK as a
# variable font, so one file gives both regular and bold.
FONT_PACKAGES: tuple[tuple[str, str], ...] = (
    ("manimgx_fonts_cjk", "NotoSansCJK-VF.otf.ttc"),
    ("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc"),
    ("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"),
)
FONTCONFIG_FAMILY = "Noto Sans CJK SC"
REGULAR, BOLD = 400, 700

INSTALL_HINT = (
    "未找到可显示中文的字体，无法生成二维码牌和分享图。请安装字体后重试："
    "pip install manimgx-fonts-cjk（推荐，随 Python 包安装），"
    "或 apt-get install fonts-noto-cjk（系统字体，经 fc-match 查找）"
)


class FontNotFoundError(RuntimeError):
    """No CJK font: the message is in Chinese and says what to install."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(INSTALL_HINT + (f"（{detail}）" if detail else ""))


@dataclass(frozen=True)
class FontFace:
    path: Path
    index: int  # the face inside a .ttc collection (the Simplified Chinese one)
    bold_path: Path | None = None  # a separate bold file, for fonts that are not variable
    bold_index: int = 0


def _simplified_chinese_index(path: Path) -> int:
    """In a collection holding JP, KR, SC, TC and HK faces, the SC one; otherwise face 0."""
    for index in range(32):
        try:
            family = ImageFont.truetype(str(path), 12, index=index).getname()[0] or ""
        except OSError:
            break
        if family.endswith(" SC") or family.endswith(" CJK SC"):
            return index
    return 0


def _from_packages(packages: tuple[tuple[str, str], ...]) -> FontFace | None:
    for package, filename in packages:
        try:
            resource = resources.files(package).joinpath(filename)
        except ModuleNotFoundError:
            continue
        path = Path(str(resource))
        if path.is_file():
            return FontFace(path, _simplified_chinese_index(path))
    return None


def _fc_match(pattern: str) -> tuple[Path, int] | None:
    """fontconfig's best match for `pattern`, only if it really covers Simplified Chinese:
    fc-match always answers, falling back to a Latin font when no CJK font is installed."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        result = subprocess.run(
            [fc_match, "-f", "%{file}\n%{index}\n%{lang}", pattern],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < 3 or "zh-cn" not in lines[2].split("|"):
        return None
    path = Path(lines[0])
    return (path, int(lines[1] or 0)) if path.is_file() else None


def _from_fontconfig() -> FontFace | None:
    regular = _fc_match(f"{FONTCONFIG_FAMILY}:lang=zh-cn")
    if regular is None:
        return None
    bold = _fc_match(f"{FONTCONFIG_FAMILY}:lang=zh-cn:weight=bold")
    if bold is not None and bold != regular:
        return FontFace(regular[0], regular[1], bold[0], bold[1])
    return FontFace(regular[0], regular[1])


def find_cjk_face(packages: tuple[tuple[str, str], ...] | None = None) -> FontFace:
    """The Chinese font face to draw with; raises FontNotFoundError when there is none."""
    face = _from_packages(FONT_PACKAGES if packages is None else packages) or _from_fontconfig()
    if face is None:
        raise FontNotFoundError()
    return face


@lru_cache(maxsize=1)
def _default_face() -> FontFace:
    return find_cjk_face()


def find_cjk_font() -> Path:
    """The font file used for Chinese text; raises FontNotFoundError when there is none."""
    return _default_face().path


@lru_cache(maxsize=64)
def load_font(
    size: int, weight: int = REGULAR, face: FontFace | None = None
) -> ImageFont.FreeTypeFont:
    """The face at `size` pixels and `weight` (400 regular, 700 bold). A variable font is set to
    that weight; a static one uses its bold file when there is one. The basic layout engine is used
    on purpose: Chinese needs no shaping, and output must not depend on whether libraqm is there."""
    face = face or _default_face()
    path, index = face.path, face.index
    if weight >= BOLD and face.bold_path is not None:
        path, index = face.bold_path, face.bold_index
    font = ImageFont.truetype(str(path), size, index=index, layout_engine=ImageFont.Layout.BASIC)
    try:
        axes = font.get_variation_axes()
    except OSError:  # not a variable font
        return font
    values = []
    for axis in axes:
        name = axis.get("name") or b""
        label = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        values.append(float(weight) if "weight" in label.lower() else float(axis["default"] or 0))
    font.set_variation_by_axes(values)
    return font
