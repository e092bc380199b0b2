"""Visit summary data from a real vault, and the PDF made from it read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pytest
from pypdf import PdfReader

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.summary import (
    SummaryRequest,
    build_summary,
    default_filename,
    write_summary_pdf,
)

TRICKY = 'Pain <5 & "<3" <b>'
GREEK, CYRILLIC = "Καλημέρα, νιώθω καλύτερα", "Здравствуйте, спал плохо"


def fixed_clock():
    return datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


@pytest.fixture
def filled(vault, person):
    def add(day, hour, **kw):
        journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, day, hour, 0), zone_name="America/New_York", **kw))

    add(3, 8, mood=MoodLevel.LOW, note=TRICKY, symptoms=(SymptomRating("Headache", 6),), flag_for_visit=True)
    add(3, 21, mood=MoodLevel.OKAY, recorded_by=Recorder.family("Ana"), note=GREEK, symptoms=(SymptomRating("Headache", 2),))
    add(5, 0, mood=MoodLevel.GOOD, sleep_hours=7.5, note=CYRILLIC, symptoms=(SymptomRating("Fatigue", 4),))
    add(20, 9, mood=MoodLevel.VERY_LOW, note="outside the range")
    people.set_preparer_name(vault, "Ana Rivera")
    return person


def test_summary_numbers(vault, filled):
    data = build_summary(
        vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)), zone_name="America/New_York", clock=fixed_clock
    )
    assert (data.person_name, data.prepared_by) == ("Sam Rivera", "Ana Rivera")
    assert data.prepared_at_local.hour == 10  # 15:00 UTC in New York
    assert len(data.days) == 14 and len(data.entries) == 3
    assert [d.mood for d in data.days[2:5]] == [2.5, None, 4.0]
    assert [e.note for e in data.flagged] == [TRICKY]
    assert [e.recorded_by for e in data.entries] == ["Sam Rivera (self)", "Ana (family)", "Sam Rivera (self)"]
    headache, fatigue = data.symptoms
    assert (headache.name, headache.days_present, headache.average, headache.worst) == ("Headache", 1, 4.0, 6)
    assert (fatigue.name, fatigue.days_present, fatigue.worst) == ("Fatigue", 1, 4)
    assert data.entries[2].local_date == date(2026, 11, 5) and data.entries[2].local_time.hour == 0


def test_pdf_prints_each_note_verbatim_under_its_day(vault, filled, tmp_path):
    data = build_summary(vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)), zone_name="America/New_York")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = write_summary_pdf(data, out_dir / default_filename(date(2026, 11, 30)))
    assert path.name == "visit-summary-2026-11-30.pdf"
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    notes_part = text[text.index("Notes by day"):]
    day3, day5 = notes_part.index("3 Nov 2026"), notes_part.index("5 Nov 2026")
    assert day3 < notes_part.index(TRICKY) < notes_part.index(GREEK) < day5 < notes_part.index(CYRILLIC)
    assert "outside the range" not in text
    assert "Ana (family)" in text
    meta = str(reader.metadata)
    assert "Sam" not in meta and "Ana" not in meta
    assert [p.name for p in out_dir.iterdir()] == [path.name]  # no temporary file left behind


def test_empty_range_and_bad_ranges(vault, filled):
    data = build_summary(vault, SummaryRequest(filled.id, date(2025, 1, 1), date(2025, 1, 31)))
    assert data.is_empty
    out = io.BytesIO()
    from caregiver_app.reports.visit_summary import build_visit_summary_pdf

    build_visit_summary_pdf(data, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 1 and "No journal entries in this period." in reader.pages[0].extract_text()
    with pytest.raises(ValidationError, match="before the start"):
        build_summary(vault, SummaryRequest(filled.id, date(2026, 2, 1), date(2026, 1, 1)))


def test_unwritable_folder_is_a_plain_message(vault, filled, tmp_path):
    data = build_summary(vault, SummaryRequest(filled.id, date(2026, 11, 1), date(2026, 11, 14)))
    with pytest.raises(ValidationError, match="does not exist"):
        write_summary_pdf(data, tmp_path / "missing" / "x.pdf")
