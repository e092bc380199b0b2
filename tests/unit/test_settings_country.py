"""The effective country: the family's choice, else the system locale's territory, else none."""

from __future__ import annotations

import pytest

from caregiver_app import settings as app_settings


@pytest.mark.parametrize(
    ("chosen", "locale_name", "expected"),
    [
        ("GB", "en_US", "GB"),
        ("", "en_GB", "GB"),
        ("", "de-DE", "DE"),
        ("", "es_MX.UTF-8", "MX"),
        ("", "sr_RS@latin", "RS"),
        ("", "C", ""),
        ("", "en", ""),
        ("", "es_419", ""),
        ("", "", ""),
    ],
)
def test_effective_country(chosen, locale_name, expected):
    assert app_settings.effective_country(app_settings.Settings(country=chosen), locale_name) == expected
