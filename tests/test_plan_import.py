"""`congress import-plan`: real documents and small inputs for each rule, as an editor would run it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from congress.plans import load_plan
from congress.plans.docx_text import docx_text
from congress.plans.importer import import_plan, lost_lines
from congress.plans.model import Heading, Paragraph
from congress.plans.parse import parse_plan_text
from congress.problems import Severity

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SOURCES = Path(__file__).parent / "plan_sources"
TITLE = "望澜市人大常委会2025年代表工作计划"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "congress", "import-plan", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
    )


def _warnings(text: str) -> list[tuple[int, str]]:
    plan = parse_plan_text(text, "x.txt")
    return [(p.line, p.message) for p in plan.problems if p.severity is Severity.warning]


@pytest.mark.parametrize(
    ("seed", "title", "parts", "items", "adopted_on", "adopted_by"),
    [
        (
            "city-2025-deputy-work-plan.txt",
            "示例2025年代表工作计划",
            8,
            19,
            dt.date(2025, 2, 20),
            "人大常委会第五十二次主任会议",
        ),
        (
            "city-2021-deputy-work-measures.txt",
            None,
            7,
            30,
            dt.date(2021, 8, 26),
            "市四届人大常委会第53次主任会议",
        ),
    ],
)
def test_seed_documents_import_whole(
    tmp_path: Path,
    seed: str,
    title: str | None,
    parts: int,
    items: int,
    adopted_on: dt.date,
    adopted_by: str,
) -> None:
    source = SEEDS / seed
    if not source.exists():
        pytest.skip("../shared/seeds is not present")
    text = source.read_text(encoding="utf-8")
    result = import_plan(text, seed, title=title)
    assert result.body is not None, result.problems
    assert [p for p in result.problems if p.severity is Severity.error] == []
    assert len([p for p in result.body.parts if p.number]) == parts
    assert [i.number for i in result.body.items] == list(range(1, items + 1))
    out = tmp_path / "plans" / f"{result.slug}.md"
    out.parent.mkdir()
    out.write_text(result.markdown, encoding="utf-8")
    plan, problems = load_plan(out, tmp_path)
    assert problems == [] and plan is not None
    assert plan.front.adopted_on == adopted_on
    assert adopted_by in (plan.front.adopted_by or "")
    assert len(plan.items) == items
    assert lost_lines(parse_plan_text(text, seed), result.markdown) == []
    # Every character of the body, item numbers aside, is in the output in order.
    body = "".join(result.markdown.split("\n---\n", 1)[1].split())
    for line in text.splitlines()[2:]:
        kept = line.split(".", 1)[1] if line[:1].isdigit() else line
        assert "".join(kept.split()) in body.replace("\\", ""), line


def test_a_plan_without_title_needs_title_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("（2025年2月21日主任会议通过）\n一、部分\n1.条目。\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = _run(tmp_path, str(source))
    assert result.returncode == 1
    assert "--title" in result.stdout and "没有标题行" in result.stdout
    assert not (tmp_path / "content" / "plans").exists()
    result = _run(tmp_path, str(source), "--title", "望澜市人大常委会2025年代表工作计划")
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "content" / "plans" / "2025-deputy-work-plan.md").exists()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("望澜市2025年代表工作计划\n一、部分\n1.条目。\n", encoding="utf-8")
    target = tmp_path / "kept.md"
    target.write_text("已发布的内容\n", encoding="utf-8")
    result = _run(tmp_path, str(source), "--out", str(target))
    assert result.returncode == 1
    assert "已存在" in result.stdout
    assert target.read_text(encoding="utf-8") == "已发布的内容\n"


def test_text_saved_by_chinese_windows_and_a_chosen_file_name(tmp_path: Path) -> None:
    source = tmp_path / "计划.txt"
    source.write_bytes("望澜市人大常委会2026年代表工作要点\n一、部分\n1.条目。".encode("gb18030"))
    result = _run(tmp_path, str(source), "--out", "out/计划.md")
    assert result.returncode == 1 and "网址名" in result.stdout
    result = _run(tmp_path, str(source), "--out", "out/2026-points.md")
    assert result.returncode == 0, result.stdout
    written = (tmp_path / "out" / "2026-points.md").read_text(encoding="utf-8")
    assert "title: 望澜市人大常委会2026年代表工作要点" in written and "1. 条目。" in written
    assert "1 个部分，1 条" in result.stdout


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("标题\n(2025年2月20日主任会议通过)\n1.条。", "adopted_on", dt.date(2025, 2, 20)),
        ("标题\n（2025年2月20日主任会议通过）\n1.条。", "adopted_on", dt.date(2025, 2, 20)),
        ("标题\n（２０２５年２月２０日主任会议通过）\n1.条。", "adopted_on", dt.date(2025, 2, 20)),
        (
            "标题\n(2025年2月20日市十届常委会第3次主任会议通过)\n1.条。",
            "adopted_by",
            "市十届常委会第3次主任会议",
        ),
        ("望人常办〔2026〕2号\n标题\n1.条。", "doc_number", "望人常办〔2026〕2号"),
        ("第一行就是标题\n1.条。", "title", "第一行就是标题"),
        ("这是一段前言，不是标题。\n1.条。", "title", None),
        ("(2025年2月20日主任会议通过)\n短句\n1.条。", "title", None),
    ],
)
def test_head_lines(text: str, field: str, expected: object) -> None:
    plan = parse_plan_text(text, "x.txt")
    assert getattr(plan, field) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "时间：2025-02-21　来源：市人大常委会办公室　编辑：张敏",
            {"published_on": "2025-02-21", "source": "市人大常委会办公室", "editor": "张敏"},
        ),
        ("发布时间:2025年2月21日", {"published_on": "2025-02-21"}),
        ("来源：望澜日报", {"source": "望澜日报"}),
    ],
)
def test_header_lines_become_fields_not_body(line: str, expected: dict[str, str]) -> None:
    plan = parse_plan_text(f"标题\n{line}\n1.条。", "x.txt")
    assert plan.headers == expected
    assert [text for _, text in plan.body_lines] == ["1.条。"]


@pytest.mark.parametrize(
    ("line", "number", "text"),
    [
        ("1.条目", 1, "条目"),
        ("1. 条目", 1, "条目"),
        ("１．条目", 1, "条目"),
        ("1．条目", 1, "条目"),
        ("1、条目", 1, "条目"),
        ("1 . 条目", 1, "条目"),
    ],
)
def test_item_numbers_in_every_spelling(line: str, number: int, text: str) -> None:
    plan = parse_plan_text(f"标题\n一、部分\n{line}", "x.txt")
    (item,) = plan.body.items
    assert (item.number, item.paragraphs) == (number, (text,))


def test_items_are_numbered_across_parts_and_missing_final_newline_is_fine() -> None:
    plan = parse_plan_text("标题\n一、甲\n1.a\n2.b\n二、乙\n3.c", "x.txt")
    assert [[i.number for i in p.items] for p in plan.body.parts] == [[1, 2], [3]]
    assert [p.heading for p in plan.body.parts] == ["一、甲", "二、乙"]
    assert [p.anchor for p in plan.body.parts] == ["part-1", "part-2"]


def test_a_decimal_number_starting_a_line_is_not_an_item() -> None:
    plan = parse_plan_text("标题\n一、甲\n1.条目\n3.5亿元用于……", "x.txt")
    assert [i.number for i in plan.body.items] == [1]


def test_second_level_headings_and_level_four_paragraphs() -> None:
    text = "标题\n一、甲\n（一）小标题\n1.条目\n（1）第一点\n(2)第二点\n（二）加强学习。全年组织两次。\n2.条目"
    plan = parse_plan_text(text, "x.txt")
    (part,) = plan.body.parts
    assert [type(b).__name__ for b in part.blocks] == [
        "Heading",
        "PlanItem",
        "Heading",
        "Paragraph",
        "PlanItem",
    ]
    first, second = (b for b in part.blocks if isinstance(b, Heading))
    assert (first.text, first.anchor) == ("（一）小标题", "part-1-1")
    assert (second.text, second.anchor) == ("（二）加强学习。", "part-1-2")
    assert part.items[0].paragraphs == ("条目", "（1）第一点", "(2)第二点")
    assert _warnings(text) == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("标题\n一、甲\n1.a\n望澜市人大常委会办公室", 4, "独立段落"),
        ("标题\n一、甲\n1.a\n3.b", 4, "应为 2"),
        ("标题\n一、甲\n三、乙\n1.a", 3, "第 2 部分"),
        ("标题\n（一）小标题\n1.a", 2, "部分标题之下"),
    ],
)
def test_text_that_fits_nowhere_is_kept_and_reported_with_its_line(
    text: str, line: int, words: str
) -> None:
    warnings = _warnings(text)
    assert [n for n, _ in warnings] == [line], warnings
    assert words in warnings[0][1]
    result = import_plan(text, "x.txt", title=TITLE)
    assert result.body is not None
    kept = text.split("\n")[line - 1]
    assert "".join(kept.split()) in "".join(result.markdown.split()).replace("\\", "")


def test_markdown_characters_in_text_stay_text(tmp_path: Path) -> None:
    text = "标题\n一、甲\n1.推行“1+5+1”*举措*，[试点]_名单_\n# 不是标题\n- 不是列表\n2. 第二条"
    result = import_plan(text, "x.txt", title=TITLE)
    file = tmp_path / "plans" / "2025-plan.md"
    file.parent.mkdir()
    file.write_text(result.markdown, encoding="utf-8")
    plan, problems = load_plan(file, tmp_path)
    assert problems == [] and plan is not None
    assert [i.number for i in plan.items] == [1, 2]
    paragraphs = [b for b in plan.parts[0].blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 2


def test_docx_with_word_numbering(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("望澜市人大常委会2025年代表工作计划")
    document.add_paragraph("（2025年2月21日主任会议通过）")
    document.add_paragraph("一、联系群众")
    document.add_paragraph("由Word自动编号。", style="List Number")
    document.add_paragraph("第二条也是自动编号。", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "牵头部门"
    table.rows[0].cells[1].text = "代表工委"
    path = tmp_path / "plan.docx"
    document.save(str(path))
    lines = docx_text(path).split("\n")
    assert lines == [
        "望澜市人大常委会2025年代表工作计划",
        "（2025年2月21日主任会议通过）",
        "一、联系群众",
        "1.由Word自动编号。",
        "2.第二条也是自动编号。",
        "牵头部门　代表工委",
    ]
    result = import_plan(docx_text(path), "plan.docx", title=None)
    assert result.body is not None
    assert [i.number for i in result.body.items] == [1, 2]
    assert [(p.line, "独立段落" in p.message) for p in result.problems] == [(6, True)]


@pytest.mark.parametrize("name", sorted(p.stem for p in SOURCES.glob("*.txt")))
def test_sample_plans_are_what_the_importer_makes_of_their_sources(name: str) -> None:
    text = (SOURCES / f"{name}.txt").read_text(encoding="utf-8")
    result = import_plan(text, f"{name}.txt", title=None)
    assert [p for p in result.problems if p.severity is Severity.error] == []
    assert result.slug == name
    checked_in = ROOT / "content" / "plans" / f"{name}.md"
    # Imported as a draft; the one change an editor makes once it is checked is to publish it.
    assert "\nstatus: draft\n" in result.markdown
    published = result.markdown.replace("\nstatus: draft\n", "\nstatus: published\n")
    assert checked_in.read_text(encoding="utf-8") == published
