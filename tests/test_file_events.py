"""A preview hears folder edits from the kernel on a local Linux disk, and lists folders as
MkDocs does everywhere else."""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path

import pytest
from congress_mkdocs.file_events import EVENT_FILESYSTEMS, EditObserver, filesystem_type, hear_edits
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.inotify import InotifyEmitter
from watchdog.observers.polling import PollingObserver

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
C:\\134 /mnt/c 9p rw,dirsync 0 0
server:/share /srv/share nfs4 rw 0 0
tmpfs /srv/share/tmp tmpfs rw 0 0
/dev/vdb /home/my\\040docs xfs rw 0 0
/dev/vdc /srv/a\\134b btrfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/work/site/content", "ext4"),
        ("/mnt/c/Users/editor/site", "9p"),  # a Windows drive under WSL
        ("/mnt/cc", "ext4"),  # not under /mnt/c
        ("/srv/share/site", "nfs4"),
        ("/srv/share/tmp/x", "tmpfs"),  # the longest mount point holding it
        ("/home/my docs/site", "xfs"),  # spaces are escaped in the table
        ("/srv/a\\b/site", "btrfs"),  # and backslashes
    ],
)
def test_the_filesystem_of_a_path_is_that_of_the_longest_mount_holding_it(
    tmp_path: Path, path: str, kind: str
) -> None:
    table = tmp_path / "mounts"
    table.write_text(MOUNTS, encoding="utf-8")
    assert filesystem_type(path, str(table)) == kind


def test_without_a_mount_table_nothing_is_assumed(tmp_path: Path) -> None:
    assert filesystem_type("/work", str(tmp_path / "missing")) is None


@pytest.fixture
def server(tmp_path: Path) -> LiveReloadServer:
    if sys.platform != "linux" or filesystem_type(str(tmp_path)) not in EVENT_FILESYSTEMS:
        pytest.skip("需要本地 Linux 磁盘上的临时目录")
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))


def wants_rebuild(server: LiveReloadServer, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server._want_rebuild:
            return True
        time.sleep(0.02)
    return False


def test_an_edit_in_a_watched_folder_is_heard_at_once_and_reading_is_not_an_edit(
    tmp_path: Path, server: LiveReloadServer
) -> None:
    content, config = tmp_path / "content", tmp_path / "mkdocs.yml"
    (content / "news").mkdir(parents=True)
    article = content / "news" / "a.md"
    article.write_text("# 标题\n", encoding="utf-8")
    config.write_text("site_name: 测试\n", encoding="utf-8")
    server.watch(str(content))
    server.watch(str(config))
    hear_edits(server)
    hear_edits(server)  # every congress plugin calls it; the second does nothing
    observer = server.observer
    assert isinstance(observer, EditObserver) and isinstance(observer.listing, PollingObserver)
    # The folder by kernel events, the single file still by listing.
    assert [e.watch.path for e in observer.events.emitters] == [str(content)]
    assert len(observer.listing.emitters) == 1  # watchdog lists a file's folder, for the file
    assert str(content) not in {e.watch.path for e in observer.listing.emitters}
    observer.start()
    try:
        time.sleep(0.2)
        article.read_text(encoding="utf-8")  # as a build reads it
        assert not wants_rebuild(server, within=0.5)
        article.write_text("# 标题\n\n补充一句。\n", encoding="utf-8")
        assert wants_rebuild(server, within=2.0)  # at once, but a busy machine may lag
    finally:
        observer.stop()
        observer.join()


def heard_folders(server: LiveReloadServer) -> list[str]:
    return [emitter.watch.path for emitter in server.observer.events.emitters]


def test_a_folder_unwatched_is_no_longer_heard(tmp_path: Path, server: LiveReloadServer) -> None:
    data = tmp_path / "data"
    data.mkdir()
    server.watch(str(data))
    hear_edits(server)
    assert heard_folders(server) == [str(data)]
    server.unwatch(str(data))
    assert heard_folders(server) == []
    server.observer.start()
    try:
        (data / "deputy.yml").write_text("name: 李明\n", encoding="utf-8")
        assert not wants_rebuild(server, within=0.5)
    finally:
        server.observer.stop()
        server.observer.join()


def edit_is_heard(server: LiveReloadServer, edit: object) -> bool:
    server.observer.start()
    try:
        time.sleep(0.2)
        edit()  # type: ignore[operator]
        return wants_rebuild(server, within=2.0)
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_folder_the_kernel_cannot_watch_is_listed_and_the_preview_still_starts(
    tmp_path: Path, server: LiveReloadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def out_of_watches(self: InotifyEmitter) -> None:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(InotifyEmitter, "on_thread_start", out_of_watches)
    data = tmp_path / "data"
    data.mkdir()
    server.watch(str(data))
    hear_edits(server)
    assert heard_folders(server) == []
    assert [e.watch.path for e in server.observer.listing.emitters] == [str(data)]
    assert edit_is_heard(server, lambda: (data / "deputy.yml").write_text("x", encoding="utf-8"))


def test_a_folder_reached_by_a_symbolic_link_is_heard(
    tmp_path: Path, server: LiveReloadServer
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "content").symlink_to(real)
    server.watch(str(tmp_path / "content"))
    hear_edits(server)
    assert heard_folders(server) == [str(real)]
    assert edit_is_heard(server, lambda: (real / "a.md").write_text("x", encoding="utf-8"))


def test_touching_a_file_is_an_edit(tmp_path: Path, server: LiveReloadServer) -> None:
    page = tmp_path / "content" / "a.md"
    page.parent.mkdir()
    page.write_text("# 标题\n", encoding="utf-8")
    server.watch(str(page.parent))
    hear_edits(server)
    assert edit_is_heard(server, lambda: os.utime(page))
