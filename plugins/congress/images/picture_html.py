"""The `<picture>` element for an ImageSet: WebP for browsers that take it, JPEG for the rest, every
width offered so a phone downloads a small file, and the size reserved so the page does not jump."""

from __future__ import annotations

from html import escape

from congress.images.image_set import ImageSet, Rendition

DEFAULT_SIZES = "(max-width: 48em) 100vw, 48em"


def _url(prefix: str, rendition: Rendition) -> str:
    return f"{prefix.rstrip('/')}/{rendition.name}" if prefix else rendition.name


def _srcset(prefix: str, renditions: list[Rendition]) -> str:
    return ", ".join(f"{_url(prefix, r)} {r.width}w" for r in renditions)


def picture_html(
    image_set: ImageSet,
    url_prefix: str,
    *,
    alt: str,
    sizes: str = DEFAULT_SIZES,
    above_the_fold: bool = False,
    css_class: str | None = None,
) -> str:
    """`url_prefix` is where the renditions are published ("/images", "../../images", or an
    absolute URL for feeds). `alt` describes the picture for screen readers ("" for decoration).
    A picture seen without scrolling loads at once with high priority; any other lazily."""
    webp = image_set.of_format("webp")
    jpeg = image_set.of_format("jpeg")
    sizes_attr = escape(sizes, quote=True)
    loading = 'loading="eager" fetchpriority="high"' if above_the_fold else 'loading="lazy"'
    class_attr = f' class="{escape(css_class, quote=True)}"' if css_class else ""
    return (
        "<picture>"
        f'<source type="image/webp" srcset="{escape(_srcset(url_prefix, webp), quote=True)}"'
        f' sizes="{sizes_attr}">'
        f'<img src="{escape(_url(url_prefix, image_set.fallback), quote=True)}"'
        f' srcset="{escape(_srcset(url_prefix, jpeg), quote=True)}" sizes="{sizes_attr}"'
        f' width="{image_set.width}" height="{image_set.height}"'
        f' alt="{escape(alt, quote=True)}"{class_attr} {loading} decoding="async">'
        "</picture>"
    )
