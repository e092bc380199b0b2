"""What a reminder says, in the window's formats (times by the time-format setting, numbers with
the locale's decimal sign). While the vault is locked only :data:`GENERIC_TEXT` is said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ...domain import timeutil
from ...domain.reminders import GENERIC_TEXT, Reminder, ReminderKind
from ...i18n import N_, _
from ..common import formatting


@dataclass(frozen=True)
class Words:
    """A reminder's heading and its line of detail (shown only in the app's own window)."""

    heading: str
    detail: str


GENERIC = N_("Time for your check-in")
""":data:`GENERIC_TEXT` for the catalog (the domain keeps the English words)."""
assert GENERIC == GENERIC_TEXT


def locked_words() -> Words:
    """The locked, generic reminder: no name, no medicine, no visit."""
    return Words(_(GENERIC), _("Unlock Caregiver Companion to see it and answer."))


def generic_text() -> str:
    """All a notification says (the desktop keeps it), in the window's language."""
    return _(GENERIC)


def words_for(reminder: Reminder | None, zone_name: str, today: date, *, several_people: bool = False) -> Words:
    """The words for ``reminder`` (None: the locked, generic reminder); ``today`` is the local
    date now (a dose due yesterday says so). ``several_people`` adds whom it is for."""
    if reminder is None:
        return locked_words()
    who = (_("For {name}").format(name=reminder.person_name) + " · "
           if several_people and reminder.person_name else "")
    if reminder.kind is ReminderKind.MEDICINE:
        dose = formatting.dose_text(reminder.dose) if reminder.dose is not None else ""
        due = _due_words(reminder, zone_name, today)
        detail = f"{dose} · {due}" if dose else due[:1].upper() + due[1:]
        return Words(_("Time for {medicine}").format(medicine=reminder.title),
                     who + _("{when}. Was it taken?").format(when=detail))
    if reminder.kind is ReminderKind.REFILL:
        left = formatting.decimal_text(reminder.left or 0)
        return Words(_("Time to refill {medicine}").format(medicine=reminder.title),
                     who + _("About {count} left at home. Ask the pharmacy or the prescriber for more, then "
                             "update the count on the Medications page.").format(count=left))
    if reminder.kind is ReminderKind.APPOINTMENT:
        when = _appointment_when(reminder, zone_name)
        place = f" · {reminder.detail}" if reminder.detail else ""
        return Words(_("{day}: {visit}").format(day=_visit_day(reminder, zone_name, today), visit=reminder.title),
                     who + _("{when}. Prepare the questions and a visit summary now?").format(when=when + place))
    return Words(_("How was today?"), reminder.detail or _("A short check-in takes a minute."))


def _visit_day(reminder: Reminder, zone_name: str, today: date) -> str:
    """"Tomorrow" (the usual, the day before), "Today" (the app was opened late), else the date."""
    if reminder.starts_at is None:
        return _("Coming up")
    day = reminder.starts_at.astimezone(_zone(zone_name)).date()
    if day == today:
        return _("Today")
    if day == today + timedelta(days=1):
        return _("Tomorrow")
    return formatting.medium_date(day, weekday=True)


def _due_words(reminder: Reminder, zone_name: str, today: date) -> str:
    local = reminder.due.astimezone(_zone(zone_name))
    when = formatting.time_text(local)
    if local.date() == today:
        return _("due at {time}").format(time=when)
    if local.date() == today - timedelta(days=1):
        return _("due yesterday at {time}").format(time=when)
    return _("due {date} at {time}").format(date=formatting.medium_date(local.date(), weekday=True), time=when)


def _zone(zone_name: str):
    return timeutil.zone(zone_name)


def _appointment_when(reminder: Reminder, zone_name: str) -> str:
    if reminder.starts_at is None:
        return ""
    if reminder.all_day:
        return _("All day")
    local = reminder.starts_at.astimezone(_zone(zone_name))
    return f"{formatting.medium_date(local.date(), weekday=True)}, {formatting.time_text(local)}"
