"""Daylio files re-saved by a spreadsheet in a day-first country: 03/05/2024 is 3 May when the
weekday column (or the day-and-month column) agrees, or when some day is above 12; the parse
says which reading it used, in plain words."""

from __future__ import annotations

from datetime import date

from caregiver_app.importers.date_order import SlashDate, decide, weekday_of
from caregiver_app.importers.daylio import parse_daylio

HEADER = "full_date,date,weekday,time,mood,activities,note\n"

# Re-saved by Excel in the UK: day/month/year, and no day above 12.
DAY_FIRST_WEEKDAYS = HEADER + (
    "04/05/2024,,Saturday,20:00,good,,\n"
    "03/05/2024,,Friday,08:15,meh,,\n"
    "02/06/2024,,Sunday,09:00,rad,,\n"
)
# The same dates with no weekday or date column: nothing in the file says which way round.
NO_WEEKDAYS = "full_date,time,mood\n04/05/2024,20:00,good\n03/05/2024,08:15,meh\n"
# A US file: month/day/year, and the weekdays agree with that.
MONTH_FIRST_WEEKDAYS = HEADER + "03/05/2024,,Tuesday,20:00,good,,\n04/05/2024,,Friday,08:15,meh,,\n"
# German Excel: weekdays in German, one day above 12.
GERMAN = HEADER + "14/03/2023,,Dienstag,20:05,good,,\n03/05/2024,,Freitag,08:15,meh,,\n"


def days(result) -> list[date]:
    return [row.local_datetime.date() for row in result.rows]


def test_weekdays_decide_when_no_day_is_above_12():
    result = parse_daylio(DAY_FIRST_WEEKDAYS.encode())
    assert days(result) == [date(2024, 5, 4), date(2024, 5, 3), date(2024, 6, 2)]
    assert "day first" in result.date_order_note and "04/05/2024" in result.date_order_note
    assert "weekdays" in result.date_order_note


def test_without_weekdays_month_first_and_the_user_is_told():
    result = parse_daylio(NO_WEEKDAYS.encode())
    assert days(result) == [date(2024, 4, 5), date(2024, 3, 5)]
    assert "month first" in result.date_order_note
    assert "nothing in the file showed" in result.date_order_note


def test_weekdays_keep_a_us_file_month_first():
    result = parse_daylio(MONTH_FIRST_WEEKDAYS.encode())
    assert days(result) == [date(2024, 3, 5), date(2024, 4, 5)]
    assert "month first" in result.date_order_note and "match" in result.date_order_note


def test_a_day_above_12_decides_and_german_weekdays_agree():
    result = parse_daylio(GERMAN.encode())
    assert days(result) == [date(2023, 3, 14), date(2024, 5, 3)]
    assert "day first" in result.date_order_note and "14/03/2023" in result.date_order_note
    assert "weekdays in the file match" in result.date_order_note


def test_the_day_and_month_column_also_decides():
    text = "full_date,date,time,mood\n03/05/2024,3 May,20:00,good\n"
    assert days(parse_daylio(text.encode())) == [date(2024, 5, 3)]
    text = "full_date,date,time,mood\n03/05/2024,5. März,20:00,good\n"
    assert days(parse_daylio(text.encode())) == [date(2024, 3, 5)]


def test_iso_files_need_no_decision():
    result = parse_daylio((HEADER + "2024-05-03,May 3,Friday,20:00,good,,\n").encode())
    assert days(result) == [date(2024, 5, 3)] and result.date_order_note == ""


def test_weekday_words_in_several_languages():
    assert [weekday_of(w) for w in ("Friday", "fri", "Freitag", "Fr.", "viernes", "vendredi", "piątek")] == [5] * 7
    assert weekday_of("sábado") == 6 and weekday_of("nonsense") is None and weekday_of(None) is None


def test_a_tie_goes_month_first_and_says_so():
    samples = [SlashDate(3, 5, 2024, "03/05/2024", "Friday"), SlashDate(4, 5, 2024, "04/05/2024", "Friday")]
    order = decide(samples)  # one row agrees with each reading
    assert not order.day_first and "nothing in the file showed" in order.note
