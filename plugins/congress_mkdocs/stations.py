"""`congress-stations`: the station directory and one page per station."""

from __future__ import annotations

from congress.catalog import Catalog
from congress.render.environment import Rendered
from congress.render.station_pages import station_pages
from mkdocs.config.defaults import MkDocsConfig

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.shared import GeneratingPlugin


class StationsConfig(CatalogOptions):
    pass


class StationsPlugin(GeneratingPlugin):
    config_class = StationsConfig

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        return station_pages(catalog)
