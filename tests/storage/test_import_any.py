"""Every importer into a real vault: recognition, counts, re-imports, the mood rule, one transaction."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from import_fixtures import DAYLIO_PIN, daylio_backup, emoods_backup, fixture_bytes, zip_bytes
from sqlalchemy import text

from caregiver_app.domain.model import MoodLevel, SleepQuality, mood_words
from caregiver_app.importers.common import ImportFormatError, ScaleRule
from caregiver_app.importers.generic import ColumnMap
from caregiver_app.services import import_any, journal, people
from caregiver_app.services.imports import MoodMappingNeeded
from caregiver_app.storage.repos import journal as repo
from caregiver_app.services.vault import session_of

GENERIC_MAP = ColumnMap(date="When", mood="Score", scale="1-10", notes="Journal", tags="Labels")

# kind: (records, entries, days, first, last, per-level, skipped lines)
EXPECTED = {
    "bearable": (21, 6, 3, datetime(2020, 9, 21, 3, 0), datetime(2020, 10, 1, 13, 0),
                 {1: 1, 3: 2, 4: 1, 5: 1, None: 1}, [19, 20]),
    "imoodjournal": (7, 5, 4, datetime(2015, 9, 5, 9, 0), datetime(2015, 9, 10, 11, 15),
                     {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}, [8, 9]),
    "daylio-backup": (5, 4, 4, datetime(2023, 1, 18, 20, 30), datetime(2023, 2, 3, 22, 0),
                      {1: 1, 2: 1, 5: 2}, [4]),
    "emoods": (6, 3, 3, datetime(2021, 3, 1, 12, 0), datetime(2021, 3, 4, 12, 0), {None: 3}, [4, 7, 8]),
    "generic": (6, 4, 3, datetime(2024, 2, 1, 8, 30), datetime(2024, 2, 5, 7, 45),
                {2: 1, 4: 1, 5: 1, None: 1}, [6, 7]),
}


def _data(kind: str) -> bytes:
    return {
        "bearable": lambda: fixture_bytes("bearable.csv"),
        "imoodjournal": lambda: fixture_bytes("imoodjournal.csv"),
        "daylio-backup": daylio_backup,
        "emoods": emoods_backup,
        "generic": lambda: fixture_bytes("generic.csv"),
    }[kind]()


def _entries(vault, person_id):
    return journal.entries_between(vault, person_id, date(2000, 1, 1), date(2100, 1, 1))


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_importer_counts_and_a_second_import_adds_nothing(vault, kind):
    data = _data(kind)
    assert import_any.detect(data).kind == kind
    columns = GENERIC_MAP if kind == "generic" else None
    records, entries, days, first, last, per_level, skipped = EXPECTED[kind]
    preview = import_any.preview(data, kind, columns=columns)
    assert (preview.records, preview.entries, preview.distinct_days) == (records, entries, days)
    assert (preview.first_entry, preview.last_entry) == (first, last)
    assert preview.per_level == per_level
    assert [row.line for row in preview.skipped] == skipped
    report = import_any.import_file(vault, data, "Sam", kind, columns=columns, zone_name="Europe/Madrid")
    assert (report.new, report.already_present) == (entries, 0)
    stored = _entries(vault, report.person_id)
    assert len(stored) == entries
    assert {e.source for e in stored} == {kind}
    assert sum(1 for e in stored if e.mood is None) == per_level.get(None, 0)
    again = import_any.import_file(vault, data, "sam", kind, columns=columns, zone_name="Europe/Madrid")
    assert (again.new, again.already_present, again.person_added) == (0, entries, False)
    assert len(_entries(vault, report.person_id)) == entries


def test_unknown_csv_is_named_honestly_and_asks_for_columns():
    data = fixture_bytes("generic.csv")
    found = import_any.detect(data)
    assert found.kind == "generic"
    assert found.message == "This looks like a CSV from an app we don't know yet: map its columns."
    assert found.header[:3] == ("When", "Score", "Journal")
    with pytest.raises(import_any.ColumnsNeeded) as info:
        import_any.preview(data, "generic")
    assert "map its columns" in str(info.value)


def test_daylio_csv_still_recognised_and_imported_through_the_one_entry_point(vault):
    data = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-08,March 8,Sunday,2:30 PM,Solid,walk | Cleaning,,\n"
        "2026-03-07,March 7,Saturday,11:58 PM,rad,cleaning,,\n"
    ).encode()
    assert import_any.detect(data).kind == "daylio"
    with pytest.raises(MoodMappingNeeded):
        import_any.import_file(vault, data, "Sam", "daylio")
    assert people.list_people(vault) == []
    report = import_any.import_file(vault, data, "Sam", "daylio", mood_map={"solid": 4})
    assert report.new == 2
    moods = sorted((e.mood, e.mood_label) for e in _entries(vault, report.person_id))
    assert moods == [(MoodLevel.GOOD, "Daylio \u201cSolid\u201d"), (MoodLevel.VERY_GOOD, "Daylio \u201crad\u201d")]


def test_bearable_quirks(vault):
    preview = import_any.preview(fixture_bytes("bearable.csv"), "bearable", first=10)
    first = preview.first_rows[0]
    assert (first.when, first.mood, first.original) == (datetime(2020, 9, 21, 3, 0), MoodLevel.VERY_LOW, "Bearable 2/10")
    assert first.symptoms == (("Headache", 3),)
    assert "Medicines: Hydroxyzine 25 mg" in first.note  # the 3:04 dose joins the 03:00 entry
    second = preview.first_rows[1]
    assert dict(second.symptoms) == {"Anxiety": 8, "Migraine": 10}  # (Severe), and (Unbearable) all day
    assert second.tags == ("Walk", "Sunlight", "Friends")
    assert "Grateful for: my sister's call, the sun" in second.note
    assert "Good talk with Ana, \"really\" good" in second.note
    assert "Food diary: 2 rows not imported (this journal has no place for them)." in preview.rule_notes
    report = import_any.import_file(vault, fixture_bytes("bearable.csv"), "Sam", "bearable", zone_name="UTC")
    by_time = {e.occurred_at.replace(tzinfo=None): e for e in _entries(vault, report.person_id)}
    night = by_time[datetime(2020, 9, 21, 3, 0)]
    assert (night.sleep_hours, night.sleep_quality) == (9.25, SleepQuality.FAIR)
    morning = by_time[datetime(2020, 9, 22, 9, 30)]
    assert (morning.energy, morning.sleep_hours) == (8, 7.5)
    assert "synced from Google Fit" not in " ".join(e.note for e in by_time.values())
    assert mood_words(night.mood, night.mood_label) == "very low (1/5); Bearable 2/10"


def test_imoodjournal_quirks():
    rows = import_any.preview(fixture_bytes("imoodjournal.csv"), "imoodjournal").first_rows
    assert rows[0].original == "iMoodJournal 7/10 (Pretty Good)"
    assert rows[1].original == "iMoodJournal 2/10 (Very bad)"  # the file's own case, not the codebook's
    assert rows[1].note == "#whycan'tidoanything today\nfelt stuck\nall evening"  # line breaks kept
    assert rows[1].tags == ("whycan'tidoanything",)  # the column, not a regex stopping at the apostrophe
    assert rows[2].tags == ("pissed-off",)  # '#PMSy' in the comment is not in the pmsy column
    assert rows[0].when == datetime(2015, 9, 5, 9, 0)  # zero-padded hour and minute


def test_daylio_backup_levels_offsets_and_pin_never_kept(vault):
    data = daylio_backup()
    rows = import_any.preview(data, "daylio-backup").first_rows
    assert [(r.mood, r.original) for r in rows[:2]] == [
        (MoodLevel.LOW, "Daylio \u201cWiped out\u201d"), (MoodLevel.VERY_GOOD, "Daylio \u201cBuzzing\u201d")]
    assert rows[0].note == "Tired\n\nLong day\nslept early & ok"
    assert rows[2].when == datetime(2023, 2, 2, 12, 0)  # month 1 is February (0-based)
    report = import_any.import_file(vault, data, "Sam", "daylio-backup", zone_name="Asia/Tokyo")
    stored = sorted(_entries(vault, report.person_id), key=lambda e: e.occurred_at)
    assert stored[0].occurred_at.isoformat() == "2023-01-18T19:30:00+00:00"  # the phone's offset, not Tokyo's
    assert stored[0].local_date == date(2023, 1, 18)
    with session_of(vault) as s:
        everything = repr([vars(e) for e in stored]) + repr(s.execute(text("SELECT * FROM vault_setting")).all())
    assert DAYLIO_PIN not in everything
    assert DAYLIO_PIN not in repr(import_any.preview(data, "daylio-backup"))


def test_the_mood_rule_can_be_changed_and_is_remembered(vault):
    data = fixture_bytes("imoodjournal.csv")
    rule = ScaleRule.parse("3,4,5,6")
    assert rule.describe() == "1-3 very low, 4 low, 5 okay, 6 good, 7-10 very good"
    preview = import_any.preview(data, "imoodjournal", rule=rule)
    assert preview.per_level == {5: 2, 1: 1, 2: 1, 3: 1}
    import_any.import_file(vault, data, "Sam", "imoodjournal", rule=rule)
    assert import_any.remembered(vault, data, "imoodjournal").rule == rule
    with pytest.raises(ImportFormatError):
        ScaleRule.parse("5,4,6,8")


def test_generic_map_is_remembered_inside_the_vault(vault, vault_paths):
    data = fixture_bytes("generic.csv")
    assert import_any.remembered(vault, data, "generic").columns is None
    import_any.import_file(vault, data, "Sam", "generic", columns=GENERIC_MAP)
    assert import_any.remembered(vault, data, "generic").columns == GENERIC_MAP
    for path in vault_paths.folder.rglob("*"):  # nothing about the map in a plain file
        if path.is_file():
            assert b"Journal" not in path.read_bytes()
    with pytest.raises(ImportFormatError, match="no column called"):
        import_any.preview(data, "generic", columns=ColumnMap(date="Datum", mood="Score"))


def test_generic_words_scale_asks_for_levels(vault):
    data = b"day,feeling\n2024-01-01,meh\n2024-01-02,wonderful\n"
    columns = ColumnMap(date="day", mood="feeling", scale="words")
    preview = import_any.preview(data, "generic", columns=columns)
    assert preview.unmapped == (("wonderful", 1),)
    report = import_any.import_file(vault, data, "Sam", "generic", columns=columns, mood_map={"wonderful": 5})
    assert sorted(e.mood for e in _entries(vault, report.person_id)) == [MoodLevel.OKAY, MoodLevel.VERY_GOOD]


def test_a_failure_midway_leaves_nothing(vault, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr(repo, "bulk_insert_entries", broken)
    with pytest.raises(OSError):
        import_any.import_file(vault, fixture_bytes("bearable.csv"), "Sam", "bearable")
    assert people.list_people(vault) == []


@pytest.mark.parametrize(
    "members, words",
    [
        ({"../evil.txt": b"x", "backup.daylio": b"e30="}, "unsafe names"),
        ({"/etc/passwd": b"x", "entry.csv": b"x"}, "unsafe names"),
        ({f"f{i}": b"" for i in range(20_001)}, "too many parts"),
        ({"backup.daylio": b"A" * 30_000_000}, "far more than it should"),
    ],
)
def test_zip_inputs_are_bounded(members, words):
    data = zip_bytes(members)
    with pytest.raises(ImportFormatError, match=words):
        import_any.parse(data, "daylio-backup")


def test_damaged_inputs_are_refused_in_plain_words():
    with pytest.raises(ImportFormatError):
        import_any.detect(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFormatError, match="not a backup from an app we know"):
        import_any.detect(zip_bytes({"notes.txt": b"hello"}))
    with pytest.raises(ImportFormatError, match="could not be read"):
        import_any.parse(daylio_backup(b"{not json"), "daylio-backup")
    with pytest.raises(ImportFormatError, match="UTF-8"):
        import_any.detect(b"\xff\xfe\x00a,b\n")


def test_generic_slash_dates_are_read_day_first_when_the_file_shows_it():
    data = b"Datum,Stimmung\n03/05/2024,4\n25/05/2024,2\n"
    rows = import_any.preview(data, "generic", columns=ColumnMap(date="Datum", mood="Stimmung", scale="1-5")).first_rows
    assert [r.when.date() for r in rows] == [date(2024, 5, 3), date(2024, 5, 25)]
    assert [r.mood for r in rows] == [MoodLevel.GOOD, MoodLevel.LOW]  # 1-5 maps one to one


def test_a_huge_field_skips_only_its_own_line(vault):
    # Over the csv module's default 131,072-character field limit: read, then skipped for its
    # own reason (the note is too long), not the whole file refused as an unending quote.
    data = b"When,Score,Journal,Labels\n2024-01-01,5,\"" + b"x" * 300_000 + b"\",\n2024-01-02,6,calm,\n"
    report = import_any.import_file(vault, data, "Sam", "generic", columns=GENERIC_MAP)
    assert report.new == 1
    assert [(s.line, s.reason.split(" (")[0]) for s in report.skipped] == [(2, "A note can be at most 20000 characters")]


def test_a_file_with_no_readable_entry_changes_nothing(vault):
    header_only = b"date,weekday,time of day,category,rating/amount,detail,notes"
    with pytest.raises(ImportFormatError, match="no entries"):
        import_any.import_file(vault, header_only, "Sam", "bearable")
    assert people.list_people(vault) == []
