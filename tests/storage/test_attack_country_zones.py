"""The visit summary never claims that times are in the computer's zone when an entry shows the
clock time of another place (a family that moved, a journal imported with --timezone)
(branch attack-country)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader

from caregiver_app.domain.summary import SummaryChoices
from caregiver_app.services import journal, summary

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def text_of(vault, person, zone):
    data = summary.build_summary(vault, summary.SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30),
                                                               SummaryChoices()), zone_name=zone, clock=lambda: NOW)
    pdf = summary.summary_pdf_bytes(data, paper="a4")
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_entries_from_another_zone_are_named(vault, person):
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 21, 15), note="evening",
                                                 zone_name="Europe/London"))
    text = text_of(vault, person, "Australia/Sydney")
    assert "Times are local (Australia/Sydney), except entries written in Europe/London" in text
    assert "9:15" in text or "21:15" in text


def test_one_zone_keeps_the_short_sentence(vault, person):
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 21, 15), note="evening",
                                                 zone_name="Australia/Sydney"))
    text = text_of(vault, person, "Australia/Sydney")
    assert "Times are local (Australia/Sydney)." in text and "except" not in text
