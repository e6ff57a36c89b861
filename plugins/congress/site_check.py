"""Every content check a build runs, without building: data, plans and articles together, so an
editor sees all problems of a change at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from congress.articles import load_articles
from congress.articles.categories import CATEGORIES_FILE
from congress.catalog import load_catalog
from congress.plans import item_numbers, load_plans
from congress.problems import Problem


def check_site(root: Path, today: date) -> list[Problem]:
    """Problems in `root/data` and `root/content`, sorted by file and line."""
    content_dir = root / "content"
    catalog, problems = load_catalog(root, today, docs_dir=content_dir)
    plans, found = load_plans(root, content_dir)
    problems += found
    # Always: a site without news/ still has pages where a misplaced article would be published.
    _, found = load_articles(
        root,
        catalog,
        content_dir=content_dir,
        categories_file=root / "data" / CATEGORIES_FILE,
        plans=item_numbers(plans),
    )
    problems += found
    return sorted(problems)
