"""`congress-open-data`: the directories as downloadable JSON, CSV and GeoJSON under /data/."""

from __future__ import annotations

from congress.catalog import Catalog
from congress.open_data import open_data_files
from congress.render.environment import Rendered
from congress.render.open_data_page import open_data_page
from mkdocs.config.defaults import MkDocsConfig

from congress_mkdocs.shared import GeneratingPlugin, site_url


class OpenDataPlugin(GeneratingPlugin):
    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        paths = sorted(open_data_files(catalog, site_url(config)))
        return [open_data_page(paths, config.site_name)]

    def generate_files(self, catalog: Catalog, config: MkDocsConfig) -> dict[str, bytes]:
        return open_data_files(catalog, site_url(config))
