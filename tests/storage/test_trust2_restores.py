"""Restoring many times never deletes the only copy of the newest entries (issue 10, item 1)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from support import add_entries
from sqlalchemy import text

from caregiver_app.services import backups
from caregiver_app.storage import backup as store
from caregiver_app.services.vault import data_key_of, session_of

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


def _notes_in(path, key) -> set[str]:
    conn = store._connect_copy(path, key)
    try:
        return {r[0] for r in conn.execute("SELECT note FROM journal_entry").fetchall()}
    finally:
        conn.close()


def test_six_restores_keep_the_copy_holding_the_newest_entries(vault, person):
    add_entries(vault, person.id, 2)
    old = store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.MANUAL, NOW - timedelta(days=2))
    add_entries(vault, person.id, 1, start_day=30, note="newest")
    for n in range(7):
        backups.restore_backup(vault, old.path, clock=lambda n=n: NOW + timedelta(minutes=n))
    key = data_key_of(vault)
    holders = [b for b in store.list_backups(vault.paths.backups) if "newest 0" in _notes_in(b.path, key)]
    assert holders, "the only copy of the newest entry was pruned"
    # Copies that hold nothing a newer backup lacks are still pruned to the usual number.
    pre = [b for b in store.list_backups(vault.paths.backups) if b.reason == store.PRE_RESTORE]
    assert len(pre) <= store.KEEP_BEFORE_CHANGES + 1


def test_a_pre_restore_copy_goes_once_a_newer_backup_holds_everything_in_it(vault, person):
    add_entries(vault, person.id, 2)
    old = store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.MANUAL, NOW - timedelta(days=2))
    add_entries(vault, person.id, 1, start_day=30, note="newest")
    backups.restore_backup(vault, old.path, clock=lambda: NOW)
    # The user brings the newest entry back (restores the pre-restore copy) and backs up.
    pre_first = [b for b in backups.list_backups(vault) if b.reason == store.PRE_RESTORE][0]
    for n in range(1, 7):
        backups.restore_backup(vault, old.path, clock=lambda n=n: NOW + timedelta(minutes=n))
    backups.restore_backup(vault, pre_first.path, clock=lambda: NOW + timedelta(minutes=20))
    with session_of(vault) as s:
        assert "newest 0" in set(s.scalars(text("SELECT note FROM journal_entry")))
    backups.back_up_now(vault, clock=lambda: NOW + timedelta(minutes=30))
    assert not pre_first.path.exists()  # a newer manual backup holds all of it now


def test_many_backups_in_one_second_keep_the_newest(vault, person):
    """Copies made in the same second are told apart by their number (.2 … .12), not as text."""
    add_entries(vault, person.id, 1)
    made = [backups.back_up_now(vault, clock=lambda: NOW).path.name for _ in range(12)]
    kept = {b.path.name for b in store.list_backups(vault.paths.backups)}
    assert made[-1] in kept and made[-10] in kept and made[0] not in kept
