"""Issue 10, item 15: devices and pipes chosen as import files are refused plainly, and the size
limit counts the bytes read, never the size a file reports."""

from __future__ import annotations

import os
import sys

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.services import imports, vcards
from caregiver_app.services.user_files import read_chosen_file

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and pipes"),
              pytest.mark.timeout(20)]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "export.csv"
    os.mkfifo(path)
    return path


def test_a_pipe_with_no_writer_is_refused_without_waiting(fifo):
    with pytest.raises(ValidationError, match="not an ordinary file"):
        imports.read_import_file(fifo)


def test_a_device_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="not an ordinary file"):
        imports.read_import_file(__import__("pathlib").Path("/dev/zero"))
    with pytest.raises(ValidationError, match="not an ordinary file"):
        vcards.read_contacts_file(__import__("pathlib").Path("/dev/zero"))


def test_the_limit_counts_bytes_read(tmp_path, monkeypatch):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    # a file that says it is small but is not (it grew, or the system reports no size)
    real_fstat = os.fstat

    class Small:
        def __init__(self, st):
            self._st = st

        def __getattr__(self, name):
            return 0 if name == "st_size" else getattr(self._st, name)

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    monkeypatch.setattr(os, "stat", lambda *a, **k: Small(os.lstat(*a)))
    with pytest.raises(ValidationError, match="too large"):
        read_chosen_file(big, max_bytes=1024, too_large="That file is too large.")
    assert read_chosen_file(big, max_bytes=4096, too_large="x") == b"x" * 2048


def test_cli_import_of_a_device_is_bad_input(tmp_path):
    import io

    from caregiver_app import cli

    err = io.StringIO()
    code = cli.main(["--data-dir", str(tmp_path / "v"), "import-daylio", "/dev/zero", "--person-number", "1"],
                    stdin=io.StringIO(""), out=io.StringIO(), err=err)
    assert code == cli.EXIT_BAD_INPUT and "not an ordinary file" in err.getvalue()


@pytest.mark.parametrize("which", ["fifo", "device"])
def test_a_vault_file_that_is_a_pipe_or_device_is_refused(fifo, which):
    from pathlib import Path

    from caregiver_app.storage.vault_file import VaultFileError, read_vault_file

    with pytest.raises(VaultFileError, match="not an ordinary file"):
        read_vault_file(fifo if which == "fifo" else Path("/dev/zero"))
