"""Daylio import into a real vault: counts, re-imports, mapping and one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from support import sample_path

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel
from caregiver_app.importers.daylio import DaylioFormatError
from caregiver_app.services import imports, journal, people

SMALL = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-03-08,March 8,Sunday,2:30 AM,Solid,walk | Cleaning,,\"Pain <5 & \"\"<3\"\" <b>\"\n"
    "2026-03-07,March 7,Saturday,11:58 PM,rad,cleaning,,\n"
    "2026-03-07,March 7,Saturday,11:58 PM,rad,cleaning,,\n"
).encode()

SAMPLE_MAPS = {
    "daylio_a.csv": {"okay": 3, "Solid": 4, "almost Rad": 5},
    "daylio_b.csv": {"Not so good": 2, "Not so good [-]": 2, "Bad": 2, "Medium [-]": 3, "Bad [-]": 2,
                     "Awful": 1, "Medium": 3, "Awful [-]": 1, "Good [-]": 4, "Good": 4},
    "daylio_c.csv": {"okay": 3, "content": 4, "anxious": 2, "tired": 2, "frustrated": 2, "exhausted": 2,
                     "Angry": 2, "beyond anxious": 1, "distracted": 3},
    "daylio_d.csv": {"como siempre": 3, "Sin animo": 2, "mal": 2, "ansioso": 2, "Pos bien": 4,
                     "Motivado": 5, "una mierda": 1},
    "daylio_e.csv": {},
}
EXPECTED_ROWS = {"daylio_a.csv": 1500, "daylio_b.csv": 800, "daylio_c.csv": 733, "daylio_d.csv": 285, "daylio_e.csv": 800}


def test_small_file_with_custom_label_duplicates_and_a_dst_gap(vault):
    with pytest.raises(imports.MoodMappingNeeded) as info:
        imports.import_daylio(vault, SMALL, "Sam", {}, "America/New_York")
    assert info.value.labels == [("Solid", 1)]
    assert people.list_people(vault) == []  # nothing written, not even the person
    report = imports.import_daylio(vault, SMALL, "Sam", {" solid ": 4}, "America/New_York")
    assert (report.new, report.already_present, report.person_added) == (3, 0, True)
    entries = journal.entries_between(vault, report.person_id, date(2026, 3, 1), date(2026, 3, 31))
    assert [e.local_date for e in entries] == [date(2026, 3, 7), date(2026, 3, 7), date(2026, 3, 8)]
    assert entries[2].note == 'Pain <5 & "<3" <b>'
    assert entries[2].mood is MoodLevel.GOOD and entries[0].mood is MoodLevel.VERY_GOOD
    assert [t.name for t in entries[2].tags] == ["walk", "cleaning"]  # as first written, on 7 March
    assert all(e.recorded_by.kind.value == "person" and e.source == "daylio" for e in entries)
    again = imports.import_daylio(vault, SMALL, "sam", {"Solid": 4}, "America/New_York")
    assert (again.new, again.already_present, again.person_added) == (0, 3, False)
    assert again.summary_line() == "0 new, 3 already present"


def test_unreadable_file_imports_nothing(vault):
    with pytest.raises(DaylioFormatError):
        imports.import_daylio(vault, b"\x89PNG\r\n\x1a\n\x00\x00binary", "Sam")
    assert people.list_people(vault) == []


def test_bad_mood_map_is_plain():
    with pytest.raises(ValidationError, match="LABEL=LEVEL"):
        imports.parse_mood_map(["okay"])
    with pytest.raises(ValidationError, match="from 1"):
        imports.parse_mood_map(["okay=9"])
    assert imports.parse_mood_map(["a=b=3"]) == {"a=b": 3}


@pytest.mark.parametrize("name", sorted(SAMPLE_MAPS))
def test_shared_samples_import_completely_once(vault, name):
    data = sample_path(name).read_bytes()
    report = imports.import_daylio(vault, data, "Sam", SAMPLE_MAPS[name], "Europe/Berlin")
    assert report.new == EXPECTED_ROWS[name] and report.already_present == 0 and not report.skipped
    assert journal.count_entries(vault, report.person_id) == EXPECTED_ROWS[name]
    again = imports.import_daylio(vault, data, "Sam", SAMPLE_MAPS[name], "Europe/Berlin")
    assert (again.new, again.already_present) == (0, EXPECTED_ROWS[name])


def test_one_overlong_note_skips_only_its_row(vault):
    long_note = "word " * 5_000  # 25,000 characters, over the journal's limit
    data = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-08,March 8,Sunday,9:00 AM,good,,,fine\n"
        f"2026-03-07,March 7,Saturday,9:00 AM,meh,,,{long_note}\n"
        "2026-03-06,March 6,Friday,9:00 AM,bad,,,ok\n"
    ).encode()
    report = imports.import_daylio(vault, data, "Sam", {}, "America/New_York")
    assert (report.new, report.already_present) == (2, 0)
    (skipped,) = report.skipped
    assert skipped.line == 3 and "at most 20000 characters" in skipped.reason
    assert "word" not in skipped.reason
