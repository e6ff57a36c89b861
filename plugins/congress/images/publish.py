"""Copying renditions from the cache into the built site."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from congress.images.image_set import ImageSet


def publish(image_set: ImageSet, dest_dir: Path) -> list[Path]:
    """Place every rendition in `dest_dir` under its content-addressed name. A file already there
    with that name has the same content and is left alone; new ones are hard-linked when the cache
    shares the disk, copied otherwise, and appear whole or not at all."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    placed = []
    for rendition in image_set.renditions:
        target = dest_dir / rendition.name
        placed.append(target)
        if target.is_file():
            continue
        fd, temp = tempfile.mkstemp(dir=dest_dir, prefix=f".{rendition.name}.", suffix=".tmp")
        os.close(fd)
        try:
            try:
                os.unlink(temp)
                os.link(rendition.path, temp)
            except OSError:
                shutil.copyfile(rendition.path, temp)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    return placed
