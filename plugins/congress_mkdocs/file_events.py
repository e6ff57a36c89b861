"""A preview that hears edits from the system instead of looking for them twice a second.

`mkdocs serve` notices an edit by listing every watched folder every half second. A province's
content/ and data/ hold some 20,000 files: the listing threads then take a third of a core and,
holding Python's lock while they list, slow each rebuild by half (1.2 s against 1.8 s at 20,000
pages), and an edit waits a quarter of a second on average before anyone looks. On a local Linux
disk the kernel tells of each change (inotify) at no cost, so folders are watched that way there.
Elsewhere (a Windows drive under WSL, a network share) such events may never come for an edit
made on the other side, so MkDocs's listing stays; single files such as mkdocs.yml stay with it
too, as an editor that saves by renaming would leave an event watch on the old file."""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import Any

from watchdog.events import (
    EventsLostEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers.api import BaseObserver, ObservedWatch

log = logging.getLogger("mkdocs.plugins.congress")

EVENT_FILESYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "tmpfs"})
"""Local Linux filesystems whose every change, whoever makes it, reaches inotify. (Overlay, 9p,
DrvFs, NFS and FUSE are left out: a change made below or beyond them may not.)"""

EDITS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileAttribEvent,  # `touch`, or a checkout that sets only the time
    EventsLostEvent,  # the kernel's queue overflowed (a large checkout): rebuild to be sure
]
"""What a rebuild follows (MkDocs ignores folders' own events). Not opening or closing a file:
the build itself reads content/, and would set off another build."""

_ESCAPED = re.compile(r"\\([0-7]{3})")


def filesystem_type(path: str, mounts: str = "/proc/mounts") -> str | None:
    """The type of the filesystem `path` is on: that of the longest mount point holding it."""
    path = os.path.realpath(path)
    found, found_type = "", None
    try:
        with open(mounts, encoding="utf-8", errors="surrogateescape") as table:
            for line in table:
                fields = line.split()
                if len(fields) < 3:
                    continue
                point = _ESCAPED.sub(lambda octal: chr(int(octal[1], 8)), fields[1])
                inside = path == point or path.startswith(point.rstrip("/") + "/")
                if inside and len(point) >= len(found):
                    found, found_type = point, fields[2]
    except OSError:
        return None
    return found_type


class EditObserver:
    """MkDocs's observer, as `LiveReloadServer` uses it, over two: kernel events for folders on
    a local Linux disk, MkDocs's own listing for everything else."""

    def __init__(self, listing: BaseObserver, events: BaseObserver) -> None:
        self.listing, self.events = listing, events
        self._heard: set[ObservedWatch] = set()
        # Running before any folder is given to it, so that a folder the kernel cannot watch
        # (out of inotify watches) fails as it is scheduled, and is listed instead; started
        # later, the failure would stop the preview as it starts.
        events.start()

    def schedule(
        self, handler: Any, path: str, *, recursive: bool = False, **options: Any
    ) -> ObservedWatch:
        if os.path.isdir(path) and filesystem_type(path) in EVENT_FILESYSTEMS:
            try:
                # The folder itself: inotify does not follow a symbolic link it is given.
                folder = os.path.realpath(path)
                watch = self.events.schedule(
                    handler, folder, recursive=recursive, event_filter=EDITS
                )
            except OSError as error:  # out of inotify watches: list this folder instead
                log.info("预览：%s 改为定时检查（%s）", path, error)
            else:
                self._heard.add(watch)
                return watch
        return self.listing.schedule(handler, path, recursive=recursive, **options)

    def unschedule(self, watch: ObservedWatch) -> None:
        if watch in self._heard:
            self._heard.discard(watch)
            self.events.unschedule(watch)
        else:
            self.listing.unschedule(watch)

    def start(self) -> None:
        self.listing.start()

    def stop(self) -> None:
        self.events.stop()
        self.listing.stop()

    def join(self) -> None:
        self.events.join()
        self.listing.join()


def hear_edits(server: Any) -> None:
    """Moves the server's folder watches to kernel events where they are sure to come. Call it
    from `on_serve`, before the server starts; calling it again does nothing."""
    if sys.platform != "linux" or isinstance(server.observer, EditObserver):
        return
    from watchdog.observers.inotify import InotifyObserver

    watched: dict[str, int] = dict(getattr(server, "_watched_paths", {}))
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = EditObserver(server.observer, InotifyObserver())
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
