"""data/categories.yml: the article categories (栏目), declared once and referenced by id."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from congress.articles.model import Category
from congress.messages import validation_problems
from congress.problems import Problem
from congress.yaml_source import read_yaml

CATEGORIES_FILE = "categories.yml"
"""In the site's data/ folder."""


def display_path(file: Path, root: Path) -> str:
    """A path as problems show it: relative to the site root when inside it."""
    try:
        return file.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def load_categories(categories_file: Path, root: Path) -> tuple[dict[str, Category], list[Problem]]:
    """Categories by id, in file order (the order menus show them)."""
    display = display_path(categories_file, root)
    if not categories_file.is_file():
        return {}, [
            Problem(display, 1, 1, "", "缺少栏目文件：应列出每个栏目的 id、name、description")
        ]
    doc, problems = read_yaml(categories_file, display)
    if doc is None:
        return {}, problems
    if not isinstance(doc.data, list):
        return {}, [*problems, doc.problem((), "应为列表，每项以“- id: …”开头")]
    categories: dict[str, Category] = {}
    lines: dict[str, int] = {}
    for i, data in enumerate(doc.data):
        if not isinstance(data, dict):
            problems.append(doc.problem((i,), "应为若干“字段: 值”组成的映射"))
            continue
        try:
            category = Category.model_validate(data)
        except ValidationError as exc:
            problems.extend(validation_problems(doc, Category, exc, (i,)))
            continue
        if category.id in categories:
            problems.append(
                doc.problem(
                    (i, "id"),
                    f"栏目编号“{category.id}”重复，已在第 {lines[category.id]} 行使用；编号必须唯一",
                )
            )
            continue
        categories[category.id] = category
        lines[category.id] = doc.position((i, "id"))[0]
    return categories, problems


def category_refusal(category: str, root: Path) -> str | None:
    """Why a new article cannot be filed under `category` in the site at `root`, in Chinese;
    None when it can."""
    file = root / "data" / CATEGORIES_FILE
    categories, problems = load_categories(file, root)
    if category in categories:
        return None
    if not categories:
        reasons = "；".join(p.message for p in problems) or "文件中没有栏目"
        return f"无法读取栏目列表 {file}（{reasons}）。请在网站目录中运行，或检查该文件。"
    known = category_choices(categories)
    return f"没有栏目“{category}”。data/{CATEGORIES_FILE} 中的栏目有：{known}；请用 --category 指定其中之一。"


def category_choices(categories: dict[str, Category]) -> str:
    """The categories as an editor chooses among them: `news（要闻）、stories（代表风采）`."""
    return "、".join(f"{c.id}（{c.name}）" for c in categories.values())
