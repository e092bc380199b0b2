"""Undoing an import makes a verified backup first (reason ``pre-undo``), in a real vault: the copy
opens with the vault's key and holds the journal just before the undo (what the undo removed and
everything saved since the import, which the pre-import backup lacks); a refused undo makes none;
an undo whose backup cannot be made removes nothing and says so; old backups are pruned only once
the undo is saved; the new kind has plain words and can be restored."""

from __future__ import annotations

import errno
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text
from support import add_entry
from test_import_batches import CSV

from caregiver_app.services import backups, import_batches, imports, journal
from caregiver_app.services.vault import data_key_of, session_of
from caregiver_app.storage import backup as store
from caregiver_app.storage.errors import BackupDiskFullError, BackupError, DiskFullError
from caregiver_app.storage.repos import imports as batches_repo

IMPORTED = ["Dinner with friends", "Great morning", "Quiet evening"]


def _import(vault, person):
    return imports.import_daylio(vault, CSV, person.display_name, {"Solid": 4}, "America/New_York",
                                 file_name="export.csv")


def _notes(vault, person_id) -> list[str]:
    return sorted(e.note for e in journal.entries_between(vault, person_id, date(2000, 1, 1), date(2100, 1, 1)))


def _notes_in_copy(path, key: bytes) -> list[str]:
    """The journal's notes in a backup file, read with the vault's key (read-only)."""
    conn = store._connect_copy(path, key)
    try:
        return sorted(row[0] for row in conn.execute("SELECT note FROM journal_entry").fetchall())
    finally:
        conn.close()


def _backup_names(vault) -> list[str]:
    return sorted(b.path.name for b in backups.list_backups(vault))


def _undo_backups(vault) -> list[str]:
    return [name for name in _backup_names(vault) if name.endswith("-pre-undo.db")]


def test_the_undo_backs_up_the_journal_as_it_was_just_before(vault, person):
    add_entry(vault, person, date(2026, 11, 1), note="written before the import")
    report = _import(vault, person)
    add_entry(vault, person, date(2026, 11, 30), note="written after the import")  # not in the pre-import copy

    plan = import_batches.plan_undo(vault, report.batch_id)
    result = import_batches.undo_import(vault, report.batch_id, expected=plan)

    assert result.removed == 3 and result.backup_name.endswith("-pre-undo.db")
    path = vault.paths.backups / result.backup_name
    found = store.parse_name(path)
    assert found is not None and found.reason == store.PRE_UNDO
    key = data_key_of(vault)
    store.verify_backup(path, key)  # opens with the vault's key and passes its integrity check
    assert _notes_in_copy(path, key) == sorted([*IMPORTED, "written after the import", "written before the import"])
    assert _notes(vault, person.id) == ["written after the import", "written before the import"]
    pre_import = vault.paths.backups / report.summary.backup_name
    assert "written after the import" not in _notes_in_copy(pre_import, key)  # why this copy is needed


def test_the_new_kind_has_plain_words_and_restoring_it_brings_the_entries_back(vault, person):
    report = _import(vault, person)
    add_entry(vault, person, date(2026, 11, 30), note="written after the import")
    result = import_batches.undo_import(vault, report.batch_id)
    [newest] = [s for _found, s in backups.summaries(vault) if s.path.name == result.backup_name]
    assert backups.kind_words(newest.reason) == "Before undoing an import"
    assert newest.entries == 4

    restored = backups.restore_backup(vault, newest.path)
    assert restored.restored.path == newest.path
    assert _notes(vault, person.id) == sorted([*IMPORTED, "written after the import"])
    assert import_batches.get_import(vault, report.batch_id).can_undo  # as it was before the undo


def test_a_refused_undo_makes_no_backup(vault, person):
    from dataclasses import replace

    report = _import(vault, person)
    before = _backup_names(vault)
    plan = import_batches.plan_undo(vault, report.batch_id)
    with pytest.raises(import_batches.ImportChangedSince):  # the user confirmed another picture
        import_batches.undo_import(vault, report.batch_id, expected=replace(plan, entries=plan.entries + 1))
    with pytest.raises(import_batches.NotFoundError):
        import_batches.undo_import(vault, report.batch_id + 99)
    assert _backup_names(vault) == before
    assert journal.count_entries(vault, person.id) == 3

    import_batches.undo_import(vault, report.batch_id)
    after_undo = _backup_names(vault)
    with pytest.raises(import_batches.NothingToUndo):  # undone already
        import_batches.undo_import(vault, report.batch_id)
    assert _backup_names(vault) == after_undo

    second = _import(vault, person)
    for entry in journal.recent_entries(vault, person.id):
        journal.take_out(vault, entry.id)
    with pytest.raises(import_batches.NothingToUndo):  # none of its entries are left
        import_batches.undo_import(vault, second.batch_id)
    assert _undo_backups(vault) == [n for n in after_undo if n.endswith("-pre-undo.db")]


def test_a_full_disk_during_the_backup_removes_nothing_and_says_so(vault, person, monkeypatch):
    report = _import(vault, person)
    before = _backup_names(vault)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "export_copy", full)  # the writer at the storage edge: the disk is full
    with pytest.raises(BackupDiskFullError) as caught:
        import_batches.undo_import(vault, report.batch_id)
    assert str(caught.value) == ("The disk is full, so a backup copy of the vault could not be made. "
                                 "Nothing was changed.")
    assert _notes(vault, person.id) == IMPORTED
    assert import_batches.get_import(vault, report.batch_id).undone_at is None
    assert _backup_names(vault) == before


def test_an_unwritable_backups_folder_removes_nothing_and_says_so(vault, person):
    report = _import(vault, person)
    for old in vault.paths.backups.iterdir():
        old.unlink()
    vault.paths.backups.rmdir()
    vault.paths.backups.write_bytes(b"not a folder")  # the backups folder cannot be made or written
    with pytest.raises(BackupError) as caught:
        import_batches.undo_import(vault, report.batch_id)
    assert not isinstance(caught.value, DiskFullError)
    message = str(caught.value)
    assert message.startswith("A backup copy of the vault could not be made, because its backups folder")
    assert message.endswith("Nothing was changed.") and message.count("Nothing was changed.") == 1
    assert "Dinner" not in message
    assert _notes(vault, person.id) == IMPORTED
    assert import_batches.get_import(vault, report.batch_id).can_undo


def _older_undo_backups(vault, count: int) -> list[str]:
    """``count`` "before an undo" backups from last year, oldest first (real copies of the vault)."""
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    return [backups.back_up_before_undo(vault, clock=lambda i=i: start + timedelta(days=i)).path.name
            for i in range(count)]


def test_old_backups_are_pruned_only_once_the_undo_is_saved(vault, person, monkeypatch):
    report = _import(vault, person)
    older = _older_undo_backups(vault, store.KEEP_BEFORE_CHANGES)

    def disk_full(*_args, **_kwargs):
        raise DiskFullError("The disk is full.")

    with monkeypatch.context() as m:  # the removal fails after the backup was made
        m.setattr(batches_repo, "delete_batch_entries", disk_full)
        with pytest.raises(DiskFullError):
            import_batches.undo_import(vault, report.batch_id)
    assert _undo_backups(vault) == older  # no older backup pushed out; the fresh one taken away again
    assert journal.count_entries(vault, person.id) == 3

    result = import_batches.undo_import(vault, report.batch_id)
    assert _undo_backups(vault) == sorted([*older[1:], result.backup_name])  # the five newest are kept
    assert journal.count_entries(vault, person.id) == 0


def test_the_keep_rule_keeps_the_five_newest_before_an_undo():
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    found = [store.BackupFile(Path(f"vault-2026010{i}T000000Z-pre-undo.db"), start + timedelta(days=i),
                              store.PRE_UNDO) for i in range(1, 8)]
    going = store.prune_plan(found)
    assert [b.made_at.day for b in going] == [3, 2]
    assert store.PRE_UNDO in store.REASONS


def test_the_undo_and_its_backup_see_the_same_journal(vault, person, monkeypatch):
    """The copy is read while the undo's transaction holds the write lock: what it holds is
    exactly what the checks saw (nothing else can be saved between the copy and the removal)."""
    report = _import(vault, person)
    seen = {}
    real = store.make_backup

    def spy(db_path, key, folder, reason, now=None):
        with pytest.raises(sqlcipher3.OperationalError, match="locked"):  # another writer waits (0 s: gives up)
            other = sqlcipher3.connect(str(db_path), timeout=0, isolation_level=None)
            try:
                other.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
                other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
        info = real(db_path, key, folder, reason, now)
        seen["notes"] = _notes_in_copy(info.path, key)
        return info

    monkeypatch.setattr(store, "make_backup", spy)
    import_batches.undo_import(vault, report.batch_id)
    assert seen["notes"] == IMPORTED
    with session_of(vault) as s:
        assert s.execute(text("SELECT count(*) FROM journal_entry")).scalar() == 0


def test_the_words_of_a_failed_backup_say_once_in_spanish_that_nothing_was_changed(vault, person, monkeypatch):
    from caregiver_app import i18n

    report = _import(vault, person)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    i18n.set_language("es")
    try:
        with monkeypatch.context() as m:
            m.setattr(store, "export_copy", full)
            with pytest.raises(BackupDiskFullError) as caught:
                import_batches.undo_import(vault, report.batch_id)
        words = str(caught.value)
        assert words.startswith("El disco está lleno") and words.endswith("No se cambió nada.")
        assert backups.kind_words(store.PRE_UNDO) == "Antes de deshacer una importación"
        vault.paths.backups.rename(vault.paths.folder / "moved-backups")
        vault.paths.backups.write_bytes(b"not a folder")
        with pytest.raises(BackupError) as caught:
            import_batches.undo_import(vault, report.batch_id)
        assert str(caught.value).count("No se cambió nada.") == 1
    finally:
        i18n.set_language("en")
    assert journal.count_entries(vault, person.id) == 3
