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
