"""Build the sample site once, serve it on 127.0.0.1, and pick one page of each kind to check."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def build_sample_site(site_dir: Path) -> Path:
    """The sample site exactly as `mkdocs build --strict` makes it, written to `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    build(config)
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing page with the site's own 404.html, as the production server does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free local port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_ID_PAGE = re.compile(r"^[a-z0-9-]+$")


def _first_page(site: Path, section: str, marker: str | None = None) -> str | None:
    """The first generated page one level under `section` (sorted, so the choice is stable),
    optionally one whose HTML contains `marker`."""
    folder = site / section
    if not folder.is_dir():
        return None
    for child in sorted(folder.iterdir()):
        page = child / "index.html"
        if not (child.is_dir() and _ID_PAGE.match(child.name) and page.is_file()):
            continue
        if child.name in {"find", "by-area", "archive", "tags", "page"}:
            continue
        if marker is None or marker in page.read_text(encoding="utf-8"):
            return f"{section}/{child.name}/"
    return None


def sample_pages(site: Path) -> dict[str, str | None]:
    """Site-relative URLs of the pages the issue names: home, a deputy, a station, an article, a
    plan; None where the site has no such page yet."""
    return {
        "home": "",
        "deputy": _first_page(site, "deputies", 'class="cg-profile"'),
        "station": _first_page(site, "stations", 'class="cg-station"'),
        "article": _first_page(site, "news", 'class="cg-article"'),
        "plan": _first_page(site, "plans"),
        "find": "deputies/find/" if (site / "deputies/find/index.html").is_file() else None,
        "notfound": "deputies/no-such-page/" if (site / "404.html").is_file() else None,
    }
