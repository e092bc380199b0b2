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


import pytest  # noqa: E402

from caregiver_app.domain import timeutil  # noqa: E402
from caregiver_app.services.clock import local_zone_name  # noqa: E402


@pytest.mark.parametrize("tz", [":/etc/localtime", "/etc/localtime", "../../etc/passwd", "Mars/Olympus", "UTC+3"])
def test_any_tz_variable_gives_a_zone_the_app_knows(monkeypatch, tz):
    monkeypatch.setenv("TZ", tz)
    name = local_zone_name()
    timeutil.zone(name)  # raises for a name the app cannot use
    assert ".." not in name


def test_a_named_tz_variable_is_used(monkeypatch):
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    assert local_zone_name() == "Pacific/Auckland"


@pytest.mark.parametrize("tz", ["/dev/null", "/etc/passwd"])
def test_a_tz_variable_naming_a_file_that_is_no_zone_does_not_stop_the_summary(tmp_path, tz):
    import subprocess
    import sys

    code = ("import caregiver_app.services.summary, caregiver_app.importers.date_order; "
            "from caregiver_app.services.clock import local_zone_name; print(local_zone_name())")
    env = {"TZ": tz, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-300:]
    timeutil.zone(done.stdout.strip())
