"""The rendition cache: content-addressed files and one manifest per source, written atomically.

Layout under the cache folder (kept outside site/, e.g. .cache/images):
    files/<key>-<width>.webp|.jpg   the renditions, named by the key, so names are stable
    manifests/<key>.json            what was made; written last, so its presence means complete
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from pathlib import Path
from typing import Any

from congress.atomic_files import atomic_write
from congress.images.specs import KindSpec

KEY_LENGTH = 16
STALE_TEMP_SECONDS = 3600


def source_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rendition_key(digest: str, kind: str, spec: KindSpec) -> str:
    """Same bytes and same parameters give the same key on every machine, whatever the file's name."""
    material = f"{digest}|{kind}|{spec.params()}".encode()
    return hashlib.sha256(material).hexdigest()[:KEY_LENGTH]


class RenditionCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files_dir = root / "files"
        self.manifests_dir = root / "manifests"

    def manifest_path(self, key: str) -> Path:
        return self.manifests_dir / f"{key}.json"

    def load(self, key: str) -> dict[str, Any] | None:
        """The manifest for `key` when it and every file it lists are present, else None."""
        try:
            manifest: dict[str, Any] = json.loads(self.manifest_path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        try:
            names = [r["name"] for r in manifest["renditions"]]
        except (KeyError, TypeError):
            return None
        if manifest.get("key") != key or not names:
            return None
        if not all((self.files_dir / name).is_file() for name in names):
            return None
        return manifest

    def write_file(self, name: str, data: bytes) -> None:
        atomic_write(self.files_dir / name, data)

    def store(self, key: str, manifest: dict[str, Any]) -> None:
        text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1)
        atomic_write(self.manifest_path(key), text.encode("utf-8"))

    def sweep_temp_files(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Remove temporary files left by a build that was killed mid-write; returns how many."""
        removed = 0
        cutoff = time.time() - older_than
        for folder in (self.files_dir, self.manifests_dir):
            for temp in folder.glob(".*.tmp") if folder.is_dir() else ():
                with contextlib.suppress(OSError):
                    if temp.stat().st_mtime < cutoff:
                        temp.unlink()
                        removed += 1
        return removed


Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def signature(path: Path) -> Signature:
    info = path.stat()
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


class DigestMemo:
    """Remembers each source's hash beside its size, times and inode, as git's index does, so a
    rebuild finds its renditions without reading every photo again. Any write to the file
    changes its ctime, which no tool can set back, so a changed file is always hashed anew."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, tuple[Signature, str]] = {}
        self.changed = False
        try:
            raw = json.loads(path.read_text("utf-8"))
            for name, (size, mtime, ctime, inode, digest) in raw.items():
                self.entries[name] = ((size, mtime, ctime, inode), digest)
        except (OSError, ValueError, TypeError):
            self.entries = {}

    def lookup(self, source: Path) -> str | None:
        entry = self.entries.get(str(source))
        if entry is None:
            return None
        try:
            current = signature(source)
        except OSError:
            return None
        return entry[1] if entry[0] == current else None

    def record(self, source: Path, sig: Signature, digest: str) -> None:
        if self.entries.get(str(source)) != (sig, digest):
            self.entries[str(source)] = (sig, digest)
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        data = {name: [*sig, digest] for name, (sig, digest) in sorted(self.entries.items())}
        atomic_write(self.path, json.dumps(data, indent=0).encode("utf-8"))
        self.changed = False
