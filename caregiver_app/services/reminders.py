"""Reminders from the vault: medicine times, refills, appointments the day before, and the daily
check-in; and recording the answers.

The answered reminders are kept inside the vault (``vault_setting`` ``reminders.answered``: their
keys with the UTC instant of the answer, kept for :data:`KEEP_ANSWERS`), so a reminder answered
before a restart never comes again, and nothing about them reaches the settings file or a log.

An answer to a medicine reminder is recorded as a journal entry holding that one dose, recorded
by the person (the entry editor's dose model, :class:`~caregiver_app.domain.medications.DoseRecord`):
**Taken** is an entry at the moment of the answer with the dose ``taken`` (at the reminder's due
time when the answer comes on a later day: last night's dose answered this morning); **Skipped** is an entry
at the reminder's due time with the dose ``missed``. The entry and the answer are written in one
transaction (both or neither).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from ..domain import timeutil
from ..domain.medications import DoseRecord, DoseStatus, Medication
from ..domain.model import JournalEntry, Recorder
from ..domain.reminders import (
    ALL_DAY_REMINDER_TIME,
    APPOINTMENT_NOTICE,
    LOOKBACK,
    Reminder,
    ReminderKind,
    appointment_key,
    daily_reminders,
    dated_occurrences,
    medicine_key,
    refill_key,
    shown_order,
    wall_instant,
)
from ..storage.repos import appointments as appointments_repo
from ..storage.repos import journal as journal_repo
from ..storage.repos import medications as medications_repo
from ..storage.repos import network as network_repo
from ..storage.repos import settings as settings_repo
from .clock import Clock, local_zone_name, utc_now
from .journal import write_entry
from .people import list_people
from .vault import Vault, session_of

ANSWERED_KEY = "reminders.answered"
KEEP_ANSWERS = timedelta(days=14)
"""Answers older than this are forgotten (every reminder they answered is long past; a refill
reminder answered this long ago, with the count still not updated, may come once more)."""
HORIZON = timedelta(hours=36)
"""How far ahead the reminders are worked out at each look (the timer re-reads well before)."""


class Answer(enum.Enum):
    """How a reminder was answered: a medicine ``TAKEN`` or ``SKIPPED`` (recorded as missed), or
    ``DONE`` (seen and acted on: the check-in opened, the visit prepared, the refill noted)."""

    TAKEN = "taken"
    SKIPPED = "skipped"
    DONE = "done"


@dataclass(frozen=True)
class ReminderOptions:
    """What to remind of: ``daily_at`` the daily check-in's wall-clock time (None: off);
    ``appointments`` the day-before reminders; ``medicines`` medicine and refill reminders."""

    daily_at: time | None = None
    appointments: bool = True
    medicines: bool = True


@dataclass(frozen=True)
class ReminderState:
    """Every reminder from ``now - LOOKBACK`` to ``now + HORIZON`` and the keys already answered."""

    reminders: tuple[Reminder, ...]
    answered: frozenset[str]


def reminder_state(vault: Vault, options: ReminderOptions, *, clock: Clock = utc_now,
                   zone_name: str = "") -> ReminderState:
    """The reminders around now (``clock()``), worked out in ``zone_name`` (the computer's zone
    when empty) for every person on the switcher, with the answered keys."""
    now = clock()
    tz = timeutil.zone(zone_name or local_zone_name())
    found: list[Reminder] = []
    if options.daily_at is not None:
        found.extend(daily_reminders(options.daily_at, tz, now, HORIZON))
    people = list_people(vault)
    with session_of(vault) as s:
        answered = frozenset(_answers(s))
        for person in people:
            if options.medicines:
                meds = medications_repo.list_medications(s, person.id)
                found.extend(_medicine_reminders(meds, person.display_name, tz, now))
                found.extend(_refill_reminders(s, meds, person.display_name, now))
            if options.appointments:
                found.extend(_appointment_reminders(s, person.id, person.display_name, now))
    return ReminderState(tuple(sorted(found, key=shown_order)), answered)


def answer(vault: Vault, reminder: Reminder, how: Answer, *, clock: Clock = utc_now,
           zone_name: str = "") -> JournalEntry | None:
    """Record the answer to ``reminder``: for a medicine, :attr:`Answer.TAKEN` or
    :attr:`Answer.SKIPPED` also writes the dose (see the module text) and returns its entry;
    any answer marks the reminder answered, so it does not come again. The entry's local date and
    time are in ``zone_name`` (the computer's zone when empty). Raises
    :class:`~caregiver_app.domain.errors.NotFoundError` when the person or medicine is gone."""
    now = clock()
    entry_id = None
    with session_of(vault) as s:
        if reminder.kind is ReminderKind.MEDICINE and how in (Answer.TAKEN, Answer.SKIPPED):
            when = now if how is Answer.TAKEN and _same_day(now, reminder.due, zone_name) else reminder.due
            status = DoseStatus.TAKEN if how is Answer.TAKEN else DoseStatus.MISSED
            entry_id = write_entry(s, _dose_entry(reminder, when, zone_name), now,
                                   doses=[DoseRecord(reminder.medication_id, status)])
        answers = _answers(s)
        answers[reminder.key] = now.astimezone(timezone.utc).isoformat()
        cutoff = now - KEEP_ANSWERS
        kept = {k: v for k, v in answers.items() if _instant(v) is not None and _instant(v) >= cutoff}
        settings_repo.set_setting(s, ANSWERED_KEY, json.dumps(kept, sort_keys=True))
        return journal_repo.get_entry(s, entry_id) if entry_id is not None else None


# --- private ------------------------------------------------------------------------------------


def _same_day(a: datetime, b: datetime, zone_name: str) -> bool:
    """True when ``a`` and ``b`` fall on the same local day. A dose answered Taken on a later day
    ("due yesterday at 20:30. Was it taken?") was taken that day: recorded at its due time, so
    the visit summary counts it on its own day, not twice today and none yesterday."""
    tz = timeutil.zone(zone_name or local_zone_name())
    return a.astimezone(tz).date() == b.astimezone(tz).date()


def _dose_entry(reminder: Reminder, when: datetime, zone_name: str) -> JournalEntry:
    tz = timeutil.zone(zone_name or local_zone_name())
    local = when.astimezone(tz)
    return JournalEntry(id=None, person_id=reminder.person_id, occurred_at=when.astimezone(timezone.utc),
                        local_date=local.date(), recorded_by=Recorder.person(), zone_name=tz.key)


def _answers(session) -> dict[str, str]:
    try:
        raw = json.loads(settings_repo.get_setting(session, ANSWERED_KEY, "{}") or "{}")
    except ValueError:
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(raw, dict) else {}


def _instant(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _medicine_reminders(meds: list[Medication], person_name: str, tz, now: datetime) -> list[Reminder]:
    found = []
    for med in meds:
        for at in med.reminder_times:
            for day, instant in dated_occurrences(at, tz, now - LOOKBACK, now + HORIZON):
                if not med.is_active_on(day):
                    continue
                found.append(Reminder(medicine_key(med.id, day, at), ReminderKind.MEDICINE, instant, med.name,
                                      person_id=med.person_id, person_name=person_name, medication_id=med.id,
                                      dose=med.dose_on(day)))
    return found


def _refill_reminders(session, meds: list[Medication], person_name: str, now: datetime) -> list[Reminder]:
    kept = [m for m in meds if m.supply is not None and m.supply.refill_at is not None and m.stop_date is None]
    if not kept:
        return []
    taken = medications_repo.doses_taken_since(session, {m.id: m.supply.counted_at for m in kept})
    found = []
    for med in kept:
        count = taken.get(med.id, 0)
        if med.supply.needs_refill(count):
            found.append(Reminder(refill_key(med.id, med.supply.counted_at), ReminderKind.REFILL,
                                  max(med.supply.counted_at, now - LOOKBACK), med.name, person_id=med.person_id,
                                  person_name=person_name, medication_id=med.id, dose=med.current,
                                  left=med.supply.left_after(count)))
    return found


def _appointment_reminders(session, person_id: int, person_name: str, now: datetime) -> list[Reminder]:
    rows = appointments_repo.appointment_rows(session, person_id)
    upcoming = [appointments_repo.appointment_from_row(r) for r in rows]
    upcoming = [a for a in upcoming if a.starts_at > now and a.starts_at - APPOINTMENT_NOTICE <= now + HORIZON]
    if not upcoming:
        return []
    # Imported here: services.appointments brings icalendar, which the first window does not need.
    from .appointments import title_text

    contacts = {c.id: c for c in network_repo.list_contacts(session, person_id)}
    found = []
    for appt in upcoming:
        if appt.all_day:
            tz = timeutil.zone_or(appt.zone_name, timeutil.zone("UTC"))
            due = wall_instant(appt.local_date - timedelta(days=1), ALL_DAY_REMINDER_TIME, tz)
        else:
            due = appt.starts_at - APPOINTMENT_NOTICE
        found.append(Reminder(appointment_key(appt.id, appt.starts_at), ReminderKind.APPOINTMENT, due,
                              title_text(appt, contacts), detail=appt.place, person_id=person_id,
                              person_name=person_name, appointment_id=appt.id, starts_at=appt.starts_at,
                              all_day=appt.all_day))
    return found
