"""What an article's header or body says that the editor likely did not mean: warnings, since
each can be meant, but each changes what is published without a word otherwise."""

from __future__ import annotations

import re

from congress.articles.body_images import BODY_FIELD
from congress.articles.front_matter import Parsed
from congress.articles.model import ArticleStatus, FrontMatter
from congress.problems import Problem, Severity
from congress.yaml_source import Positioned

# `title: 第一次会议 #1`: YAML takes everything from " #" on as a comment, and drops it.
_INLINE_COMMENT = re.compile(r"""^(\s*[\w-]+:\s+)([^"'\s#|>[{][^#]*?)\s+#""")
_CHINESE_LIST_MARK = re.compile("[，、；]")


def header_doubts(parsed: Parsed, header: Positioned, front: FrontMatter) -> list[Problem]:
    """Doubts about an article file read as `parsed`, whose header is `header` and `front`."""
    doubts = []
    for number, line in enumerate(parsed.header_text.split("\n"), 2):
        if match := _INLINE_COMMENT.match(line):
            message = (
                "“ #”之后的文字被当作注释，不会发布；值中含 # 时请给整个值加英文引号，"
                f'如 {match[1].strip()} "{line[len(match[1]) :].strip()}"'
            )
            doubts.append(
                Problem(header.path, number, len(match[1]) + 1, "", message, Severity.warning)
            )
    for i, tag in enumerate(front.tags):
        if _CHINESE_LIST_MARK.search(tag):
            message = f"标签“{tag}”中有中文逗号或顿号，会成为一个标签；多个标签请用英文逗号分隔，如 [实践站, 揭牌]"
            doubts.append(header.problem(("tags", i), message, severity=Severity.warning))
    if front.status is ArticleStatus.published and not parsed.body.strip():
        message = "正文是空的：发布后页面上只有标题"
        where = (header.path, parsed.body_line, 1, BODY_FIELD)
        doubts.append(Problem(*where, message, Severity.warning))
    return doubts
