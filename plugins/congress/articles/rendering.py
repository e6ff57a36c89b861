"""Article bodies as HTML without MkDocs (feeds in tests, other generators). Relative links and
images are rewritten from the Markdown file's folder to the article page /news/<slug>/."""

from __future__ import annotations

import markdown

from congress.articles.absolute_urls import relocate
from congress.articles.model import Article

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "sane_lists"]
# One converter, reset for each body: building one costs more than most conversions.
_MD = markdown.Markdown(extensions=EXTENSIONS, output_format="html")


def body_html(body: str, content_path: str, url: str) -> str:
    """The Markdown `body` of the file at `content_path` as HTML for the page at `url`."""
    _MD.reset()
    return relocate(_MD.convert(body), content_path, url)


def article_html(article: Article) -> str:
    return body_html(article.body, article.content_path, article.url)
