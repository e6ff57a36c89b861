"""`congress-deputies`: the deputy directory and one profile page per deputy."""

from __future__ import annotations

from congress.catalog import Catalog
from congress.render.deputy_pages import deputy_pages
from congress.render.environment import Rendered
from mkdocs.config.defaults import MkDocsConfig

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.shared import GeneratingPlugin


class DeputiesConfig(CatalogOptions):
    pass


class DeputiesPlugin(GeneratingPlugin):
    config_class = DeputiesConfig

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        return deputy_pages(catalog)
