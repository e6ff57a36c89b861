"""Small sites with photos and the `congress-images` plugin, for the image site tests."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from image_files import gps_exif
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from PIL import Image, ImageDraw
from site_factory import DEPUTY, FORMER, STATION, TODAY, write_site

RED = (255, 0, 0)
SITE_URL = "https://test.example/"
# Line numbers matter: the error tests point at them (the photo is line 9 of the deputy's file).
DEPUTY_WITH_PHOTO = DEPUTY.replace(
    "status: current\n", "status: current\nphoto: images/deputies/li-ming.jpg\n"
)
STATION_WITH_PHOTO = STATION.replace(
    "opened_on:", "photo: images/stations/east-home.png\nopened_on:"
)


def camera_photo(
    path: Path, size: tuple[int, int], *, orientation: int = 1, marker: bool = False
) -> Path:
    """A JPEG as a phone writes it: GPS in the EXIF, and the pixels stored sideways when
    `orientation` says so. `marker` puts a red square in the stored top-left corner."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] // 3, size[1] // 3, size[0] // 2, size[1] // 2), fill=(40, 90, 160))
    if marker:
        draw.rectangle((0, 0, size[0] // 8, size[1] // 8), fill=RED)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=gps_exif(orientation), quality=90)
    return path


def png_with_alpha(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    image = Image.new("RGBA", size, (0, 0, 255, 0))
    ImageDraw.Draw(image).rectangle((100, 100, 500, 400), fill=(200, 30, 30, 200))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")
    return path


def image_site(
    root: Path,
    *,
    pages: dict[str, str] | None = None,
    deputy: str = DEPUTY_WITH_PHOTO,
    station: str = STATION_WITH_PHOTO,
    max_workers: int | None = 1,
) -> Path:
    """The site_factory site with `congress-images` listed after the other plugins, a rotated
    GPS-tagged portrait, a station PNG with transparency, and the given Markdown pages."""
    write_site(
        root, deputies={"li-ming": deputy, "zhao-lan": FORMER}, stations={"east-home": station}
    )
    content = root / "content"
    camera_photo(content / "images/deputies/li-ming.jpg", (1600, 1200), orientation=6, marker=True)
    png_with_alpha(content / "images/stations/east-home.png")
    for name, text in (pages or {}).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    options = f'  - congress-images:\n      today: "{TODAY}"\n'
    if max_workers is not None:
        options += f"      max_workers: {max_workers}\n"
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("nav:", options + "nav:", 1), "utf-8")
    return root


def build_site(root: Path) -> Any:
    """Build strictly; returns the images plugin, whose counters say what the build did."""
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    mkdocs_build(config)
    return config.plugins["congress-images"]


def failing_build(root: Path) -> str:
    """Build a site that must fail; returns what MkDocs logged."""
    messages: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            build_site(root)
    finally:
        logger.removeHandler(handler)
    return "\n".join(messages)


def main_html(html_file: Path) -> str:
    html = html_file.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]
