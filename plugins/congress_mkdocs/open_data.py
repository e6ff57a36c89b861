"""`congress-open-data`: the directories as downloadable JSON, CSV and GeoJSON under /data/, and
the sitemap crawlers read split into files of at most 50,000 URLs once the site outgrows one."""

from __future__ import annotations

import gzip
from pathlib import Path

from congress.catalog import Catalog
from congress.open_data import open_data_files
from congress.render.environment import Rendered
from congress.render.open_data_page import open_data_page
from congress.sitemaps import split_sitemap
from mkdocs.config.defaults import MkDocsConfig

from congress_mkdocs.shared import GeneratingPlugin, site_url


class OpenDataPlugin(GeneratingPlugin):
    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        paths = sorted(open_data_files(catalog, site_url(config)))
        return [open_data_page(paths, config.site_name)]

    def generate_files(self, catalog: Catalog, config: MkDocsConfig) -> dict[str, bytes]:
        return open_data_files(catalog, site_url(config))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        super().on_post_build(config=config)
        site = Path(config.site_dir)
        sitemap = site / "sitemap.xml"
        if not sitemap.is_file():
            return
        for name, content in split_sitemap(sitemap.read_bytes(), site_url(config)).items():
            (site / name).write_bytes(content)
            # MkDocs writes sitemap.xml.gz beside sitemap.xml; the index keeps it so.
            if name == "sitemap.xml":
                (site / "sitemap.xml.gz").write_bytes(gzip.compress(content, mtime=0))
