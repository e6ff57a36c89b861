"""URLs inside feed HTML: relative ones resolved, everything else left exactly as it was."""

from __future__ import annotations

import pytest
from congress.articles import absolutize, relocate

BASE = "https://site.example/news/2025-03-15-visit/"

CASES = [
    (
        '<img src="../../images/a.jpg" alt="图">',
        '<img src="https://site.example/images/a.jpg" alt="图">',
    ),
    ('<a href="../other/">另一篇</a>', '<a href="https://site.example/news/other/">另一篇</a>'),
    (
        '<a href="#part">小节</a>',
        '<a href="https://site.example/news/2025-03-15-visit/#part">小节</a>',
    ),
    (
        '<a href="https://example.org/x?a=1&amp;b=2">外链</a>',
        '<a href="https://example.org/x?a=1&amp;b=2">外链</a>',
    ),
    ('<a href="mailto:rd@site.example">来信</a>', '<a href="mailto:rd@site.example">来信</a>'),
    (
        '<img src="a.png" srcset="a.png 1x, b.png 2x" />',
        '<img src="https://site.example/news/2025-03-15-visit/a.png" srcset="https://site.example/news/2025-03-15-visit/a.png 1x, https://site.example/news/2025-03-15-visit/b.png 2x" />',
    ),
    (
        "<p>A &amp; B &#8212; 代表&nbsp;之家</p><!-- 注释 --><br>",
        "<p>A &amp; B &#8212; 代表&nbsp;之家</p><!-- 注释 --><br>",
    ),
    ('<p class="note" id="x">无链接</p>', '<p class="note" id="x">无链接</p>'),
    (
        '<pre><code>&lt;img src="x.jpg"&gt;</code></pre>',
        '<pre><code>&lt;img src="x.jpg"&gt;</code></pre>',
    ),
    # Attribute names in any case, with space around "=", as an editor's own HTML may have them.
    ('<A HREF = "../other/">另一篇</A>', '<a href="https://site.example/news/other/">另一篇</a>'),
    (
        '<img\nSrcSet="a.png 2x">',
        '<img srcset="https://site.example/news/2025-03-15-visit/a.png 2x">',
    ),
    (
        '<object data ="x.svg"></object>',
        '<object data="https://site.example/news/2025-03-15-visit/x.svg"></object>',
    ),
    # Attributes that follow a quote or "/" with no space between, as HTML parsers read them.
    (
        '<a title="x"href="../other/">另一篇</a>',
        '<a title="x" href="https://site.example/news/other/">另一篇</a>',
    ),
    ('<img/src="a.png">', '<img src="https://site.example/news/2025-03-15-visit/a.png">'),
    (
        "<img alt='图'src=a.png>",
        '<img alt="图" src="https://site.example/news/2025-03-15-visit/a.png">',
    ),
    # No attribute that holds a URL: the fragment as it was, even its odd spelling.
    ("<P>代表 metadata 与 src 的说明</P >", "<P>代表 metadata 与 src 的说明</P >"),
]


@pytest.mark.parametrize(("fragment", "expected"), CASES)
def test_absolutize(fragment: str, expected: str) -> None:
    assert absolutize(fragment, BASE) == expected


@pytest.mark.parametrize(
    ("source", "page", "url", "expected"),
    [
        ("news/a.md", "news/a-slug/", "../images/x.jpg", "../../images/x.jpg"),
        ("news/2025/a.md", "news/a-slug/", "../../images/x.jpg", "../../images/x.jpg"),
        ("news/a.md", "news/a-slug/", "b.md#part", "../b.md#part"),
        ("news/a.md", "news/a-slug/", "#part", "#part"),
        ("news/a.md", "news/a-slug/", "https://example.org/", "https://example.org/"),
    ],
)
def test_relocate_from_source_file_to_page(source: str, page: str, url: str, expected: str) -> None:
    assert relocate(f'<a href="{url}">x</a>', source, page) == f'<a href="{expected}">x</a>'
