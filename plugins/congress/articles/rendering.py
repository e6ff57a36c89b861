"""Article bodies as HTML without MkDocs (feeds in tests, other generators). Relative links and
images are rewritten from the Markdown file's folder to the article page /news/<slug>/."""

from __future__ import annotations

import markdown

from congress.articles.absolute_urls import relocate
from congress.articles.model import Article

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "sane_lists"]


def article_html(article: Article) -> str:
    html = markdown.markdown(article.body, extensions=EXTENSIONS, output_format="html")
    return relocate(html, article.content_path, article.url)
