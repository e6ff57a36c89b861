"""Site search as a visitor uses it: a query typed into the header box of a small built site, in
headless Chromium, finds the right pages and fetches nothing from outside the site."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from site_factory import STATION, build, write_site

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from search_measure import run_queries  # noqa: E402

pytestmark = pytest.mark.slow

VOTE_ARTICLE = """\
# 东湖区推行民生实事项目代表票决制

今年，东湖区在区人民代表大会上首次实行民生实事项目人大代表票决制，代表们从十二个候选项目中
投票选出八个，由政府组织实施，代表全程监督。
"""

STATION_2 = (
    STATION.replace("id: east-home", "id: lakeside")
    .replace("东湖街道人大代表之家", "湖滨社区人大代表联络站")
    .replace("kind: home", "kind: station")
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("chromium"):
        pytest.skip("需要 chromium：运行 scripts/install-browser.sh")
    root = write_site(
        tmp_path_factory.mktemp("search"),
        stations={"east-home": STATION, "lakeside": STATION_2},
    )
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n"
    )
    config = config.replace("\nnav:", "\n  - congress-search\nnav:") + "  - 要闻: vote.md\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "content" / "vote.md").write_text(VOTE_ARTICLE, encoding="utf-8")
    return build(root)


CASES = [
    # query, a page it must find
    ("李明", "/deputies/li-ming/"),
    ("东湖街道人大代表之家", "/stations/east-home/"),
    ("湖滨社区人大代表联络站", "/stations/lakeside/"),
    ("联络站", "/stations/lakeside/"),
    ("票决制", "/vote/"),
]


def test_queries_find_the_right_pages_from_the_site_alone(site: Path) -> None:
    results = run_queries(site, [query for query, _ in CASES])
    for (query, expected), result in zip(CASES, results, strict=True):
        assert expected in result.urls, (query, result.urls)
        foreign = [url for url, _ in result.requests if url.startswith(("http:", "https:"))]
        assert not foreign, foreign
        assert any(url.startswith("pagefind/") for url, _ in result.requests)


def test_a_word_not_on_the_site_finds_nothing(site: Path) -> None:
    [result] = run_queries(site, ["铁路货运"])
    assert result.urls == []


def test_the_404_page_is_not_indexed(site: Path) -> None:
    [result] = run_queries(site, ["页面不存在"])
    assert "/404.html" not in result.urls
