"""Pictures: photo renditions with metadata stripped, QR codes and plaques, share cards.

Everything here is core: it takes paths and text, returns results and Problems, and never imports
MkDocs."""

from congress.images.fonts import FontNotFoundError, find_cjk_font
from congress.images.image_set import ImageSet, Rendition
from congress.images.picture_html import picture_html
from congress.images.pipeline import ImagePipeline, ImageRequest, PipelineStats, process_image
from congress.images.plaque import qr_plaque_png
from congress.images.qr import qr_svg
from congress.images.safety import Where
from congress.images.share_card import share_card_png
from congress.images.web_copy import UnusableImage, web_original

__all__ = [
    "FontNotFoundError",
    "ImagePipeline",
    "ImageRequest",
    "ImageSet",
    "PipelineStats",
    "Rendition",
    "UnusableImage",
    "Where",
    "find_cjk_font",
    "picture_html",
    "process_image",
    "qr_plaque_png",
    "qr_svg",
    "share_card_png",
    "web_original",
]
