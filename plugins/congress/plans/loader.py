"""Read every plan under content/plans/, check it, and collect every problem before failing."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from congress.articles.categories import display_path
from congress.articles.front_matter import parse_front_matter
from congress.articles.model import ArticleStatus
from congress.messages import validation_problems
from congress.models import ID_HINT, ID_PATTERN
from congress.plans.body import read_body
from congress.plans.model import PLANS_DIR, Plan, PlanFrontMatter
from congress.problems import Problem, has_errors

_SLUG = re.compile(ID_PATTERN)


def load_plan(file: Path, root: Path) -> tuple[Plan | None, list[Problem]]:
    display = display_path(file, root)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, 1, 1, "", "文件不是 UTF-8 编码，请另存为 UTF-8")]
    problems: list[Problem] = []
    if not _SLUG.match(file.stem):
        message = f"文件名“{file.stem}”就是计划的网址名，应为{ID_HINT}，如 2025-deputy-work-plan"
        problems.append(Problem(display, 1, 1, "", message))
    parsed, found = parse_front_matter(text, display)
    problems += found
    body, found = read_body(parsed.body, parsed.body_line, display)
    problems += found
    header = parsed.header
    if header is None:
        return None, problems
    if not isinstance(header.data, dict):
        return None, [*problems, header.problem((), "文件头应为若干“字段: 值”")]
    try:
        front = PlanFrontMatter.model_validate(header.data)
    except ValidationError as exc:
        return None, problems + validation_problems(header, PlanFrontMatter, exc)
    if has_errors(problems):
        return None, problems
    return Plan(file.stem, front, body, display), problems


def load_plans(
    root: Path, content_dir: Path, *, drafts: bool = False
) -> tuple[dict[str, Plan], list[Problem]]:
    """Every `*.md` directly in `content_dir/plans/` except `index.md`, by slug (the file stem).
    A plan with an error is left out, and a draft unless `drafts` (an editor's preview); all
    problems are returned, sorted, paths relative to `root`."""
    folder = content_dir / PLANS_DIR
    files = (
        sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []
    )
    plans: dict[str, Plan] = {}
    problems: list[Problem] = []
    for file in files:
        plan, found = load_plan(file, root)
        problems += found
        if plan is not None and (drafts or plan.front.status is ArticleStatus.published):
            plans[plan.slug] = plan
    return plans, sorted(problems)


def item_numbers(plans: dict[str, Plan]) -> dict[str, set[int]]:
    """Each plan's slug to its item numbers: what an article's `plan_items` may name."""
    return {slug: {item.number for item in plan.items} for slug, plan in plans.items()}
