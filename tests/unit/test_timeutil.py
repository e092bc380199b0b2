"""Local dates and UTC instants around midnight and daylight-saving changes."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.timeutil import check_calendar_date, local_to_utc, zone


def test_just_after_midnight_stays_on_its_day():
    instant, day = local_to_utc(datetime(2026, 11, 30, 0, 5), zone("Pacific/Auckland"))
    assert day == date(2026, 11, 30)
    assert instant == datetime(2026, 11, 29, 11, 5, tzinfo=timezone.utc)


def test_offset_of_the_date_not_of_today():
    summer, _ = local_to_utc(datetime(2026, 7, 1, 12, 0), zone("Europe/Berlin"))
    winter, _ = local_to_utc(datetime(2026, 12, 1, 12, 0), zone("Europe/Berlin"))
    assert summer.hour == 10 and winter.hour == 11


def test_skipped_hour_is_refused_in_the_editor_and_moved_on_import():
    tz = zone("America/New_York")
    with pytest.raises(ValidationError, match="clocks went forward"):
        local_to_utc(datetime(2026, 3, 8, 2, 30), tz)
    instant, day = local_to_utc(datetime(2026, 3, 8, 2, 30), tz, strict=False)
    assert day == date(2026, 3, 8)
    assert instant.astimezone(tz).hour == 3


def test_repeated_hour_means_the_first_one():
    tz = zone("America/New_York")
    instant, _ = local_to_utc(datetime(2026, 11, 1, 1, 30), tz)
    assert instant == datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc)


def test_calendar_dates_and_zone_names():
    assert check_calendar_date(2028, 2, 29) == date(2028, 2, 29)
    with pytest.raises(ValidationError, match="not a real date"):
        check_calendar_date(2027, 2, 29)
    with pytest.raises(ValidationError, match="time zone"):
        zone("Mars/Olympus_Mons")
