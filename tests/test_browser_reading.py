"""Reading aids in a real browser: the text-size switch and high contrast persist from page to
page, each size is larger on phones and wide screens alike, body text is large enough with room
between lines, the skip link and keyboard focus can be seen, high contrast passes axe-core's
colour check; an old phone asks nothing of a foreign server, and without JavaScript no control
is shown that would do nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser.chromium import GuardedPage, describe
from browser.site import ARTIFACTS, sample_pages

# One build, one server and one chromium for every browser test in the session.
pytest_plugins = ["browser.fixtures"]

pytestmark = pytest.mark.slow

BODY_TEXT = "article.md-content__inner p"
TEXT_METRICS = f"""() => {{
  const p = document.querySelector({BODY_TEXT!r});
  const s = getComputedStyle(p);
  return [parseFloat(s.fontSize), parseFloat(s.lineHeight)];
}}"""
PRESSED = """() => Array.from(document.querySelectorAll('button[aria-pressed="true"]'))
  .map(b => b.textContent.trim())"""


@pytest.fixture
def phone(browser: Any) -> Iterator[GuardedPage]:
    guarded = GuardedPage(browser, 390)
    yield guarded
    guarded.close()


def _second_page(site: Path) -> str:
    pages = sample_pages(site)
    return pages["station"] or pages["find"] or "deputies/"


@pytest.mark.parametrize(
    ("button", "min_px", "max_px"),
    [("标准", 16, 19), ("大", 18, 23), ("特大", 21, 30)],
)
def test_text_size_switch_persists_across_pages(
    phone: GuardedPage,
    base_url: str,
    built_site: Path,
    button: str,
    min_px: float,
    max_px: float,
) -> None:
    page = phone.page
    page.goto(base_url)
    page.get_by_role("button", name=button, exact=True).click()
    for path in ["", _second_page(built_site)]:
        page.goto(base_url + path)
        size, line = page.evaluate(TEXT_METRICS)
        assert min_px <= size <= max_px, f"{path or '首页'}: {button} 字号为 {size}px"
        assert line >= 1.5 * size, f"{path or '首页'}: 行高 {line}px 不足字号的 1.5 倍"
        assert button in page.evaluate(PRESSED)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path or '首页'}: {button} 字号下页面需要横向滚动（{width}px）"
    page.screenshot(path=str(_artifact(f"size-{button}-390.png")), full_page=False)


@pytest.mark.parametrize("width", [390, 1920, 2560])  # a phone; Material's wide-screen steps
def test_each_larger_size_is_clearly_larger_on_every_screen(
    browser: Any, base_url: str, width: int
) -> None:
    screen = GuardedPage(browser, width)
    try:
        page = screen.page
        page.goto(base_url)
        sizes = []
        for button in ["标准", "大", "特大"]:
            page.get_by_role("button", name=button, exact=True).click()
            sizes.append(page.evaluate(TEXT_METRICS)[0])
    finally:
        screen.close()
    assert sizes[1] >= 1.1 * sizes[0] and sizes[2] >= 1.1 * sizes[1], f"{width}px: {sizes}"


def test_a_phone_without_resize_observer_asks_no_foreign_server(
    browser: Any, base_url: str, built_site: Path
) -> None:
    """iOS 12 and old Android WebViews lack ResizeObserver; Material would fetch it from unpkg."""
    old = GuardedPage(browser, 390)
    try:
        old.context.add_init_script("delete window.ResizeObserver;")
        for path in ["", _second_page(built_site)]:
            old.page.goto(base_url + path)
            old.page.wait_for_load_state("networkidle")
        old.page.get_by_role("button", name="特大", exact=True).click()
        assert old.page.evaluate("document.documentElement.dataset.cgSize") == "xlarge"
    finally:
        old.close()
    assert old.external == []


def test_a_page_with_feed_links_asks_for_nothing_the_site_lacks(
    browser: Any, base_url: str, built_site: Path
) -> None:
    """Material fetched sitemap.xml beside each feed link: two to four "not found" a page."""
    deputy = sample_pages(built_site)["deputy"]
    assert deputy is not None
    html = (built_site / deputy / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate" type="application/rss+xml"' in html  # feed readers still find it
    screen = GuardedPage(browser, 390)
    failed: list[str] = []
    screen.page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    try:
        for path in ["", deputy]:
            screen.page.goto(base_url + path)
            screen.page.wait_for_load_state("networkidle")
    finally:
        screen.close()
    assert failed == []


def test_without_javascript_no_control_shows_that_would_do_nothing(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url + "deputies/")
        assert page.locator("h1").first.is_visible()
        assert page.locator("form.cg-filter").count() == 1
        assert not page.locator("form.cg-filter").is_visible()
        assert not page.locator(".cg-tools").is_visible()
    finally:
        context.close()


def test_high_contrast_persists_and_passes_the_colour_check(
    phone: GuardedPage,
    base_url: str,
    built_site: Path,
) -> None:
    page = phone.page
    page.goto(base_url)
    page.get_by_role("button", name="高对比度").click()
    for path in ["", _second_page(built_site)]:
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.dataset.cgContrast") == "high"
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
        assert "高对比度" in page.evaluate(PRESSED)
        violations = phone.axe(["color-contrast"])
        assert not violations, describe(violations)
    page.screenshot(path=str(_artifact("contrast-high-390.png")), full_page=True)
    page.get_by_role("button", name="高对比度").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.cgContrast") is None


def test_first_tab_reaches_a_visible_skip_link_to_the_content(
    phone: GuardedPage,
    base_url: str,
) -> None:
    page = phone.page
    page.goto(base_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳到正文"
    box = page.locator(".cg-skip").bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#cg-main"


def test_keyboard_focus_is_outlined(phone: GuardedPage, base_url: str) -> None:
    page = phone.page
    page.goto(base_url)
    outlines = []
    for _ in range(6):
        page.keyboard.press("Tab")
        outlines.append(
            page.evaluate(
                """() => { const s = getComputedStyle(document.activeElement);
                   return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
            )
        )
    for tag, style, width in outlines:
        assert style != "none" and width >= 2, f"{tag} 获得焦点时看不到焦点框：{outlines}"


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
