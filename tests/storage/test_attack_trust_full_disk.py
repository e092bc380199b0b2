"""Found by the trust attack: `backup` and `restore` on a full disk ended with exit code 5 ("the
vault cannot be opened") instead of 6 ("the disk is full"), which --help and the README promise."""

from __future__ import annotations

import io
import os

import pytest
from support import PASSPHRASE, add_entries
from test_trust_disk import fill, small_disk  # noqa: F401  (a real tiny file system)

from caregiver_app import cli
from caregiver_app.services import backups, people
from caregiver_app.services import vault as vs
from caregiver_app.services import vault_open


@pytest.fixture
def vault_on_small_disk(small_disk):  # noqa: F811
    paths = vs.VaultPaths(small_disk / "vault")
    created = vault_open.create_vault(paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam")
    add_entries(created.vault, sam.id, 5)
    created.vault.close()
    return paths, small_disk


def _run(paths, *args):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(paths.folder), *args, "--passphrase-stdin"],
                    stdin=io.StringIO(PASSPHRASE + "\n"), out=out, err=err)
    return code, err.getvalue()


def _backup_names(paths):
    return sorted(p.name for p in paths.backups.glob("*")) if paths.backups.exists() else []


@pytest.mark.parametrize("leave", [0, 64 * 1024])
def test_backup_on_a_full_disk_says_so_with_exit_6(vault_on_small_disk, leave):
    paths, disk = vault_on_small_disk
    fill(disk, leave)
    code, err = _run(paths, "backup")
    assert code == cli.EXIT_DISK, err
    assert "disk is full" in err
    assert [n for n in _backup_names(paths) if not n.startswith("vault-")] == []  # no half-made copy


@pytest.mark.parametrize("leave", [0, 64 * 1024])
def test_restore_on_a_full_disk_says_so_with_exit_6_and_changes_nothing(vault_on_small_disk, leave):
    paths, disk = vault_on_small_disk
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    backups.back_up_now(vault)
    vault.close()
    before = _backup_names(paths)
    fill(disk, leave)
    code, err = _run(paths, "restore", "1", "--yes")
    assert code == cli.EXIT_DISK, err
    assert "disk is full" in err
    os.unlink(disk / "filler")
    assert _backup_names(paths) == before
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert backups.current_people(vault)
    finally:
        vault.close()
