"""Opening an untrusted picture: a whitelist of formats, a pixel limit checked before decoding, and
every decoder failure turned into a plain reason instead of a traceback."""

from __future__ import annotations

import importlib
import io
import warnings
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from PIL import Image

# MPO is how Pillow names the multi-picture JPEGs many phones write.
ALLOWED_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "GIF", "TIFF", "BMP", "HEIF", "AVIF")
HEIF_SUFFIXES = (".heic", ".heif", ".hif")


class Failure(StrEnum):
    """Why a file gave no picture; pipeline.py words each one for the editor."""

    not_an_image = "not_an_image"
    corrupt = "corrupt"
    too_large = "too_large"
    heif_unsupported = "heif_unsupported"


@dataclass(frozen=True)
class Opened:
    image: Image.Image | None
    failure: Failure | None = None
    detail: str = ""


_heif_state: bool | None = None


def heif_supported() -> bool:
    """Register a HEIC/HEIF decoder with Pillow once: pillow-heif, or its decode-only sibling
    pi-heif. False when neither is installed."""
    global _heif_state
    if _heif_state is None:
        for module in ("pillow_heif", "pi_heif"):
            try:
                importlib.import_module(module).register_heif_opener()
            except ImportError:
                continue
            _heif_state = True
            break
        else:
            _heif_state = False
    return _heif_state


def _registered_formats() -> list[str]:
    """The allowed formats this Pillow can open (AVIF and HEIF depend on how it was built)."""
    Image.init()
    return [name for name in ALLOWED_FORMATS if name in Image.OPEN]


def draft_size(width: int, aspect: Fraction | None) -> int:
    """The smallest side a decoded picture needs so the widest rendition can still be cut from it."""
    if aspect is None or aspect >= 1:
        return width
    return -(-width * aspect.denominator // aspect.numerator)


def open_image(
    data: bytes, *, suffix: str, max_pixels: int, need_side: int | None = None
) -> Opened:
    """Decode `data` fully. `need_side` lets a JPEG decode at 1/2, 1/4 or 1/8 scale (far faster and
    smaller) as long as both sides stay at least that long."""
    if suffix.lower() in HEIF_SUFFIXES and not heif_supported():
        return Opened(None, Failure.heif_unsupported)
    heif_supported()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=_registered_formats())
    except Image.DecompressionBombError:
        return Opened(None, Failure.too_large)
    except Image.UnidentifiedImageError:
        return Opened(None, Failure.not_an_image)
    except Exception as exc:  # a decoder may raise almost anything on hostile input
        return Opened(None, Failure.corrupt, type(exc).__name__)
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        return Opened(None, Failure.too_large, f"{width}×{height}")
    try:
        if need_side and image.format in ("JPEG", "MPO"):
            # Orientation may swap the sides, so ask for both sides to stay long enough.
            image.draft(image.mode, (need_side, need_side))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
    except Exception as exc:
        image.close()
        return Opened(None, Failure.corrupt, type(exc).__name__)
    if image.width == 0 or image.height == 0:
        return Opened(None, Failure.corrupt, "empty")
    return Opened(image)
