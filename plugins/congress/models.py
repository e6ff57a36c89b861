"""The content model. Each field's title is its Chinese label and its description the hint an editor
sees, both in error messages and in the JSON Schema their editor uses for completion."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from congress.vocab import (
    AreaKind,
    CoordinateSource,
    DeputyStatus,
    EndReason,
    Gender,
    Level,
    PracticeTier,
    StartReason,
    StationKind,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_HINT = "小写拼音字母、数字和连字符，如 zhang-wei-2"


def _date_to_text(value: Any) -> Any:
    # YAML reads 1975-03-01 as a date; keep it text so the year-month pattern explains the mistake.
    return value.isoformat() if isinstance(value, date) else value


Id = Annotated[str, Field(pattern=ID_PATTERN, description=ID_HINT)]
Text = Annotated[str, Field(min_length=1)]
YearMonth = Annotated[
    str,
    BeforeValidator(_date_to_text),
    Field(pattern=r"^(19|20)\d\d-(0[1-9]|1[0-2])$", description="年-月，如 1975-03"),
]
PublicPhone = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),
    Field(
        pattern=r"^(0\d{2,3}-?\d{7,8}(-\d{1,4})?|1[3-9]\d{9}|400-?\d{3}-?\d{4}|12345)$",
        description="公开办公电话，如 0561-3012345",
    ),
]


def _inside_content(path: str) -> str:
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "\\")) or ":" in path or ".." in parts:
        raise ValueError(f"图片路径应相对于 content/ 目录且不能跳出该目录，实际是“{path}”")
    return path


RelativePath = Annotated[
    str,
    AfterValidator(_inside_content),
    Field(description="相对于 content/ 的图片路径，如 images/deputies/zhang-wei.jpg"),
]


class Strict(BaseModel):
    """Refuses unknown keys: a misspelt field is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    title: Text = Field(title="来源名称", description="如 市人大常委会公告第12号")
    url: str | None = Field(
        default=None, title="链接", pattern=r"^https?://\S+$", description="以 http 开头的网址"
    )


class Membership(Strict):
    """One term at one level: 第十七届市人大代表."""

    level: Level = Field(title="层级")
    term: int = Field(title="届次", ge=1, le=30, description="第几届，如 17")
    electoral_unit: Id | None = Field(default=None, title="选举单位")
    delegation: Id | None = Field(default=None, title="代表团")
    deputy_group: Id | None = Field(default=None, title="代表小组")
    start: date = Field(title="任职开始日期", description="如 2022-01-06")
    end: date | None = Field(default=None, title="任职终止日期", description="仍在任则不填")
    start_reason: StartReason = Field(default=StartReason.elected, title="任职原因")
    end_reason: EndReason | None = Field(
        default=None, title="终止原因", validate_default=True, description="填写了终止日期时必填"
    )

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise ValueError(
                f"终止日期应不早于开始日期 {start.isoformat()}，实际是 {end.isoformat()}"
            )
        return end

    @field_validator("end_reason")
    @classmethod
    def _reason_with_end(cls, reason: EndReason | None, info: ValidationInfo) -> EndReason | None:
        has_end = info.data.get("end") is not None
        if has_end and reason is None:
            raise ValueError(f"填写了终止日期，应同时填写终止原因：{EndReason.choices()}")
        if reason is not None and not has_end and "end" in info.data:
            raise ValueError("填写了终止原因，应同时填写终止日期")
        return reason

    def is_current(self, today: date) -> bool:
        return self.start <= today and (self.end is None or self.end >= today)


class Deputy(Strict):
    """人大代表. No field exists for a personal phone, ID-card number or home address."""

    id: Id = Field(title="编号", description=f"与文件名相同；{ID_HINT}")
    name: Text = Field(title="姓名", max_length=20)
    gender: Gender = Field(title="性别")
    ethnicity: str = Field(title="民族", pattern=r"^\S{1,8}族$", description="如 汉族、回族")
    birth: YearMonth = Field(title="出生年月")
    party: Text = Field(title="政治面貌", description="如 中共党员、民盟盟员、群众")
    occupation: Text = Field(title="工作单位及职务")
    status: DeputyStatus = Field(title="状态", description="current 现任；former 已离任")
    photo: RelativePath | None = Field(default=None, title="照片")
    biography: str = Field(default="", title="简介", description="Markdown 文本")
    memberships: list[Membership] = Field(title="任职", min_length=1)
    stations: list[Id] = Field(default=[], title="进驻的联络站", description="联络站编号列表")
    sources: list[Source] = Field(default=[], title="资料来源")

    def current_memberships(self, today: date) -> list[Membership]:
        return [m for m in self.memberships if m.is_current(today)]


class Coordinates(Strict):
    """GCJ-02, as Amap and Tencent maps pick them; never WGS-84 from a GPS device."""

    lng: float = Field(title="经度")
    lat: float = Field(title="纬度")
    source: CoordinateSource = Field(title="坐标来源")

    @field_validator("lat")
    @classmethod
    def _inside_china(cls, lat: float, info: ValidationInfo) -> float:
        lng = info.data.get("lng")
        if lng is not None and not (73.4 <= lng <= 135.1 and 3.8 <= lat <= 53.6):
            raise ValueError(
                f"坐标应在中国境内（经度 73.4～135.1，纬度 3.8～53.6），实际是经度 {lng}、纬度 {lat}；"
                "请检查经纬度是否写反"
            )
        return lat


class Station(Strict):
    """代表之家、联络站、工作室、联络点 and 全过程人民民主实践站."""

    id: Id = Field(title="编号", description=f"与文件名相同；{ID_HINT}")
    name: Text = Field(title="名称")
    kind: StationKind = Field(title="类型")
    tier: PracticeTier | None = Field(
        default=None, title="实践站层级", validate_default=True, description="仅实践站填写"
    )
    area: Id = Field(title="所在区域", description="data/areas.yml 中的区域编号")
    address: Text = Field(title="地址")
    coordinates: Coordinates = Field(title="坐标（GCJ-02）")
    reception: Text = Field(title="接待时间", description="如 每月15日 9:00-11:30")
    phone: PublicPhone = Field(title="联系电话")
    head: Text = Field(title="负责人")
    opened_on: date = Field(title="启用日期")
    photo: RelativePath | None = Field(default=None, title="照片")
    description: str = Field(default="", title="简介", description="Markdown 文本")

    @field_validator("tier")
    @classmethod
    def _tier_for_practice(cls, tier: PracticeTier | None, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        if kind is StationKind.practice and tier is None:
            raise ValueError(f"实践站应填写层级：{PracticeTier.choices()}")
        if kind is not None and kind is not StationKind.practice and tier is not None:
            raise ValueError("只有实践站（kind: practice）才填写层级")
        return tier


class Area(Strict):
    id: Id = Field(title="编号")
    name: Text = Field(title="名称")
    kind: AreaKind = Field(title="类型")
    parent: Id | None = Field(default=None, title="上级区域")
    code: str | None = Field(
        default=None, title="区划代码", pattern=r"^\d{6}(\d{3}|\d{6})?$", description="GB/T 2260"
    )


class Delegation(Strict):
    id: Id = Field(title="编号")
    name: Text = Field(title="名称")
    level: Level = Field(title="层级")
    area: Id | None = Field(default=None, title="所在区域")


class ElectoralUnit(Strict):
    id: Id = Field(title="编号")
    name: Text = Field(title="名称")
    level: Level = Field(title="层级")
    area: Id | None = Field(default=None, title="所在区域")


class DeputyGroup(Strict):
    id: Id = Field(title="编号")
    name: Text = Field(title="名称")
    level: Level = Field(title="层级")
    area: Id | None = Field(default=None, title="所在区域")
    professional: bool = Field(default=False, title="专业代表小组")
