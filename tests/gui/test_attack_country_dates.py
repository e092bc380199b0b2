"""Short dates in right-to-left locales do not start with the comma that followed the weekday
(branch attack-country)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from caregiver_app.gui.common import formatting


@pytest.mark.parametrize("name", ["ar_EG", "ar_SA", "ur_PK", "en_US", "de_DE"])
def test_medium_date_has_no_leading_comma(qapp, name):
    QLocale.setDefault(QLocale(name))
    try:
        text = formatting.medium_date(date(2024, 5, 3))
    finally:
        QLocale.setDefault(QLocale.c())
    assert text and text.lstrip()[0] not in ",،，" and text == text.strip()


def test_counts_in_the_window_use_the_locale_grouping(qapp):
    from datetime import timedelta

    from caregiver_app.gui.journal.import_dialog import describe_preview
    from caregiver_app.gui.common.trust_widgets import entries_words
    from caregiver_app.services import imports

    rows = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for i in range(1500):
        rows.append(f"{(date(2020, 1, 1) + timedelta(days=i)).isoformat()},,,08:00,good,,,")
    preview = imports.preview_daylio("\n".join(rows).encode(), {"good": 4})
    QLocale.setDefault(QLocale("de_DE"))
    try:
        text, words = describe_preview(preview), entries_words(2500)
    finally:
        QLocale.setDefault(QLocale.c())
    assert "1.500 entries" in text and "1,500" not in text
    assert words == "2.500 entries"
