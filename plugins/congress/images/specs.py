"""What each kind of picture becomes: crop, widths and encoder settings.

Changing anything here that alters the pixels or bytes of a rendition must bump PIPELINE_VERSION, so
every cached rendition is made again under a new, content-addressed name."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

PIPELINE_VERSION = 1

Kind = Literal["portrait", "photo", "cover"]

# Refuse pictures above this many pixels before decoding them (a decompression bomb is a small
# file that claims a huge canvas). 80 MP is above any phone or camera photo an office sends.
MAX_PIXELS = 80_000_000

WEBP_QUALITY = 80
WEBP_METHOD = 4
JPEG_QUALITY = 82


@dataclass(frozen=True)
class KindSpec:
    """aspect: width/height of the crop (None keeps the photo's own shape);
    focus_y: where the crop sits when the photo is too tall, 0 = top, 0.5 = centre."""

    widths: tuple[int, ...]
    aspect: Fraction | None
    focus_y: float

    def params(self) -> str:
        """Every setting that shapes the output, for the cache key."""
        aspect = (
            "free" if self.aspect is None else f"{self.aspect.numerator}:{self.aspect.denominator}"
        )
        return (
            f"v{PIPELINE_VERSION}|w={','.join(map(str, self.widths))}|a={aspect}|y={self.focus_y}"
            f"|webp={WEBP_QUALITY},{WEBP_METHOD}|jpeg={JPEG_QUALITY}"
        )


KINDS: dict[str, KindSpec] = {
    # A deputy's photo: 3:4, cut from the upper middle, where the face is.
    "portrait": KindSpec(widths=(240, 480, 960), aspect=Fraction(3, 4), focus_y=0.25),
    # A news or story photo keeps its shape.
    "photo": KindSpec(widths=(320, 640, 1280), aspect=None, focus_y=0.5),
    # An article's cover: 16:9 from the centre, so lists of stories line up.
    "cover": KindSpec(widths=(320, 640, 1280), aspect=Fraction(16, 9), focus_y=0.5),
}


def spec_for(kind: str) -> KindSpec:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown image kind {kind!r}; expected one of {sorted(KINDS)}") from None
