"""Counts in a visit summary use the document's grouping sign: "1.100 Einträge" reads as a
thousand and more in German, "1,100" would read as 1.1 (branch attack-country)."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta

from pypdf import PdfReader

from caregiver_app.domain.summary import SummaryChoices
from caregiver_app.reports.formatting import ReportFormat
from caregiver_app.services import imports, summary
from caregiver_app.services.people import list_people


def test_entry_counts_over_a_thousand_in_german(vault):
    rows = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    start = date(2025, 1, 1)
    for i in range(365):
        day = start + timedelta(days=i)
        rows += [f"{day.isoformat()},,,{hour:02d}:00,good,,," for hour in (8, 13, 20)]
    imports.import_daylio(vault, "\n".join(rows).encode(), "Pat", {"good": 4}, "Europe/Berlin")
    person = list_people(vault)[0]
    data = summary.build_summary(vault, summary.SummaryRequest(person.id, start, date(2025, 12, 31), SummaryChoices()),
                                 zone_name="Europe/Berlin", clock=lambda: datetime(2026, 1, 5, tzinfo=UTC))
    pdf = summary.summary_pdf_bytes(data, paper="a4", fmt=ReportFormat("de_DE", "system"))
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "1.095 entries on 365 of 365 days" in text, re.findall(r".{20}on 365.{20}", text)
    assert "1,095" not in text
