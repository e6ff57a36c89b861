"""What a page offers for sharing: a QR code to its own address with a printable plaque (deputies
and stations, whose codes are posted on walls for years), and a share card with its Open Graph and
Twitter tags (deputies, stations and articles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from congress.catalog import Catalog
from congress.images.drawings import Drawing
from congress.images.safety import Where
from congress.render.urls import deputy_url, station_url

PLAQUE_NAME = "qr-plaque.png"
QR_NAME = "qr-code.svg"
QR_SIZE = 160  # CSS pixels; the SVG scales to any size
CARD_NAME = "share-card.png"
QR_CAPTION = "扫码访问本页"
PLAQUE_LINK = "下载二维码牌（A5，可打印）"
# The page templates mark where the code goes; without the images plugin the slot stays empty.
QR_SLOT = re.compile(r'<div class="cg-qr-slot"[^>]*>\s*</div>')
_ARTICLE_URL = re.compile(r"^news/[^/]+/$")


@dataclass(frozen=True)
class DataPage:
    """A deputy's or station's page, as the sharing code needs it."""

    url: str
    title: str  # what the plaque and card print: 李明代表, 东湖街道人大代表之家
    category: str  # the section the card names
    subtitle: str  # what the plaque says scanning does
    og_type: str
    photo: Where | None  # where `photo:` is written, for image messages


def data_pages(catalog: Catalog) -> dict[str, DataPage]:
    """Every deputy and station page by its site URL."""
    pages: dict[str, DataPage] = {}
    for kind, table in (("deputy", catalog.deputies), ("station", catalog.stations)):
        for item in table.values():
            origin = catalog.origins.get((kind, item.id))
            photo = None
            if origin is not None and item.photo:
                line, column = origin.doc.position((*origin.loc, "photo"))
                photo = Where(origin.doc.path, line, "photo", column)
            if kind == "deputy":
                url = deputy_url(item.id)
                pages[url] = DataPage(
                    url, f"{item.name}代表", "代表名单", "扫码查看代表履职信息", "profile", photo
                )
            else:
                url = station_url(item.id)
                pages[url] = DataPage(
                    url, item.name, "联络站", "扫码查看联络站信息和接待时间", "website", photo
                )
    return pages


def is_article_url(url: str) -> bool:
    return bool(_ARTICLE_URL.match(url))


def plaque_drawing(page: DataPage, absolute_url: str, site_name: str) -> Drawing:
    return Drawing("plaque", (absolute_url, site_name, page.title, page.subtitle))


def card_drawing(site_name: str, title: str, category: str) -> Drawing:
    return Drawing("card", (site_name, title, category))


def qr_drawing(absolute_url: str, title: str) -> Drawing:
    return Drawing("qr", (absolute_url, f"{title}的二维码：{absolute_url}"))


def qr_block_html(code: Drawing) -> str:
    """The code, its caption and the plaque link; the code and plaque sit beside the page, so a
    page is written without waiting for them to be drawn."""
    alt = escape(code.args[1], quote=True)
    return (
        '<figure class="cg-qr">'
        f'<img class="qr-code" src="{QR_NAME}" alt="{alt}" width="{QR_SIZE}" height="{QR_SIZE}"'
        ' loading="lazy">'
        f"<figcaption>{QR_CAPTION}</figcaption>"
        f'<a class="cg-qr__plaque" href="{PLAQUE_NAME}" download>{PLAQUE_LINK}</a>'
        "</figure>"
    )


def fill_qr_slot(page_html: str, code: Drawing) -> str:
    block = qr_block_html(code)
    return QR_SLOT.sub(lambda _: block, page_html, count=1)


def social_meta(
    *,
    title: str,
    description: str,
    page_url: str,
    image_url: str,
    og_type: str,
    site_name: str,
) -> str:
    """Open Graph and Twitter tags; every URL is absolute, as the crawlers require."""
    tags = [
        ("property", "og:site_name", site_name),
        ("property", "og:type", og_type),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", page_url),
        ("property", "og:image", image_url),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", title),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image_url),
    ]
    return "".join(
        f'<meta {attr}="{name}" content="{escape(value, quote=True)}">\n'
        for attr, name, value in tags
        if value
    )
