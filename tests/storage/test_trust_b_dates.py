"""Issue 10, items 4 and 13: years below 1000 and the calendar's edges never lock the journal."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from caregiver_app.services import export_csv, imports, journal, search
from caregiver_app.services.journal import EntryDraft
from caregiver_app.storage.types import UTCDateTime
from caregiver_app.services.vault import session_of


def test_daylio_row_in_a_year_below_1000_is_skipped_by_line(vault):
    data = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-08,March 8,Sunday,9:00 AM,good,,,fine\n"
        "0202-05-01,May 1,Sunday,9:00 AM,meh,,,typo year\n"
        "2026-03-06,March 6,Friday,9:00 AM,bad,,,ok\n"
    ).encode()
    report = imports.import_daylio(vault, data, "Sam", {}, "America/New_York")
    assert report.new == 2
    (skipped,) = report.skipped
    assert skipped.line == 3 and "year" in skipped.reason


@pytest.mark.parametrize("year", [1, 9, 99, 202, 999, 1000, 9999])
def test_every_year_is_stored_padded_and_read_back(year):
    column = UTCDateTime()
    moment = datetime(year, 5, 1, 12, 30, 15, 7, tzinfo=timezone.utc)
    stored = column.process_bind_param(moment, None)
    assert stored.startswith(f"{year:04d}-05-01T12:30:15")
    assert len(stored) == 27
    assert column.process_result_value(stored, None) == moment


def test_an_unpadded_year_left_by_older_versions_still_reads(vault, person):
    saved = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 5, 1, 9, 0), zone_name="UTC", note="old"))
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 5, 2, 9, 0), zone_name="UTC", note="fine"))
    with session_of(vault) as s:  # what older versions stored for a year-202 row
        s.execute(text("UPDATE journal_entry SET occurred_at = '202-05-01T09:00:00.000000Z', "
                       "local_date = '0202-05-01' WHERE id = :i"), {"i": saved.id})
    entries = journal.recent_entries(vault, person.id)
    assert [e.occurred_at.year for e in entries] == [2026, 202]
    found = search.search(vault, search.SearchQuery(text="old", person_id=person.id))
    assert found.total == 1
    rows = list(export_csv.journal_rows(vault, person.id, "UTC"))
    assert len(rows) == 3  # header and two entries


def test_a_garbled_stored_instant_does_not_lock_the_journal(vault, person):
    saved = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 5, 1, 9, 0), zone_name="UTC", note="x"))
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 5, 2, 9, 0), zone_name="UTC", note="fine"))
    with session_of(vault) as s:
        s.execute(text("UPDATE journal_entry SET created_at = 'garbage' WHERE id = :i"), {"i": saved.id})
    assert len(journal.recent_entries(vault, person.id)) == 2
    assert search.search(vault, search.SearchQuery(text="fine", person_id=person.id)).total == 1
    assert len(list(export_csv.journal_rows(vault, person.id, "UTC"))) == 3
