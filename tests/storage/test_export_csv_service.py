"""CSV export of a journal: read back with ``csv``, every field quoted, BOM, exact notes."""

from __future__ import annotations

import csv
import os
import stat
from datetime import UTC, datetime

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, SleepQuality, SymptomRating, Tag, TagKind
from caregiver_app.services import export_csv
from support import add_entry

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
TRICKY = 'She said "fine, really", then cried.\nLater: Καλύτερα σήμερα 🙂\r\nΑύριο, ξανά; "ok"'


def read_back(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel looks for
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh)), raw


def test_round_trip_of_a_tricky_note_and_every_column(vault, person, tmp_path):
    add_entry(vault, person, datetime(2026, 7, 4, 23, 30), recorded_by=Recorder.family("Ana"), mood=MoodLevel.GOOD,
        anxiety=4, energy=7, sleep_hours=6.5, sleep_quality=SleepQuality.FAIR, note=TRICKY, flag_for_visit=True,
        symptoms=(SymptomRating("Headache", 6), SymptomRating("Nausea", 3)),
        tags=(Tag("walk"), Tag("time outside"), Tag("money", TagKind.STRESSOR), Tag("work", TagKind.STRESSOR)))
    add_entry(vault, person, datetime(2026, 1, 10, 8, 5), note="winter")
    result = export_csv.write_journal_csv(vault, person.id, tmp_path / "out.csv", zone_name="America/New_York")
    assert result.entries == 2 and result.path == tmp_path / "out.csv"
    rows, raw = read_back(result.path)
    assert rows[0] == list(export_csv.COLUMNS)
    winter, summer = rows[1], rows[2]  # oldest first
    assert winter[:3] == ["2026-01-10", "08:05", "America/New_York (UTC-05:00)"]
    assert summer == [
        "2026-07-04", "23:30", "America/New_York (UTC-04:00)", "Ana (family)", "4", "good", "", "4", "7", "6.5", "fair",
        "Headache 6/10; Nausea 3/10", "", "walk; time outside", "money; work", "", "yes", TRICKY,
    ]
    # every field is quoted, including numbers and empty ones
    text = raw.decode("utf-8-sig")
    assert text.startswith('"Local date","Local time",')
    assert '"2026-01-10","08:05","America/New_York (UTC-05:00)","Sam Rivera (self)","","","",' in text
    assert text.endswith("\r\n")


def test_note_carriage_returns_are_kept_exactly(vault, person, tmp_path):
    # the editor keeps what was typed; the export must not change a single character of it
    add_entry(vault, person, datetime(2026, 3, 1, 9, 0), note='a, "b"\nc\r\nd')
    rows, _ = read_back(export_csv.write_journal_csv(vault, person.id, tmp_path / "x.csv").path)
    assert rows[1][-1] == 'a, "b"\nc\r\nd'


def test_formula_like_text_is_shown_as_text(vault, person, tmp_path):
    add_entry(vault, person, datetime(2026, 3, 1, 9, 0), note="=HYPERLINK(\"http://x\")",
        tags=(Tag("-5 mg", TagKind.STRESSOR),))
    add_entry(vault, person, datetime(2026, 3, 2, 9, 0), note="A plain note - with a dash")
    rows, _ = read_back(export_csv.write_journal_csv(vault, person.id, tmp_path / "f.csv").path)
    assert rows[1][-1] == "'=HYPERLINK(\"http://x\")" and rows[1][14] == "'-5 mg"
    assert rows[2][-1] == "A plain note - with a dash"


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_default_name_extension_atomic_and_private(vault, person, out):
    assert export_csv.default_filename(datetime(2026, 11, 30).date()) == "journal-export-2026-11-30.csv"
    add_entry(vault, person, datetime(2026, 3, 1, 9, 0), note="x")
    result = export_csv.write_journal_csv(vault, person.id, out / "journal")
    assert result.path.name == "journal.csv"
    assert sorted(p.name for p in out.iterdir()) == ["journal.csv"]  # no temporary file left
    if os.name == "posix":
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600


def test_a_failed_export_leaves_the_old_file_untouched(vault, person, out, monkeypatch):
    target = out / "journal.csv"
    target.write_text("older export", encoding="utf-8")
    add_entry(vault, person, datetime(2026, 3, 1, 9, 0), note="x")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ValidationError, match="disk is full"):
        export_csv.write_journal_csv(vault, person.id, target)
    assert target.read_text(encoding="utf-8") == "older export"
    assert sorted(p.name for p in out.iterdir()) == ["journal.csv"]


def test_missing_folder_and_unknown_zone(vault, person, tmp_path):
    with pytest.raises(ValidationError, match="does not exist"):
        export_csv.write_journal_csv(vault, person.id, tmp_path / "nope" / "j.csv")
    with pytest.raises(ValidationError, match="time zone"):
        export_csv.write_journal_csv(vault, person.id, tmp_path / "j.csv", zone_name="Mars/Olympus")
    assert not (tmp_path / "j.csv").exists()


def test_empty_journal_gives_just_the_header(vault, person, tmp_path):
    result = export_csv.write_journal_csv(vault, person.id, tmp_path / "e.csv")
    rows, _ = read_back(result.path)
    assert result.entries == 0 and rows == [list(export_csv.COLUMNS)]
