"""Day-first Daylio files written with dashes (03-05-2024, as Dutch or Danish spreadsheets
re-save them) are read like slash dates, with the same day-or-month decision (branch
attack-country)."""

from __future__ import annotations

from datetime import date

from caregiver_app.importers.daylio import parse_daylio

HEADER = "full_date,date,weekday,time,mood,activities,note\n"


def test_dashed_day_first_dates_follow_the_weekdays():
    text = HEADER + "03-05-2024,3 May,Friday,21:15,good,,\n04-05-2024,4 May,Saturday,21:15,good,,\n"
    result = parse_daylio(text.encode())
    assert [row.local_datetime.date() for row in result.rows] == [date(2024, 5, 3), date(2024, 5, 4)]
    assert "day first" in result.date_order_note and "03-05-2024" in result.date_order_note


def test_dashed_month_first_dates_stay_month_first():
    text = HEADER + "03-05-2024,,Tuesday,21:15,good,,\n03-14-2024,,Thursday,21:15,good,,\n"
    result = parse_daylio(text.encode())
    assert [row.local_datetime.date() for row in result.rows] == [date(2024, 3, 5), date(2024, 3, 14)]
