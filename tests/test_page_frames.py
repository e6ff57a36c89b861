"""Generated pages are Material's page frame with their own title, description, link and body
joined in; a visitor must not be able to tell them from pages Material rendered in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from congress_mkdocs import frames
from test_article_pages_build import built_site, story

HOSTILE = '<script>alert(1)</script> & "引号"'


def _pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*.html"))
        if "pagefind" not in p.parts
    }


def _articles() -> dict[str, str]:
    articles = {f"2025-03-{n:02d}-s.md": story(n) for n in range(1, 24)}
    articles["2025-03-24-h.md"] = story(24).replace(
        "title: 第24篇走访记录", "title: '" + HOSTILE.replace("'", "") + "'"
    )
    articles["2025-03-25-d.md"] = story(25, summary="'摘要 <b>加粗</b> & 符号'")
    return articles


def test_framed_pages_equal_full_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    framed = _pages(built_site(tmp_path / "framed", _articles()))
    monkeypatch.setattr(frames.Frames, "render", lambda self, ctx: self._main(ctx, ctx["page"]))
    full = _pages(built_site(tmp_path / "full", _articles()))
    # Pages at every depth and in every section: articles, lists and their pages, tags,
    # archives, deputies and stations.
    assert {"news/page/2/index.html", "news/archive/2025/03/index.html"} <= set(framed)
    assert any(p.startswith("news/tags/") for p in framed)
    assert "deputies/li-ming/index.html" in framed
    assert framed.keys() == full.keys()
    differ = [path for path in framed if framed[path] != full[path]]
    assert differ == []


def test_a_hostile_title_stays_text_in_the_frame(tmp_path: Path) -> None:
    site = built_site(tmp_path, _articles())
    html = (site / "news" / "2025-03-24-h" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.split("<title>")[1].split("</title>")[0]
    assert "\x00" not in html and "cg-frame" not in html
