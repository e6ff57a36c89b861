"""`congress import-plan FILE`: a plan as an office sent it (.txt or .docx) becomes
content/plans/<slug>.md, checked to have lost no text on the way."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from congress.articles.model import ArticleStatus
from congress.plans.body import read_body
from congress.plans.markdown_out import plan_markdown, unescape
from congress.plans.model import PLANS_DIR, PlanBody
from congress.plans.parse import ITEM, ImportedPlan, parse_plan_text
from congress.problems import Problem, Severity, has_errors
from congress.received import out_refusal, read_received, write_imported

_ISSUER = re.compile(r"^(.{2,30}?(?:人民代表大会常务委员会|人大常委会))")
# 市十七届人大常委会第五十二次主任会议 → 市 + 人大常委会: the term number is not the issuer's name.
_ORGAN = re.compile(
    r"^(.*?)(?:第?[一二三四五六七八九十百\d]+届)?((?:人民代表大会常务委员会|人大常委会))"
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_KINDS = (
    ("工作要点", "key-points"),
    ("要点", "key-points"),
    ("措施", "measures"),
    ("方案", "programme"),
    ("安排", "arrangements"),
    ("意见", "opinions"),
    ("计划", "plan"),
)
_WHITESPACE = re.compile(r"\s+")


@dataclass
class ImportResult:
    slug: str
    markdown: str
    body: PlanBody | None = None
    problems: list[Problem] = field(default_factory=list)


def derive_issuer(title: str, adopted_by: str | None) -> str | None:
    if match := _ISSUER.match(title):
        return match.group(1)
    if adopted_by and (match := _ORGAN.match(adopted_by)):
        return match.group(1) + match.group(2)
    return None


def derive_year(title: str, plan: ImportedPlan) -> int | None:
    if match := _YEAR.search(unicodedata.normalize("NFKC", title)):
        return int(match.group(1))
    if plan.adopted_on is not None:
        return plan.adopted_on.year
    published = plan.headers.get("published_on")
    return int(published[:4]) if published else None


def derive_slug(title: str, year: int) -> str:
    """`2025-deputy-work-plan`: short, ASCII and stable, for the file name and the address."""
    kind = next((word for key, word in _KINDS if key in title), "plan")
    return f"{year}-{'deputy-work-' if '代表工作' in title else ''}{kind}"


def _normal(text: str) -> str:
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", unescape(text)))


def lost_lines(plan: ImportedPlan, markdown: str) -> list[tuple[int, str]]:
    """Body lines whose text (after the item number) is not in the output: there must be none."""
    written = _normal(markdown)
    lost = []
    for n, line in plan.body_lines:
        match = ITEM.match(unicodedata.normalize("NFKC", line))
        text = match.group(2) if match else line
        if _normal(text) not in written:
            lost.append((n, line))
    return lost


def import_plan(
    text: str, path: str, *, title: str | None, slug: str | None = None
) -> ImportResult:
    """The Markdown for a plan's text; `path` names the source in problems. Errors mean the
    Markdown must not be written."""
    plan = parse_plan_text(text, path)
    problems = list(plan.problems)

    def error(message: str) -> ImportResult:
        problems.append(Problem(path, 1, 1, "", message))
        return ImportResult(slug or "", "", None, problems)

    title = title or plan.title
    if not title:
        first = next((line for _, line in plan.body_lines), "")
        return error(
            f"文件没有标题行（第一行正文是“{first[:20]}…”）；请用 --title 指定标题，"
            '例如 --title "望澜市人大常委会2025年代表工作计划"'
        )
    year = derive_year(title, plan)
    if year is None:
        return error("无法确定计划年度：标题中没有“2025年”这样的年份，也没有通过日期行")
    issuer = derive_issuer(title, plan.adopted_by)
    if issuer is None:
        problems.append(
            Problem(
                path,
                1,
                1,
                "issuer",
                "未能识别制定机关，请在生成文件的 issuer 中填写",
                Severity.warning,
            )
        )
    if plan.adopted_on is None:
        message = "没有找到“（2025年2月20日……会议通过）”这样的通过日期行，请在 adopted_on、adopted_by 中补填"
        problems.append(Problem(path, 1, 1, "adopted_on", message, Severity.warning))
    if has_errors(problems):
        return ImportResult(slug or "", "", None, problems)
    fields = {
        "title": title,
        "issuer": issuer or "",
        "year": year,
        "adopted_on": plan.adopted_on,
        "adopted_by": plan.adopted_by,
        "doc_number": plan.doc_number,
        **plan.headers,
    }
    if "published_on" in plan.headers:
        fields["published_on"] = dt.date.fromisoformat(plan.headers["published_on"])
    fields["status"] = ArticleStatus.draft.value  # published only once an editor has checked it
    markdown = plan_markdown(fields, plan.body)
    slug = slug or derive_slug(title, year)
    body_start = markdown.index("\n---\n") + 5
    reread, found = read_body(markdown[body_start:], 1, path)
    lost = lost_lines(plan, markdown)
    if found or lost or len(reread.items) != len(plan.body.items):
        where = "、".join(f"第 {n} 行" for n, _ in lost) or "条目结构"
        return error(
            f"内部错误：导入结果与原文不一致（{where}），没有写入文件；请把原文件发给技术人员"
        )
    return ImportResult(slug, markdown, plan.body, problems)


def _summary(body: PlanBody) -> str:
    parts = [p for p in body.parts if p.number]
    items = body.items
    span = f"第 {items[0].number}–{items[-1].number} 条" if items else "没有条目"
    return f"{len(parts)} 个部分，{len(items)} 条（{span}）"


def run_import_plan(path: Path, *, title: str | None, out: str | None) -> int:
    """Print what was written and every warning; 1 on an error, never overwriting a file."""
    text, unread = read_received(path)
    refusal = unread or out_refusal(out, "计划", "2025-deputy-work-plan.md")
    if text is None or refusal:
        print(refusal)
        return 1
    target = Path(out) if out else None
    result = import_plan(text, path.name, title=title, slug=target.stem if target else None)
    for problem in sorted(result.problems):
        print(problem)
    if result.body is None:
        print("导入失败，没有写入文件。")
        return 1
    if target is None:
        if not Path("content").is_dir():
            print("当前目录下没有 content/：请在网站目录中运行，或用 --out 指定输出路径。")
            return 1
        target = Path("content") / PLANS_DIR / f"{result.slug}.md"
    if refused := write_imported(target, result.markdown):
        print(refused)
        return 1
    print(
        f"已写入 {target}：{_summary(result.body)}。文件的状态是草稿（status: draft），网站不会发布它；"
        "用 make serve-drafts 预览，核对文件头、警告和条目后，把 status: draft 改为 status: published。"
    )
    return 0
