"""Attacks on the reminders' answers (tester branch attack-reminders), in a real encrypted vault."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from test_reminders_service import ZONE, add_med, clock_at, due_now

from caregiver_app.domain.medications import DoseStatus
from caregiver_app.services import medications, reminders
from caregiver_app.services.reminders import Answer

UTC = timezone.utc


def test_taken_the_next_morning_for_last_nights_dose_counts_on_last_nights_day(vault, person):
    add_med(vault, person)  # 08:00 and 20:00
    morning = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)  # 07:00 in New York: the laptop opened
    [due] = due_now(vault, now=morning)
    assert due.due == datetime(2026, 12, 6, 1, 0, tzinfo=UTC)  # "due yesterday at 20:00. Was it taken?"
    reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(morning), zone_name=ZONE)
    days = medications.dose_days_in_period(vault, person.id, date(2026, 12, 5), date(2026, 12, 6))
    assert days == [("Sertraline", [(date(2026, 12, 5), DoseStatus.TAKEN)])]


def test_taken_soon_after_the_reminder_is_recorded_at_the_answer(vault, person):
    add_med(vault, person)
    late = datetime(2026, 12, 6, 13, 40, tzinfo=UTC)  # 08:40, the 08:00 dose
    [due] = due_now(vault, now=late)
    entry = reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(late), zone_name=ZONE)
    assert entry.occurred_at == late
    assert late - due.due < timedelta(hours=1)
