"""A damaged write-ahead log after a crash is found before SQLite reads and discards it: the
damaged files are kept, what could be read is recovered and said, and the newest backup is offered
(issue 10, item 2)."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest
from support import PASSPHRASE, add_entries, flip_byte

from caregiver_app.services import backups, journal, people
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs
from caregiver_app.storage.wal_check import check_wal

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)
FRAME = 24 + 4096


@pytest.fixture
def crashed(vault_paths, tmp_path):
    """The vault's files as a crash leaves them: 30 confirmed saves still only in the log
    (copied while the vault was open), and a backup from before them."""
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam")
    add_entries(created.vault, sam.id, 2, note="early")
    backups.back_up_now(created.vault, clock=lambda: NOW)
    created.vault.close()
    vault = vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    add_entries(vault, sam.id, 30, start_day=10)
    snapshot = vs.VaultPaths(tmp_path / "after-crash")
    shutil.copytree(vault_paths.folder, snapshot.folder, ignore=shutil.ignore_patterns("vault.lock"))
    vault.close()
    assert (snapshot.folder / "vault.db-wal").stat().st_size > 30 * FRAME
    return snapshot, sam.id


def test_an_undamaged_log_after_a_crash_keeps_every_save(crashed):
    paths, sam = crashed
    assert not check_wal(paths.folder / "vault.db-wal").damaged
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert journal.count_entries(vault, sam) == 32 and vault.notices == []
    finally:
        vault.close()
    assert not paths.damaged.exists()


@pytest.mark.parametrize("frame", [0, 3, 20])
def test_a_flipped_bit_in_the_log_is_caught_kept_and_told(crashed, frame):
    paths, sam = crashed
    wal = paths.folder / "vault.db-wal"
    flip_byte(wal, 32 + frame * FRAME + 24 + 777)
    damaged_log = wal.read_bytes()
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE, clock=lambda: NOW)
    message = str(info.value)
    assert "could not be read back" in message and "recovered" in message and "damaged" in message
    recovery = info.value.recovery
    offered = recovery.newest_good_backup()
    assert offered is not None and offered.entries == 2
    recovery.close()
    # The damaged log is kept byte for byte, beside a copy of the database it belongs to.
    (kept,) = list(paths.damaged.glob("vault-*.db-wal"))
    assert kept.read_bytes() == damaged_log
    assert kept.with_name(kept.name[:-4]).exists()
    # Declining the backup leaves the recovered vault, which opens from now on.
    vault = vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    try:
        assert 2 <= journal.count_entries(vault, sam) < 32
    finally:
        vault.close()


def test_the_newest_backup_can_be_put_back_after_log_damage(crashed):
    paths, sam = crashed
    flip_byte(paths.folder / "vault.db-wal", 32 + 5 * FRAME + 100)
    with pytest.raises(vs.DamagedVaultError) as info:
        vault_open.unlock_with_passphrase(paths, PASSPHRASE, clock=lambda: NOW)
    recovery = info.value.recovery
    vault = recovery.restore(recovery.newest_good_backup().path)
    try:
        assert journal.count_entries(vault, sam) == 2
    finally:
        vault.close()


def test_the_command_line_says_what_was_recovered_and_goes_on(crashed):
    import io

    from caregiver_app import cli

    paths, _sam = crashed
    flip_byte(paths.folder / "vault.db-wal", 32 + 2 * FRAME + 300)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(paths.folder), "backup", "--passphrase-stdin"],
                    stdin=io.StringIO(PASSPHRASE + "\n"), out=out, err=err)
    assert code == cli.EXIT_OK
    assert "could not be read back" in err.getvalue() and "caregiver-app restore" in err.getvalue()
    assert list(paths.damaged.glob("vault-*.db-wal"))
