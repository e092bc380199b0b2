"""Found by the trust attack: `init` or `settings set` in a read-only folder ended with exit 1
("something unexpected went wrong") and "a file could not be read or written"."""

from __future__ import annotations

import io
import os
import subprocess

import pytest

from caregiver_app import cli


@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only file system (tmpfs remounted read-only; needs root, as permissions do not
    stop root). Skipped where it cannot be mounted."""
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a read-only file system needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                      capture_output=True).returncode != 0:
        pytest.skip("this system does not allow mounting a tmpfs here")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True, capture_output=True)
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


@pytest.mark.parametrize("args,stdin", [(["init", "--no-keyring", "--passphrase-stdin"], "river stones sing at dawn\n"),
                                        (["settings", "set", "country", "GB"], "")])
def test_a_read_only_folder_is_told_plainly(read_only_folder, args, stdin):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(read_only_folder / "vault"), *args], stdin=io.StringIO(stdin), out=out, err=err)
    assert code == cli.EXIT_BAD_INPUT, err.getvalue()
    assert "read-only" in err.getvalue() and "unexpected" not in err.getvalue()
