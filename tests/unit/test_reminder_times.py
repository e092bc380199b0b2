"""Due times of reminders across daylight-saving changes and time zones (domain, no I/O)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.medications import Supply, parse_reminder_times, reminder_times_text
from caregiver_app.domain.reminders import (
    Reminder,
    ReminderKind,
    next_occurrence,
    next_wake,
    occurrences,
    pending,
    wall_instant,
)

UTC = timezone.utc
NY = ZoneInfo("America/New_York")


def test_eight_oclock_stays_on_the_wall_across_the_spring_change():
    before = wall_instant(date(2026, 3, 7), time(8), NY)
    after = wall_instant(date(2026, 3, 8), time(8), NY)
    assert before == datetime(2026, 3, 7, 13, 0, tzinfo=UTC)  # EST, UTC-5
    assert after == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)  # EDT, UTC-4
    assert after - before == timedelta(hours=23)


def test_a_skipped_time_comes_right_after_the_jump():
    # 02:30 does not exist in New York on 8 March 2026: the clock goes 01:59 -> 03:00.
    instant = wall_instant(date(2026, 3, 8), time(2, 30), NY)
    assert instant.astimezone(NY).replace(tzinfo=None) == datetime(2026, 3, 8, 3, 0)


def test_a_repeated_time_comes_once_in_autumn():
    found = occurrences(time(1, 30), NY, datetime(2026, 11, 1, 0, tzinfo=UTC), datetime(2026, 11, 2, 0, tzinfo=UTC))
    assert found == [datetime(2026, 11, 1, 5, 30, tzinfo=UTC)]  # the first 01:30, still EDT


@pytest.mark.parametrize("zone, expected_utc_hour", [("Asia/Tokyo", 23), ("Europe/London", 7),
                                                     ("Australia/Adelaide", 22), ("Asia/Kolkata", 2)])
def test_the_same_wall_time_in_other_zones(zone, expected_utc_hour):
    after = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    found = next_occurrence(time(8), ZoneInfo(zone), after)
    assert found.astimezone(ZoneInfo(zone)).time() == time(8)
    assert found.hour == expected_utc_hour
    assert after < found <= after + timedelta(days=1)


def test_moving_zone_moves_the_instant_not_the_wall_time():
    after = datetime(2026, 7, 1, 0, 0, tzinfo=UTC)
    assert next_occurrence(time(20), ZoneInfo("Europe/Berlin"), after) != next_occurrence(time(20), NY, after)


def test_reminder_times_round_trip_and_hand_edits():
    times = parse_reminder_times("20:30, 08:00,nonsense,08:00")
    assert times == (time(8), time(20, 30))
    assert reminder_times_text(times) == "08:00,20:30"
    assert parse_reminder_times("") == ()


def test_pending_and_next_wake_follow_answers_and_later():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    due = Reminder("a", ReminderKind.MEDICINE, now - timedelta(minutes=5), "A")
    soon = Reminder("b", ReminderKind.MEDICINE, now + timedelta(hours=2), "B")
    assert [r.key for r in pending([due, soon], now, set(), {})] == ["a"]
    assert pending([due, soon], now, {"a"}, {}) == []
    later = {"a": now + timedelta(minutes=10)}
    assert pending([due, soon], now, set(), later) == []
    assert next_wake([due, soon], now, set(), later) == now + timedelta(minutes=10)
    assert next_wake([due, soon], now, {"a"}, {}) == now + timedelta(hours=2)


def test_supply_counts_down_and_asks_for_a_refill_at_the_threshold():
    supply = Supply(10, datetime(2026, 12, 1, tzinfo=UTC), per_dose=2, refill_at=4)
    assert supply.left_after(2) == 6
    assert not supply.needs_refill(2)
    assert supply.needs_refill(3)  # 4 left: at the threshold
    assert supply.left_after(9) == 0
    with pytest.raises(ValidationError):
        Supply(10, datetime(2026, 12, 1, tzinfo=UTC), per_dose=0)
    with pytest.raises(ValidationError):
        Supply(float("nan"), datetime(2026, 12, 1, tzinfo=UTC))
