"""Site search as a visitor uses it: a query typed into the header box of a small built site, in
headless Chromium, finds the right pages and fetches nothing from outside the site. And the index
as an editor's build makes it: every page but the 404 page, the same index Pagefind makes of the
finished site, and a Chinese error with no Pagefind process left behind when something fails."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import shutil
import sys
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
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
    root: Path, *, hooks: str = "", part_pages: int | None = None, extra_pages: int = 0
) -> Path:
    """The test site with the search plugin, a news page and a hand-written HTML page; `hooks`
    is the source of a MkDocs hooks file to add to the build, `part_pages` the plugin's option,
    `extra_pages` a number of short pages to add (out of the navigation)."""
    write_site(root, stations={"east-home": STATION, "lakeside": STATION_2})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n"
    )
    plugin = "  - congress-search\n"
    if part_pages is not None:
        plugin = f"  - congress-search:\n      part_pages: {part_pages}\n"
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
    """The test site with its index written in parts of at most 5 pages."""
    if not shutil.which("chromium"):
        pytest.skip("需要 chromium：运行 scripts/install-browser.sh")
    return build(search_site(tmp_path_factory.mktemp("parted"), part_pages=PART_PAGES))


PART_PAGES = 5


def urls_by_part(bundle: Path) -> list[list[str]]:
    return [
        sorted(str(record["url"]) for record in fragments(folder).values())
        for folder in part_folders(bundle)
    ]


def test_an_index_in_parts_holds_every_page_but_404_once(parted_site: Path) -> None:
    parts = urls_by_part(parted_site / "pagefind")
    assert len(parts) >= 3
    assert all(0 < len(urls) <= PART_PAGES for urls in parts)
    every = [url for urls in parts for url in urls]
    assert sorted(every) == sorted(html_pages(parted_site))


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
        assert not names & {"pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"}


def test_a_dirty_build_in_fewer_parts_removes_the_parts_left_over(tmp_path: Path) -> None:
    root = search_site(tmp_path / "src", part_pages=PART_PAGES)
    site = build(root)
    assert len(part_folders(site / "pagefind")) > 1
    # Not strict: MkDocs warns that a dirty build's navigation may be stale.
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins["congress-search"].config.part_pages = 1000
    mkdocs_build(config, dirty=True)
    assert part_folders(site / "pagefind") == [site / "pagefind"]
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == {"parts": []}


def test_queries_find_pages_in_the_first_part_and_the_last(parted_site: Path) -> None:
    parts = urls_by_part(parted_site / "pagefind")
    # The page-by-page order puts the news page early; the hand-written page comes last.
    assert "/vote/" in parts[0] and "/leaflet.html" in parts[-1], parts
    cases = [*CASES, ("代表联络便民手册", "/leaflet.html")]
    results = run_queries(parted_site, [query for query, _ in cases])
    for (query, expected), result in zip(cases, results, strict=True):
        assert expected in result.urls, (query, result.urls)
        foreign = [url for url, _ in result.requests if url.startswith(("http:", "https:"))]
        assert not foreign, foreign
        assert any(url.startswith("pagefind/part-") for url, _ in result.requests)


# Stands in for Pagefind: notes its process id, then is Pagefind.
WRAPPER = """\
#!/bin/sh
echo $$ >> "{pid_file}"
exec "{pagefind}" "$@"
"""

KILL_PAGEFIND = """\
import os, signal
from pathlib import Path

def on_post_page(output, page, config, **kwargs):
    pid_file = Path({pid_file!r})
    if pid_file.exists():
        try:
            os.kill(int(pid_file.read_text().split()[-1]), signal.SIGKILL)
        except ProcessLookupError:
            pass
    return output
"""

BROKEN_PAGE = """\
from mkdocs.exceptions import PluginError

def on_post_page(output, page, config, **kwargs):
    if page.url == "vote/":
        raise PluginError("模板出错")
    return output
"""

# Runs before the search plugin's on_post_build, once the first part is full and the second
# part's Pagefind has started: 38 pages, handed to the indexer 32 at a time, in parts of 20.
AFTER_ROTATION = """\
import os, signal, time
from pathlib import Path
from mkdocs.exceptions import PluginError

def on_post_build(config, **kwargs):
    pid_file = Path({pid_file!r})
    deadline = time.monotonic() + 30
    while len(pid_file.read_text().split()) < 2:
        assert time.monotonic() < deadline, "第二个 Pagefind 进程没有启动"
        time.sleep(0.01)
    {action}
"""
KILL_SECOND = "os.kill(int(pid_file.read_text().split()[1]), signal.SIGKILL)"
FAIL = 'raise PluginError("模板出错")'


@pytest.fixture
def pid_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where each Pagefind the build starts writes its process id, a line each."""
    pid_file = tmp_path / "pagefind.pid"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(WRAPPER.format(pid_file=pid_file, pagefind=get_executable()))
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))
    return pid_file


def assert_nothing_left(pid_file: Path) -> None:
    for pid in pid_file.read_text().split():
        assert not Path(f"/proc/{pid}").exists(), "Pagefind 进程仍在运行（或未被回收）"
    assert not [t for t in threading.enumerate() if t.name == "congress-search"]


def failed_build(root: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The build's error messages; it must fail without writing a complete index."""
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        mkdocs_build(config)
    assert not (Path(config.site_dir) / "pagefind" / "parts.json").exists()
    return caplog.messages


def test_pagefind_dying_mid_build_fails_the_build_in_chinese_and_leaves_no_process(
    tmp_path: Path, pid_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = search_site(tmp_path / "src", hooks=KILL_PAGEFIND.format(pid_file=str(pid_file)))
    messages = failed_build(root, caplog)
    assert any("站内搜索索引生成失败：Pagefind 进程意外退出" in m for m in messages), messages
    assert not (root / "site" / "pagefind").exists()
    assert_nothing_left(pid_file)


def test_a_build_failing_before_the_index_is_written_leaves_no_process(
    tmp_path: Path, pid_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = search_site(tmp_path / "src", hooks=BROKEN_PAGE)
    messages = failed_build(root, caplog)
    assert any("模板出错" in m for m in messages), messages
    assert not (root / "site" / "pagefind").exists()
    assert_nothing_left(pid_file)


@pytest.mark.parametrize(
    ("action", "message"),
    [(KILL_SECOND, "站内搜索索引生成失败：Pagefind 进程意外退出"), (FAIL, "模板出错")],
    ids=["pagefind-killed", "build-failed"],
)
def test_a_failure_after_a_part_is_written_leaves_no_process(
    tmp_path: Path, pid_file: Path, caplog: pytest.LogCaptureFixture, action: str, message: str
) -> None:
    hooks = AFTER_ROTATION.format(pid_file=str(pid_file), action=action)
    root = search_site(tmp_path / "src", hooks=hooks, part_pages=20, extra_pages=20)
    messages = failed_build(root, caplog)
    assert any(message in m for m in messages), messages
    assert (root / "site" / "pagefind" / "pagefind-entry.json").exists()  # the first part
    assert len(pid_file.read_text().split()) == 2
    assert_nothing_left(pid_file)


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
    assert (Path(config.site_dir) / "pagefind" / "pagefind.js").exists()
    assert_nothing_left(pid_file)
