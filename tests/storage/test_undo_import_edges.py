"""Undoing an import, attacked (branch attack-undo), in a real encrypted vault: what the import
brought in beside its entries must not linger once it is undone."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, timedelta, timezone

import pytest

from support import add_entry
from test_import_batches import CSV

from caregiver_app.domain.model import Tag
from caregiver_app.domain.summary import LeaveOut, SummaryChoices
from caregiver_app.services import backups, drafts, import_batches, imports, journal, summary
from caregiver_app.services.vault import data_key_of
from caregiver_app.storage import backup as store
from caregiver_app.storage.errors import BackupFolderError


def _import(vault, person):
    return imports.import_daylio(vault, CSV, person.display_name, {"Solid": 4}, "America/New_York",
                                 file_name="export.csv")


def test_the_activities_only_an_undone_import_used_are_no_longer_offered(vault, person):
    add_entry(vault, person, date(2026, 11, 1), note="my own", tags=(Tag("walk"),))
    report = _import(vault, person)  # brings "friends", "walk" and "reading"
    assert sorted(t.name for t in journal.tag_choices(vault)) == ["friends", "reading", "walk"]

    import_batches.undo_import(vault, report.batch_id)

    # the editor's suggestions, the search filter and the plans offer what the journal still uses
    assert [t.name for t in journal.tag_choices(vault)] == ["walk"]


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_backups_folder_that_refuses_writing_is_named_and_nothing_is_removed(vault, person, monkeypatch, code):
    report = _import(vault, person)

    def refused(*_args, **_kwargs):  # the folder is there, but read-only (a mount, or no write permission)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store, "export_copy", refused)
    with pytest.raises(BackupFolderError) as caught:
        import_batches.undo_import(vault, report.batch_id)
    message = str(caught.value)
    assert message.startswith("A backup copy of the vault could not be made, because its backups folder could "
                              f"not be made or written to: {vault.paths.backups}.")
    assert message.endswith("Nothing was changed.") and message.count("Nothing was changed.") == 1
    assert journal.count_entries(vault, person.id) == 3
    assert import_batches.get_import(vault, report.batch_id).can_undo


def test_backups_made_in_one_second_are_listed_in_the_order_they_were_made(vault, person):
    """Two imports and an undo within one second (a script): the copy made before the undo is the
    newest, though the second import's copy was numbered ``.2`` and the undo's was the first of its
    kind in that second."""
    add_entry(vault, person, date(2026, 11, 1), note="my own")
    now = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)
    key = data_key_of(vault)
    for reason in (store.PRE_IMPORT, store.PRE_IMPORT, store.PRE_UNDO):
        store.make_backup(vault.paths.db, key, vault.paths.backups, reason, now)
    assert [b.reason for b in store.list_backups(vault.paths.backups)] == [store.PRE_UNDO, store.PRE_IMPORT,
                                                                            store.PRE_IMPORT]


def test_the_copy_made_before_an_undo_stays_when_the_computer_clock_is_behind(vault, person):
    """A computer whose clock went back (a flat clock battery starts it in 2000): the copy the undo
    just made, and named, must not be pruned as the oldest of its kind."""
    report = _import(vault, person)
    last_year = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for day in range(store.KEEP_BEFORE_CHANGES):  # five undos made while the clock was right
        backups.back_up_before_undo(vault, clock=lambda day=day: last_year + timedelta(days=day))

    result = import_batches.undo_import(vault, report.batch_id, clock=lambda: datetime(2000, 1, 1, tzinfo=timezone.utc))

    assert (vault.paths.backups / result.backup_name).is_file()  # the journal just before the undo
    assert journal.count_entries(vault, person.id) == 0


def test_the_copy_made_before_an_import_stays_when_the_computer_clock_is_behind(vault, person):
    last_year = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for day in range(store.KEEP_BEFORE_CHANGES):
        backups.back_up_before_import(vault, clock=lambda day=day: last_year + timedelta(days=day))

    report = imports.import_daylio(vault, CSV, person.display_name, {"Solid": 4}, "America/New_York",
                                   file_name="export.csv", clock=lambda: datetime(2000, 1, 1, tzinfo=timezone.utc))

    assert (vault.paths.backups / report.summary.backup_name).is_file()  # named in the import’s summary


def test_an_entry_written_after_an_undo_is_not_left_out_of_the_visit_summary(vault, person):
    """The summary remembers the entries left out by their numbers. Undoing the import frees its
    entries' numbers, and the database gives the next new entry one of them: the undo must take
    its entries out of the remembered leave-outs, or a new entry is silently left off the page."""
    mine = add_entry(vault, person, date(2026, 11, 1), note="before the import")
    report = _import(vault, person)
    imported = {e.id for e in journal.entries_between(vault, person.id, date(2026, 11, 2), date(2026, 11, 30))}
    summary.save_choices(vault, person.id, SummaryChoices(leave_out=LeaveOut(entry_ids=frozenset(imported | {mine.id}))))

    import_batches.undo_import(vault, report.batch_id)
    new = add_entry(vault, person, date(2026, 11, 30), note="a hard night, tell the doctor")

    assert new.id in imported  # the number is given again (why the leave-outs must forget it)
    assert summary.saved_choices(vault, person.id).leave_out.entry_ids == {mine.id}


def test_a_kept_draft_of_an_undone_entry_does_not_land_on_a_new_entry(vault, person):
    """A change to an imported entry kept as a draft (the app locked while it was being written),
    then the import undone and a new entry written, which the database gives the removed entry's
    number: restoring the draft must not edit (and on saving overwrite) that new entry. The draft
    is then for no entry, and is restored as a new one."""
    add_entry(vault, person, date(2026, 11, 1), note="before the import")
    report = _import(vault, person)
    first = min(e.id for e in journal.entries_between(vault, person.id, date(2026, 11, 2), date(2026, 11, 30)))
    drafts.save_draft(vault, "editor-1", drafts.DraftState(person.id, entry_id=first, note="changed my mind"))

    import_batches.undo_import(vault, report.batch_id)
    new = add_entry(vault, person, date(2026, 11, 30), note="a hard night, tell the doctor")

    assert new.id == first
    [kept] = drafts.list_drafts(vault, person.id)
    assert kept.state.note == "changed my mind" and kept.state.entry_id is None
