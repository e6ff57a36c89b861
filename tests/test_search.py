"""Site search as a visitor uses it: a query typed into the header box of a small built site, in
headless Chromium, finds the right pages and fetches nothing from outside the site. And the index
as an editor's build makes it: every page but the 404 page, the same index Pagefind makes of the
finished site, and a Chinese error with no Pagefind process left behind when something fails."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from congress_mkdocs.preview import PREVIEW
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import get_executable
from site_factory import STATION, build, write_site

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from search_measure import run_queries  # noqa: E402

pytestmark = pytest.mark.slow

VOTE_ARTICLE = """\
# 东湖区推行民生实事项目代表票决制

今年，东湖区在区人民代表大会上首次实行民生实事项目人大代表票决制，代表们从十二个候选项目中
投票选出八个，由政府组织实施，代表全程监督。

<article class="vote-result"><p>票决结果：八个项目当选。</p></article>

会后，代表们将分组视察项目进展。
"""

STATION_2 = (
    STATION.replace("id: east-home", "id: lakeside")
    .replace("东湖街道人大代表之家", "湖滨社区人大代表联络站")
    .replace("kind: home", "kind: station")
)


# A page an editor wrote as HTML: MkDocs copies it as it is, and search finds it like any page.
LEAFLET = """\
<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>便民手册</title></head>
<body><article class="md-content__inner md-typeset"><h1>代表联络便民手册</h1>
<p>群众可以通过联络站的公开电话预约代表接待。</p></article></body></html>
"""


def search_site(
    root: Path, *, hooks: str = "", part_characters: int | None = None, extra_pages: int = 0
) -> Path:
    """The test site with the search plugin, a news page and a hand-written HTML page; `hooks`
    is the source of a MkDocs hooks file to add to the build, `part_characters` the plugin's option,
    `extra_pages` a number of short pages to add (out of the navigation)."""
    write_site(root, stations={"east-home": STATION, "lakeside": STATION_2})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n"
    )
    plugin = "  - congress-search\n"
    if part_characters is not None:
        plugin = f"  - congress-search:\n      part_characters: {part_characters}\n"
    config = config.replace("\nnav:", f"\n{plugin}nav:") + "  - 要闻: vote.md\n"
    for number in range(1, extra_pages + 1):
        page = root / "content" / "extra" / f"{number}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"# 附页 {number}\n\n第 {number} 页的正文。\n", encoding="utf-8")
    if hooks:
        (root / "hooks.py").write_text(hooks, encoding="utf-8")
        config += "hooks:\n  - hooks.py\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "content" / "vote.md").write_text(VOTE_ARTICLE, encoding="utf-8")
    (root / "content" / "leaflet.html").write_text(LEAFLET, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("chromium"):
        pytest.skip("需要 chromium：运行 scripts/install-browser.sh")
    return build(search_site(tmp_path_factory.mktemp("search")))


CASES = [
    # query, a page it must find
    ("李明", "/deputies/li-ming/"),
    ("东湖街道人大代表之家", "/stations/east-home/"),
    ("湖滨社区人大代表联络站", "/stations/lakeside/"),
    ("联络站", "/stations/lakeside/"),
    ("票决制", "/vote/"),
]


def assert_found(site: Path, cases: list[tuple[str, str]], index_folder: str) -> None:
    """Each query finds its page, with requests to `index_folder` and none outside the site."""
    results = run_queries(site, [query for query, _ in cases])
    for (query, expected), result in zip(cases, results, strict=True):
        assert expected in result.urls, (query, result.urls)
        foreign = [url for url, _ in result.requests if url.startswith(("http:", "https:"))]
        assert not foreign, foreign
        assert any(url.startswith(index_folder) for url, _ in result.requests)


def test_queries_find_the_right_pages_from_the_site_alone(site: Path) -> None:
    assert_found(site, CASES, "pagefind/")


def test_a_word_not_on_the_site_finds_nothing(site: Path) -> None:
    [result] = run_queries(site, ["铁路货运"])
    assert result.urls == []


def test_a_site_without_a_parts_list_searches_its_one_part(site: Path, tmp_path: Path) -> None:
    # A site built before the index was split, or a server that does not serve parts.json.
    copy = shutil.copytree(site, tmp_path / "site")
    (copy / "pagefind" / "parts.json").unlink()
    [result] = run_queries(copy, ["票决制"])
    assert result.urls == ["/vote/"]


def test_the_404_page_is_not_indexed(site: Path) -> None:
    [result] = run_queries(site, ["页面不存在"])
    assert "/404.html" not in result.urls


def fragments(bundle: Path) -> dict[str, dict[str, object]]:
    """Each indexed page's record (URL, title, text a result's excerpt comes from), by file name:
    the name is a hash of the record, so equal names mean equal records."""
    return {
        path.name: json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        for path in (bundle / "fragment").iterdir()
    }


def records(bundle: Path) -> list[dict[str, object]]:
    """Every indexed page's record, across all parts."""
    return [record for folder in part_folders(bundle) for record in fragments(folder).values()]


def text(record: dict[str, object]) -> str:
    """A record's text without the zero-width spaces Pagefind puts between words."""
    return str(record["content"]).replace("\u200b", "")


ARTICLE_URL = re.compile(r"/news/\d{4}-\d\d-\d\d-.+/")


def part_folders(bundle: Path) -> list[Path]:
    """The folders the index was written to: the bundle's own, then part-2/, part-3/..."""
    parts = sorted(bundle.glob("part-*"), key=lambda path: int(path.name.removeprefix("part-")))
    return [bundle, *parts]


def html_pages(site: Path) -> set[str]:
    """The URLs of the site's HTML pages but the 404 page, as Pagefind records them."""
    return {
        "/" + p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("*.html")
        if "pagefind" not in p.relative_to(site).parts and p.name != "404.html"
    }


def index_of_folder(site: Path, bundle: Path) -> None:
    """The index Pagefind makes of a finished site folder, as the plugin used to make it."""

    async def run() -> None:
        options = IndexConfig(
            root_selector="article.md-content__inner",
            exclude_selectors=[".headerlink", ".md-source-file"],
            force_language="zh",
            output_path=str(bundle),
        )
        async with PagefindIndex(config=options) as index:
            await index.add_directory(str(site), glob="**/{index,[!4]*}.html")

    asyncio.run(run())


def test_every_page_but_404_is_indexed_as_pagefind_indexes_the_finished_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.congress.search"):
        site = build(search_site(tmp_path / "src"))
    expected = html_pages(site)
    indexed = fragments(site / "pagefind")
    assert {str(record["url"]) for record in indexed.values()} == expected
    assert "/leaflet.html" in expected and "/vote/" in expected
    assert f"站内搜索：已索引 {len(expected)} 个页面" in caplog.messages
    assert part_folders(site / "pagefind") == [site / "pagefind"]
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == {"parts": []}

    index_of_folder(site, tmp_path / "reference")
    assert indexed == fragments(tmp_path / "reference")


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site with its index written in parts of a few pages each."""
    if not shutil.which("chromium"):
        pytest.skip("需要 chromium：运行 scripts/install-browser.sh")
    return build(search_site(tmp_path_factory.mktemp("parted"), part_characters=PART_CHARACTERS))


PART_CHARACTERS = 1500  # a page or two of the test site: each counts as 600 and its text


def urls_by_part(bundle: Path) -> list[list[str]]:
    return [
        sorted(str(record["url"]) for record in fragments(folder).values())
        for folder in part_folders(bundle)
    ]


def test_an_index_in_parts_holds_every_page_but_404_once(parted_site: Path) -> None:
    parts = urls_by_part(parted_site / "pagefind")
    every = [url for urls in parts for url in urls]
    assert sorted(every) == sorted(html_pages(parted_site))
    assert len(parts) >= 3
    assert all(0 < len(urls) < len(every) for urls in parts), parts


def test_parts_json_lists_the_parts_written_and_they_hold_only_their_index(
    parted_site: Path,
) -> None:
    bundle = parted_site / "pagefind"
    manifest = json.loads((bundle / "parts.json").read_text(encoding="utf-8"))
    folders = part_folders(bundle)[1:]
    assert manifest == {"parts": [f"{folder.name}/" for folder in folders]}
    for folder in folders:
        names = {path.name for path in folder.iterdir()}
        assert {"fragment", "index", "pagefind-entry.json"} <= names, names
        assert any(name.endswith(".pf_meta") for name in names), names
        assert not names & {"pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"}


def test_a_dirty_build_in_fewer_parts_removes_the_parts_left_over(tmp_path: Path) -> None:
    root = search_site(tmp_path / "src", part_characters=PART_CHARACTERS)
    site = build(root)
    assert len(part_folders(site / "pagefind")) > 1
    # Not strict: MkDocs warns that a dirty build's navigation may be stale.
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins["congress-search"].config.part_characters = 1_000_000
    mkdocs_build(config, dirty=True)
    assert part_folders(site / "pagefind") == [site / "pagefind"]
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == {"parts": []}
    assert sorted(urls_by_part(site / "pagefind")[0]) == sorted(html_pages(site))


def test_hidden_folders_in_the_site_folder_are_not_searched(tmp_path: Path) -> None:
    # MkDocs keeps hidden entries when it empties the site folder: a cache, a checkout's .git.
    root = search_site(tmp_path / "src")
    hidden = root / "site" / ".cache" / "articles" / "page.html"
    hidden.parent.mkdir(parents=True)
    hidden.write_text(LEAFLET.replace("便民手册", "缓存里的旧页面"), encoding="utf-8")
    site = build(root)
    indexed = {url for part in urls_by_part(site / "pagefind") for url in part}
    assert indexed == html_pages(site) - {"/.cache/articles/page.html"}
    assert "/.cache/articles/page.html" not in indexed and "/leaflet.html" in indexed


def test_queries_find_pages_in_every_part(parted_site: Path) -> None:
    cases = [*CASES, ("代表联络便民手册", "/leaflet.html")]
    parts = urls_by_part(parted_site / "pagefind")
    holding = {next(i for i, urls in enumerate(parts) if url in urls) for _, url in cases}
    assert len(holding) > 1, parts  # the pages sought are spread over several parts
    assert_found(parted_site, cases, "pagefind/part-")


@pytest.mark.slow
def test_a_lists_later_pages_are_left_out_and_the_pages_they_list_are_in(
    sample_site: Path,
) -> None:
    indexed = {url for urls in urls_by_part(sample_site / "pagefind") for url in urls}
    later = {url for url in html_pages(sample_site) if "/page/" in url}
    assert "/news/page/2/" in later and "/news/" in indexed
    assert indexed == html_pages(sample_site) - later


@pytest.mark.slow
def test_an_articles_neighbours_and_related_reports_are_not_its_text(sample_site: Path) -> None:
    articles = [
        r for r in records(sample_site / "pagefind") if ARTICLE_URL.fullmatch(str(r["url"]))
    ]
    assert len(articles) > 10
    for record in articles:
        assert "上一篇" not in text(record) and "下一篇" not in text(record)


@pytest.mark.slow
def test_a_deputys_listed_reports_and_qr_caption_are_not_its_text(sample_site: Path) -> None:
    indexed = records(sample_site / "pagefind")
    titles = {str(r["meta"]["title"]) for r in indexed if ARTICLE_URL.fullmatch(str(r["url"]))}
    profiles = [r for r in indexed if re.fullmatch(r"/deputies/[^/]+/", str(r["url"]))]
    assert len(profiles) > 10
    for record in profiles:
        content = text(record)
        assert "扫码访问本页" not in content and "相关报道" not in content
        assert not [title for title in titles if title in content], record["url"]


# Stands in for Pagefind: notes its process id, the site it indexes and the folder it runs in,
# then is Pagefind.
WRAPPER = """\
#!/bin/sh
echo $$ >> "{pid_file}"
find site -name '*.html' | sort > "{pid_file}.$$"
pwd > "{pid_file}.$$.cwd"
{before}
exec "{pagefind}" "$@"
"""
# Run by the wrapper before Pagefind: the second Pagefind a build starts fails.
FAIL_SECOND = '[ "$(wc -l < "{pid_file}")" -eq 2 ] && {{ echo 索引出错 >&2; exit 3; }}'


def pagefind_wrapper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str = "") -> Path:
    """Puts a wrapper in Pagefind's place; returns the file each run writes its process id to."""
    pid_file = tmp_path / "pagefind.pid"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(
        WRAPPER.format(
            pid_file=pid_file,
            pagefind=get_executable(),
            before=before.format(pid_file=pid_file),
        )
    )
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    return pid_file


@pytest.fixture
def pid_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return pagefind_wrapper(tmp_path, monkeypatch)


def runs(pid_file: Path) -> list[list[str]]:
    """The pages each Pagefind run was given, one list per run."""
    if not pid_file.exists():
        return []
    return [Path(f"{pid_file}.{pid}").read_text().split() for pid in pid_file.read_text().split()]


def assert_nothing_left(pid_file: Path) -> None:
    for pid in pid_file.read_text().split() if pid_file.exists() else []:
        assert not Path(f"/proc/{pid}").exists(), "Pagefind 进程仍在运行（或未被回收）"


def test_an_unchanged_site_reuses_every_part_and_an_edit_indexes_one_part_again(
    tmp_path: Path, pid_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = search_site(tmp_path / "src", part_characters=PART_CHARACTERS)
    site = build(root)
    first = urls_by_part(site / "pagefind")
    made = runs(pid_file)
    assert len(made) == len(first)  # one Pagefind run for each part

    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.congress.search"):
        build(root)
    assert len(runs(pid_file)) == len(made)  # nothing indexed again
    assert urls_by_part(site / "pagefind") == first
    assert f"{len(first)} 个部分沿用缓存" in caplog.text

    vote = root / "content" / "vote.md"
    vote.write_text(vote.read_text(encoding="utf-8") + "\n会议还听取了湿地保护情况报告。\n")
    build(root)
    again = runs(pid_file)[len(made) :]
    assert len(again) == 1 and "site/vote/index.html" in again[0]
    [result] = run_queries(site, ["湿地保护"])
    assert "/vote/" in result.urls
    assert len(list((root / ".cache" / "search").iterdir())) == len(first)  # the old part is gone
    assert_nothing_left(pid_file)


# Notes, when the pages are all written and before the index is finished, how many Pagefind runs
# have started.
COUNT_RUNS = """\
from pathlib import Path

def on_post_build(config, **kwargs):
    pid_file = Path({pid_file!r})
    runs = pid_file.read_text().split() if pid_file.exists() else []
    Path({noted!r}).write_text(str(len(runs)))
"""


def test_parts_are_indexed_while_the_rest_of_the_site_is_written(
    tmp_path: Path, pid_file: Path
) -> None:
    noted = tmp_path / "runs-before-the-end"
    hooks = COUNT_RUNS.format(pid_file=str(pid_file), noted=str(noted))
    site = build(search_site(tmp_path / "src", hooks=hooks, part_characters=PART_CHARACTERS))
    parts = len(part_folders(site / "pagefind"))
    assert len(runs(pid_file)) == parts > 2
    assert int(noted.read_text()) >= 1  # Pagefind was at work before the last page was written


def failed_build(root: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The build's error messages; it must fail without writing a complete index."""
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        mkdocs_build(config)
    assert not (Path(config.site_dir) / "pagefind" / "parts.json").exists()
    return caplog.messages


def test_pagefind_failing_fails_the_build_in_chinese_and_keeps_the_parts_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    pid_file = pagefind_wrapper(tmp_path, monkeypatch, before=FAIL_SECOND)
    root = search_site(tmp_path / "src", part_characters=PART_CHARACTERS)
    messages = failed_build(root, caplog)
    assert any("站内搜索索引生成失败：Pagefind 出错退出（代码 3）：索引出错" in m for m in messages)
    assert not (root / "site" / "pagefind").exists()
    assert_nothing_left(pid_file)
    # Only finished parts are kept: the next build indexes the one that failed and the rest.
    kept = [p for p in (root / ".cache" / "search").iterdir()]
    assert kept and all((p / "pagefind-entry.json").is_file() for p in kept)
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    site = build(root)
    assert sorted(u for urls in urls_by_part(site / "pagefind") for u in urls) == sorted(
        html_pages(site)
    )


def test_a_build_failing_before_the_index_is_written_starts_no_pagefind(
    tmp_path: Path, pid_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = search_site(tmp_path / "src", hooks=BROKEN_PAGE)
    messages = failed_build(root, caplog)
    assert any("模板出错" in m for m in messages), messages
    assert not (root / "site" / "pagefind").exists()
    assert not pid_file.exists()


BROKEN_PAGE = """\
from mkdocs.exceptions import PluginError

def on_post_page(output, page, config, **kwargs):
    if page.url == "vote/":
        raise PluginError("模板出错")
    return output
"""


def test_a_preview_does_not_index_unless_asked(tmp_path: Path, pid_file: Path) -> None:
    root = search_site(tmp_path / "src")
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    assert not (Path(config.site_dir) / "pagefind").exists()
    assert not pid_file.exists()

    config = load_config(str(root / "mkdocs.yml"), strict=True)
    config.plugins["congress-search"].config.index_on_serve = True
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    PREVIEW.start(command="build", dirty=False)  # the tests after this one build, not serve
    assert (Path(config.site_dir) / "pagefind" / "pagefind.js").exists()
    assert_nothing_left(pid_file)


def test_the_old_part_pages_option_stops_a_strict_build_with_a_hint(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = search_site(tmp_path / "src")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - congress-search\n", "  - congress-search:\n      part_pages: 3000\n")
    config.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        load_config(str(config), strict=True)
    assert "part_pages 已停用" in caplog.text and "part_characters" in caplog.text


def page_files(config: Any, texts: dict[str, str]) -> Files:
    """Pages read as MkDocs reads them, by name, with their content HTML."""
    made = Files(
        [File(f"{name}.md", None, config.site_dir, use_directory_urls=True) for name in texts]
    )
    for file, text in zip(made, texts.values(), strict=True):
        Page(None, file, config).content = text
    return made


def test_a_part_holds_fewer_short_pages_than_their_text_alone_would_allow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind keeps about 80 KB for each page besides its text: 10,000 deputies' short pages
    took it 1.3 GB where as much text in 1,700 articles took 620 MB."""
    config = load_config(str(search_site(tmp_path / "src") / "mkdocs.yml"))
    plugin = config.plugins["congress-search"]
    weights: list[Any] = []

    class Index:
        def plan(self, paths: list[str], weight: Any) -> None:
            weights.append(weight)

    # MkDocs keeps this plugin (it has on_startup) for the next build in this process: put it back.
    monkeypatch.setattr(plugin, "_index", Index())
    short, long = "<p>代表</p>", "<p>" + "报道正文" * 500 + "</p>"
    plugin.on_env(None, config=config, files=page_files(config, {"short": short, "long": long}))
    short_weight, long_weight = weights[0]("short/index.html"), weights[0]("long/index.html")
    assert long_weight - short_weight == 2000 - 2  # the text, character by character
    assert 100 * short_weight > 50_000  # 100 short pages weigh more than their 200 characters


def test_a_preview_plans_its_parts_in_the_order_this_build_writes_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config(str(search_site(tmp_path / "src") / "mkdocs.yml"))
    plugin = config.plugins["congress-search"]
    planned: list[list[str]] = []

    class Index:
        def plan(self, paths: list[str], weight: Any) -> None:
            planned.append(paths)

    def files(*names: str) -> Files:
        return page_files(config, dict.fromkeys(names, "<p>正文</p>"))

    for names in (["b", "c"], ["a", "b", "c"]):  # a page added before the others
        monkeypatch.setattr(plugin, "_index", Index())  # put back after the test, as above
        plugin.on_env(None, config=config, files=files(*names))
    assert planned[-1] == ["a/index.html", "b/index.html", "c/index.html"]
