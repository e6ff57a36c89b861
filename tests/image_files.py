"""What the image tests share: a phone photo's EXIF (with GPS) and a pipeline over a temporary
content folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress.images import ImagePipeline
from PIL import ExifTags, Image


def gps_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: orientation, maker, author and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Artist] = "张三"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 15.0, 10.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (120.0, 9.0, 33.0)
    return exif


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "images").mkdir(parents=True)
    return folder


@pytest.fixture
def pipeline(content: Path, tmp_path: Path) -> ImagePipeline:
    return ImagePipeline(content, tmp_path / ".cache" / "images")
