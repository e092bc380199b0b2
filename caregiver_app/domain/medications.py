"""Medications: the list per person, dose changes kept as history, and doses recorded in entries.

Dates here are local calendar dates (the date on the wall calendar). A medication's dose and
schedule live only in its history (:class:`DoseChange`, oldest first); the dose "on" a date is the
latest change that took effect on or before it. Standard library only.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date, datetime, time

from ..i18n import N_, _, pgettext
from .errors import ValidationError, at_most
from .model import NAME_MAX_CHARS, required_label

DOSE_MAX = 1_000_000
SUPPLY_MAX = 1_000_000
MAX_REMINDER_TIMES = 12
"""At most this many reminder times a day for one medicine (every two hours is already a lot)."""
UNIT_MAX_CHARS = 20
SCHEDULE_MAX_CHARS = 120
TEXT_MAX_CHARS = 2_000

COMMON_UNITS: tuple[str, ...] = (
    "mg", "mcg", "g", "mL", "units", "tablet", "capsule", "puff", "drop", "patch", "spray",
)
"""Units offered first when choosing a dose (users may type their own)."""

COMMON_SCHEDULES: tuple[str, ...] = (
    N_("once a day"),
    N_("twice a day"),
    N_("three times a day"),
    N_("in the morning"),
    N_("at bedtime"),
    N_("every other day"),
    N_("once a week"),
    N_("as needed"),
)
"""Schedules offered first (users may type their own). Marked for the catalog: a form offers
them with :func:`schedule_label`; a picked suggestion is saved as its English key (see
:func:`schedule_key`), so it reads in the language in force wherever it is shown."""


def schedule_label(schedule: str) -> str:
    """How a stored schedule reads: one of :data:`COMMON_SCHEDULES` exactly (``"once a day"``) in
    the language in force; anything the user typed, as typed."""
    return _(schedule) if schedule in COMMON_SCHEDULES else schedule


def schedule_key(text: str) -> str:
    """The reverse of :func:`schedule_label` for what a form shows: a translated suggestion back to
    its English key; anything else as it is."""
    stripped = text.strip()
    for schedule in COMMON_SCHEDULES:
        if stripped == _(schedule):
            return schedule
    return text


class DoseStatus(enum.Enum):
    """What happened with a medication around the time of a journal entry."""

    TAKEN = "taken"
    MISSED = "missed"
    EXTRA = "extra"

    @property
    def label(self) -> str:
        """Words for users: ``"taken"``, ``"missed"``, ``"extra (as needed)"``."""
        # TRANSLATORS: what happened with a dose of a medicine.
        return {"taken": pgettext("dose", "taken"), "missed": pgettext("dose", "missed"),
                "extra": pgettext("dose", "extra (as needed)")}[self.value]


def _clean_text(text: str, what: str, limit: int = TEXT_MAX_CHARS) -> str:
    return at_most(text.strip(), limit, _("{what} can be at most {limit} characters.").format(what=_(what), limit=limit))


@dataclass(frozen=True)
class Dose:
    """An amount with its unit, e.g. 50 mg or 1 tablet. ``amount`` is above 0."""

    amount: float
    unit: str

    def __post_init__(self) -> None:
        amount = self.amount
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or math.isnan(amount):
            raise ValidationError(_("The dose must be a number, like 50 or 0.5."))
        if not 0 < amount <= DOSE_MAX:
            raise ValidationError(_("The dose must be more than 0."))
        unit = required_label(self.unit, _("Please give the dose's unit, like mg or tablet."),
                              _("A unit can be at most {count} characters.").format(count=UNIT_MAX_CHARS),
                              UNIT_MAX_CHARS)
        object.__setattr__(self, "amount", float(amount))
        object.__setattr__(self, "unit", unit)

    @property
    def text(self) -> str:
        """``"50 mg"``, ``"0.5 mg"``, ``"2 tablet"`` (no needless decimals)."""
        return f"{self.amount:g} {self.unit}"


@dataclass(frozen=True)
class DoseChange:
    """One step in a medication's history: from ``effective_from`` (a local calendar date) the
    dose was ``dose`` on ``schedule``. ``note`` says why it changed (free text, may be empty)."""

    id: int | None
    effective_from: date
    dose: Dose
    schedule: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "schedule", _clean_text(self.schedule, N_("A schedule"), SCHEDULE_MAX_CHARS))
        object.__setattr__(self, "note", _clean_text(self.note, N_("A note")))

    @property
    def text(self) -> str:
        """``"50 mg, once a day"``."""
        return f"{self.dose.text}, {schedule_label(self.schedule)}" if self.schedule else self.dose.text


@dataclass(frozen=True)
class Medication:
    """A medication on one person's list.

    ``reminder_times`` are wall-clock times of day (naive, in the app's time zone, whole minutes,
    sorted, no repeats) to be reminded at; ``supply`` is the count on hand, or None when not kept.

    ``history`` holds at least one :class:`DoseChange`, oldest first. ``start_date`` and
    ``stop_date`` are optional local calendar dates (stop on or after start). ``prescriber`` is free
    text; ``prescriber_contact_id`` may later point at a care-team contact (no link is made yet).
    ``as_needed`` means it is taken only when needed, so a day without it is not a missed dose.
    """

    id: int | None
    person_id: int
    name: str
    history: tuple[DoseChange, ...]
    reason: str = ""
    prescriber: str = ""
    prescriber_contact_id: int | None = None
    start_date: date | None = None
    stop_date: date | None = None
    as_needed: bool = False
    reminder_times: tuple[time, ...] = ()
    supply: "Supply | None" = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "reminder_times", clean_reminder_times(self.reminder_times))
        name = required_label(self.name, _("Please give the medication's name."),
                              _("A medication name can be at most {count} characters.").format(count=NAME_MAX_CHARS))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "reason", _clean_text(self.reason, N_("The reason")))
        object.__setattr__(self, "prescriber", _clean_text(self.prescriber, N_("The prescriber"), NAME_MAX_CHARS))
        if self.start_date and self.stop_date and self.stop_date < self.start_date:
            raise ValidationError(_("The stop date is before the start date. Please check both dates."))
        if not self.history:
            raise ValidationError(_("Please give the medication's dose."))
        history = tuple(sorted(self.history, key=lambda c: c.effective_from))
        dates = [c.effective_from for c in history]
        if len(set(dates)) != len(dates):
            raise ValidationError(_("There are two dose changes on the same day. Please keep one."))
        object.__setattr__(self, "history", history)

    @property
    def current(self) -> DoseChange:
        """The newest dose change (what is taken now, or was taken when it stopped)."""
        return self.history[-1]

    def dose_on(self, day: date) -> DoseChange:
        """The dose in force on local date ``day`` (the first one for days before any change)."""
        found = self.history[0]
        for change in self.history:
            if change.effective_from <= day:
                found = change
        return found

    def is_active_on(self, day: date) -> bool:
        """True when ``day`` is within start..stop (open ends count as active)."""
        if self.start_date is not None and day < self.start_date:
            return False
        return self.stop_date is None or day <= self.stop_date

    def describe(self) -> str:
        """``"Sertraline 50 mg, once a day"``."""
        return f"{self.name} {self.current.text}"


def clean_reminder_times(times) -> tuple[time, ...]:
    """Sorted, unique whole-minute times of day. Raises :class:`ValidationError` for more than
    :data:`MAX_REMINDER_TIMES`."""
    cleaned = sorted({t.replace(second=0, microsecond=0, tzinfo=None) for t in times})
    if len(cleaned) > MAX_REMINDER_TIMES:
        raise ValidationError(_("A medicine can have at most {count} reminder times a day.").format(count=MAX_REMINDER_TIMES))
    return tuple(cleaned)


def parse_reminder_times(text: str) -> tuple[time, ...]:
    """``"08:00,20:30"`` (the stored form: 24-hour ``HH:MM`` joined by commas) to times of day.
    Parts that are not a time are left out (a hand-edited vault must not stop the list)."""
    found = []
    for part in (text or "").split(","):
        try:
            found.append(time.fromisoformat(part.strip()))
        except ValueError:
            continue
    return clean_reminder_times(found[:MAX_REMINDER_TIMES])


def reminder_times_text(times: tuple[time, ...]) -> str:
    """The stored form of reminder times: ``"08:00,20:30"`` (empty for none)."""
    return ",".join(t.isoformat(timespec="minutes") for t in times)


@dataclass(frozen=True)
class Supply:
    """How much of a medicine is at home. ``on_hand`` units (tablets, mL, ...) were counted at
    the UTC instant ``counted_at``; each dose uses ``per_dose`` units; a refill reminder comes
    when what is left is at or below ``refill_at`` (None: no refill reminder)."""

    on_hand: float
    counted_at: datetime
    per_dose: float = 1.0
    refill_at: float | None = None

    def __post_init__(self) -> None:
        checks = [(self.on_hand, _("The count on hand")), (self.per_dose, _("The units per dose"))]
        if self.refill_at is not None:
            checks.append((self.refill_at, _("“Refill at”")))
        for value, what in checks:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
                raise ValidationError(_("{what} must be a number.").format(what=what))
            if not 0 <= value <= SUPPLY_MAX:
                raise ValidationError(_("{what} must be between 0 and {most:g}.").format(what=what, most=SUPPLY_MAX))
        if self.per_dose <= 0:
            raise ValidationError(_("Each dose uses more than 0 units."))
        if self.counted_at.tzinfo is None:
            raise ValueError("counted_at must be an aware UTC instant")

    def left_after(self, doses_taken: int) -> float:
        """Units left after ``doses_taken`` doses since the count (never below 0)."""
        return max(0.0, self.on_hand - doses_taken * self.per_dose)

    def needs_refill(self, doses_taken: int) -> bool:
        """True when what is left after ``doses_taken`` doses is at or below ``refill_at``."""
        return self.refill_at is not None and self.left_after(doses_taken) <= self.refill_at


@dataclass(frozen=True)
class DoseRecord:
    """A dose recorded in a journal entry: which medication, and taken, missed or extra."""

    medication_id: int
    status: DoseStatus

    def __post_init__(self) -> None:
        if not isinstance(self.status, DoseStatus):
            try:
                object.__setattr__(self, "status", DoseStatus(self.status))
            except ValueError:
                raise ValidationError(_("A dose is taken, missed or extra.")) from None


class ChangeKind(enum.Enum):
    """What kind of medication change happened."""

    STARTED = "started"
    DOSE_CHANGED = "dose changed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class MedicationChange:
    """A change in a period, for the visit summary: on local date ``on``, ``medication`` was
    started, stopped or had its dose changed. ``before``/``after`` are dose texts such as
    ``"50 mg, once a day"`` (``before`` empty for a start, ``after`` empty for a stop);
    ``note`` is the user's reason for the change (may be empty)."""

    on: date
    medication: str
    kind: ChangeKind
    before: str = ""
    after: str = ""
    note: str = ""

    def describe(self) -> str:
        """``"Started Sertraline 25 mg, once a day"``, ``"Sertraline: 25 mg, once a day → 50 mg,
        once a day"`` or ``"Stopped Sertraline"``."""
        if self.kind is ChangeKind.STARTED:
            if not self.after:
                return _("Started {medication}").format(medication=self.medication)
            return _("Started {medication} {dose}").format(medication=self.medication, dose=self.after)
        if self.kind is ChangeKind.STOPPED:
            return _("Stopped {medication}").format(medication=self.medication)
        return _("{medication}: {before} → {after}").format(medication=self.medication, before=self.before,
                                                            after=self.after)


@dataclass(frozen=True)
class MissedDoses:
    """Missed doses of one medication in a period, for the visit summary: how many were recorded
    as missed and on which local dates (oldest first, a date once even if missed twice)."""

    medication: str
    count: int
    days: tuple[date, ...]


def medication_changes(med: Medication, start: date, end: date) -> list[MedicationChange]:
    """The starts, dose changes and stop of ``med`` whose local date is in ``[start, end]``,
    oldest first. The first history step counts as the start when no start date is set."""
    changes: list[MedicationChange] = []
    started_on = med.start_date or med.history[0].effective_from
    if start <= started_on <= end:
        changes.append(MedicationChange(started_on, med.name, ChangeKind.STARTED, after=med.dose_on(started_on).text))
    for before, after in zip(med.history, med.history[1:]):
        if start <= after.effective_from <= end and after.effective_from > started_on:
            changes.append(
                MedicationChange(after.effective_from, med.name, ChangeKind.DOSE_CHANGED,
                                 before=before.text, after=after.text, note=after.note)
            )
    if med.stop_date is not None and start <= med.stop_date <= end:
        changes.append(MedicationChange(med.stop_date, med.name, ChangeKind.STOPPED, before=med.dose_on(med.stop_date).text))
    return changes
