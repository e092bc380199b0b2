"""Printed and exported documents in five locales (en_US, en_GB, de_DE, es_ES, en_AU) with their
countries, from a real vault: times follow the locale and the time-format setting in the visit
summary and the safety plan, dates use the locale's words and order, decimals its sign; the CSV
keeps data formats that every spreadsheet reads."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from caregiver_app.domain.plans import PlanItem, SafetyPlan
from caregiver_app.reports.formatting import ReportFormat, locale_from_environment, report_format
from caregiver_app.services import export_csv, journal, plans, summary

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)

# locale, country, how 21:15 prints by default, sleep 6.5, the period's dates, the printed date
LOCALES = [
    ("en_US", "US", "9:15 PM", "6.5", "Nov 1 – Nov 30, 2026", "Nov 30, 2026"),
    ("en_GB", "GB", "21:15", "6.5", "1 Nov – 30 Nov 2026", "30 Nov 2026"),
    ("de_DE", "DE", "21:15", "6,5", "1. Nov. – 30. Nov. 2026", "30. Nov. 2026"),
    ("es_ES", "ES", "21:15", "6,5", "1 nov – 30 nov 2026", "30 nov 2026"),
    ("en_AU", "AU", "9:15 pm", "6.5", "1 Nov – 30 Nov 2026", "30 Nov 2026"),
]


def text_of(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def evening(vault, person):
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 21, 15), sleep_hours=6.5,
                                                 note="Late walk", flag_for_visit=True, zone_name="America/New_York"),
                       clock=lambda: NOW)
    return person


def summary_pdf(vault, person, fmt: ReportFormat) -> str:
    data = summary.build_summary(vault, summary.SummaryRequest(person.id, date(2026, 11, 1), TODAY),
                                 zone_name="America/New_York", clock=lambda: NOW)
    return text_of(summary.summary_pdf_bytes(data, fmt=fmt))


@pytest.mark.parametrize("name, country, evening_time, sleep, period, printed", LOCALES, ids=[r[0] for r in LOCALES])
def test_visit_summary_writes_as_the_locale_does(vault, evening, name, country, evening_time, sleep, period,
                                                 printed):
    text = summary_pdf(vault, evening, report_format(name, "system"))
    assert evening_time in text
    assert (("21:15" in text) is (evening_time == "21:15")) and "9:15 pm" not in text.replace(evening_time, "")
    assert f"{period} (30 days)" in text
    assert f"Sleep {sleep} h" in text
    assert f"sleep averaged {sleep} hours" in " ".join(text.split())  # the life chart's averages (page 1 moved to a table)


@pytest.mark.parametrize("name", [r[0] for r in LOCALES])
def test_the_time_format_setting_wins_over_the_locale(vault, evening, name):
    as_24 = summary_pdf(vault, evening, report_format(name, "24h"))
    assert "21:15" in as_24 and "9:15" not in as_24
    as_12 = summary_pdf(vault, evening, report_format(name, "12h"))
    assert "9:15" in as_12 and "21:15" not in as_12


@pytest.mark.parametrize("name, country, evening_time, sleep, period, printed", LOCALES, ids=[r[0] for r in LOCALES])
def test_safety_plan_dates_follow_the_locale(vault, person, tmp_path, name, country, evening_time, sleep, period,
                                             printed):
    plans.save_safety_plan(vault, SafetyPlan(person.id, coping=(PlanItem("Walk the dog"),)), clock=lambda: NOW)
    data = plans.safety_plan_print(vault, person.id, country=country, country_name=country, today=TODAY)
    path = plans.write_safety_plan_pdf(data, tmp_path / "plan.pdf", fmt=report_format(name, "system"))
    text = text_of(path.read_bytes())
    assert f"Printed {printed}" in text


@pytest.mark.parametrize("name", [r[0] for r in LOCALES])
def test_csv_keeps_data_formats_in_every_locale(vault, evening, tmp_path, monkeypatch, name):
    """The CSV's date, time and sleep columns are data: ISO date, 24-hour time, decimal point,
    whatever the locale or the time-format setting (see ``services/export_csv.py``)."""
    monkeypatch.setenv("LC_ALL", f"{name}.UTF-8")
    result = export_csv.write_journal_csv(vault, evening.id, tmp_path / "out.csv", zone_name="America/New_York")
    rows = list(csv.reader(io.StringIO(result.path.read_text(encoding="utf-8-sig"))))
    row = dict(zip(rows[0], rows[1]))
    assert (row["Local date"], row["Local time"], row["Sleep hours"]) == ("2026-11-20", "21:15", "6.5")


def test_locale_from_the_environment_follows_posix_precedence():
    assert locale_from_environment({"LANG": "de_DE.UTF-8"}) == "de_DE"
    assert locale_from_environment({"LANG": "de_DE.UTF-8", "LC_TIME": "en_GB.UTF-8"}) == "en_GB"
    assert locale_from_environment({"LC_ALL": "es_ES.UTF-8", "LC_TIME": "en_GB", "LANG": "de_DE"}) == "es_ES"
    assert locale_from_environment({"LC_ALL": "", "LANG": "en_AU.UTF-8"}) == "en_AU"
    assert locale_from_environment({"LANG": "C.UTF-8"}) == locale_from_environment({}) == "en_001"
    assert locale_from_environment({"LANG": "xx_NOPE"}) == "en_001"
    assert report_format("de_DE", "nonsense").hour_cycle == "system"


def test_medication_doses_print_with_the_locale_sign(vault, evening):
    from caregiver_app.services import medications

    medications.add_medication(vault, medications.MedicationDraft(evening.id, "Lithium", 37.5, "mg",
                                                                  start_date=date(2026, 11, 1)), clock=lambda: NOW)
    assert "Lithium 37,5 mg" in summary_pdf(vault, evening, report_format("de_DE", "system"))
    assert "Lithium 37.5 mg" in summary_pdf(vault, evening, report_format("en_GB", "system"))


def test_decimals_round_half_up_with_the_locale_sign():
    de, us = ReportFormat("de_DE"), ReportFormat("en_US")
    assert (de.decimal(3.25, 1, fixed=True), us.decimal(3.25, 1, fixed=True)) == ("3,3", "3.3")
    assert (de.decimal(7.0), de.decimal(0.125, 3), us.decimal(1234.5)) == ("7", "0,125", "1234.5")


def test_a_script_the_fonts_cannot_show_falls_back_to_readable_dates(vault, evening):
    """Japanese month words would print as empty boxes and Arabic ones backwards inside English
    sentences: those documents use international English dates, keeping the hour cycle."""
    for name, evening_time in (("ja_JP", "21:15"), ("ar_EG", "9:15 pm")):
        text = summary_pdf(vault, evening, report_format(name, "system"))
        assert "1 Nov – 30 Nov 2026 (30 days)" in text and "\x00" not in text
        assert evening_time in text  # the locale's own hour cycle still holds
    russian = summary_pdf(vault, evening, report_format("ru_RU", "system"))  # Cyrillic prints
    assert "30 нояб. 2026" in russian
