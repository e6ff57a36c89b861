"""JSON Schemas generated from the models, so an editor's YAML editor completes and checks fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from congress.articles.model import Category
from congress.catalog import LISTS
from congress.models import Deputy, Station

SCHEMA_DIR = "schema"


def _one(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["title"] = title
    return schema


def _many(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
    schema["title"] = title
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """File name under schema/ to schema document."""
    out = {
        "deputy.schema.json": _one(Deputy, "人大代表"),
        "station.schema.json": _one(Station, "联络站"),
    }
    for kind, (file_name, model, _) in LISTS.items():
        out[f"{kind}-list.schema.json"] = _many(model, file_name)
    out["category-list.schema.json"] = _many(Category, "categories.yml")
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Names of committed schema files that differ from what the models generate."""
    folder = root / SCHEMA_DIR
    return [
        name
        for name, schema in schemas().items()
        if not (folder / name).is_file()
        or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]
