"""Options every congress plugin reads, so all of them load the same catalog."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogOptions(Config):
    data_dir = c.Type(str, default="data")
    """Folder of YAML data, relative to mkdocs.yml."""

    today = c.Optional(c.Type(str))
    """ISO date to treat as today (for tests and previews of a future date); default: today in
    Asia/Shanghai."""
