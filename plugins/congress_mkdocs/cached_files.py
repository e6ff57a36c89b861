"""Files the site publishes from a cache (photo renditions and web copies, plaques and share
cards): hard links to the cached file instead of copies, and for a drawing still being drawn when
MkDocs copies the static files, published once the build has written its pages."""

from __future__ import annotations

import os
from typing import Any

from congress.atomic_files import link_or_copy
from mkdocs.structure.files import File


class CachedFile(File):
    """A file made from `abs_src_path`, a file of a cache that is replaced, never changed."""

    later: list[CachedFile] | None = None
    """Where to wait when the cached file is not there yet (a drawing in the making)."""

    def copy_file(self, dirty: bool = False) -> None:
        # No check of times, in a preview either: a link has the time of the cached file it was
        # made from, which says nothing after an edit is undone; publishing a file that is
        # there already does nothing.
        source = self.abs_src_path
        assert source is not None
        if self.later is not None and not os.path.exists(source):
            self.later.append(self)
            return
        link_or_copy(source, self.abs_dest_path)


def cached_file(
    config: Any, path: str, source: str, later: list[CachedFile] | None = None
) -> CachedFile:
    """The site file `path` published from `source`; with `later`, `source` may still be in the
    making, and is published by `publish_later(later)`."""
    file = CachedFile.generated(config, path, abs_src_path=source)
    assert isinstance(file, CachedFile)
    file.later = later
    return file


def publish_later(later: list[CachedFile]) -> None:
    """Publishes the files that were not ready when the static files were copied."""
    for file in later:
        file.later = None
        file.copy_file()
    later.clear()
