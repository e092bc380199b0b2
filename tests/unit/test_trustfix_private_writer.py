"""The one atomic writer leaves no partial health data behind a killed write (task trustfix):
on Linux the file has no name until it is whole; a temporary file a killed writer left anyway is
removed by the next write into that folder (its own naming pattern, this user's, a minute old)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from caregiver_app import private_files
from caregiver_app.private_files import private_writer, write_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 and file owners are POSIX")

CHILD = r"""
import sys, time
from caregiver_app import private_files
if sys.argv[2] == "named":
    private_files._TMPFILE = False  # as on a file system without O_TMPFILE
with private_files.private_writer(__import__("pathlib").Path(sys.argv[1]), temp_suffix=".part") as fh:
    fh.write(b"Sam Rivera: low mood, 3 nights without sleep\n" * 1000)
    fh.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def _killed_midway(target, how: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), how], stdout=subprocess.PIPE)
    try:
        assert child.stdout.readline() == b"writing\n"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def _tmpfile_works(folder) -> bool:
    fd = private_files._open_unnamed(folder)
    if fd is None:
        return False
    os.close(fd)
    return True


def test_a_write_killed_midway_leaves_nothing_behind(tmp_path):
    if not _tmpfile_works(tmp_path):
        pytest.skip("no O_TMPFILE here")
    _killed_midway(tmp_path / "summary.pdf", "unnamed")

    assert os.listdir(tmp_path) == []


def test_the_file_has_no_name_while_it_is_written(tmp_path):
    if not _tmpfile_works(tmp_path):
        pytest.skip("no O_TMPFILE here")
    (tmp_path / "summary.pdf").write_bytes(b"old")
    with private_writer(tmp_path / "summary.pdf", temp_suffix=".part") as fh:
        fh.write(b"new")
        assert os.listdir(tmp_path) == ["summary.pdf"]
    assert (tmp_path / "summary.pdf").read_bytes() == b"new"
    assert os.stat(tmp_path / "summary.pdf").st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["summary.pdf"]


def test_a_killed_named_writer_s_file_is_removed_by_the_next_write_once_stale(tmp_path):
    _killed_midway(tmp_path / "summary-2026-12-05.pdf", "named")
    left = [name for name in os.listdir(tmp_path)]
    assert len(left) == 1 and left[0].startswith(".summary-2026-12-05.pdf.") and left[0].endswith(".part")
    mine = tmp_path / "notes.part"  # the user's own files, even of a similar shape, stay
    mine.write_bytes(b"mine")
    other = tmp_path / ".draft.caregiver-1234abcd.tmp"
    other.write_bytes(b"other suffix")
    lookalike = tmp_path / ".report.pdf.1234abcd.part"  # another program's, without our mark
    lookalike.write_bytes(b"theirs")
    for path in (mine, other, lookalike):
        os.utime(path, (time.time() - 600,) * 2)

    write_private(tmp_path / "summary-2026-12-06.pdf", b"today", temp_suffix=".part")
    assert left[0] in os.listdir(tmp_path)  # a minute has not passed: it may be a live writer's

    os.utime(tmp_path / left[0], (time.time() - 120,) * 2)
    write_private(tmp_path / "summary-2026-12-06.pdf", b"today", temp_suffix=".part")

    assert sorted(os.listdir(tmp_path)) == sorted([".draft.caregiver-1234abcd.tmp", ".report.pdf.1234abcd.part",
                                                   "notes.part", "summary-2026-12-06.pdf"])


def test_a_link_of_that_name_is_not_followed_or_removed(tmp_path):
    outside = tmp_path / "outside"
    outside.write_bytes(b"keep")
    folder = tmp_path / "exports"
    folder.mkdir()
    link = folder / ".x.pdf.caregiver-0123abcd.part"
    link.symlink_to(outside)
    os.utime(link, (time.time() - 600,) * 2, follow_symlinks=False)

    write_private(folder / "y.pdf", b"y", temp_suffix=".part")

    assert link.is_symlink() and outside.read_bytes() == b"keep"
