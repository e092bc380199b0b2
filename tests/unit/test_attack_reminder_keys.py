"""Reminder keys across a clock change that skips the hour before midnight (tester branch
attack-reminders): Greenland (America/Nuuk) goes from 23:00 on Saturday 28 March 2026 straight
to 00:00 on Sunday, so Saturday's 23:30 comes at Sunday 00:00; it must not take Sunday's key."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from caregiver_app.domain.medications import Dose, DoseChange, Medication
from caregiver_app.domain.reminders import daily_reminders
from caregiver_app.services.reminders import _medicine_reminders

NUUK = ZoneInfo("America/Nuuk")


def test_a_time_skipped_before_midnight_keeps_its_own_day_in_the_key():
    now = datetime(2026, 3, 29, 10, 0, tzinfo=NUUK).astimezone(timezone.utc)
    found = daily_reminders(time(23, 30), NUUK, now, timedelta(hours=36))
    keys = [r.key for r in found]
    assert keys == ["daily:2026-03-28", "daily:2026-03-29"]
    assert found[0].due.astimezone(NUUK).replace(tzinfo=None) == datetime(2026, 3, 29, 0, 0)


def test_a_medicine_at_a_time_skipped_before_midnight_has_two_reminders_with_two_keys():
    med = Medication(id=7, person_id=1, name="Insulin", history=(DoseChange(1, date(2026, 1, 1), Dose(10, "units"),
                                                                               "at night"),),
                     start_date=date(2026, 1, 1), reminder_times=(time(23, 30),))
    now = datetime(2026, 3, 29, 10, 0, tzinfo=NUUK).astimezone(timezone.utc)
    keys = [r.key for r in _medicine_reminders([med], "Ana", NUUK, now)]
    assert keys == ["medicine:7:2026-03-28T23:30", "medicine:7:2026-03-29T23:30"]


def test_reminders_due_at_the_same_minute_come_by_person_and_name_not_by_key_text():
    from caregiver_app.domain.reminders import Reminder, ReminderKind, pending

    due = datetime(2026, 12, 6, 13, 0, tzinfo=timezone.utc)
    found = [Reminder(f"medicine:{n}:2026-12-06T08:00", ReminderKind.MEDICINE, due, name, person_id=1,
                      person_name="Sam", medication_id=n)
             for n, name in ((10, "Zinc"), (2, "Aspirin"), (3, "Lithium"))]
    order = [r.title for r in pending(found, due, set(), {})]
    assert order == ["Aspirin", "Lithium", "Zinc"]  # was Zinc first: "medicine:10" < "medicine:2"
