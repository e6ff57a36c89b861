"""The pages the issue names, in a real browser at phone and desk widths: no accessibility
violation axe-core rates serious or critical, nothing loaded from another host, nothing wider than
the phone's screen. Screenshots are kept in test-artifacts/ for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser.chromium import GuardedPage, describe
from browser.site import ARTIFACTS, sample_pages

# One build, one server and one chromium for every browser test in the session.
pytest_plugins = ["browser.fixtures"]

pytestmark = pytest.mark.slow

PAGES = ["home", "deputy", "station", "article", "plan", "find", "notfound"]
WIDTHS = [390, 1280]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_self_contained(
    browser: Any,
    base_url: str,
    built_site: Path,
    name: str,
    width: int,
) -> None:
    path = sample_pages(built_site)[name]
    if path is None:
        pytest.skip(f"示例网站还没有这类页面：{name}")
    guarded = GuardedPage(browser, width)
    try:
        page = guarded.page
        page.goto(base_url + path, wait_until="load")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)

        serious = [v for v in guarded.axe() if v["impact"] in {"serious", "critical"}]
        assert not serious, f"{path} @ {width}px:\n{describe(serious)}"
        assert guarded.external == [], f"{path} 向外部网站发出了请求"
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{path} 在 {width}px 宽的屏幕上需要横向滚动（{overflow}px）"
    finally:
        guarded.close()
