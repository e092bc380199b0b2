"""The command-line visit summary loads only what a summary needs (issue 16): making a summary
never imports the calendar, vCard or passphrase-strength libraries (the calendar library loads
when an appointments calendar file is made)."""

from __future__ import annotations

import json
import subprocess
import sys

NOT_FOR_A_SUMMARY = ("icalendar", "vobject", "zxcvbn", "PySide6")

PROBE = """
import json, sys
import caregiver_app.cli
import caregiver_app.services.summary
import caregiver_app.reports.visit_summary
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _loaded(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return set(json.loads(done.stdout))


def test_the_summary_path_leaves_calendar_vcard_and_strength_libraries_unloaded():
    loaded = _loaded(PROBE)
    assert "reportlab" in loaded and "sqlalchemy" in loaded  # the probe did load the summary's own needs
    assert not loaded & set(NOT_FOR_A_SUMMARY)


def test_making_a_calendar_file_still_loads_the_calendar_library():
    from datetime import datetime, timezone

    from caregiver_app.domain.network import Appointment
    from caregiver_app.services import appointments

    when = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)
    appt = Appointment(id=1, person_id=1, starts_at=when, local_date=when.date(), zone_name="UTC", purpose="Check-up")
    text = appointments.calendar_bytes([appt], {}, clock=lambda: when).decode()
    assert "BEGIN:VCALENDAR" in text and "Check-up" in text
