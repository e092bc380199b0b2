"""Dates and times shown to people go through the two formatters (``gui/common/formatting.py`` on
QLocale, ``reports/formatting.py`` on Babel), never through strftime or month tables in place."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "caregiver_app"
# strftime-style codes in f-strings or strftime calls, fixed month tables, the stdlib's
# English-only calendar names and Qt's system locale (which ignores QLocale.setDefault)
SUSPECT = re.compile(r"strftime\(|:%[aAbBdHIMpYZ]|%[aAbBHIp]\b|_MONTHS\s*=|calendar\.(month|day)_(name|abbr)"
                     r"|QLocale\.system\(\)\.(toString|dayName|monthName|timeFormat|dateFormat|firstDayOfWeek)")
# Machine formats (file names, stamps, the CSV's data columns), a zone abbreviation, Qt's progress
# placeholder, and the standard-library-only domain's clock-change message (the window shows its
# own words for it, gui/common/time_hint.py).
ALLOWED = {
    ("services/vault_open.py", "%Y%m%dT%H%M%SZ"),
    ("services/export_csv.py", "{local:%H:%M}"),
    ("cli_vault.py", "({local:%Z})"),
    ("domain/timeutil.py", "{wall:%H:%M}"),
    ("domain/timeutil.py", "{first:%H:%M}"),
    ("gui/visits/summary_page.py", "%p%"),
}


def test_no_date_or_time_is_formatted_outside_the_formatters():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("storage/", "gui/forms/")) or rel in ("gui/common/formatting.py", "reports/formatting.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SUSPECT.search(line) and not any(rel == f and snippet in line for f, snippet in ALLOWED):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert found == []
