"""Viewing a page asks nothing of another host: every script, style, font and image a browser
would load from the built HTML and CSS is served by the site itself. Links a visitor clicks
(map navigation, the ICP registry) are fine; what loads by itself is not."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site_look import FULL, _themed_site

# One build, one server and one chromium for every browser test in the session.
pytest_plugins = ["browser.fixtures"]

_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)
# Only these link relations make the browser fetch the target by itself.
_LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest",
    "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
}  # fmt: skip
_SRC_TAGS = {
    "img",
    "script",
    "iframe",
    "frame",
    "audio",
    "video",
    "source",
    "track",
    "embed",
    "input",
}


def _external(url: str) -> bool:
    return bool(_EXTERNAL.match(url)) and not url.strip().lower().startswith("data:")


def css_loads(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _SRC_TAGS and "src" in a:
            self.urls.append(a["src"])
        if tag in {"img", "source"} and a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "video" and a.get("poster"):
            self.urls.append(a["poster"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        if tag == "link" and set(a.get("rel", "").lower().split()) & _LOADING_RELS:
            self.urls.append(a.get("href", ""))
        if tag in {"image", "use", "feimage"}:
            self.urls += [a[k] for k in ("href", "xlink:href") if a.get(k)]
        if a.get("style"):
            self.urls += css_loads(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_loads(data)


def html_loads(html: str) -> list[str]:
    parser = _Loads()
    parser.feed(html)
    return parser.urls


def external_loads(site: Path) -> list[str]:
    """`file: url` for every external URL a browser would load from the site's HTML and CSS."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            urls = html_loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            urls = css_loads(path.read_text(encoding="utf-8"))
        else:
            continue
        found += [f"{path.relative_to(site)}: {u}" for u in urls if _external(u)]
    return found


@pytest.mark.parametrize(
    ("html", "loaded"),
    [
        ('<img src="https://cdn.example/a.png" alt="">', ["https://cdn.example/a.png"]),
        ('<script src="//cdn.example/x.js"></script>', ["//cdn.example/x.js"]),
        (
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
            ["https://fonts.googleapis.com/css?family=Roboto"],
        ),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', ["https://fonts.gstatic.com"]),
        ('<img srcset="a.jpg 1x, https://x.example/b.jpg 2x" alt="">', ["https://x.example/b.jpg"]),
        (
            '<div style="background:url(https://x.example/bg.png)"></div>',
            ["https://x.example/bg.png"],
        ),
        ("<style>@import 'https://x.example/s.css';</style>", ["https://x.example/s.css"]),
        ('<svg><image href="https://x.example/i.png"/></svg>', ["https://x.example/i.png"]),
        ('<iframe src="https://map.example/embed"></iframe>', ["https://map.example/embed"]),
        # What a visitor clicks or a crawler reads is not loaded with the page.
        ('<a href="https://uri.amap.com/marker?position=1,2">导航</a>', []),
        ('<link rel="canonical" href="https://www.example/page/">', []),
        ('<link rel="alternate" type="application/rss+xml" href="https://www.example/f.xml">', []),
        ('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>', []),
        ('<meta property="og:image" content="https://www.example/card.png">', []),
        ('<img src="data:image/png;base64,AAAA" alt="">', []),
    ],
)
def test_scanner_finds_what_a_browser_would_load(html: str, loaded: list[str]) -> None:
    assert [u for u in html_loads(html) if _external(u)] == loaded


@pytest.mark.parametrize(
    ("css", "external"),
    [
        ("@font-face{src:url(https://fonts.gstatic.com/s/a.woff2)}", True),
        ('@import url("//cdn.example/x.css");', True),
        ("body{background:url(../img/bg.png)}", False),
        ("a{mask-image:url('data:image/svg+xml;charset=utf-8,<svg/>')}", False),
    ],
)
def test_css_scanner(css: str, external: bool) -> None:
    assert any(_external(u) for u in css_loads(css)) is external


def test_themed_small_site_loads_nothing_from_elsewhere(tmp_path: Path) -> None:
    site = _themed_site(tmp_path, FULL)
    assert external_loads(site) == []


@pytest.mark.slow
def test_sample_site_loads_nothing_from_elsewhere(built_site: Path) -> None:
    assert list(built_site.rglob("*.html")), "示例网站没有生成页面"
    assert external_loads(built_site) == []


@pytest.mark.slow
def test_every_image_on_the_sample_site_has_alt_text(built_site: Path) -> None:
    missing = []
    for page in sorted(built_site.rglob("*.html")):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            if not re.search(r'\salt="', tag):
                missing.append(f"{page.relative_to(built_site)}: {tag}")
    assert missing == []
