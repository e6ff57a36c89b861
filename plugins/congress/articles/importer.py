"""`congress import-article FILE`: a news article an office was sent (.txt or .docx, often copied
from another congress website) becomes a draft content/news/<date>-<pinyin>.md, checked to have
lost no text and to show on the page exactly as it was sent."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from congress.articles.article_head import published_date, take_title
from congress.articles.article_markdown import (
    BLOCK_TAGS,
    escape,
    front_matter,
    lost_lines,
    published_text,
)
from congress.articles.article_text import (
    Block,
    Dropped,
    body_blocks,
    read_lines,
    split_title,
)
from congress.articles.categories import category_refusal
from congress.articles.front_matter import parse_front_matter
from congress.articles.loader import NEWS_DIR
from congress.articles.model import ArticleStatus, FrontMatter
from congress.articles.slugs import derive_slug
from congress.messages import validation_problems
from congress.problems import Problem, Severity, has_errors
from congress.received import out_refusal, read_received, write_imported


@dataclass
class ArticleImport:
    slug: str
    """The file name stem, `2024-12-25-yi-ren-da-dai-biao-…`, which is also the address."""
    markdown: str
    front: FrontMatter | None = None
    """The header as the site will read it; None when an error means nothing may be written."""
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def import_article(
    text: str,
    path: str,
    *,
    category: str,
    title: str | None = None,
    date: str | None = None,
) -> ArticleImport:
    """The draft Markdown for an article's text; `path` names the source in problems. `title`
    and `date` replace what the text says. Errors mean nothing may be written."""
    found = read_lines(text)
    dropped = list(found.dropped)
    lines = list(found.lines)
    heading = take_title(lines, title, dropped, path)
    problems = list(heading.problems)
    published, found_problems = published_date(found, date, path)
    problems += found_problems
    authors = list(found.authors)
    if found.credit and not any(
        "".join(found.credit.split()) in "".join(a.split()) for a in authors
    ):
        authors.append(found.credit)
    if not authors:
        message = "没有找到作者或记者署名；如需署名，请在 author 中填写"
        problems.append(Problem(path, 1, 1, "author", message, Severity.warning))
    if not lines:
        problems.append(Problem(path, heading.line, 1, "", "标题之后没有正文"))
    if has_errors(problems) or published is None:
        return ArticleImport("", "", None, [], dropped, problems)

    blocks = body_blocks(lines)
    body = "\n\n".join(
        f"## {escape(b.text, heading=True)}" if b.heading else escape(b.text) for b in blocks
    )
    fields = {
        "title": heading.text,
        "date": published.yaml(),
        "author": " ".join(authors) or None,
        "source": found.source,
        "category": category,
        "status": ArticleStatus.draft.value,
    }
    markdown = front_matter(fields) + "\n" + body + "\n"
    slug = derive_slug(None, "", split_title(heading.text)[0], published.value)
    front = _validated(markdown, path, {"title": heading.line, "date": published.line}, problems)
    # Rendered as the page will be: escaping is proved, not assumed, and one element per block
    # shows that no paragraph was merged into another or split.
    shown, tags = published_text(body)
    wrong = {t for t in tags if t not in BLOCK_TAGS} or sum(tags.values()) != len(blocks)
    lost = lost_lines(lines, shown)
    if front is not None and (wrong or lost or front.title != heading.text):
        where = "、".join(f"第 {line.number} 行" for line in lost) or "段落结构"
        message = f"内部错误：导入结果与原文不一致（{where}），没有写入文件；请把原文件发给技术人员"
        problems.append(Problem(path, lost[0].number if lost else 1, 1, "", message))
        front = None
    if front is None:
        return ArticleImport(slug, "", None, blocks, dropped, problems)
    return ArticleImport(slug, markdown, front, blocks, dropped, problems)


def _validated(
    markdown: str, path: str, lines: dict[str, int], problems: list[Problem]
) -> FrontMatter | None:
    """The header read back as the site reads it; its problems point at the source's lines."""
    parsed, found = parse_front_matter(markdown, path)
    if parsed.header is not None and not found:
        try:
            return FrontMatter.model_validate(parsed.header.data)
        except ValidationError as exc:
            found = validation_problems(parsed.header, FrontMatter, exc)
    for p in found:
        problems.append(dataclasses.replace(p, line=lines.get(p.field, 1), column=1))
    return None


def _report(result: ArticleImport, target: Path) -> None:
    assert result.front is not None
    headings = sum(b.heading for b in result.blocks)
    paragraphs = len(result.blocks) - headings
    print(
        f"已写入 {target}：“{result.front.title}”，{result.front.date:%Y-%m-%d}，"
        f"正文 {paragraphs} 段、小标题 {headings} 个。"
    )
    if result.dropped:
        print("以下各行不是正文，已从正文中去掉（发布时间、作者、来源已写入文件头）：")
        for item in sorted(result.dropped, key=lambda d: d.line.number):
            print(f"  第 {item.line.number} 行，{item.reason}：{item.line.text}")
    print(
        "文件的状态是草稿（status: draft），网站不会发布它。请对照原文核对标题、日期、作者和正文，"
        "确认无误后把 status: draft 改为 status: published。"
    )


def run_import_article(
    path: Path,
    *,
    category: str,
    out: str | None,
    title: str | None = None,
    date: str | None = None,
    site_dir: Path = Path("."),
) -> int:
    """Print what was written, every warning and every dropped line; 1 on an error, never
    overwriting a file."""
    text, unread = read_received(path)
    refusal = (
        unread
        or category_refusal(category, site_dir)
        or out_refusal(out, "文章", "2024-12-25-dai-biao-zou-fang.md")
    )
    if text is None or refusal:
        print(refusal)
        return 1
    target = Path(out) if out else None
    result = import_article(text, path.name, category=category, title=title, date=date)
    for problem in sorted(result.problems):
        print(problem)
    if result.front is None:
        print("导入失败，没有写入文件。")
        return 1
    if target is None:
        if not (site_dir / "content").is_dir():
            print(f"{site_dir} 下没有 content/：请在网站目录中运行，或用 --out 指定输出路径。")
            return 1
        target = site_dir / "content" / NEWS_DIR / f"{result.slug}.md"
    if refused := write_imported(target, result.markdown):
        print(refused)
        return 1
    _report(result, target)
    return 0
