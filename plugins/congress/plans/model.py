"""A plan (工作计划、工作要点、具体措施): its file header, and its body as parts, headings and items.

The same block classes hold a plan twice: as plain text when the importer has just read a document,
and as Markdown when the loader reads `content/plans/<slug>.md`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from congress.articles.model import ArticleStatus
from congress.models import Strict, Text

PLANS_DIR = "plans"
INDEX_URL = "plans/"
OneLine = Annotated[str, Field(min_length=1, max_length=200)]


class PlanFrontMatter(Strict):
    """计划文件头: the YAML between the two `---` lines at the top of content/plans/<slug>.md."""

    title: Text = Field(
        title="标题", max_length=120, description="如 望澜市人大常委会2025年代表工作计划"
    )
    issuer: Text = Field(title="制定机关", max_length=60, description="如 望澜市人大常委会")
    year: int = Field(title="年度", ge=1949, le=2099, description="计划所属年度，如 2025")
    adopted_on: dt.date | None = Field(default=None, title="通过日期", description="如 2025-02-20")
    adopted_by: OneLine | None = Field(
        default=None, title="通过会议", description="如 市十届人大常委会第三十次主任会议"
    )
    doc_number: OneLine | None = Field(
        default=None, title="文号", description="如 望人常办〔2025〕3号"
    )
    source: OneLine | None = Field(default=None, title="来源", description="如 市人大常委会办公室")
    editor: OneLine | None = Field(default=None, title="编辑")
    published_on: dt.date | None = Field(
        default=None, title="发布日期", description="原文发布日期，如 2025-02-21"
    )
    status: ArticleStatus = Field(
        default=ArticleStatus.published,
        title="状态",
        description="导入的计划是草稿（draft）：检查但不发布；核对无误后改为 published",
    )


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int = 0


@dataclass(frozen=True)
class Heading:
    """A second-level heading inside a part: （一）、（二）… in GB/T 9704 numbering."""

    text: str
    anchor: str
    line: int = 0


@dataclass(frozen=True)
class PlanItem:
    """One numbered measure. Numbers run across parts and are the item's address: `#item-<n>`."""

    number: int
    paragraphs: tuple[str, ...]
    line: int = 0

    @property
    def anchor(self) -> str:
        return f"item-{self.number}"


Block = Paragraph | Heading | PlanItem


@dataclass(frozen=True)
class Part:
    """一、二、…: `number` counts parts from 1; 0 is the unnamed part of a plan whose items come
    before any part heading."""

    number: int
    heading: str
    blocks: tuple[Block, ...]
    line: int = 0

    @property
    def anchor(self) -> str:
        return f"part-{self.number}"

    @property
    def items(self) -> list[PlanItem]:
        return [b for b in self.blocks if isinstance(b, PlanItem)]


@dataclass(frozen=True)
class PlanBody:
    preamble: tuple[Paragraph, ...]
    parts: tuple[Part, ...]

    @property
    def items(self) -> list[PlanItem]:
        return [item for part in self.parts for item in part.items]


@dataclass(frozen=True)
class Plan:
    slug: str
    front: PlanFrontMatter
    body: PlanBody
    source_path: str

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def year(self) -> int:
        return self.front.year

    @property
    def issuer(self) -> str:
        return self.front.issuer

    @property
    def items(self) -> list[PlanItem]:
        return self.body.items

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.body.parts

    @property
    def url(self) -> str:
        return plan_url(self.slug)

    def item(self, number: int) -> PlanItem | None:
        return next((i for i in self.items if i.number == number), None)

    def adoption_line(self) -> str:
        """（2025年2月20日市十届人大常委会第三十次主任会议通过）, as such documents print it."""
        front = self.front
        if front.adopted_on is None:
            return ""
        when = f"{front.adopted_on.year}年{front.adopted_on.month}月{front.adopted_on.day}日"
        return f"（{when}{front.adopted_by or ''}通过）"


def plan_url(slug: str) -> str:
    return f"{PLANS_DIR}/{slug}/"
