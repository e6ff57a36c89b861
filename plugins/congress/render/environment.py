"""The Jinja2 environment for generated pages: autoescape on, helpers for dates and links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from congress.render.markdown_text import markdown_to_html


@dataclass(frozen=True)
class Rendered:
    """One generated page: where it lives, its title as plain text, and its body HTML."""

    url: str
    title: str
    html: str
    description: str = ""
    searchable: bool = True
    """False for a list's later pages: they hold only what the pages they list hold, and what
    they hold moves whenever an item is added, so site search leaves them out."""
    dated: str = ""
    """The day the page is of (an article's), as the sitemap gives it; empty when it has none."""

    @property
    def src_uri(self) -> str:
        """The Markdown path MkDocs would have read this page from: `deputies/x/index.md`."""
        return f"{self.url}index.md"


def chinese_date(value: date | None) -> str:
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def year_month(value: str) -> str:
    year, month = value.split("-")
    return f"{year}年{int(month)}月"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("congress.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["chinese_date"] = chinese_date
    env.filters["year_month"] = year_month
    env.filters["markdown"] = lambda text: Markup(markdown_to_html(text))
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
