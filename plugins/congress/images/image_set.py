"""The renditions made from one source picture, as the rest of the build sees them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEDIA_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg"}
SUFFIXES = {"webp": ".webp", "jpeg": ".jpg"}


@dataclass(frozen=True)
class Rendition:
    name: str  # content-addressed file name, e.g. 3f2a9c1b0d4e5f60-640.webp
    width: int
    height: int
    format: str  # "webp" or "jpeg"
    path: Path  # the file in the cache; copy it to the site under `name`

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@dataclass(frozen=True)
class ImageSet:
    key: str  # hash of the source's bytes and every rendition parameter
    kind: str
    source: str  # the reference as the editor wrote it, for messages
    width: int  # the largest rendition's size: the picture's intrinsic size on the page
    height: int
    has_alpha: bool
    renditions: tuple[Rendition, ...]
    from_cache: bool  # True when this build did no image work for it

    def of_format(self, fmt: str) -> list[Rendition]:
        """Renditions of one format, narrowest first."""
        return sorted((r for r in self.renditions if r.format == fmt), key=lambda r: r.width)

    @property
    def fallback(self) -> Rendition:
        """The JPEG for `<img src>`: the one closest to 640 px wide, which suits most screens."""
        return min(self.of_format("jpeg"), key=lambda r: (abs(r.width - 640), -r.width))

    def manifest(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "width": self.width,
            "height": self.height,
            "has_alpha": self.has_alpha,
            "renditions": [
                {"name": r.name, "width": r.width, "height": r.height, "format": r.format}
                for r in self.renditions
            ],
        }

    @classmethod
    def from_manifest(
        cls, manifest: dict[str, Any], files_dir: Path, *, source: str, from_cache: bool
    ) -> ImageSet:
        renditions = tuple(
            Rendition(r["name"], r["width"], r["height"], r["format"], files_dir / r["name"])
            for r in manifest["renditions"]
        )
        return cls(
            key=manifest["key"],
            kind=manifest["kind"],
            source=source,
            width=manifest["width"],
            height=manifest["height"],
            has_alpha=manifest["has_alpha"],
            renditions=renditions,
            from_cache=from_cache,
        )
