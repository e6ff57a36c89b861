"""`congress new`: a new deputy, station or article file names every field the check knows, leaves
the required ones for the check to point at, and never overwrites or publishes anything."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from congress.articles.front_matter import parse_front_matter
from congress.articles.model import SHANGHAI, FrontMatter
from congress.models import Coordinates, Deputy, Membership, Station
from congress.person_ids import person_id
from congress.problems import Problem, Severity
from congress.scaffold import new_article, new_deputy, new_station, write_new
from congress.site_check import check_site
from congress.vocab import StationKind
from pydantic import BaseModel
from site_factory import TODAY, write_site

REPO = Path(__file__).resolve().parent.parent
NOON = dt.datetime(2026, 3, 15, 12, 0, tzinfo=SHANGHAI)

# What an editor fills in where the scaffold leaves a key empty, by key.
FILLED = {
    "gender": "male",
    "ethnicity": "汉族",
    "birth": '"1972-04"',
    "party": "群众",
    "occupation": "东湖区第二中学教师",
    "level": "county",
    "term": "12",
    "start": "2021-12-28",
    "area": "east-town",
    "address": "东湖区东湖街道湖滨路8号",
    "lng": "118.79",
    "lat": "30.05",
    "source": "amap",
    "reception": "每周三 9:00-11:30",
    "phone": "0561-3012345",
    "head": "周红（街道人大工委主任）",
    "opened_on": "2024-05-01",
    "tier": "basic",
}


def _site(tmp_path: Path) -> Path:
    root = write_site(tmp_path)
    categories = (REPO / "data" / "categories.yml").read_text(encoding="utf-8")
    (root / "data" / "categories.yml").write_text(categories, encoding="utf-8")
    return root


def _errors(root: Path) -> list[Problem]:
    problems = check_site(root, dt.date.fromisoformat(TODAY))
    return [p for p in problems if p.severity is Severity.error]


def _fill(text: str) -> str:
    return re.sub(
        r"^(\s*(?:- )?)(\w+):$",
        lambda m: f"{m[1]}{m[2]}: {FILLED[m[2]]}" if m[2] in FILLED else m[0],
        text,
        flags=re.M,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("曹永福", "cao-yongfu"),
        ("王芳", "wang-fang"),
        ("欧阳明月", "ouyang-mingyue"),
        ("曾国强", "zeng-guoqiang"),  # a surname read otherwise than the word
        ("单雄", "shan-xiong"),
        ("买买提·艾力", "maimaiti-aili"),
        ("John Smith", "john-smith"),
        ("  李 ", "li"),
        ("😀", ""),
    ],
)
def test_a_deputy_id_is_the_surname_then_the_given_name(name: str, expected: str) -> None:
    assert person_id(name) == expected


def test_the_sample_deputies_ids_are_spelt_the_same_way() -> None:
    for file in sorted((REPO / "data" / "deputies").glob("*.yml")):
        record = yaml.safe_load(file.read_text(encoding="utf-8"))
        if not re.search(r"-\d+$", record["id"]):
            assert person_id(record["name"]) == record["id"], file.name


def _keys(text: str) -> set[str]:
    """Every key the file names, written or commented out."""
    return set(re.findall(r"^[\s#-]*(\w+):", text, flags=re.M)) - {"yaml"}


@pytest.mark.parametrize(
    ("model", "parts"),
    [(Deputy, [Deputy, Membership]), (Station, [Station, Coordinates])],
)
def test_a_new_record_names_every_field_of_its_model(
    tmp_path: Path, model: type[BaseModel], parts: list[type[BaseModel]]
) -> None:
    make = new_deputy if model is Deputy else new_station
    made, refusals = make(_site(tmp_path), "周红")
    assert made is not None, refusals
    assert _keys(made.text) == {name for part in parts for name in part.model_fields}


def test_the_check_points_at_each_field_a_new_deputy_still_needs_then_passes(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    made, refusals = new_deputy(root, "周红")
    assert made is not None and not refusals
    assert write_new(root, made) is None
    assert made.path.as_posix() == "data/deputies/zhou-hong.yml"
    lines = made.text.splitlines()
    empty = {
        line.strip(" -")[:-1]: n
        for n, line in enumerate(lines, 1)
        if re.fullmatch(r"[\s-]*\w+:", line)
    }
    empty.pop("memberships")
    errors = _errors(root)
    assert {(p.field.split(".")[-1], p.line) for p in errors} == set(empty.items())
    assert all("还没有填写" in p.message for p in errors)
    (root / made.path).write_text(_fill(made.text), encoding="utf-8")
    assert _errors(root) == []


def test_a_new_practice_station_asks_for_its_tier_and_passes_once_filled(tmp_path: Path) -> None:
    root = _site(tmp_path)
    made, _ = new_station(root, "东湖街道实践站", "east-practice", StationKind.practice)
    assert made is not None and write_new(root, made) is None
    assert "\nkind: practice\n" in made.text and "\ntier:\n" in made.text
    assert any(p.field == "tier" for p in _errors(root))
    (root / made.path).write_text(_fill(made.text), encoding="utf-8")
    assert _errors(root) == []


def test_a_name_already_taken_gets_the_next_id_and_the_editor_is_told(tmp_path: Path) -> None:
    root = _site(tmp_path)  # holds li-ming, 李明
    made, _ = new_deputy(root, "李明")
    assert made is not None
    assert made.path.name == "li-ming-2.yml"
    assert "li-ming（李明） 已被使用" in made.notes[0]
    assert "同一个人" in made.notes[0]


@pytest.mark.parametrize(
    ("name", "given_id", "words"),
    [
        ("李明", "li-ming", "已存在，没有覆盖"),
        ("李明", "李明", "小写拼音字母"),
        ("", None, "不能为空"),
        ("张" * 21, None, "不能超过 20 个字"),
        ("😀", None, "请用 --id 指定"),
    ],
)
def test_a_deputy_that_cannot_be_made_is_refused_in_words(
    tmp_path: Path, name: str, given_id: str | None, words: str
) -> None:
    root = _site(tmp_path)
    before = sorted((root / "data" / "deputies").iterdir())
    made, refusals = new_deputy(root, name, given_id)
    assert made is None
    assert any(words in r for r in refusals), refusals
    assert sorted((root / "data" / "deputies").iterdir()) == before


@pytest.mark.parametrize(
    "title",
    [
        "代表走进社区听民声",
        "代表: 听民声 #1",
        "- 以横线开头",
        "“引号”和 'quotes' 与 \"双引号\"",
        "[方括号] {花括号} @ ` % ! & *",
        "yes",
        "2025-03-15",
        "行\u2028分隔",
    ],
)
def test_a_new_article_is_a_clean_draft_with_the_title_as_typed(tmp_path: Path, title: str) -> None:
    root = _site(tmp_path)
    made, refusals = new_article(root, title, "news", NOON)
    assert made is not None, refusals
    assert write_new(root, made) is None
    assert made.path.parent.as_posix() == "content/news"
    assert made.path.name.startswith("2026-03-15")
    parsed, problems = parse_front_matter((root / made.path).read_text(encoding="utf-8"), "x")
    assert parsed.header is not None and problems == []
    front = FrontMatter.model_validate(parsed.header.data)
    assert (front.title, front.status.value, front.date) == (title, "draft", NOON)
    assert _keys(made.text.split("---")[1]) == set(FrontMatter.model_fields)
    assert _errors(root) == []


def test_a_second_article_of_the_same_title_and_day_gets_its_own_file(tmp_path: Path) -> None:
    root = _site(tmp_path)
    paths = []
    for _ in range(2):
        made, _ = new_article(root, "接待日", "news", NOON)
        assert made is not None and write_new(root, made) is None
        paths.append(made.path)
    assert paths[0] != paths[1]


@pytest.mark.parametrize(
    ("title", "category", "words"),
    [
        ("接待日", "nope", "news（要闻）"),
        ("接待日", "新闻", "news（要闻）"),
        ("长" * 121, "news", "不能超过 120 个字"),
        ("  ", "news", "不能为空"),
    ],
)
def test_an_article_that_cannot_be_made_is_refused_in_words(
    tmp_path: Path, title: str, category: str, words: str
) -> None:
    made, refusals = new_article(_site(tmp_path), title, category, NOON)
    assert made is None
    assert any(words in r for r in refusals), refusals


def _congress(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "congress", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_the_command_writes_once_and_never_overwrites(tmp_path: Path) -> None:
    root = _site(tmp_path)
    first = _congress("new", "deputy", "周红", "--site", str(root))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "已新建 data/deputies/zhou-hong.yml" in first.stdout
    file = root / "data" / "deputies" / "zhou-hong.yml"
    file.write_text(_fill(file.read_text(encoding="utf-8")), encoding="utf-8")
    kept = file.read_bytes()
    again = _congress("new", "deputy", "周红", "--id", "zhou-hong", "--site", str(root))
    assert again.returncode == 1
    assert "已存在，没有覆盖" in again.stdout and "没有新建文件" in again.stdout
    assert file.read_bytes() == kept


def test_the_command_takes_an_article_date_in_beijing_time(tmp_path: Path) -> None:
    root = _site(tmp_path)
    args = ("new", "article", "接待日", "--category", "news", "--site", str(root))
    done = _congress(*args, "--date", "2026-03-15 12:00")
    assert done.returncode == 0, done.stdout + done.stderr
    (file,) = (root / "content" / "news").glob("*.md")
    assert "\ndate: 2026-03-15 12:00\n" in file.read_text(encoding="utf-8")
    wrong = _congress(*args, "--date", "3月15日")
    assert wrong.returncode == 1 and "应为日期" in wrong.stdout
