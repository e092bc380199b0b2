"""Imports as one undoable batch in a real vault (issue 18 defect 10): a backup before every import
(and no import when it cannot be made), the batch row and its entries in one transaction for every
format, undo of exactly the import's entries (after a re-import too; edited ones named and kept on
request), and mood levels remembered per app inside the vault."""

from __future__ import annotations

import errno
from dataclasses import replace
from datetime import date, datetime

import pytest
from import_fixtures import daylio_backup, emoods_backup, fixture_bytes
from sqlalchemy import text
from support import add_entry, sample_path

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import MoodLevel, SymptomRating, Tag, TagKind
from caregiver_app.importers.generic import ColumnMap
from caregiver_app.services import backups, import_any, import_batches, imports, journal, medications, people
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.vault import data_key_of, session_of
from caregiver_app.storage import backup as store
from caregiver_app.storage.errors import BackupDiskFullError, BackupError

CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
    '2026-11-27,Nov 27,Friday,10:09 PM,Solid,reading,"","Quiet evening"\n'
).encode()
OTHER_CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-10-02,Oct 2,Friday,9:00 AM,good,cooking,"","Soup day"\n'
    '2026-10-01,Oct 1,Thursday,9:00 AM,meh,,"","Rainy"\n'
).encode()
GENERIC_MAP = ColumnMap(date="When", mood="Score", scale="1-10", notes="Journal", tags="Labels")


def _count(vault, sql: str, **params) -> int:
    with session_of(vault) as s:
        return int(s.execute(text(sql), params).scalar())


def _notes(vault, person_id) -> list[str]:
    return sorted(e.note for e in journal.entries_between(vault, person_id, date(2000, 1, 1), date(2100, 1, 1)))


def _import_csv(vault, data=CSV, name="Sam Rivera", **kw):
    return imports.import_daylio(vault, data, name, {"Solid": 4}, "America/New_York", file_name="export.csv", **kw)


FORMATS = {
    "daylio": lambda v: _import_csv(v),
    "daylio-any": lambda v: import_any.import_file(v, CSV, "Sam", "daylio", mood_map={"Solid": 4}, file_name="a.csv"),
    "daylio-backup": lambda v: import_any.import_file(v, daylio_backup(), "Sam", "daylio-backup", file_name="b.daylio"),
    "bearable": lambda v: import_any.import_file(v, fixture_bytes("bearable.csv"), "Sam", "bearable"),
    "imoodjournal": lambda v: import_any.import_file(v, fixture_bytes("imoodjournal.csv"), "Sam", "imoodjournal"),
    "emoods": lambda v: import_any.import_file(v, emoods_backup(), "Sam", "emoods"),
    "generic": lambda v: import_any.import_file(v, fixture_bytes("generic.csv"), "Sam", "generic",
                                                columns=GENERIC_MAP, mood_map={"okay": 3}),
}


@pytest.mark.parametrize("kind", list(FORMATS))
def test_every_format_is_one_batch_whose_entries_carry_its_id(vault, kind):
    report = FORMATS[kind](vault)
    assert report.batch_id is not None and report.new > 0
    assert _count(vault, "SELECT count(*) FROM journal_entry WHERE import_batch_id = :b", b=report.batch_id) == report.new
    assert _count(vault, "SELECT count(*) FROM journal_entry WHERE import_batch_id IS NULL") == 0
    [batch] = import_batches.list_imports(vault)
    assert (batch.id, batch.new_entries, batch.remaining, batch.person_id) == (report.batch_id, report.new,
                                                                             report.new, report.person_id)
    assert batch.summary == report.summary and batch.summary.new == report.new
    assert batch.summary.backup_name and (vault.paths.backups / batch.summary.backup_name).is_file()
    assert batch.summary.first_day <= batch.summary.last_day


def test_the_summary_keeps_counts_skipped_lines_days_backup_and_person(vault):
    report = import_any.import_file(vault, fixture_bytes("bearable.csv"), "Sam", "bearable", file_name="bearable.csv")
    summary = import_batches.get_import(vault, report.batch_id).summary
    assert (summary.new, summary.already_present, summary.person_name, summary.person_added) == (6, 0, "Sam", True)
    assert [row.line for row in summary.skipped] == [19, 20] and summary.skipped_count == 2
    assert (summary.first_day, summary.last_day) == (date(2020, 9, 21), date(2020, 10, 1))
    assert summary.backup_name.endswith("-pre-import.db")
    past = import_batches.get_import(vault, report.batch_id)
    assert (past.source, past.file_name, past.app) == ("bearable", "bearable.csv", "Bearable")


def test_the_backup_is_made_before_the_import_and_holds_the_vault_as_it_was(vault, person):
    add_entry(vault, person, date(2026, 11, 1), note="written by hand")
    report = _import_csv(vault, name=person.display_name)
    backup = vault.paths.backups / report.summary.backup_name
    found = store.parse_name(backup)
    assert found is not None and found.reason == store.PRE_IMPORT
    assert backups.kind_words(found.reason) == "Before an import"
    # the copy was taken before the import wrote: one entry in it, four now
    [in_backup] = backups.summarize(found, data_key_of(vault)).people
    assert in_backup.entries == 1
    assert journal.count_entries(vault, person.id) == 4


def test_no_import_when_the_backup_cannot_be_written(vault, person):
    vault.paths.backups.mkdir(parents=True, exist_ok=True)
    for old in vault.paths.backups.iterdir():
        old.unlink()
    vault.paths.backups.rmdir()
    vault.paths.backups.write_bytes(b"not a folder")  # the backups folder cannot be made or written
    with pytest.raises(BackupError) as caught:
        _import_csv(vault, name="Someone New")
    message = str(caught.value)
    assert message.startswith("Nothing was imported.") and "backup could not be made" in message
    assert "Your journal is as it was." in message
    assert "Solid" not in message and "Dinner" not in message
    assert _count(vault, "SELECT count(*) FROM journal_entry") == 0
    assert _count(vault, "SELECT count(*) FROM import_batch") == 0
    assert [p.display_name for p in people.list_people(vault)] == [person.display_name]


def test_a_full_disk_during_the_backup_stops_the_import_and_says_so(vault, person, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "export_copy", full)  # the writer at the edge: the disk is full
    with pytest.raises(BackupDiskFullError) as caught:
        import_any.import_file(vault, fixture_bytes("bearable.csv"), person.display_name, "bearable")
    assert "disk is full" in str(caught.value) and str(caught.value).startswith("Nothing was imported.")
    assert _count(vault, "SELECT count(*) FROM journal_entry") == 0
    assert _count(vault, "SELECT count(*) FROM import_batch") == 0


def test_undo_removes_exactly_the_imports_entries_with_their_ratings_tags_and_doses(vault, person):
    kept = add_entry(vault, person, date(2026, 11, 1), note="written by hand", symptoms=(SymptomRating("Headache", 4),),
                     tags=(Tag("walk", TagKind.ACTIVITY),))
    other = _import_csv(vault, OTHER_CSV, name=person.display_name)
    report = _import_csv(vault, name=person.display_name)
    assert report.new == 3
    # give one imported entry a dose and a symptom, as the editor would
    med = medications.add_medication(vault, MedicationDraft(person.id, "Sertraline", 25, "mg", "once a day",
                                                            start_date=date(2026, 9, 1)))
    entry = next(e for e in journal.entries_between(vault, person.id, date(2026, 11, 28), date(2026, 11, 28)))
    journal.save_entry(vault, replace(journal_draft(entry), symptoms=(SymptomRating("Headache", 6),)),
                       doses=[DoseRecord(med.id, DoseStatus.TAKEN)])
    assert _count(vault, "SELECT count(*) FROM entry_dose") == 1

    plan = import_batches.plan_undo(vault, report.batch_id)
    assert plan.entries == 3 and [e.id for e in plan.edited] == [entry.id]
    result = import_batches.undo_import(vault, report.batch_id, expected=plan)
    assert (result.removed, result.kept, result.person_id) == (3, 0, person.id)

    assert _notes(vault, person.id) == ["Rainy", "Soup day", "written by hand"]
    assert _count(vault, "SELECT count(*) FROM entry_dose") == 0
    assert _count(vault, "SELECT count(*) FROM symptom_rating") == 1  # the hand-written entry's own
    assert _count(vault, "SELECT count(*) FROM entry_tag WHERE entry_id NOT IN (SELECT id FROM journal_entry)") == 0
    assert journal.get_entry(vault, kept.id).tags == (Tag("walk", TagKind.ACTIVITY),)
    # the search index forgets the removed notes and keeps the others
    assert _count(vault, "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'dinner'") == 0
    assert _count(vault, "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'soup'") == 1
    undone = import_batches.get_import(vault, report.batch_id)
    assert undone.undone_at is not None and not undone.can_undo and undone.remaining == 0
    assert import_batches.get_import(vault, other.batch_id).remaining == 2
    with pytest.raises(import_batches.NothingToUndo):
        import_batches.undo_import(vault, report.batch_id)


def journal_draft(entry) -> journal.EntryDraft:
    """The editor's draft of a stored entry (its local time in its own zone)."""
    from caregiver_app.domain import timeutil

    when = timeutil.utc_to_local(entry.occurred_at, timeutil.zone(entry.zone_name)).replace(tzinfo=None)
    return journal.EntryDraft(entry.person_id, when, mood=entry.mood, note=entry.note, tags=entry.tags,
                              zone_name=entry.zone_name, entry_id=entry.id)


def test_undo_after_a_reimport(vault, person):
    first = _import_csv(vault, name=person.display_name)
    again = _import_csv(vault, name=person.display_name)
    assert (again.new, again.already_present) == (0, 3)
    with pytest.raises(import_batches.NothingToUndo):  # the second import added nothing of its own
        import_batches.plan_undo(vault, again.batch_id)
    import_batches.undo_import(vault, first.batch_id)
    assert journal.count_entries(vault, person.id) == 0
    third = _import_csv(vault, name=person.display_name)  # the file comes back whole
    assert (third.new, third.already_present) == (3, 0)
    assert [b.id for b in import_batches.list_imports(vault)] == [third.batch_id, again.batch_id, first.batch_id]
    assert import_batches.get_import(vault, third.batch_id).remaining == 3


def test_changed_entries_can_be_kept_and_become_ordinary_entries(vault, person):
    report = _import_csv(vault, name=person.display_name)
    entry = journal.recent_entries(vault, person.id)[0]
    journal.save_entry(vault, replace(journal_draft(entry), note="Dinner with friends, and a long talk"))
    plan = import_batches.plan_undo(vault, report.batch_id)
    result = import_batches.undo_import(vault, report.batch_id, keep_edited=True, expected=plan)
    assert (result.removed, result.kept) == (2, 1)
    assert _notes(vault, person.id) == ["Dinner with friends, and a long talk"]
    assert _count(vault, "SELECT count(*) FROM journal_entry WHERE import_batch_id IS NOT NULL") == 0


def test_an_undo_confirmed_on_an_older_picture_changes_nothing(vault, person):
    report = _import_csv(vault, name=person.display_name)
    plan = import_batches.plan_undo(vault, report.batch_id)
    entry = journal.recent_entries(vault, person.id)[0]
    journal.save_entry(vault, replace(journal_draft(entry), mood=MoodLevel.LOW))  # changed after the question
    with pytest.raises(import_batches.ImportChangedSince):
        import_batches.undo_import(vault, report.batch_id, expected=plan)
    assert journal.count_entries(vault, person.id) == 3
    assert import_batches.get_import(vault, report.batch_id).undone_at is None


def test_daylio_levels_are_remembered_per_app_inside_the_vault(vault, vault_paths):
    _import_csv(vault)  # "Solid" = 4
    assert imports.daylio_levels(vault)["solid"] == 4
    preview = imports.preview_daylio(CSV, imports.daylio_levels(vault))
    assert {i.label: i.level for i in preview.labels} == {"Solid": 4, "rad": 5}
    # a second Daylio file needs no mapping again, and the user may still change it
    more = CSV.replace(b"2026-11-2", b"2026-10-2")
    report = imports.import_daylio(vault, more, "Sam Rivera", {}, "America/New_York")
    assert report.new == 3
    changed = imports.import_daylio(vault, CSV.replace(b"2026-11-2", b"2026-09-2"), "Sam Rivera", {"solid": 2},
                                    "America/New_York")
    assert {e.mood for e in journal.entries_between(vault, changed.person_id, date(2026, 9, 1), date(2026, 9, 30))
            } == {MoodLevel.LOW, MoodLevel.VERY_GOOD}
    assert imports.daylio_levels(vault)["solid"] == 2
    # a Daylio backup shares Daylio's words; other apps do not see them
    assert import_any.kept_words(vault, "daylio-backup")["solid"] == 2
    assert "solid" not in import_any.kept_words(vault, "generic")
    # the words live only inside the encrypted database
    for path in vault_paths.folder.rglob("*"):
        if path.is_file():
            assert b"Solid" not in path.read_bytes() and b"solid" not in path.read_bytes(), path.name


def test_words_chosen_before_they_were_kept_per_app_still_count(vault):
    from caregiver_app.storage.repos import settings as settings_repo

    with session_of(vault) as s:
        settings_repo.set_setting(s, imports.WORDS_KEY, '{"solid": 3}')
    assert imports.daylio_levels(vault) == {"solid": 3}
    report = imports.import_daylio(vault, CSV, "Sam", {}, "UTC")
    assert report.new == 3


def test_a_real_daylio_export_can_be_undone_whole(vault):
    data = sample_path("daylio_a.csv").read_bytes()
    preview = imports.preview_daylio(data)
    mapping = {label: 3 for label in preview.unmapped}
    report = imports.import_daylio(vault, data, "Sam", mapping, "UTC", file_name="daylio_a.csv")
    assert report.new > 1000
    result = import_batches.undo_import(vault, report.batch_id)
    assert result.removed == report.new
    assert _count(vault, "SELECT count(*) FROM journal_entry") == 0
    assert _count(vault, "SELECT count(*) FROM entry_tag") == 0


def test_an_imported_entry_deleted_and_put_back_stays_part_of_its_import(vault, person):
    report = _import_csv(vault, name=person.display_name)
    entry = journal.recent_entries(vault, person.id)[0]
    removed = journal.take_out(vault, entry.id)
    assert removed.import_batch_id == report.batch_id
    assert import_batches.get_import(vault, report.batch_id).remaining == 2
    journal.put_back(vault, removed)  # Edit ▸ Undo of the delete
    assert import_batches.get_import(vault, report.batch_id).remaining == 3
    assert import_batches.undo_import(vault, report.batch_id).removed == 3
    assert journal.count_entries(vault, person.id) == 0
    journal.put_back(vault, removed)  # after the import was undone, the entry comes back on its own
    assert _count(vault, "SELECT count(*) FROM journal_entry WHERE import_batch_id IS NOT NULL") == 0
