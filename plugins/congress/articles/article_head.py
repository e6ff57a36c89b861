"""The head of an imported article: its title (with or without a subtitle) and its date, each
either found in the text or given on the command line, with the editor told what to do when
neither works."""

from __future__ import annotations

import re
from dataclasses import dataclass

import annotated_types

from congress.articles.article_text import (
    ArticleLines,
    Dropped,
    FoundDate,
    Line,
    ends_sentence,
    is_subtitle,
    split_title,
    squeeze,
    whole_date,
)
from congress.articles.model import FrontMatter
from congress.problems import Problem, Severity

TITLE_MAX = next(
    m.max_length
    for m in FrontMatter.model_fields["title"].metadata
    if isinstance(m, annotated_types.MaxLen)
)
# 标题：… as a form or an email gives it: the label is not part of the title (nor of the address).
_TITLE_LABEL = re.compile(r"^(?:标\s*题|题\s*目)\s*[:：]\s*")
DATE_EXAMPLE = '--date 2024-12-25（或 --date "2024-12-25 10:30"）'


def _title_like(text: str) -> bool:
    return len(text) <= 2 * TITLE_MAX and (not ends_sentence(text) or text[-1] in "！？!?")


@dataclass
class Title:
    text: str
    line: int
    problems: list[Problem]


def take_title(lines: list[Line], given: str | None, dropped: list[Dropped], path: str) -> Title:
    """The title, taken off the front of `lines`: the first line, with a subtitle after a dash
    on it or on the next line. A subtitle that does not fit the header goes back into the body."""
    head = lines.pop(0) if lines and _title_like(lines[0].text) else None
    main, subtitle = split_title(_TITLE_LABEL.sub("", head.text)) if head else ("", None)
    second = None
    if head and subtitle is None and lines and is_subtitle(lines[0].text):
        second = lines.pop(0)
        subtitle = second.text
    line = head.number if head else 1
    if given:
        text = squeeze(given)
        dropped += [Dropped(x, "原标题（已用 --title 替换）") for x in (head, second) if x]
        if len(text) <= TITLE_MAX:
            return Title(text, 1, [])
        message = f"--title 指定的标题有 {len(text)} 字，最多 {TITLE_MAX} 字"
        return Title(text, 1, [Problem(path, 1, 1, "title", message)])
    if head is None:
        first = lines[0].text[:20] if lines else ""
        message = f"没有找到标题行（第一段是“{first}…”）；请用 --title 指定标题"
        return Title("", 1, [Problem(path, 1, 1, "title", message)])
    if len(main + (subtitle or "")) <= TITLE_MAX:
        return Title(main + (subtitle or ""), line, [])
    if subtitle and len(main) <= TITLE_MAX:
        lines.insert(0, second or Line(line, subtitle))
        message = f"标题连同副标题超过 {TITLE_MAX} 字，副标题已作为正文第一段，请核对"
        return Title(main, line, [Problem(path, line, 1, "title", message, Severity.warning)])
    message = f"标题有 {len(main)} 字，最多 {TITLE_MAX} 字；请用 --title 指定较短的标题"
    return Title("", line, [Problem(path, line, 1, "title", message)])


def published_date(
    found: ArticleLines, given: str | None, path: str
) -> tuple[FoundDate | None, list[Problem]]:
    """`--date` wins over the text; a date that does not exist is an error, not a guess."""

    def error(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, 1, "date", message)]

    if given is not None:
        try:
            date = whole_date(given)
        except ValueError:
            return error(1, f"--date “{given}”不是存在的日期，请检查月份和日期")
        if date is None:
            return error(1, f"--date “{given}”不是日期，应写成 {DATE_EXAMPLE}")
        return date, []
    if found.date is not None:
        return found.date, []
    if found.bad_date is not None:
        line = found.bad_date
        return error(
            line.number,
            f"“{line.text[:40]}”中的日期不存在，请检查月份和日期，或用 {DATE_EXAMPLE} 指定",
        )
    return error(
        1,
        "没有找到发布时间（如“发布时间：2024-12-25”或单独一行“2024年12月25日”）；"
        f"请用 {DATE_EXAMPLE} 指定，或在原文件中补上发布时间后重新导入",
    )
