"""The original words of an imported mood, kept with the entry, show in the window's list, the
CSV and the visit-summary PDF: "very low (1/5); Bearable 2/10"."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

from import_fixtures import fixture_bytes
from pypdf import PdfReader

from caregiver_app.services import export_csv, import_any, journal
from caregiver_app.services.summary import SummaryRequest, build_summary, write_summary_pdf

WORDS = "very low (1/5); Bearable 2/10"


def _import(vault):
    report = import_any.import_file(vault, fixture_bytes("bearable.csv"), "Sam", "bearable", zone_name="UTC")
    return report.person_id


def test_the_csv_and_the_pdf_show_the_level_and_the_original(vault, tmp_path):
    person_id = _import(vault)
    rows = list(csv.reader(open(export_csv.write_journal_csv(vault, person_id, tmp_path / "j.csv", zone_name="UTC").path,
                                encoding="utf-8-sig", newline="")))
    header = rows[0]
    first = dict(zip(header, rows[1]))
    assert (first["Mood (1-5)"], first["Mood (word)"], first["Mood as imported"]) == ("1", "very low", "Bearable 2/10")
    data = build_summary(vault, SummaryRequest(person_id, date(2020, 9, 20), date(2020, 10, 2)), zone_name="UTC",
                         clock=lambda: datetime(2020, 10, 3, 12, 0, tzinfo=UTC))
    pdf = write_summary_pdf(data, tmp_path / "summary.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert WORDS in text


def test_the_window_list_line_shows_the_original(vault):
    from caregiver_app.gui.journal.journal_model import entry_lines

    person_id = _import(vault)
    entry = min(journal.entries_between(vault, person_id, date(2020, 1, 1), date(2021, 1, 1)),
                key=lambda e: e.occurred_at)
    assert f"Mood: {WORDS}" in entry_lines(entry, "Sam", entry.occurred_at)[0]
