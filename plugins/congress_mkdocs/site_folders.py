"""The site's folders, made by another process before the build writes into them.

MkDocs makes each page's folder as it writes the page, and on a virtual machine's disk making a
folder costs more than writing the small file in it (about 0.2 ms: some 8 s of a 20,000-page
build). Every folder is known once the files are listed, so `mkdir -p` makes them all, in the
order the pages will be written, on the core the build leaves idle; the build's own makedirs
then finds each folder there. A thread would not do: it would wait for the build's lock on
Python between folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable


class SiteFolders:
    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, paths: Iterable[str]) -> None:
        """Starts making the folders of `paths` (files to be written), in their order."""
        self.wait()
        xargs = shutil.which("xargs")
        folders = list(dict.fromkeys(os.path.dirname(path) for path in paths))
        if xargs is None or not folders:
            return  # only a head start: the build makes whatever folders are missing
        with tempfile.TemporaryFile() as names:
            names.write(b"\0".join(os.fsencode(folder) for folder in folders))
            names.seek(0)
            self._process = subprocess.Popen(
                [xargs, "-0", "mkdir", "-p", "--"],
                stdin=names,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def wait(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.wait()


FOLDERS = SiteFolders()
