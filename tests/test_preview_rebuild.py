"""An editor's preview (`mkdocs serve --dirty`, which `make serve` runs): after each save only the
files that changed are written, and the site in the preview is always the one a clean build of the
same sources makes, whatever was edited, deleted or broken and mended on the way."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import copy_sample_for_preview
from congress_mkdocs.preview import PREVIEW
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

ARTICLE = "content/news/2025-01-08-deputy-work-forum.md"
ARTICLE_PAGE = "news/2025-01-08-deputy-work-forum/index.html"
DEPUTY = "data/deputies/chen-liqun.yml"


class Preview:
    """The sample site served as `mkdocs serve --dirty` does: plugins kept, a fresh config and a
    dirty build after each save."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.served = root / "served"

    def config(self, site_dir: Path):  # type: ignore[no-untyped-def]
        return load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)

    def start(self) -> None:
        config = self.config(self.served)
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, serve_url=config.site_url, dirty=True)

    def rebuild(self) -> dict[str, int]:
        """Rebuilds after a save; the files written, with their modification times."""
        before = times(self.served)
        config = self.config(self.served)
        build(config, serve_url=config.site_url, dirty=True)
        after = times(self.served)
        return {path: t for path, t in after.items() if before.get(path) != t}

    def clean_build(self) -> Path:
        """`mkdocs build` of the same sources, in a process of its own as an editor runs it."""
        site = self.root / "clean"
        shutil.rmtree(site, ignore_errors=True)
        command = [
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(self.root / "mkdocs.yml"),
            "-d",
            str(site),
        ]
        env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, *command], check=True, env=env)
        return site

    def edit(self, path: str, change: Callable[[str], str]) -> None:
        file = self.root / path
        text = file.read_text(encoding="utf-8")
        file.write_text(change(text), encoding="utf-8")


def times(site: Path) -> dict[str, int]:
    return {
        p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()
    }


def contents(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found[path.relative_to(site).as_posix()] = (
            gzip.decompress(data) if path.suffix == ".gz" else data
        )
    return found


def assert_same_site(preview: Preview) -> None:
    served, clean = contents(preview.served), contents(preview.clean_build())
    assert sorted(served) == sorted(clean)
    differ = [path for path in clean if served[path] != clean[path]]
    assert differ == []


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    root = tmp_path_factory.mktemp("preview")
    copy_sample_for_preview(root)
    site = Preview(root)
    site.start()
    yield site
    PREVIEW.start(command="build", dirty=False)


def test_a_saved_article_body_rewrites_its_page_and_feeds_and_nothing_else(
    preview: Preview,
) -> None:
    preview.edit(ARTICLE, lambda text: text + "\n会后还公布了下一次座谈会的时间。\n")
    written = preview.rebuild()
    page = (preview.served / ARTICLE_PAGE).read_text(encoding="utf-8")
    assert "会后还公布了下一次座谈会的时间" in page
    assert "feeds/all/rss.xml" in written and "feeds/deputy/chen-liqun/atom.xml" in written
    assert ARTICLE_PAGE in written
    assert "deputies/chen-liqun/index.html" not in written
    assert "feeds/deputy/cao-yongfu/rss.xml" not in written
    assert len(written) < 40, sorted(written)
    assert_same_site(preview)


def test_a_new_title_reaches_every_list_and_a_deleted_article_leaves_the_preview(
    preview: Preview,
) -> None:
    preview.edit(ARTICLE, lambda text: text.replace("title: 市人大常委会召开", "title: 市人大召开"))
    preview.rebuild()
    home = (preview.served / "index.html").read_text(encoding="utf-8")
    news = (preview.served / "news/index.html").read_text(encoding="utf-8")
    assert "市人大召开2025年代表工作座谈会" in (preview.served / ARTICLE_PAGE).read_text("utf-8")
    assert "市人大常委会召开2025年代表工作座谈会" not in home + news
    assert_same_site(preview)

    (preview.root / ARTICLE).unlink()
    preview.rebuild()
    assert not (preview.served / ARTICLE_PAGE).exists()
    assert_same_site(preview)


def test_a_broken_deputy_file_keeps_the_preview_and_its_repair_rebuilds_it(
    preview: Preview,
) -> None:
    preview.edit(DEPUTY, lambda text: text.replace("name: 陈立群", "name: [陈立群"))
    with pytest.raises((Abort, PluginError)):
        preview.rebuild()
    assert (preview.served / "deputies/chen-liqun/index.html").exists()

    preview.edit(DEPUTY, lambda text: text.replace("name: [陈立群", "name: 陈立群同志"))
    preview.rebuild()
    profile = (preview.served / "deputies/chen-liqun/index.html").read_text(encoding="utf-8")
    assert "陈立群同志" in profile
    assert_same_site(preview)


def test_an_undone_rename_brings_back_the_first_plaque_card_and_code(preview: Preview) -> None:
    deputy = "data/deputies/cao-yongfu.yml"
    preview.edit(deputy, lambda text: text.replace("name: 曹永福", "name: 曹永福甲"))
    preview.rebuild()
    preview.edit(deputy, lambda text: text.replace("name: 曹永福甲", "name: 曹永福"))
    preview.rebuild()  # the drawings of the first name are in the cache, older than the others
    assert_same_site(preview)
