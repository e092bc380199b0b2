"""Short dates in right-to-left locales do not start with the comma that followed the weekday
(branch attack-country)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from caregiver_app.gui import formatting


@pytest.mark.parametrize("name", ["ar_EG", "ar_SA", "ur_PK", "en_US", "de_DE"])
def test_medium_date_has_no_leading_comma(qapp, name):
    QLocale.setDefault(QLocale(name))
    try:
        text = formatting.medium_date(date(2024, 5, 3))
    finally:
        QLocale.setDefault(QLocale.c())
    assert text and text.lstrip()[0] not in ",،，" and text == text.strip()
