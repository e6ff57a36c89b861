"""MkDocs's sitemap.xml, with a page's lastmod only when the page has a day of its own (an
article's, see GeneratedPage.dated). MkDocs dates every page by the build: search engines were
told every page changed each day, and no two builds of the same content were alike."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig

SITEMAP = """\
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{%- for file in pages -%}
    {% if not file.page.is_link and (file.page.abs_url or file.page.canonical_url) %}
    <url>
         <loc>{% if file.page.canonical_url %}{{ file.page.canonical_url|e }}\
{% else %}{{ file.page.abs_url|e }}{% endif %}</loc>
         {% if file.page.dated %}<lastmod>{{ file.page.dated }}</lastmod>{% endif %}
    </url>
    {%- endif -%}
{% endfor %}
</urlset>
"""


def use_dated_sitemap(env: Environment, config: MkDocsConfig) -> None:
    """Unless the site's own theme folder has a sitemap.xml."""
    custom = config.theme.custom_dir
    if custom and (Path(custom) / "sitemap.xml").is_file():
        return
    env.loader = ChoiceLoader([DictLoader({"sitemap.xml": SITEMAP}), env.loader])  # type: ignore[list-item]
