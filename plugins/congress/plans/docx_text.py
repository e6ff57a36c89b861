"""A .docx plan as plain text lines, numbering included.

Offices often number parts and items with Word's automatic numbering, which is not part of the
paragraph's text; it is rebuilt here from numbering.xml so `1.` and `一、` reach the parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_CN = "零一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_numeral(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + ("" if ones == 0 else _CN[ones])


def _format(kind: str, n: int) -> str:
    if kind.startswith(("chineseCounting", "ideograph", "taiwaneseCounting", "japaneseCounting")):
        return chinese_numeral(n)
    if kind == "decimalFullWidth":
        return str(n).translate(_FULL_WIDTH)
    if kind in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


class _Numbering:
    """Counters per list and level, as Word keeps them while it lays out the document."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val")) if ref is not None else None)
            for lvl in definition.findall(qn("w:lvl")) if definition is not None else []:
                fmt, text, start = (
                    lvl.find(qn("w:numFmt")),
                    lvl.find(qn("w:lvlText")),
                    lvl.find(qn("w:start")),
                )
                self.levels[(num.get(qn("w:numId")), lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )

    def label(self, paragraph: Paragraph) -> str:
        path = f"{qn('w:pPr')}/{qn('w:numPr')}"
        num_pr = paragraph._p.find(path)
        if num_pr is None and paragraph.style is not None:
            # List styles (列表编号) carry the numbering themselves.
            num_pr = paragraph.style.element.find(path)
        num = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_pr is None or num is None:
            return ""
        ilvl = num_pr.find(qn("w:ilvl"))
        num_id = str(num.get(qn("w:val")))
        level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        spec = self.levels.get((num_id, str(level)))
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, spec[2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = spec[1]
        for lvl, count in counters.items():
            kind = self.levels.get((num_id, str(lvl)), ("decimal", "", 1))[0]
            text = text.replace(f"%{lvl + 1}", _format(kind, count))
        return text


def docx_text(path: Path) -> str:
    """Paragraphs one per line; a table row becomes one line of cells joined by spaces, so its
    text is kept (and the parser reports it as a paragraph it could not place)."""
    document = Document(str(path))
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(numbering.label(block) + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = dict.fromkeys(cell.text.strip() for cell in row.cells)
                lines.append("　".join(c for c in cells if c))
    return "\n".join(lines)
