"""Trust defects left open by the testers (task trustfix): the vault's lock file blocked by
something else, a missing journal file, a key file from a newer version of the app."""

from __future__ import annotations

import os

import pytest
from support import PASSPHRASE, run_cli

from caregiver_app.services import vault_open
from caregiver_app.services.vault import StorageError, remembered_on_disk
from caregiver_app.storage.lock import VaultLock, is_locked


def _block_the_lock(folder, how: str) -> None:
    lock = folder / "vault.lock"
    lock.unlink(missing_ok=True)
    if how == "folder":
        lock.mkdir()
    else:  # a link that points at itself: ELOOP
        os.symlink(lock, lock)


@pytest.mark.parametrize("how", ["folder", "loop"])
def test_a_lock_file_something_else_is_in_the_way_of_is_told_plainly(data_dir, how):
    _block_the_lock(data_dir, how)

    with pytest.raises(StorageError) as caught:
        VaultLock.acquire(data_dir)
    assert "vault.lock" in str(caught.value) and "in the way" in str(caught.value)
    assert is_locked(data_dir) is False

    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5, err
    assert "vault.lock" in err and "in the way" in err and "unexpected" not in err


def test_a_blocked_lock_with_a_swap_to_finish_does_not_raise_before_the_first_frame(vault_paths, memory_keyring):
    # remembered_on_disk runs before the unlock screen's first frame; a swap to finish takes the
    # lock there (vault_swap.finish_under_lock), and its error was not a CaregiverError.
    from caregiver_app.services.vault_swap import PLAN

    vault_open.create_vault(vault_paths, PASSPHRASE, remember=True).vault.close()
    (vault_paths.folder / PLAN).write_text("{}")
    _block_the_lock(vault_paths.folder, "folder")

    assert remembered_on_disk(vault_paths) is False
    with pytest.raises(StorageError, match="in the way"):
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)


def test_a_missing_journal_file_is_told_as_missing_not_damaged(data_dir):
    (data_dir / "vault.db").unlink()

    code, out, err = run_cli(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")

    assert code == 5, err
    assert "vault.db" in err and "missing" in err and "damaged" not in err, err
    assert str(data_dir / "backups") in err  # where the backups are kept
    assert "caregiver-app restore" in err
    assert not (data_dir / "vault.db").exists()  # never a new, empty vault over the situation


def test_a_missing_journal_file_can_be_put_back_from_a_backup(vault_paths, vault, person):
    from caregiver_app.services import backups
    from caregiver_app.services.people import list_people
    from caregiver_app.services.vault import DamagedVaultError

    backups.back_up_before_import(vault)
    vault.close()
    vault_paths.db.unlink()

    with pytest.raises(DamagedVaultError) as caught:
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    assert "missing" in str(caught.value) and "damaged" not in str(caught.value)
    recovery = caught.value.recovery
    restored = recovery.restore(recovery.newest_good_backup().path)
    try:
        assert [p.display_name for p in list_people(restored)] == [person.display_name]
    finally:
        restored.close()


def _newer_key_file(paths) -> None:
    import json

    doc = json.loads(paths.keyfile.read_bytes())
    doc["version"] += 1
    doc["something_new"] = "from the next version"
    paths.keyfile.write_text(json.dumps(doc))


def test_a_key_file_from_a_newer_version_is_not_downgraded_to_the_previous_one(vault_paths):
    from support import folder_bytes

    from caregiver_app.services.vault import KeyFileError

    vault_open.create_vault(vault_paths, PASSPHRASE).vault.close()
    prev = vault_paths.keyfile.with_name("vault.keys.prev")
    assert prev.exists()  # an older good generation beside it
    _newer_key_file(vault_paths)
    before = folder_bytes(vault_paths.folder)

    with pytest.raises(KeyFileError) as caught:
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    assert "newer version" in str(caught.value) and "update" in str(caught.value)
    assert not (vault_paths.folder / "damaged").exists()
    assert folder_bytes(vault_paths.folder) == before  # nothing moved aside, nothing rewritten

    code, _out, err = run_cli(vault_paths.folder, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 5 and "newer version" in err
    assert folder_bytes(vault_paths.folder) == before
