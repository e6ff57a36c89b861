"""Fixed vocabularies. YAML holds the English value; visitors and editors see the Chinese label."""

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese label: `city = "city", "市级"`."""

    label: str

    def __new__(cls, value: str, label: str) -> "LabelledEnum":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> str:
        """The allowed values as an editor reads them: `city（市级）、county（县级）`."""
        return "、".join(f"{m.value}（{m.label}）" for m in cls)


class Level(LabelledEnum):
    national = "national", "全国人大代表"
    provincial = "provincial", "省人大代表"
    city = "city", "市人大代表"
    county = "county", "县（区）人大代表"
    township = "township", "乡镇人大代表"


class Gender(LabelledEnum):
    male = "male", "男"
    female = "female", "女"


class DeputyStatus(LabelledEnum):
    current = "current", "现任"
    former = "former", "已离任"


class StartReason(LabelledEnum):
    elected = "elected", "当选"
    by_election = "by_election", "补选"


class EndReason(LabelledEnum):
    term_ended = "term_ended", "届满"
    resigned = "resigned", "辞职"
    recalled = "recalled", "罢免"
    transferred = "transferred", "调离"
    deceased = "deceased", "去世"


class StationKind(LabelledEnum):
    home = "home", "代表之家"
    station = "station", "代表联络站"
    office = "office", "代表工作室"
    point = "point", "代表联络点"
    practice = "practice", "全过程人民民主实践站"


class PracticeTier(LabelledEnum):
    city = "city", "市级中心"
    county = "county", "县级中心"
    basic = "basic", "基层站点"


class AreaKind(LabelledEnum):
    city = "city", "市"
    district = "district", "区"
    county = "county", "县"
    town = "town", "镇"
    township = "township", "乡"
    subdistrict = "subdistrict", "街道"
    village = "village", "村"
    community = "community", "社区"


class CoordinateSource(LabelledEnum):
    amap = "amap", "高德地图拾取"
    tencent = "tencent", "腾讯地图拾取"
    survey = "survey", "实地测量（已转换为GCJ-02）"
