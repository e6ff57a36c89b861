"""What an editor writes at the top of an article, the category list, and the article once loaded.

Field titles are the Chinese labels editors see in error messages and in their editor's completion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from congress.models import ID_HINT, ID_PATTERN, RelativePath, Strict, Text
from congress.vocab import LabelledEnum

# China has kept UTC+8 without daylight saving since 1991: a fixed offset needs no tz database and
# always prints as +08:00.
SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}
PLAN_ITEM_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*#[1-9][0-9]*$"
DATE_HINT = "如 2025-03-15 09:30（北京时间）；只写日期则为当天 0 点"


class ArticleStatus(LabelledEnum):
    published = "published", "发布"
    draft = "draft", "草稿（不发布）"


class Category(Strict):
    """栏目: one entry of data/categories.yml; its id is the URL segment /news/<id>/."""

    id: str = Field(title="编号", pattern=ID_PATTERN, description=f"栏目网址中的一段；{ID_HINT}")
    name: Text = Field(title="名称", max_length=20, description="如 要闻")
    description: Text = Field(title="说明", description="一句话介绍本栏目")


def to_beijing_time(value: Any) -> Any:
    """A bare date is 00:00 Beijing time, a time without offset is Beijing time, and a time with
    another offset is converted, so every article prints its date with +08:00."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"应为日期或日期时间，{DATE_HINT}，实际是“{text[:40]}”") from None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, dt.datetime):
        raise ValueError(f"应为日期或日期时间，{DATE_HINT}，实际是“{str(value)[:40]}”")
    if not 1949 <= value.year <= 2099:
        raise ValueError(f"年份应在 1949 至 2099 之间，实际是 {value.year}；请检查是否输错")
    if value.tzinfo is None:
        return value.replace(tzinfo=SHANGHAI)
    return value.astimezone(SHANGHAI)


def _image_file(path: str) -> str:
    suffix = PurePosixPath(path).suffix.lower()
    if suffix not in IMAGE_TYPES:
        allowed = "、".join(IMAGE_TYPES)
        raise ValueError(f"封面应为图片文件（{allowed}），实际是“{path}”")
    return path


PublishedAt = Annotated[dt.datetime, BeforeValidator(to_beijing_time)]
CoverPath = Annotated[RelativePath, AfterValidator(_image_file)]
RefList = list[Annotated[str, Field(pattern=ID_PATTERN)]]


class FrontMatter(Strict):
    """文章文件头: the YAML between the two `---` lines at the top of an article."""

    title: Text = Field(title="标题", max_length=120)
    date: PublishedAt = Field(title="发布时间", description=DATE_HINT)
    author: Text | None = Field(
        default=None, title="作者", description="如 市人大常委会研究室 张明"
    )
    source: Text | None = Field(default=None, title="来源", description="如 望澜日报")
    category: str = Field(
        title="栏目",
        pattern=ID_PATTERN,
        description="data/categories.yml 中的栏目编号，如 news",
    )
    tags: list[Annotated[str, Field(min_length=1, max_length=30)]] = Field(
        default=[], title="标签", description="关键词列表，如 [代表之家, 接待日]"
    )
    summary: Text | None = Field(
        default=None,
        title="摘要",
        max_length=300,
        description="纯文字，不写则取正文第一段",
    )
    cover: CoverPath | None = Field(
        default=None, title="封面图片", description="相对于 content/ 的路径，如 images/news/a.jpg"
    )
    deputies: RefList = Field(
        default=[], title="相关代表", description="data/deputies/ 下的代表编号，如 wang-fang"
    )
    stations: RefList = Field(
        default=[], title="相关联络站", description="data/stations/ 下的联络站编号"
    )
    areas: RefList = Field(default=[], title="相关区域", description="data/areas.yml 中的区域编号")
    plan_items: list[Annotated[str, Field(pattern=PLAN_ITEM_PATTERN)]] = Field(
        default=[],
        title="相关计划条目",
        description="计划网址名#条目序号，如 2025-plan#3",
    )
    slug: str | None = Field(
        default=None,
        title="网址名",
        pattern=ID_PATTERN,
        description=f"文章网址 /news/<网址名>/；不写则取文件名；{ID_HINT}",
    )
    status: ArticleStatus = Field(default=ArticleStatus.published, title="状态")
    guid: str | None = Field(
        default=None,
        title="订阅标识",
        max_length=300,
        pattern=r"^\S+$",
        description="只在沿用旧网站的订阅标识（GUID）时填写，不含空格",
    )


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded, checked article. `published` is timezone-aware, in Beijing time."""

    slug: str
    title: str
    published: dt.datetime
    author: str | None
    source: str | None
    category: str
    category_name: str
    tags: tuple[str, ...]
    summary: str
    cover: str | None
    deputies: tuple[str, ...]
    stations: tuple[str, ...]
    areas: tuple[str, ...]
    plan_items: tuple[str, ...]
    body: str
    source_path: str
    """The Markdown file, relative to the site root: `content/news/2025-03-15-visit.md`."""
    content_path: str
    """The same file relative to content/: `news/2025-03-15-visit.md` (MkDocs' src_uri)."""
    guid: str | None
    """An explicit `guid:` from the file header; `guid_of()` gives the one feeds use."""
    status: ArticleStatus

    @property
    def url(self) -> str:
        """Site-relative URL of the article's page."""
        return article_url(self.slug)

    def sort_key(self) -> tuple[float, str]:
        """Newest first; the slug breaks ties so equal times always list in the same order."""
        return (-self.published.timestamp(), self.slug)


def article_url(slug: str) -> str:
    return f"news/{slug}/"


def category_url(category_id: str) -> str:
    return f"news/{category_id}/"
