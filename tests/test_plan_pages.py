"""Loading content/plans/*.md and the pages a visitor sees, without building a site."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from congress.articles import SHANGHAI, Article, ArticleStatus
from congress.plans import load_plans
from congress.plans.pages import index_page, plan_page, plan_pages
from congress.plans.tracking import reference_problem, reports_by_item

ROOT = Path(__file__).resolve().parents[1]

PLAN = """\
---
title: 示范市人大常委会2025年代表工作计划
issuer: 示范市人大常委会
year: 2025
adopted_on: 2025-02-21
adopted_by: 市十届人大常委会第三次主任会议
doc_number: 示人常办〔2025〕1号
---

前言写明总体要求。

## 一、联系群众

1. 办好接待日。每年两次。

2. 设立联络点。

    （1）先在村里试点。

## 二、学习培训

### （一）集中学习

3. 举办学习班。

附注：这段文字未能归入任何一条。
"""


def _write(root: Path, files: dict[str, str]) -> Path:
    folder = root / "content" / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def _article(slug: str, title: str, day: int, *refs: str) -> Article:
    return Article(
        slug=slug,
        title=title,
        published=dt.datetime(2025, 3, day, 9, 0, tzinfo=SHANGHAI),
        author=None,
        source=None,
        category="news",
        category_name="要闻",
        tags=(),
        summary="",
        cover=None,
        deputies=(),
        stations=(),
        areas=(),
        plan_items=refs,
        body="",
        source_path=f"content/news/{slug}.md",
        content_path=f"news/{slug}.md",
        guid=None,
        status=ArticleStatus.published,
    )


def test_sample_plans_load_cleanly() -> None:
    plans, problems = load_plans(ROOT, ROOT / "content")
    assert problems == []
    assert {slug: len(p.items) for slug, p in plans.items()} == {
        "2025-deputy-work-plan": 19,
        "2026-deputy-work-key-points": 12,
    }
    assert plans["2026-deputy-work-key-points"].front.doc_number == "望人常办〔2026〕2号"
    assert plans["2025-deputy-work-plan"].url == "plans/2025-deputy-work-plan/"


def test_a_plan_loads_into_parts_headings_and_items(tmp_path: Path) -> None:
    plans, problems = load_plans(tmp_path, _write(tmp_path, {"2025-plan.md": PLAN}) / "content")
    assert problems == []
    plan = plans["2025-plan"]
    assert (plan.title, plan.year, plan.issuer) == (
        "示范市人大常委会2025年代表工作计划",
        2025,
        "示范市人大常委会",
    )
    assert plan.adoption_line() == "（2025年2月21日市十届人大常委会第三次主任会议通过）"
    assert [p.heading for p in plan.parts] == ["一、联系群众", "二、学习培训"]
    assert [i.number for i in plan.items] == [1, 2, 3]
    assert plan.items[1].paragraphs == ("设立联络点。", "（1）先在村里试点。")
    assert [p.text for p in plan.body.preamble] == ["前言写明总体要求。"]


@pytest.mark.parametrize(
    ("change", "line", "field", "words"),
    [
        (("title: 示范市人大常委会2025年代表工作计划\n", ""), 2, "title", "缺少必填字段"),
        (("year: 2025", "year: 二〇二五"), 4, "year", "应为整数"),
        (("year: 2025", "year: 2025\ntheme: 红"), 5, "theme", "不认识的字段"),
        (("adopted_on: 2025-02-21", "adopted_on: 2025-02-30"), 5, "adopted_on", "不是存在的日期"),
        (("3. 举办学习班。", "2. 举办学习班。"), 24, "", "与第 16 行重复"),
        (("3. 举办学习班。", "1. 举办学习班。"), 24, "", "与第 14 行重复"),
        (("前言写明总体要求。", "# 一级标题"), 10, "", "标题写在文件头 title 中"),
    ],
)
def test_mistakes_name_file_line_and_field(
    tmp_path: Path, change: tuple[str, str], line: int, field: str, words: str
) -> None:
    text = PLAN.replace(*change)
    assert text != PLAN
    plans, problems = load_plans(tmp_path, _write(tmp_path, {"2025-plan.md": text}) / "content")
    assert plans == {}
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("content/plans/2025-plan.md", line, field)
    ], problems
    assert words in problems[0].message


def test_the_file_name_is_the_address_and_must_be_ascii(tmp_path: Path) -> None:
    _, problems = load_plans(tmp_path, _write(tmp_path, {"代表工作计划.md": PLAN}) / "content")
    assert [p.path for p in problems] == ["content/plans/代表工作计划.md"]
    assert "网址名" in problems[0].message


def _plan(tmp_path: Path) -> dict:
    plans, _ = load_plans(tmp_path, _write(tmp_path, {"2025-plan.md": PLAN}) / "content")
    return plans


def test_plan_page_has_anchors_toc_adoption_and_copy_links(tmp_path: Path) -> None:
    plans = _plan(tmp_path)
    page = plan_page(plans["2025-plan"], {})
    html = page.html
    assert page.url == "plans/2025-plan/"
    assert "（2025年2月21日市十届人大常委会第三次主任会议通过）" in html
    assert "示人常办〔2025〕1号" in html
    for n in (1, 2, 3):
        assert f'id="item-{n}"' in html and f'href="#item-{n}"' in html
        assert f'data-anchor="item-{n}"' in html
    assert '<a href="#part-1">一、联系群众</a>' in html
    assert '<h2 id="part-2">二、学习培训</h2>' in html
    assert '<h3 id="part-2-1">（一）集中学习</h3>' in html
    assert not re.search(r'id="_\d', html)
    assert "附注：这段文字未能归入任何一条。" in html
    assert "（1）先在村里试点。" in html


def test_each_item_shows_its_reports_and_the_page_lists_items_without_any(tmp_path: Path) -> None:
    plans = _plan(tmp_path)
    articles = [
        _article("b-visit", "第二篇", 20, "2025-plan#1", "2025-plan#3"),
        _article("a-visit", "第一篇", 10, "2025-plan#1", "2025-plan#1", "2025-plan#99", "x#1"),
    ]
    reports = reports_by_item(plans, articles)
    assert {k: [a.slug for a in v] for k, v in reports.items()} == {
        ("2025-plan", 1): ["b-visit", "a-visit"],
        ("2025-plan", 3): ["b-visit"],
    }
    html = plan_page(plans["2025-plan"], reports).html
    item_1 = html[html.index('id="item-1"') : html.index('id="item-2"')]
    assert "落实情况：2 篇报道" in item_1
    assert '<a href="../../news/b-visit/">第二篇</a>' in item_1
    assert "2025年3月10日" in item_1
    assert "共 3 条，其中 2 条已有落实报道" in html
    unreported = html[html.index('id="unreported"') :]
    assert '<a href="#item-2">第 2 条</a> 设立联络点。' in unreported
    assert "#item-1" not in unreported and "#item-3" not in unreported


def test_index_lists_plans_by_year_newest_first_then_issuer(tmp_path: Path) -> None:
    older = PLAN.replace("year: 2025", "year: 2024").replace("2025年代表", "2024年代表")
    other = PLAN.replace("issuer: 示范市人大常委会", "issuer: 东湖区人大常委会")
    root = _write(tmp_path, {"2025-plan.md": PLAN, "2024-plan.md": older, "east-2025.md": other})
    plans, problems = load_plans(root, root / "content")
    assert problems == []
    html = index_page(plans, {("2025-plan", 2): [_article("a", "一篇", 1)]}).html
    order = [
        html.index(s)
        for s in (
            "2025年</h2>",
            "<h3>东湖区人大常委会</h3>",
            "<h3>示范市人大常委会</h3>",
            "2024年</h2>",
        )
    ]
    assert order == sorted(order)
    assert '<a href="2024-plan/">' in html
    assert "共 3 条，1 条已有落实报道" in html
    assert [p.url for p in plan_pages(plans, {})] == [
        "plans/",
        "plans/2024-plan/",
        "plans/2025-plan/",
        "plans/east-2025/",
    ]


@pytest.mark.parametrize(
    ("reference", "words"),
    [
        ("2025-plan#2", None),
        ("2025-plan#4", "没有第 4 条（共 3 条，第 1–3 条）"),
        ("2024-plan#1", "未找到计划“2024-plan”"),
        ("2025-plan", "应写成 计划网址名#条目序号"),
    ],
)
def test_unknown_plans_and_items_are_explained(
    tmp_path: Path, reference: str, words: str | None
) -> None:
    message = reference_problem(reference, _plan(tmp_path))
    assert (message is None) if words is None else (words in (message or ""))
