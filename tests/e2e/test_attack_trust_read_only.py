"""Found by the trust attack: `init` or `settings set` in a read-only folder ended with exit 1
("something unexpected went wrong") and "a file could not be read or written"."""

from __future__ import annotations

import io

import pytest
from support import mounted_tmpfs

from caregiver_app import cli


@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only file system (tmpfs remounted read-only; needs root, as permissions do not
    stop root). Skipped where it cannot be mounted."""
    with mounted_tmpfs(tmp_path / "ro", "size=1m", read_only=True) as folder:
        yield folder


@pytest.mark.parametrize("inside,args,stdin", [
    # init makes the data folder inside the read-only one
    ("vault", ["init", "--no-keyring", "--passphrase-stdin"], "river stones sing at dawn\n"),
    # settings go into a data folder that is there (one that is not there is refused as out of
    # reach before anything is written: tests/storage/test_cli_vaultgone.py)
    ("", ["settings", "set", "country", "GB"], "")])
def test_a_read_only_folder_is_told_plainly(read_only_folder, inside, args, stdin):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(read_only_folder / inside), *args], stdin=io.StringIO(stdin), out=out, err=err)
    assert code == cli.EXIT_BAD_INPUT, err.getvalue()
    assert "read-only" in err.getvalue() and "unexpected" not in err.getvalue()
