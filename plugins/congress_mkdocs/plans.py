"""`congress-plans`: /plans/ and one page per plan from content/plans/<slug>.md, with each item's
落实情况 taken from the public articles that declare `plan_items`."""

from __future__ import annotations

from collections.abc import Hashable

from congress.catalog import Catalog
from congress.plans.pages import plan_pages
from congress.plans.tracking import reports_by_item
from congress.render.environment import Rendered
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from congress_mkdocs.options import CatalogOptions
from congress_mkdocs.preview import Identity
from congress_mkdocs.shared import (
    GeneratingPlugin,
    add_asset_files,
    add_assets,
    now,
    shared_articles,
    shared_plans,
)

PLAN_ASSETS = {
    "assets/congress/plan.css": "plan.css",
    "assets/congress/plan-copy-link.js": "plan-copy-link.js",
}


class PlansConfig(CatalogOptions):
    pass


class PlansPlugin(GeneratingPlugin):
    config_class = PlansConfig

    def inputs(self, catalog: Catalog, config: MkDocsConfig) -> Hashable | None:
        return self.list_inputs(catalog, config), Identity(shared_plans(config))

    def generate(self, catalog: Catalog, config: MkDocsConfig) -> list[Rendered]:
        plans = shared_plans(config)
        articles = shared_articles(config, self.config).public(now(self.config))
        return plan_pages(plans, reports_by_item(plans, articles))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        super().on_config(config)
        add_assets(config, PLAN_ASSETS)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        files = super().on_files(files, config=config)
        # The plan sources are read by the loader above; MkDocs must not also publish them raw.
        for file in list(files):
            if (
                file.generated_by is None
                and file.src_uri.startswith("plans/")
                and file.src_uri.endswith(".md")
            ):
                files.remove(file)
        add_asset_files(config, files, PLAN_ASSETS)
        return files
