"""Debian's chromium driven by Playwright, with every request that would leave 127.0.0.1 blocked
and recorded, and axe-core injected from the project's own copy."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from browser.site import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "请以 root 运行 scripts/install-browser.sh 安装 chromium、中文字体和 axe-core"


def axe_script() -> Path | None:
    """The newest axe.min.js that scripts/install-browser.sh fetched into .cache/."""
    found = sorted((ROOT / ".cache" / "axe-core").glob("*/axe.min.js"))
    return found[-1] if found else None


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"缺少 {CHROMIUM}：{INSTALL_HINT}"
    if axe_script() is None:
        return f"缺少 .cache/axe-core/*/axe.min.js：{INSTALL_HINT}"
    return None


@contextmanager
def launch() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class GuardedPage:
    """A page in a fresh context of the given width; any request to another host is aborted and
    kept in `external`, so a test can assert that viewing the page asked nothing of anyone else."""

    def __init__(self, browser: Any, width: int, height: int = 844) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, device_scale_factor=1, locale="zh-CN"
        )
        self.external: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname in {"127.0.0.1", None} or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def axe(self, rules: list[str] | None = None) -> list[dict[str, Any]]:
        """axe-core violations on the current page (all rules, or only `rules`)."""
        script = axe_script()
        assert script is not None
        self.page.add_script_tag(content=script.read_text(encoding="utf-8"))
        options: dict[str, Any] = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        result: dict[str, Any] = self.page.evaluate("(o) => axe.run(document, o)", options)
        return list(result["violations"])

    def close(self) -> None:
        self.context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:5]]
        lines.append(f"{v['impact']} {v['id']}: {v['help']} → {targets}")
    return "\n".join(lines)
