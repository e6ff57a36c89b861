"""Session fixtures for the browser tests: one sample build, one server, one chromium.

CONGRESS_BROWSER_SITE=<folder> points the tests at a site built elsewhere (handy while iterating
on the look: build once, re-run the browser tests)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.chromium import launch, missing
from browser.site import build_sample_site, serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CONGRESS_BROWSER_SITE")
    if given:
        return Path(given)
    return build_sample_site(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(built_site: Path) -> Iterator[Any]:
    # Playwright's sync API keeps an event loop running in this thread while it is open, and the
    # search plugin's asyncio.run() refuses to start inside one: build first, and close the
    # browser with its module so later tests can build sites again.
    reason = missing()
    if reason:
        pytest.skip(reason)
    with launch() as b:
        yield b
