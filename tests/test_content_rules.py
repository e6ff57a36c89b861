"""Every content rule: one broken fixture each; the problem must name file, line, field and say why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from congress.catalog import load_catalog
from congress.problems import Severity
from site_factory import AREAS, DEPUTY, FORMER, STATION, TODAY, write_site

DEPUTY_FILE = "data/deputies/li-ming.yml"
STATION_FILE = "data/stations/east-home.yml"

# (case, file to change, text replaced, replacement, expected path, line, field, words in message)
CASES = [
    (
        "unknown key",
        "li-ming",
        "name: 李明\n",
        "name: 李明\nhobby: 钓鱼\n",
        DEPUTY_FILE,
        3,
        "hobby",
        "不认识的字段“hobby”",
    ),
    ("missing field", "li-ming", "gender: male\n", "", DEPUTY_FILE, 1, "gender", "缺少必填字段"),
    (
        "unknown enum value",
        "li-ming",
        "gender: male",
        "gender: man",
        DEPUTY_FILE,
        3,
        "gender",
        "应为以下之一：male（男）、female（女），实际是“man”",
    ),
    (
        "enum left empty",
        "li-ming",
        "gender: male",
        "gender:",
        DEPUTY_FILE,
        3,
        "gender",
        "male（男）、female（女），还没有填写",
    ),
    (
        "text left empty",
        "li-ming",
        "party: 中共党员",
        "party:",
        DEPUTY_FILE,
        6,
        "party",
        "应为文字（如 中共党员、民盟盟员、群众），还没有填写",
    ),
    (
        "start not a date",
        "li-ming",
        "start: 2022-01-06",
        "start: 2022年1月6日",
        DEPUTY_FILE,
        16,
        "memberships[0].start",
        "应为日期（如 2022-01-06），实际是“2022年1月6日”",
    ),
    (
        "birth not year-month",
        "li-ming",
        'birth: "1970-05"',
        'birth: "1970-5"',
        DEPUTY_FILE,
        5,
        "birth",
        "年-月",
    ),
    (
        "birth written as a date",
        "li-ming",
        'birth: "1970-05"',
        "birth: 1970-05-01",
        DEPUTY_FILE,
        5,
        "birth",
        "实际是“1970-05-01”",
    ),
    (
        "id differs from file name",
        "li-ming",
        "id: li-ming",
        "id: li-ming-2",
        DEPUTY_FILE,
        1,
        "id",
        "应为“li-ming”",
    ),
    ("id not pinyin", "li-ming", "id: li-ming", "id: 李明", DEPUTY_FILE, 1, "id", "小写拼音字母"),
    (
        "unknown station",
        "li-ming",
        "  - east-home",
        "  - nowhere",
        DEPUTY_FILE,
        22,
        "stations[0]",
        "未找到联络站“nowhere”",
    ),
    (
        "unknown delegation",
        "li-ming",
        "delegation: east-del",
        "delegation: west-del",
        DEPUTY_FILE,
        14,
        "memberships[0].delegation",
        "未找到代表团“west-del”",
    ),
    (
        "unknown group",
        "li-ming",
        "deputy_group: east-group",
        "deputy_group: nope",
        DEPUTY_FILE,
        15,
        "memberships[0].deputy_group",
        "未找到代表小组“nope”",
    ),
    (
        "unknown electoral unit",
        "li-ming",
        "electoral_unit: east-county-1",
        "electoral_unit: x",
        DEPUTY_FILE,
        19,
        "memberships[1].electoral_unit",
        "未找到选举单位“x”",
    ),
    (
        "level mismatch",
        "li-ming",
        "electoral_unit: east-county-1",
        "electoral_unit: east-city",
        DEPUTY_FILE,
        19,
        "memberships[1].electoral_unit",
        "应与本条任职的层级（县（区）人大代表）一致",
    ),
    (
        "ends before it starts",
        "li-ming",
        "    start: 2022-01-06\n",
        "    start: 2022-01-06\n    end: 2020-01-01\n    end_reason: resigned\n",
        DEPUTY_FILE,
        17,
        "memberships[0].end",
        "终止日期应不早于开始日期 2022-01-06",
    ),
    (
        "end without reason",
        "li-ming",
        "    start: 2021-12-28\n",
        "    start: 2021-12-28\n    end: 2023-01-01\n",
        DEPUTY_FILE,
        17,
        "memberships[1].end_reason",
        "应同时填写终止原因",
    ),
    (
        "two seats in one term",
        "li-ming",
        "  - level: county\n    term: 12",
        "  - level: city\n    term: 17",
        DEPUTY_FILE,
        17,
        "memberships[1]",
        "同一层级同一届次只能有一条任职",
    ),
    (
        "current without current seat",
        "zhao-lan",
        "status: former",
        "status: current",
        "data/deputies/zhao-lan.yml",
        8,
        "status",
        "没有在任的任职",
    ),
    (
        "former with current seat",
        "li-ming",
        "status: current",
        "status: former",
        DEPUTY_FILE,
        8,
        "status",
        "仍有在任的任职",
    ),
    (
        "mobile number",
        "li-ming",
        "biography: 长期从事基础教育工作。",
        "biography: 联系电话13912345678。",
        DEPUTY_FILE,
        9,
        "biography",
        "疑似个人手机号码",
    ),
    (
        "mobile number with spaces",
        "li-ming",
        "biography: 长期从事基础教育工作。",
        "biography: 联系电话 139 1234 5678。",
        DEPUTY_FILE,
        9,
        "biography",
        "疑似个人手机号码",
    ),
    (
        "mobile number with hyphens",
        "li-ming",
        "biography: 长期从事基础教育工作。",
        "biography: 联系电话139-1234-5678。",
        DEPUTY_FILE,
        9,
        "biography",
        "疑似个人手机号码",
    ),
    (
        "mobile number in full-width digits",
        "li-ming",
        "biography: 长期从事基础教育工作。",
        "biography: 联系电话１３９１２３４５６７８。",
        DEPUTY_FILE,
        9,
        "biography",
        "疑似个人手机号码",
    ),
    (
        "mobile number of a station's head",
        "east-home",
        "head: 王敏（街道人大工委主任）",
        "head: 王敏（手机13912345678）",
        STATION_FILE,
        12,
        "head",
        "疑似个人手机号码",
    ),
    (
        "ID-card number",
        "li-ming",
        "occupation: 东湖区第一小学校长",
        "occupation: 校长 34010219700501123X",
        DEPUTY_FILE,
        7,
        "occupation",
        "疑似居民身份证号码",
    ),
    (
        "home address",
        "li-ming",
        "biography: 长期从事基础教育工作。",
        "biography: 家庭住址：湖滨路1号",
        DEPUTY_FILE,
        9,
        "biography",
        "疑似家庭住址",
    ),
    ("broken YAML", "li-ming", "name: 李明", "name: [李明", DEPUTY_FILE, 3, "", "YAML 格式错误"),
    (
        "missing photo",
        "li-ming",
        "status: current\n",
        "status: current\nphoto: images/li-ming.jpg\n",
        DEPUTY_FILE,
        9,
        "photo",
        "找不到照片文件 content/images/li-ming.jpg",
    ),
    (
        "photo outside content",
        "li-ming",
        "status: current\n",
        "status: current\nphoto: ../../etc/passwd\n",
        DEPUTY_FILE,
        9,
        "photo",
        "不能跳出该目录",
    ),
    (
        "absolute photo path",
        "li-ming",
        "status: current\n",
        "status: current\nphoto: /etc/passwd\n",
        DEPUTY_FILE,
        9,
        "photo",
        "不能跳出该目录",
    ),
    (
        "coordinates outside China",
        "east-home",
        "lng: 117.5",
        "lng: 17.5",
        STATION_FILE,
        8,
        "coordinates.lat",
        "坐标应在中国境内",
    ),
    (
        "coordinates swapped",
        "east-home",
        "lng: 117.5\n  lat: 31.8",
        "lng: 31.8\n  lat: 117.5",
        STATION_FILE,
        8,
        "coordinates.lat",
        "经纬度是否写反",
    ),
    (
        "practice station without tier",
        "east-home",
        "kind: home",
        "kind: practice",
        STATION_FILE,
        1,
        "tier",
        "实践站应填写层级",
    ),
    (
        "tier on a home",
        "east-home",
        "kind: home\n",
        "kind: home\ntier: basic\n",
        STATION_FILE,
        4,
        "tier",
        "只有实践站",
    ),
    (
        "unknown area",
        "east-home",
        "area: east-town",
        "area: nowhere",
        STATION_FILE,
        4,
        "area",
        "未找到区域“nowhere”",
    ),
    (
        "personal-looking phone format",
        "east-home",
        "phone: 0551-6201234",
        "phone: 12",
        STATION_FILE,
        11,
        "phone",
        "格式不对，应为公开办公电话",
    ),
    (
        "date that is no date",
        "east-home",
        "opened_on: 2019-06-01",
        "opened_on: 去年",
        STATION_FILE,
        13,
        "opened_on",
        "应为日期",
    ),
    (
        "duplicate area id",
        "areas",
        "- id: east-town",
        "- id: east",
        "data/areas.yml",
        8,
        "[2].id",
        "编号“east”重复，已在 data/areas.yml 第 4 行使用",
    ),
    (
        "unknown parent area",
        "areas",
        "parent: east\n",
        "parent: west\n",
        "data/areas.yml",
        11,
        "[2].parent",
        "未找到区域“west”",
    ),
]


def _site(tmp_path: Path, stem: str, old: str, new: str) -> Path:
    files = {"li-ming": DEPUTY, "zhao-lan": FORMER, "east-home": STATION, "areas": AREAS}
    assert old in files[stem], f"fixture text not found: {old!r}"
    files[stem] = files[stem].replace(old, new, 1)
    return write_site(
        tmp_path,
        deputies={"li-ming": files["li-ming"], "zhao-lan": files["zhao-lan"]},
        stations={"east-home": files["east-home"]},
        areas=files["areas"],
    )


def test_the_fixture_site_is_clean(tmp_path: Path) -> None:
    _, problems = load_catalog(write_site(tmp_path), date.fromisoformat(TODAY))
    assert problems == []


@pytest.mark.parametrize(
    ("case", "stem", "old", "new", "path", "line", "field", "words"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_rule(
    tmp_path: Path,
    case: str,
    stem: str,
    old: str,
    new: str,
    path: str,
    line: int,
    field: str,
    words: str,
) -> None:
    _, problems = load_catalog(_site(tmp_path, stem, old, new), date.fromisoformat(TODAY))
    errors = [p for p in problems if p.severity is Severity.error]
    matching = [p for p in errors if words in p.message]
    assert matching, f"no problem says {words!r}; got: {[str(p) for p in problems]}"
    problem = matching[0]
    assert (problem.path, problem.line, problem.field) == (path, line, field), str(problem)
    assert str(problem).startswith(f"{path}:{line}:")


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    deputy = DEPUTY.replace("gender: male", "gender: man").replace("  - east-home", "  - nowhere")
    station = STATION.replace("area: east-town", "area: nowhere")
    root = write_site(tmp_path, deputies={"li-ming": deputy}, stations={"east-home": station})
    _, problems = load_catalog(root, date.fromisoformat(TODAY))
    fields = {(p.path, p.field) for p in problems}
    assert {(DEPUTY_FILE, "gender"), (STATION_FILE, "area")} <= fields
    assert problems == sorted(problems)


def test_station_without_deputies_is_a_warning(tmp_path: Path) -> None:
    root = write_site(tmp_path, deputies={})
    _, problems = load_catalog(root, date.fromisoformat(TODAY))
    assert [(p.severity, p.path) for p in problems] == [(Severity.warning, STATION_FILE)]
    assert "没有现任代表进驻" in problems[0].message


@pytest.mark.parametrize(
    ("file_stem", "id_line", "renamed"),
    [
        ("李明", "id: li-ming", "li-ming.yml"),
        ("李明", "id: 李明", "li-ming.yml"),
        ("Li-Ming", "id: Li-Ming", "li-ming.yml"),
    ],
)
def test_a_file_named_other_than_an_id_is_told_its_name(
    tmp_path: Path, file_stem: str, id_line: str, renamed: str
) -> None:
    deputy = DEPUTY.replace("id: li-ming", id_line)
    root = write_site(tmp_path, deputies={file_stem: deputy, "zhao-lan": FORMER})
    _, problems = load_catalog(root, date.fromisoformat(TODAY))
    errors = [p for p in problems if p.severity is Severity.error]
    assert [(p.path, p.line) for p in errors] == [(f"data/deputies/{file_stem}.yml", 1)]
    assert f"请把文件改名为 {renamed}" in errors[0].message
