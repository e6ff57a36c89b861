"""Pixels: upright, sRGB, cropped, resized and encoded, with no metadata carried over.

Nothing from the source's EXIF, XMP, IPTC or ICC blocks is written out: every rendition is saved
from a fresh image that holds pixels only (colours are first converted to sRGB, the web's default,
so dropping the ICC profile does not shift them)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from fractions import Fraction

from PIL import Image, ImageCms, ImageOps

from congress.images.specs import JPEG_QUALITY, WEBP_METHOD, WEBP_QUALITY, KindSpec

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Encoded:
    width: int
    height: int
    webp: bytes
    jpeg: bytes


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert pixels described by an embedded ICC profile (Display P3 from phones, Adobe RGB,
    CMYK) to sRGB. A broken profile is ignored rather than failing the build."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", ""):
            return image
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )


def normalise(image: Image.Image) -> tuple[Image.Image, bool]:
    """Upright (EXIF orientation applied), sRGB, and RGB or RGBA. Returns the image and whether it
    has real transparency (an alpha channel that is opaque everywhere does not count)."""
    with contextlib.suppress(Exception):  # a malformed EXIF block: keep the picture as stored
        ImageOps.exif_transpose(image, in_place=True)
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        image = image.point(lambda v: v * (1 / 256)).convert("L")  # 16-bit PNG/TIFF
    image = _to_srgb(image)
    if _has_alpha(image):
        image = image.convert("RGBA")
        low, _ = image.getchannel("A").getextrema()
        if low == 255:
            return image.convert("RGB"), False
        return image, True
    return image.convert("RGB") if image.mode != "RGB" else image, False


def crop_box(
    width: int, height: int, aspect: Fraction | None, focus_y: float
) -> tuple[int, int, int, int]:
    """The largest box of `aspect` in the picture: centred across, placed at `focus_y` of the spare
    height when the picture is too tall (0.25 keeps the upper middle, where a face is)."""
    if aspect is None:
        return (0, 0, width, height)
    if Fraction(width, height) > aspect:  # too wide: trim both sides equally
        crop_w = round(height * aspect)
        left = (width - crop_w) // 2
        return (left, 0, left + crop_w, height)
    crop_h = min(height, round(width / aspect))
    top = round((height - crop_h) * focus_y)
    return (0, top, width, top + crop_h)


def target_widths(source_width: int, widths: tuple[int, ...]) -> list[int]:
    """The promised widths the source can fill, never enlarged; a source narrower than the widest
    one also gets a rendition at its own width, so no pixel it has is thrown away."""
    chosen = [w for w in widths if w <= source_width]
    if source_width < max(widths) and source_width not in chosen:
        chosen.append(source_width)
    return chosen


def _pixels_only(image: Image.Image) -> Image.Image:
    """A copy of the pixels with an empty info dict: no EXIF, XMP, ICC or comment can ride along."""
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    clean.info = {}
    return clean


def _on_white(image: Image.Image) -> Image.Image:
    white = Image.new("RGB", image.size, (255, 255, 255))
    white.paste(image, mask=image.getchannel("A"))
    return white


def encode(image: Image.Image, width: int, has_alpha: bool) -> Encoded:
    height = max(1, round(image.height * width / image.width))
    if (width, height) == image.size:
        resized = image
    else:
        resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    pixels = _pixels_only(resized)
    webp = io.BytesIO()
    pixels.save(webp, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD, exact=False)
    flat = _on_white(pixels) if has_alpha else pixels
    jpeg = io.BytesIO()
    flat.save(jpeg, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Encoded(width, height, webp.getvalue(), jpeg.getvalue())


def make_renditions(image: Image.Image, spec: KindSpec) -> tuple[list[Encoded], bool]:
    """Every rendition of a decoded picture for one kind, narrowest first, and its transparency."""
    upright, has_alpha = normalise(image)
    box = crop_box(upright.width, upright.height, spec.aspect, spec.focus_y)
    cropped = upright.crop(box) if box != (0, 0, upright.width, upright.height) else upright
    widths = target_widths(cropped.width, spec.widths)
    return [encode(cropped, w, has_alpha) for w in sorted(widths)], has_alpha
