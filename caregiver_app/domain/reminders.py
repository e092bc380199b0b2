"""Reminders: what is due when, as plain data. Standard library only.

A reminder has a stable ``key`` (the same reminder computed twice has the same key), so an answer
is remembered once and the same reminder never comes back after a restart. Due times are UTC
instants worked out from wall-clock times of day in an IANA time zone, the offset of that day
included: a reminder at 08:00 stays at 08:00 on the wall across daylight-saving changes and when
the computer moves to another zone. A time skipped when clocks go forward (02:30 on that night)
comes at the first minute that exists after the jump; a time that happens twice (clocks go back)
comes once, at its first occurrence.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..i18n import N_, _
from .timeutil import local_to_utc, next_valid_wall_time

if TYPE_CHECKING:  # a type only: the medicines' model is not loaded with the unlock screen (issue 16)
    from .medications import DoseChange

GENERIC_TEXT = N_("Time for your check-in")
"""All a reminder says while the vault is locked (no medicine, no appointment, no name). English:
show it with ``_(GENERIC_TEXT)``."""

LOOKBACK = timedelta(hours=12)
"""A reminder whose time passed while the app was closed or asleep still comes, for this long."""

APPOINTMENT_NOTICE = timedelta(days=1)
"""Appointment reminders come this long before the visit (the day before)."""

ALL_DAY_REMINDER_TIME = time(9, 0)
"""An all-day appointment is recalled at this wall-clock time on the day before."""


class ReminderKind(enum.Enum):
    """What a reminder is about; decides its buttons."""

    DAILY = "daily"
    MEDICINE = "medicine"
    APPOINTMENT = "appointment"
    REFILL = "refill"


@dataclass(frozen=True)
class Reminder:
    """One reminder. ``due`` is a UTC instant; ``title`` (a medicine's name, an appointment's
    title, "How was today?") and ``detail`` are words shown only while the vault is open (health
    details: never logged, never shown while locked). ``person_id``, ``person_name``,
    ``medication_id`` and ``appointment_id`` say whom it is for and what an answer records or
    opens; ``dose`` is a medicine's dose in force; ``starts_at`` an appointment's UTC start;
    ``left`` the units of a medicine left (refill reminders)."""

    key: str
    kind: ReminderKind
    due: datetime
    title: str
    person_id: int | None = None
    person_name: str = ""
    detail: str = ""
    medication_id: int | None = None
    appointment_id: int | None = None
    dose: DoseChange | None = None
    starts_at: datetime | None = None
    all_day: bool = False
    left: float | None = None

    def __post_init__(self) -> None:
        if self.due.tzinfo is None:
            raise ValueError("due must be an aware UTC instant")


def wall_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock ``at`` on local ``day`` in ``tz``: a skipped time moves to the
    first minute after the jump; a repeated time means its first occurrence."""
    wall = datetime.combine(day, at.replace(tzinfo=None))
    later = next_valid_wall_time(wall, tz)
    return local_to_utc(later or wall, tz, strict=False)[0]


def occurrences(at: time, tz: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """UTC instants of the daily wall-clock time ``at`` in ``tz`` with ``start < instant <= end``
    (``start`` and ``end`` aware), oldest first."""
    return [instant for _day, instant in dated_occurrences(at, tz, start, end)]


def dated_occurrences(at: time, tz: ZoneInfo, start: datetime, end: datetime) -> list[tuple[date, datetime]]:
    """Like :func:`occurrences`, each with the local day it is for. That is not always the day of
    its instant: a time skipped just before midnight (Greenland: 23:00 -> 00:00) comes on the
    next day, and must not take that day's own reminder's key."""
    first = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    found: list[tuple[date, datetime]] = []
    day = first
    while day <= last:
        instant = wall_instant(day, at, tz)
        if start < instant <= end and all(instant != seen for _d, seen in found):
            found.append((day, instant))
        day += timedelta(days=1)
    return found


def next_occurrence(at: time, tz: ZoneInfo, after: datetime) -> datetime:
    """The first UTC instant after ``after`` at which the wall clock in ``tz`` reads ``at``."""
    return occurrences(at, tz, after, after + timedelta(days=2))[0]


def daily_key(day: date) -> str:
    return f"daily:{day.isoformat()}"


def medicine_key(medication_id: int, day: date, at: time) -> str:
    return f"medicine:{medication_id}:{day.isoformat()}T{at.isoformat(timespec='minutes')}"


def appointment_key(appointment_id: int, starts_at: datetime) -> str:
    return f"appointment:{appointment_id}:{starts_at.astimezone(timezone.utc).isoformat(timespec='minutes')}"


def refill_key(medication_id: int, counted_at: datetime) -> str:
    return f"refill:{medication_id}:{counted_at.astimezone(timezone.utc).isoformat(timespec='seconds')}"


def parse_time_of_day(text: str) -> time | None:
    """``"20:00"`` (the settings file's form) to a time of day; None when it is not one."""
    try:
        return time.fromisoformat((text or "").strip()).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return None


def daily_reminders(at: time, tz: ZoneInfo, now: datetime, horizon: timedelta) -> list[Reminder]:
    """The daily "how was today?" reminders from ``now - LOOKBACK`` to ``now + horizon``."""
    return [Reminder(daily_key(day), ReminderKind.DAILY, instant, _("How was today?"),
                     detail=_("A short check-in: mood, sleep, worry and energy. It takes a minute."))
            for day, instant in dated_occurrences(at, tz, now - LOOKBACK, now + horizon)]


def pending(reminders: list[Reminder], now: datetime, answered: frozenset[str] | set[str],
            later: dict[str, datetime]) -> list[Reminder]:
    """The reminders due at ``now``: due already, not answered, not put off until after ``now``;
    oldest first (see :func:`shown_order`)."""
    due = [r for r in reminders if r.due <= now and r.key not in answered and later.get(r.key, r.due) <= now]
    return sorted(due, key=shown_order)


def shown_order(reminder: Reminder) -> tuple:
    """Reminders due together come by person and by name, like the lists (not by key text, where
    "medicine:10" comes before "medicine:2"); the key last, so the order is always the same."""
    return (reminder.due, reminder.person_name.casefold(), reminder.title.casefold(), reminder.key)


def next_wake(reminders: list[Reminder], now: datetime, answered: frozenset[str] | set[str],
              later: dict[str, datetime]) -> datetime | None:
    """The next instant after ``now`` at which a reminder becomes due (a new one, or one put
    off with Later), or None when nothing else is known."""
    times = [max(r.due, later.get(r.key, r.due)) for r in reminders if r.key not in answered]
    future = [t for t in times if t > now]
    return min(future) if future else None
