"""Automatic and requested backups: made by SQLCipher, verified before they count, pruned to 7
daily and 4 weekly, and put back with a preview, the vault as it was backed up first."""

from __future__ import annotations

import os
import stat
import threading
from datetime import datetime, timedelta, timezone

import pytest
from support import PASSPHRASE, add_entries

from caregiver_app.services import backups, people
from caregiver_app.services.vault import BackupError, NewerVersionError, data_key_of, session_of
from caregiver_app.services.vault_open import unlock_with_passphrase
from caregiver_app.storage import backup as store

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


def clock_at(when):
    return lambda: when


def test_daily_backup_only_when_a_day_has_passed(vault, person):
    add_entries(vault, person.id, 3)
    first = backups.daily_backup_if_due(vault, clock=clock_at(NOW))
    assert first is not None and first.path.name == "vault-20261130T150000Z-daily.db"
    assert backups.daily_backup_if_due(vault, clock=clock_at(NOW + timedelta(hours=23))) is None
    second = backups.daily_backup_if_due(vault, clock=clock_at(NOW + timedelta(hours=24, minutes=1)))
    assert second is not None
    assert [b.reason for b in backups.list_backups(vault)] == ["daily", "daily"]
    # Private files in a private folder, readable only with the vault's key.
    assert stat.S_IMODE(os.stat(vault.paths.backups).st_mode) == 0o700
    for b in backups.list_backups(vault):
        assert stat.S_IMODE(b.path.stat().st_mode) == 0o600
        assert store.verify_backup(b.path, data_key_of(vault))["journal_entry"] == 3


def test_a_copy_that_does_not_verify_never_takes_a_name(vault, person, monkeypatch):
    add_entries(vault, person.id, 2)
    backups.daily_backup_if_due(vault, clock=clock_at(NOW - timedelta(days=3)))
    before = sorted(p.name for p in vault.paths.backups.iterdir())

    def broken(path, key, expected=None):
        raise BackupError("A backup copy did not pass its check.")

    monkeypatch.setattr(store, "verify_backup", broken)
    with pytest.raises(BackupError):
        backups.daily_backup_if_due(vault, clock=clock_at(NOW))
    # Nothing new, nothing pruned, no temporary file left behind.
    assert sorted(p.name for p in vault.paths.backups.iterdir()) == before


def test_pruning_keeps_seven_days_and_four_weeks(vault):
    # Thirty automatic backups, one a day, plus a few of other kinds.
    for day in range(30):
        backups.daily_backup_if_due(vault, clock=clock_at(NOW - timedelta(days=29 - day)))
    for n in range(12):
        store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, "manual",
                          NOW - timedelta(days=60, minutes=n))
    store.prune(vault.paths.backups)
    kept = backups.list_backups(vault)
    daily = [b for b in kept if b.reason == "daily"]
    days = sorted({b.made_at.date() for b in daily}, reverse=True)
    newest7 = [(NOW - timedelta(days=d)).date() for d in range(7)]
    assert days[:7] == newest7
    older = [b for b in daily if b.made_at.date() < newest7[-1]]
    weeks = {b.made_at.isocalendar()[:2] for b in older}
    assert len(older) == len(weeks) == 4
    assert len([b for b in kept if b.reason == "manual"]) == store.KEEP_MANUAL


def test_restore_with_preview_backs_up_first_and_can_be_undone(vault, person):
    add_entries(vault, person.id, 3)
    ana = people.add_person(vault, "Ana")
    add_entries(vault, ana.id, 1)
    made = backups.back_up_now(vault, clock=clock_at(NOW))
    assert [(p.name, p.entries) for p in made.people] == [("Ana", 1), ("Sam Rivera", 3)]
    add_entries(vault, person.id, 2, start_day=10)
    assert [(p.name, p.entries) for p in backups.current_people(vault)] == [("Ana", 1), ("Sam Rivera", 5)]

    result = backups.restore_backup(vault, made.path, clock=clock_at(NOW + timedelta(minutes=5)))
    assert [(p.name, p.entries) for p in backups.current_people(vault)] == [("Ana", 1), ("Sam Rivera", 3)]
    assert result.before.path.name.endswith("-pre-restore.db")
    assert result.before.row_counts["journal_entry"] == 6
    # The same Vault object keeps working, and the restore can be undone from the copy made first.
    backups.restore_backup(vault, result.before.path, clock=clock_at(NOW + timedelta(minutes=9)))
    assert [(p.name, p.entries) for p in backups.current_people(vault)] == [("Ana", 1), ("Sam Rivera", 5)]
    vault.close()
    again = unlock_with_passphrase(vault.paths, PASSPHRASE)
    assert sum(p.entries for p in backups.current_people(again)) == 6
    again.close()


def test_restore_refuses_a_damaged_or_newer_backup_and_changes_nothing(vault, person):
    add_entries(vault, person.id, 2)
    made = backups.back_up_now(vault, clock=clock_at(NOW))
    data = bytearray(made.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    made.path.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        backups.restore_backup(vault, made.path)
    assert [b.reason for b in backups.list_backups(vault)] == ["manual"]  # no pre-restore copy either

    newer = backups.back_up_now(vault, clock=clock_at(NOW + timedelta(minutes=1)))
    import sqlcipher3

    conn = sqlcipher3.connect(str(newer.path))
    conn.execute(f"PRAGMA key = \"x'{data_key_of(vault).hex()}'\"")
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(NewerVersionError, match="newer version"):
        backups.restore_backup(vault, newer.path)
    assert backups.current_people(vault)[0].entries == 2


def test_restore_waits_for_running_work_and_holds_new_work(vault, person):
    add_entries(vault, person.id, 1)
    made = backups.back_up_now(vault, clock=clock_at(NOW))
    add_entries(vault, person.id, 1, start_day=5)
    entered, release, done = threading.Event(), threading.Event(), threading.Event()
    order = []

    def long_session():
        with session_of(vault):
            entered.set()
            release.wait(10)
            order.append("session")

    worker = threading.Thread(target=long_session)
    worker.start()
    entered.wait(10)

    def restore():
        backups.restore_backup(vault, made.path)
        order.append("restore")
        done.set()

    restorer = threading.Thread(target=restore)
    restorer.start()
    release.set()
    worker.join(10)
    restorer.join(20)
    assert done.is_set() and order == ["session", "restore"]
    assert backups.current_people(vault)[0].entries == 1
