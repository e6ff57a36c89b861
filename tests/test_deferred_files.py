"""Files whose content is made as they are written (feeds) wait until after the pages."""

from __future__ import annotations

from pathlib import Path

from congress_mkdocs.preview import Deferred, drop_deferred, generated_file, write_deferred
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def deferred_files(tmp_path: Path, made: list[str]) -> list[File]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "望澜", "site_dir": str(tmp_path / "site")})
    config.validate()
    config.plugins._current_plugin = "congress-feeds"  # as while its on_files runs

    def maker(name: str) -> Deferred:
        def make() -> bytes:
            made.append(name)
            return f"<{name}/>".encode()

        return Deferred(make)

    return [generated_file(config, f"feeds/{n}.xml", maker(n)) for n in ("rss", "atom")]


def test_copying_the_files_waits_and_writing_them_makes_each_once_in_order(tmp_path: Path) -> None:
    made: list[str] = []
    files = deferred_files(tmp_path, made)
    for file in files:
        file.copy_file()  # as MkDocs copies files before it writes the pages
    assert made == [] and not (tmp_path / "site" / "feeds").exists()
    write_deferred()
    assert made == ["rss", "atom"]  # an RSS file is made before its Atom twin, which it fills
    assert (tmp_path / "site" / "feeds" / "atom.xml").read_text() == "<atom/>"
    write_deferred()
    assert made == ["rss", "atom"]


def test_a_failed_build_does_not_write_what_waited(tmp_path: Path) -> None:
    made: list[str] = []
    for file in deferred_files(tmp_path, made):
        file.copy_file()
    drop_deferred()
    write_deferred()
    assert made == [] and not (tmp_path / "site" / "feeds").exists()
