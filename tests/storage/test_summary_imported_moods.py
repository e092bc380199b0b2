"""Imported mood words stay with the entry: in the database, the journal window's lines, the CSV
and the visit summary PDF, with the mapping printed once (issue 13)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from pypdf import PdfReader

from caregiver_app.gui.journal.journal_model import entry_lines
from caregiver_app.services import export_csv, imports, journal
from caregiver_app.services.summary import SummaryRequest, build_summary, summary_pdf_bytes

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-08,November 8,Sunday,8:30 PM,wannadie,,,\"bad night\"\n"
    "2026-11-07,November 7,Saturday,9:00 AM,rad,walk,,\n"
).encode()
NY = "America/New_York"


def test_imported_mood_words_everywhere(vault, tmp_path):
    report = imports.import_daylio(vault, DAYLIO, "Sam", {"wannadie": 1}, NY)
    entries = journal.recent_entries(vault, report.person_id)
    low = next(e for e in entries if "wannadie" in e.mood_label)
    assert int(low.mood) == 1 and low.source == "daylio"

    lines = entry_lines(low, "Sam", datetime(2026, 11, 8, 20, 30))
    assert "Mood: very low (1/5); Daylio “wannadie”" in lines[0]

    path = export_csv.write_journal_csv(vault, report.person_id, tmp_path / "out.csv", zone_name=NY).path
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [r["Mood as imported"] for r in rows] == ["Daylio “rad”", "Daylio “wannadie”"]

    data = build_summary(vault, SummaryRequest(report.person_id, date(2026, 11, 1), date(2026, 11, 30)), zone_name=NY)
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(summary_pdf_bytes(data))).pages)
    assert "Mood very low (1/5); Daylio “wannadie”" in text
    assert text.count("As the other app wrote it") == 1  # the mapping table prints once
    assert "Daylio “wannadie” very low (1/5) 1" in text and "Daylio “rad” very good (5/5) 1" in text


def test_editing_an_imported_entry_keeps_its_words(vault):
    report = imports.import_daylio(vault, DAYLIO, "Sam", {"wannadie": 1}, NY)
    low = next(e for e in journal.recent_entries(vault, report.person_id) if "wannadie" in e.mood_label)
    draft = journal.EntryDraft(report.person_id, datetime(2026, 11, 8, 20, 30), mood=low.mood, note="edited",
                               zone_name=NY, entry_id=low.id)
    assert journal.save_entry(vault, draft).mood_label == "Daylio “wannadie”"
