import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parents[1]
# The image tests' `content` and `pipeline` fixtures.
pytest_plugins = ["image_files"]


def build_sample(site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the sample site into `site`, as `make build` runs it."""
    command = ["mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [sys.executable, "-m", *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session for every slow test that reads it."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = build_sample(site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site
