"""The domain core must run without MkDocs, so it can move to another generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "plugins" / "congress"


def test_congress_never_imports_mkdocs() -> None:
    modules = sorted(
        "congress." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "leaked = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.'))\n"
        "print(leaked)\n"
        "sys.exit(1 if leaked else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for source in CORE.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, source
