"""Article bodies are converted once and kept: a rebuild converts only what an editor changed,
and many new articles are converted on every core with the same result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from congress.articles import article_html
from congress.articles import body_cache as body_cache_module
from congress.articles.body_cache import BodyCache
from test_article_pages_build import story
from test_article_site import article_site, load


def _collection(root: Path, n: int = 3, edit: str = ""):
    articles = {f"2025-03-{i:02d}-s.md": story(i) for i in range(1, n + 1)}
    if edit:
        articles["2025-03-01-s.md"] += edit
    collection, problems = load(article_site(root, articles))
    assert problems == []
    return list(collection)


def test_bodies_are_the_articles_html_and_a_rebuild_converts_nothing(tmp_path: Path) -> None:
    articles = _collection(tmp_path / "site")
    first = BodyCache(tmp_path / "cache")
    first.prepare(articles)
    assert first.converted == 3
    bodies = {a: first.html(a) for a in articles}
    assert bodies == {a: article_html(a) for a in articles}
    assert "<strong>听取</strong>" in bodies[articles[0]]

    again = BodyCache(tmp_path / "cache")  # a new build: only the disk cache is left
    again.prepare(articles)
    assert again.converted == 0
    assert {a: again.html(a) for a in articles} == bodies


def test_an_edited_article_alone_is_converted_again(tmp_path: Path) -> None:
    cache = BodyCache(tmp_path / "cache")
    cache.prepare(_collection(tmp_path / "a"))
    edited = _collection(tmp_path / "b", edit="\n编辑补充的一句话。\n")
    cache.prepare(edited)
    assert cache.converted == 1
    (changed,) = [a for a in edited if a.slug == "2025-03-01-s"]
    assert "编辑补充的一句话。" in cache.html(changed)


def test_many_new_bodies_convert_in_parallel_to_the_same_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _collection(tmp_path / "site", n=6)
    monkeypatch.setattr(body_cache_module, "PARALLEL_FROM", 2)
    cache = BodyCache(tmp_path / "cache", max_workers=2)
    cache.prepare(articles)
    assert {a: cache.html(a) for a in articles} == {a: article_html(a) for a in articles}
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    # Written by the workers, and found by the next build.
    for article in articles:
        (written,) = (tmp_path / "cache").rglob(f"{cache.digest(article)}.html")
        assert written.read_text(encoding="utf-8") == article_html(article)
    again = BodyCache(tmp_path / "cache", max_workers=2)
    again.prepare(articles)
    assert again.converted == 0


def test_a_preview_converting_in_parallel_keeps_the_bodies_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _collection(tmp_path / "site", n=4)
    monkeypatch.setattr(body_cache_module, "PARALLEL_FROM", 2)
    cache = BodyCache(tmp_path / "cache", max_workers=2, remember=True)
    cache.prepare(articles)
    assert cache.html(articles[-1]) == article_html(articles[-1])  # waits for the last one
    cache.prepare(articles)  # a rebuild: nothing converted again, nothing read from the disk
    shutil.rmtree(tmp_path / "cache")
    assert cache.converted == 0
    assert {a: cache.html(a) for a in articles} == {a: article_html(a) for a in articles}


def test_a_body_that_cannot_be_written_stops_the_build_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Converted in the background, a failure is told when the body is asked for, not lost."""
    articles = _collection(tmp_path / "site", n=4)
    monkeypatch.setattr(body_cache_module, "PARALLEL_FROM", 2)
    (tmp_path / "cache").write_text("一个文件占住了缓存文件夹的位置", encoding="utf-8")
    cache = BodyCache(tmp_path / "cache", max_workers=2)
    cache.prepare(articles)
    with pytest.raises(RuntimeError, match="文章正文转换失败"):
        cache.html(articles[0])


def test_a_build_holds_no_body_and_reads_each_from_the_cache(tmp_path: Path) -> None:
    articles = _collection(tmp_path / "site")
    cache = BodyCache(tmp_path / "cache")
    cache.prepare(articles)
    (written,) = (tmp_path / "cache").rglob(f"{cache.digest(articles[0])}.html")
    written.write_text("<p>缓存中的正文</p>", encoding="utf-8")
    assert cache.html(articles[0]) == "<p>缓存中的正文</p>"
    written.unlink()  # gone since: converted again, and kept again
    assert cache.html(articles[0]) == article_html(articles[0])
    assert written.read_text(encoding="utf-8") == article_html(articles[0])


def test_a_preview_keeps_the_bodies_in_memory(tmp_path: Path) -> None:
    articles = _collection(tmp_path / "site")
    cache = BodyCache(tmp_path / "cache", remember=True)
    cache.prepare(articles)
    shutil.rmtree(tmp_path / "cache")
    assert {a: cache.html(a) for a in articles} == {a: article_html(a) for a in articles}
    assert not (tmp_path / "cache").exists()
