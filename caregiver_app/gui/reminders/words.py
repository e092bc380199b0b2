"""What a reminder says, in the window's formats (times by the time-format setting, numbers with
the locale's decimal sign). While the vault is locked only :data:`GENERIC_TEXT` is said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ...domain import timeutil
from ...domain.reminders import GENERIC_TEXT, Reminder, ReminderKind
from ..common import formatting


@dataclass(frozen=True)
class Words:
    """A reminder's heading and its line of detail (shown only in the app's own window)."""

    heading: str
    detail: str


LOCKED = Words(GENERIC_TEXT, "Unlock Caregiver Companion to see it and answer.")


def words_for(reminder: Reminder | None, zone_name: str, today: date, *, several_people: bool = False) -> Words:
    """The words for ``reminder`` (None: the locked, generic reminder); ``today`` is the local
    date now (a dose due yesterday says so). ``several_people`` adds whom it is for."""
    if reminder is None:
        return LOCKED
    who = f"For {reminder.person_name} · " if several_people and reminder.person_name else ""
    if reminder.kind is ReminderKind.MEDICINE:
        dose = formatting.dose_text(reminder.dose) if reminder.dose is not None else ""
        due = _due_words(reminder, zone_name, today)
        detail = f"{dose} · {due}" if dose else due[:1].upper() + due[1:]
        return Words(f"Time for {reminder.title}", f"{who}{detail}. Was it taken?")
    if reminder.kind is ReminderKind.REFILL:
        left = formatting.decimal_text(reminder.left or 0)
        return Words(f"Time to refill {reminder.title}",
                     f"{who}About {left} left at home. Ask the pharmacy or the prescriber for more, then update the "
                     "count on the Medications page.")
    if reminder.kind is ReminderKind.APPOINTMENT:
        when = _appointment_when(reminder, zone_name)
        place = f" · {reminder.detail}" if reminder.detail else ""
        return Words(f"{_visit_day(reminder, zone_name, today)}: {reminder.title}",
                     f"{who}{when}{place}. Prepare the questions and a visit summary now?")
    return Words("How was today?", reminder.detail or "A short check-in takes a minute.")


def _visit_day(reminder: Reminder, zone_name: str, today: date) -> str:
    """"Tomorrow" (the usual, the day before), "Today" (the app was opened late), else the date."""
    if reminder.starts_at is None:
        return "Coming up"
    day = reminder.starts_at.astimezone(_zone(zone_name)).date()
    if day == today:
        return "Today"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    return formatting.medium_date(day, weekday=True)


def _due_words(reminder: Reminder, zone_name: str, today: date) -> str:
    local = reminder.due.astimezone(_zone(zone_name))
    when = formatting.time_text(local)
    if local.date() == today:
        return f"due at {when}"
    if local.date() == today - timedelta(days=1):
        return f"due yesterday at {when}"
    return f"due {formatting.medium_date(local.date(), weekday=True)} at {when}"


def _zone(zone_name: str):
    return timeutil.zone(zone_name)


def _appointment_when(reminder: Reminder, zone_name: str) -> str:
    if reminder.starts_at is None:
        return ""
    if reminder.all_day:
        return "All day"
    local = reminder.starts_at.astimezone(_zone(zone_name))
    return f"{formatting.medium_date(local.date(), weekday=True)}, {formatting.time_text(local)}"
