"""The summary lists, feeds and search results show: the first paragraph as a reader sees it on the
page, without Markdown's marks."""

from __future__ import annotations

import pytest
from congress.articles.summary import first_paragraph

CASES = [
    ("plain", "代表走访了社区。", "代表走访了社区。"),
    ("emphasis", "代表**走访**了`社区`。", "代表走访了社区。"),
    ("link", "见[通知](https://example.cn/a)。", "见通知。"),
    ("heading skipped", "## 小标题\n\n正文第一段。", "正文第一段。"),
    (
        "escaped marks show as typed",
        r"收集意见 1\.5 万条，满意率 100%\*",
        "收集意见 1.5 万条，满意率 100%*",
    ),
    ("escaped line start", r"1\. 加强代表联络", "1. 加强代表联络"),
    ("escaped brackets", r"\[字体：大\]的页面", "[字体：大]的页面"),
    ("escaped backslash", "路径 C:\\\\docs", "路径 C:\\docs"),
    ("escaped angle", "&lt;script&gt;不会运行", "<script>不会运行"),
]


@pytest.mark.parametrize(("case", "body", "summary"), CASES, ids=[c[0] for c in CASES])
def test_the_summary_is_the_first_paragraph_as_shown(case: str, body: str, summary: str) -> None:
    assert first_paragraph(body) == summary
