"""Measure site search the way a visitor meets it: type a query into the header box of a built site
in headless Chromium and count the bytes the browser fetched to show the first results.

    python scripts/search_measure.py SITE_DIR [QUERY ...] [--engine pagefind|material]

Works for both searches: Pagefind (the congress-search plugin) and Material's built-in search.
Every byte counted is a response the query caused, after the page itself had loaded."""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


@dataclass
class QueryResult:
    query: str
    urls: list[str]
    titles: list[str]
    bytes_fetched: int
    requests: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class IndexSize:
    files: int
    total_bytes: int
    gzip_bytes: int


def index_size(site: Path, engine: str) -> IndexSize:
    """Bytes of everything search adds to the site; gzip_bytes is what a compressing server sends
    for the whole thing (Pagefind's chunks are already compressed)."""
    if engine == "pagefind":
        paths = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    else:
        paths = [p for p in (site / "search").rglob("*") if p.is_file()]
        paths += list((site / "assets/javascripts/workers").glob("search*.js"))
        paths += list((site / "assets/javascripts/lunr").rglob("*.js"))
    total = sum(p.stat().st_size for p in paths)
    zipped = sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)
    return IndexSize(len(paths), total, zipped)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# What each search adds to a visit: Pagefind's folder; Material's index, worker and lunr.
_SEARCH_FILES = {
    "pagefind": re.compile(r"^pagefind/"),
    "material": re.compile(
        r"search/search_index\.json|javascripts/workers/search|javascripts/lunr/"
    ),
}

_SELECTORS = {
    # (input, one result link, result count line)
    "pagefind": ("[data-cg-search-query]", "[data-cg-search-list] a", "[data-cg-search-meta]"),
    "material": (
        "[data-md-component=search-query]",
        "[data-md-component=search-result] .md-search-result__list a",
        "[data-md-component=search-result] .md-search-result__meta",
    ),
}


def run_queries(
    site: Path, queries: list[str], engine: str = "pagefind", page: str = ""
) -> list[QueryResult]:
    """Each query in a fresh browser context (empty cache), typed into the header search box of
    `page`; `bytes_fetched` counts the search's own files the visit fetched until the results
    showed, `requests` lists every response."""
    from playwright.sync_api import sync_playwright

    box, link, meta = _SELECTORS[engine]
    results = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for query in queries:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                tab = context.new_page()
                fetched: list[tuple[str, int]] = []

                def count(response, fetched=fetched) -> None:  # type: ignore[no-untyped-def]
                    try:
                        fetched.append((response.url.removeprefix(base), len(response.body())))
                    except Exception:  # a redirect or aborted response has no body
                        fetched.append((response.url.removeprefix(base), 0))

                # From the start: Material fetches its whole index as the page loads, before any
                # query; Pagefind waits for the visitor to focus the box.
                tab.on("response", count)
                tab.goto(base + page, wait_until="networkidle")
                tab.click(box)
                tab.fill(box, query)
                tab.keyboard.press("Enter")
                # Both boxes end a search with a line that counts the results (or says none).
                tab.wait_for_function(
                    "sel => /找到|结果/.test(document.querySelector(sel)?.textContent || '')",
                    arg=meta,
                    timeout=120_000,
                )
                tab.wait_for_load_state("networkidle")
                anchors = tab.query_selector_all(link)
                urls = [a.evaluate("a => new URL(a.href).pathname") for a in anchors]
                titles = [a.inner_text().split("\n")[0].strip() for a in anchors]
                # Material lists a page's sections under it; keep one entry per page.
                seen: dict[str, str] = {}
                for url, title in zip(urls, titles, strict=True):
                    seen.setdefault(url.split("#")[0], title)
                total = sum(size for url, size in fetched if _SEARCH_FILES[engine].search(url))
                results.append(QueryResult(query, list(seen), list(seen.values()), total, fetched))
                context.close()
        finally:
            browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=["联络站", "票决制"])
    parser.add_argument("--engine", choices=sorted(_SELECTORS), default="pagefind")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every request")
    args = parser.parse_args()
    size = index_size(args.site, args.engine)
    print(
        f"{args.engine}: index {size.files} files, {size.total_bytes / 1024:.0f} KB "
        f"({size.gzip_bytes / 1024:.0f} KB gzip)"
    )
    for r in run_queries(args.site, args.queries, args.engine):
        print(f"{r.query}: {len(r.urls)} results, {r.bytes_fetched / 1024:.0f} KB fetched")
        for url, title in list(zip(r.urls, r.titles, strict=True))[:5]:
            print(f"    {title}  {url}")
        if args.verbose:
            for url, size_ in r.requests:
                print(f"      {size_ / 1024:8.1f} KB  {url}")


if __name__ == "__main__":
    main()
