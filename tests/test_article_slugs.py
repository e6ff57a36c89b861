"""Slugs come from the file name (the stable key); GUIDs never depend on the title."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from congress.articles import SHANGHAI, derive_slug, guid_of
from congress.articles.slugs import SLUG_MAX, transliterate
from test_article_site import GOOD, article_site, load

WHEN = dt.datetime(2025, 3, 15, 9, 30, tzinfo=SHANGHAI)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SITE = "https://www.wanglan-rd.example/"

# (case, explicit slug, file stem, title, expected)
CASES = [
    ("ascii file name", None, "2025-03-15-visit", "代表走访", "2025-03-15-visit"),
    (
        "ascii file name tidied",
        None,
        "2025_03_15 Visit--Report",
        "代表走访",
        "2025-03-15-visit-report",
    ),
    ("explicit slug wins", "deputies-visit", "2025-03-15-visit", "代表走访", "deputies-visit"),
    (
        "chinese file name",
        None,
        "代表走访",
        "市人大代表走访青石街道",
        "2025-03-15-dai-biao-zou-fang",
    ),
    (
        "chinese file name with date",
        None,
        "2025-03-15-代表走访",
        "标题",
        "2025-03-15-dai-biao-zou-fang",
    ),
    ("full-width digits", None, "２０２５年会议", "标题", "2025-03-15-2025-nian-hui-yi"),
    (
        "file name with nothing to spell: title",
        None,
        "——",
        "代表走访",
        "2025-03-15-dai-biao-zou-fang",
    ),
    ("ascii symbols only: title", None, "___", "代表走访", "2025-03-15-dai-biao-zou-fang"),
    ("nothing at all: the date", None, "——", "……", "2025-03-15"),
    ("lv keeps ascii", None, "绿色发展", "标题", "2025-03-15-lv-se-fa-zhan"),
]


@pytest.mark.parametrize(
    ("explicit", "stem", "title", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_derive_slug(explicit: str | None, stem: str, title: str, expected: str) -> None:
    slug = derive_slug(explicit, stem, title, WHEN)
    assert slug == expected
    assert SLUG.match(slug)


def test_long_chinese_names_are_cut_between_syllables() -> None:
    stem = "望澜市人大常委会召开代表座谈会听取对今年工作要点和民生实事项目的意见建议"
    slug = derive_slug(None, stem, "标题", WHEN)
    assert len(slug) <= SLUG_MAX
    assert SLUG.match(slug)
    assert transliterate(stem).startswith(slug.removeprefix("2025-03-15-"))


def test_retitling_keeps_slug_and_guid(tmp_path: Path) -> None:
    retitled = GOOD.replace("title: 李明代表走访东湖街道", "title: 李明代表再访东湖街道听取意见")
    first, _ = load(article_site(tmp_path / "before", {"2025-03-15-visit.md": GOOD}))
    second, _ = load(article_site(tmp_path / "after", {"2025-03-15-visit.md": retitled}))
    (before,), (after,) = list(first), list(second)
    assert before.title != after.title
    assert after.slug == before.slug
    assert guid_of(after, SITE) == guid_of(before, SITE)
    assert guid_of(before, SITE) == "tag:www.wanglan-rd.example,2025-03-15:news/2025-03-15-visit"


def test_retitling_a_chinese_named_file_keeps_slug(tmp_path: Path) -> None:
    retitled = GOOD.replace("title: 李明代表走访东湖街道", "title: 全新的标题")
    first, _ = load(article_site(tmp_path / "before", {"代表走访.md": GOOD}))
    second, _ = load(article_site(tmp_path / "after", {"代表走访.md": retitled}))
    (before,), (after,) = list(first), list(second)
    assert before.slug == after.slug == "2025-03-15-dai-biao-zou-fang"
    assert guid_of(after, SITE) == guid_of(before, SITE)


def test_explicit_guid_overrides(tmp_path: Path) -> None:
    text = GOOD.replace("category: news", "category: news\nguid: https://old.example/a/17.html")
    collection, problems = load(article_site(tmp_path, {"2025-03-15-visit.md": text}))
    assert problems == []
    (article,) = list(collection)
    assert guid_of(article, SITE) == "https://old.example/a/17.html"


def test_explicit_slug_keeps_address_when_file_is_renamed(tmp_path: Path) -> None:
    text = GOOD.replace("category: news", "category: news\nslug: 2025-03-15-visit")
    collection, problems = load(article_site(tmp_path, {"2025-03-15-renamed.md": text}))
    assert problems == []
    assert [a.slug for a in collection] == ["2025-03-15-visit"]
