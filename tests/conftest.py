import shutil
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


def copy_sample_for_preview(root: Path) -> None:
    """The sample site's sources and mkdocs.yml in `root`, to serve as a preview does. Search is
    not indexed in a preview; a clean build of the copy would index, and take longer."""
    for name in ("content", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  - congress-search\n", ""), "utf-8")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session for every slow test that reads it."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = build_sample(site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site
