"""A mistake in one file is reported once, in that file: the records that point at a deputy,
station, area or category whose own file has an error are not reported as pointing at nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from congress.site_check import check_site
from site_factory import TODAY
from test_article_site import GOOD, article_site

ARTICLE = GOOD.replace("plan_items: [2025-plan#3]\n", "")  # this site has no plans
CASES = [
    ("a deputy with a wrong value", "data/deputies/li-ming.yml", "gender: male", "gender: man", 3),
    (
        "a deputy file that is not YAML",
        "data/deputies/li-ming.yml",
        "name: 李明",
        'name: "李明',
        2,
    ),
    (
        "a station missing a field",
        "data/stations/east-home.yml",
        "head: 王敏（街道人大工委主任）\n",
        "",
        1,
    ),
    ("an area list that is not YAML", "data/areas.yml", "name: 示范市", 'name: "示范市', 2),
    ("an area with a wrong kind", "data/areas.yml", "kind: subdistrict", "kind: street", 10),
    ("a category list that is not YAML", "data/categories.yml", "name: 要闻", 'name: "要闻', 3),
]


@pytest.mark.parametrize(("case", "file", "old", "new", "line"), CASES, ids=[c[0] for c in CASES])
def test_a_mistake_is_reported_once_where_it_is(
    tmp_path: Path, case: str, file: str, old: str, new: str, line: int
) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": ARTICLE})
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = [p for p in check_site(root, dt.date.fromisoformat(TODAY)) if p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [(file, line)], "\n".join(map(str, errors))


def test_an_empty_category_list_is_one_problem(tmp_path: Path) -> None:
    root = article_site(tmp_path, {"2025-03-15-visit.md": ARTICLE, "2025-03-16-b.md": ARTICLE})
    (root / "data" / "categories.yml").write_text("[]\n", encoding="utf-8")
    errors = [p for p in check_site(root, dt.date.fromisoformat(TODAY)) if p.severity == "error"]
    assert [p.path for p in errors] == ["data/categories.yml"], "\n".join(map(str, errors))
