"""The committed JSON Schemas match the models, and every data file points its editor at one."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress.catalog import LISTS
from congress.schema import stale_schemas

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_are_current() -> None:
    stale = stale_schemas(ROOT)
    assert stale == [], f"schema/ is stale: run `make schema` and commit ({', '.join(stale)})"


def test_a_changed_model_makes_the_schema_stale(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "deputy.schema.json").write_text("{}\n", encoding="utf-8")
    assert "deputy.schema.json" in stale_schemas(tmp_path)


def _data_files() -> list[Path]:
    return sorted((ROOT / "data").rglob("*.yml"))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_data_file_names_its_schema_on_the_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), first
    schema = (path.parent / first.removeprefix(prefix)).resolve()
    assert schema.is_file() and schema.parent == ROOT / "schema"
    lists = {file_name: f"{kind}-list" for kind, (file_name, _, _) in LISTS.items()}
    lists["categories.yml"] = "category-list"
    expected = {"deputies": "deputy", "stations": "station"}.get(
        path.parent.name, lists.get(path.name)
    )
    assert schema.name == f"{expected}.schema.json"
