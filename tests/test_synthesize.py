"""The benchmark's synthetic site: valid content by the project's own checks, the same bytes for
the same seed, and articles of the length the benchmark claims."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from congress.articles import load_articles
from congress.catalog import load_catalog
from congress.plans.loader import load_plans
from congress.problems import Severity

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from synthesize import synthesize  # noqa: E402

SIZE = {"deputies": 30, "stations": 8, "articles": 20, "plans": 2}


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "site"
    synthesize(out, seed=7, **SIZE)
    return out


def test_content_passes_the_project_checks(site: Path) -> None:
    catalog, problems = load_catalog(site, date(2026, 1, 1))
    assert [str(p) for p in problems if p.severity is Severity.error] == []
    plans, plan_problems = load_plans(site, site / "content")
    assert plan_problems == [] and len(plans) == SIZE["plans"]
    articles, article_problems = load_articles(
        site,
        catalog,
        content_dir=site / "content",
        categories_file=site / "data/categories.yml",
        plans={slug: {item.number for item in plan.items} for slug, plan in plans.items()},
    )
    assert [str(p) for p in article_problems] == []
    assert len(catalog.deputies) == SIZE["deputies"]
    assert len(catalog.stations) == SIZE["stations"]
    assert len(articles) == SIZE["articles"]


def test_articles_are_about_1500_chinese_characters(site: Path) -> None:
    for path in (site / "content/news").glob("*.md"):
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        han = len(re.findall(r"[\u4e00-\u9fff]", body))
        assert 1300 <= han <= 2200, (path.name, han)


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path, site: Path) -> None:
    synthesize(tmp_path / "again", seed=7, **SIZE)
    assert _files(tmp_path / "again") == _files(site)
    synthesize(tmp_path / "other", seed=8, **SIZE)
    assert _files(tmp_path / "other") != _files(site)


def test_config_uses_the_repository_theme_and_every_project_plugin(site: Path) -> None:
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"custom_dir: {ROOT / 'overrides'}" in config
    for plugin in (
        "congress-deputies",
        "congress-stations",
        "congress-articles",
        "congress-search",
    ):
        assert f"- {plugin}" in config, plugin


def test_the_plain_baseline_is_a_material_blog_with_a_page_per_article(
    site: Path, tmp_path: Path
) -> None:
    from bench import _plain_site
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = _plain_site(site, tmp_path / "plain")
    build(load_config(str(config), site_dir=str(tmp_path / "built")))
    posts = sorted((tmp_path / "built" / "blog").glob("*/*/*/*/index.html"))
    articles = [p for p in (site / "content" / "news").glob("*.md") if p.name != "index.md"]
    assert sorted(p.parent.name for p in posts) == sorted(a.stem for a in articles)
    first = articles[0].read_text(encoding="utf-8").split("---\n", 2)[2].strip().split("\n")[0]
    assert any(first[:30] in p.read_text(encoding="utf-8") for p in posts)
    assert (tmp_path / "built" / "blog" / "category").is_dir()
