"""Plans (工作计划、工作要点、具体措施): import from Word or text, load, render, and track which
articles report on which item."""

from congress.plans.loader import item_numbers, load_plan, load_plans
from congress.plans.model import (
    INDEX_URL,
    Heading,
    Paragraph,
    Part,
    Plan,
    PlanBody,
    PlanFrontMatter,
    PlanItem,
    plan_url,
)

__all__ = [
    "INDEX_URL",
    "Heading",
    "Paragraph",
    "Part",
    "Plan",
    "PlanBody",
    "PlanFrontMatter",
    "PlanItem",
    "item_numbers",
    "load_plan",
    "load_plans",
    "plan_url",
]
