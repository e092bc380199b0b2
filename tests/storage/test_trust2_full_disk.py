"""A full disk during export-vault and change-passphrase: a plain message, a fitting exit code and
nothing half-written (issue 10, item 17)."""

from __future__ import annotations

import io
import os

import pytest
from support import PASSPHRASE, add_entries
from test_trust_disk import fill, small_disk  # noqa: F401  (a real tiny file system)

from caregiver_app import cli
from caregiver_app.services import keys, people, transfer
from caregiver_app.services import vault as vs
from caregiver_app.services import vault_open

NEW = "a fresh passphrase for the winter"


@pytest.fixture
def full_vault(small_disk):  # noqa: F811
    paths = vs.VaultPaths(small_disk / "vault")
    created = vault_open.create_vault(paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam")
    add_entries(created.vault, sam.id, 5)
    created.vault.close()
    return paths, created.recovery_code, small_disk


def _run(paths, *args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(paths.folder), *args], stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _names(folder):
    return sorted(p.name for p in folder.rglob("*") if p.name != "filler")


@pytest.mark.parametrize("leave", [0, 4096, 8192, 64 * 1024, 256 * 1024])
def test_export_vault_on_a_full_disk(full_vault, tmp_path, leave):
    paths, _code, disk = full_vault
    # The vault opens first (on a roomier disk it would); the export then meets the full disk.
    before = _names(disk)
    fill(disk, leave)
    code, _out, err = _run(paths, "export-vault", str(disk / "moving"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_DISK, err
    assert "disk is full" in err and "unexpected" not in err
    os.unlink(disk / "filler")
    assert _names(disk) == before or set(_names(disk)) - set(before) <= {"vault.db-shm", "vault.db-wal"}
    vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()


@pytest.mark.parametrize("leave", [0, 4096, 8192, 64 * 1024, 256 * 1024])
def test_change_passphrase_on_a_full_disk(full_vault, leave):
    paths, recovery_code, disk = full_vault
    keys_before = paths.keyfile.read_bytes()
    fill(disk, leave)
    code, _out, err = _run(paths, "change-passphrase", "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{NEW}\n")
    os.unlink(disk / "filler")
    if code == cli.EXIT_OK:  # there was just room for the key file: then the change is whole
        vault_open.unlock_with_passphrase(paths, NEW).close()
    else:
        assert code == cli.EXIT_DISK, err
        assert "disk is full" in err and "unexpected" not in err
        assert paths.keyfile.read_bytes() == keys_before
        vault_open.unlock_with_passphrase(paths, PASSPHRASE).close()
    assert not [n for n in _names(disk) if n.endswith(".tmp")]
    vault_open.unlock_with_recovery_code(paths, recovery_code).close()


@pytest.mark.parametrize("leave", [0, 4096, 8192])
def test_an_open_vault_meets_a_full_disk_on_export_and_key_changes(full_vault, leave):
    paths, recovery_code, disk = full_vault
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    keys_before = paths.keyfile.read_bytes()
    fill(disk, leave)
    try:
        with pytest.raises(vs.DiskFullError, match="vault file could not be saved"):
            transfer.export_vault(vault, disk / "moving")
        try:
            keys.change_passphrase(vault, NEW, NEW, current_passphrase=PASSPHRASE)
        except vs.DiskFullError as exc:
            assert "still works" in str(exc)
            assert paths.keyfile.read_bytes() == keys_before
    finally:
        vault.close()
        os.unlink(disk / "filler")
    assert not [n for n in _names(disk) if n.endswith((".tmp", ".part", ".ccvault"))]
    vault_open.unlock_with_recovery_code(paths, recovery_code).close()


@pytest.mark.parametrize("leave", [0, 8192, 128 * 1024])
def test_key_rotation_on_a_full_disk_changes_nothing(full_vault, leave):
    from caregiver_app.services import backups, rotation

    paths, recovery_code, disk = full_vault
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    backups.back_up_now(vault)
    keys_before = paths.keyfile.read_bytes()
    fill(disk, leave)
    try:
        with pytest.raises(vs.DiskFullError, match="not re-encrypted"):
            rotation.rotate_data_key(vault, current_passphrase=PASSPHRASE)
        assert people.list_people(vault)  # the open vault still works under its old key
    finally:
        vault.close()
        os.unlink(disk / "filler")
    assert paths.keyfile.read_bytes() == keys_before
    assert not [n for n in _names(disk) if n.endswith((".tmp", ".incoming"))]
    vault_open.unlock_with_recovery_code(paths, recovery_code).close()
