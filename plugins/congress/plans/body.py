"""Read the Markdown body of content/plans/<slug>.md back into parts, headings and items (the
layout markdown_out.py writes), with the file's own line numbers in every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congress.plans.model import Block, Heading, Paragraph, Part, PlanBody, PlanItem
from congress.problems import Problem

_ITEM = re.compile(r"^(\d{1,4})\.(?:\s+(.*))?$", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass
class _Part:
    number: int
    heading: str
    line: int
    blocks: list[Block] = field(default_factory=list)


def _chunks(text: str, first_line: int) -> list[tuple[int, bool, str]]:
    """Blank-line separated chunks as (line, indented, text); indented chunks lose 4 spaces."""
    chunks: list[tuple[int, bool, str]] = []
    lines: list[str] = []
    start = 0
    for n, raw in enumerate([*text.split("\n"), ""], start=first_line):
        if raw.strip():
            if not lines:
                start = n
            lines.append(raw.rstrip())
            continue
        if lines:
            indented = lines[0].startswith(("    ", "\t"))
            body = "\n".join(line.strip() for line in lines) if indented else "\n".join(lines)
            chunks.append((start, indented, body))
            lines = []
    return chunks


def read_body(text: str, first_line: int, path: str) -> tuple[PlanBody, list[Problem]]:
    problems: list[Problem] = []
    preamble: list[Paragraph] = []
    parts: list[_Part] = []
    seen: dict[int, int] = {}
    last = 0

    def problem(line: int, message: str, column: int = 1) -> None:
        problems.append(Problem(path, line, column, "", message))

    for line, indented, chunk in _chunks(text, first_line):
        last_block = parts[-1].blocks[-1] if parts and parts[-1].blocks else None
        if indented:
            if isinstance(last_block, PlanItem):
                paragraphs = (*last_block.paragraphs, chunk)
                parts[-1].blocks[-1] = PlanItem(last_block.number, paragraphs, last_block.line)
                continue
            problem(line, "缩进四格的段落应紧跟在某一条之后，作为该条的续段；否则请取消缩进")
            continue
        if heading := _HEADING.match(chunk):
            level, title = len(heading.group(1)), heading.group(2)
            if level == 2:
                parts.append(_Part(len([p for p in parts if p.number]) + 1, title, line))
            elif level == 3 and parts and parts[-1].number:
                part = parts[-1]
                count = sum(isinstance(b, Heading) for b in part.blocks) + 1
                part.blocks.append(Heading(title, f"part-{part.number}-{count}", line))
            elif level == 3:
                problem(line, "三级标题（一）、（二）应在“## 一、……”这样的部分标题之下")
            else:
                hint = "标题写在文件头 title 中" if level == 1 else "只用 ## 部分标题和 ### 小标题"
                problem(line, f"计划正文不使用 {'#' * level} 标题：{hint}")
            continue
        if item := _ITEM.match(chunk):
            number = int(item.group(1))
            if number in seen:
                problem(line, f"条目序号 {number} 与第 {seen[number]} 行重复，每条的序号必须唯一")
            elif number <= last:
                problem(line, f"条目序号应大于上一条的 {last}，实际是 {number}")
            seen.setdefault(number, line)
            last = max(last, number)
            if not parts:
                parts.append(_Part(0, "", line))
            parts[-1].blocks.append(PlanItem(number, ((item.group(2) or "").strip(),), line))
            continue
        if parts:
            parts[-1].blocks.append(Paragraph(chunk, line))
        else:
            preamble.append(Paragraph(chunk, line))
    if not seen:
        problem(first_line, "没有找到条目：每条应单独成段，以“1. ”这样的序号开头")
    body = PlanBody(
        tuple(preamble), tuple(Part(p.number, p.heading, tuple(p.blocks), p.line) for p in parts)
    )
    return body, problems
