"""Medications per person, their dose history, and doses recorded in journal entries.

Dates are local calendar dates. Each function is one unit of work and returns plain domain
dataclasses (``caregiver_app.domain.medications``). For the visit summary:
:func:`changes_in_period` and :func:`missed_doses_in_period`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from ..i18n import _, pgettext
from ..domain.errors import ValidationError
from ..domain.medications import (
    Dose,
    DoseChange,
    DoseRecord,
    DoseStatus,
    Medication,
    MedicationChange,
    MissedDoses,
    Supply,
    medication_changes,
)
from ..storage.repos import medications as medications_repo
from ..storage.repos import people as people_repo
from .clock import Clock, utc_now
from .journal import local_now
from .vault import Vault, session_of


@dataclass(frozen=True)
class MedicationDraft:
    """What the medication form collects. ``amount``/``unit``/``schedule`` are the first dose (used
    only when adding); ``first_dose_from`` is the local date that dose starts (default: the start
    date, else today). Dates are local calendar dates. ``reminder_times`` are wall-clock times of
    day; ``supply_on_hand`` is the count at home now (None: the supply is not kept), each dose
    using ``supply_per_dose`` units, with a refill reminder at or below ``refill_at`` units."""

    person_id: int
    name: str
    amount: float | None = None
    unit: str = ""
    schedule: str = ""
    as_needed: bool = False
    reason: str = ""
    prescriber: str = ""
    start_date: date | None = None
    stop_date: date | None = None
    first_dose_from: date | None = None
    medication_id: int | None = None
    reminder_times: tuple[time, ...] = ()
    supply_on_hand: float | None = None
    supply_per_dose: float = 1.0
    refill_at: float | None = None


def _today(clock: Clock, zone_name: str) -> date:
    return local_now(clock, zone_name).date()


def list_medications(vault: Vault, person_id: int) -> list[Medication]:
    """The person's medications: current ones first (by name), then stopped ones (most recently
    stopped first)."""
    with session_of(vault) as s:
        meds = medications_repo.list_medications(s, person_id)
    current = [m for m in meds if m.stop_date is None]
    stopped = sorted((m for m in meds if m.stop_date is not None), key=lambda m: m.stop_date, reverse=True)
    return current + stopped


def get_medication(vault: Vault, medication_id: int) -> Medication:
    """Raises :class:`NotFoundError` when it was deleted."""
    with session_of(vault) as s:
        return medications_repo.medication_from_row(medications_repo.get_medication_row(s, medication_id))


def add_medication(vault: Vault, draft: MedicationDraft, *, clock: Clock = utc_now, zone_name: str = "") -> Medication:
    """Add a medication with its first dose. Raises :class:`ValidationError` (plain words) for a
    missing name or dose, a dose of 0, or a stop date before the start date."""
    if draft.amount is None:
        raise ValidationError(_("Please give the medication's dose, like 50 (mg)."))
    first_from = draft.first_dose_from or draft.start_date or _today(clock, zone_name)
    med = Medication(
        id=None,
        person_id=draft.person_id,
        name=draft.name,
        history=(DoseChange(None, first_from, Dose(draft.amount, draft.unit), draft.schedule),),
        reason=draft.reason,
        prescriber=draft.prescriber,
        start_date=draft.start_date,
        stop_date=draft.stop_date,
        as_needed=draft.as_needed,
        reminder_times=draft.reminder_times,
    )
    now = clock()
    med = replace(med, supply=_counted(draft, None, 0, now))
    with session_of(vault) as s:
        people_repo.get_person_row(s, draft.person_id)
        new_id = medications_repo.insert_medication(s, med, now)
        return medications_repo.medication_from_row(medications_repo.get_medication_row(s, new_id))


def update_medication(vault: Vault, draft: MedicationDraft, *, clock: Clock = utc_now) -> Medication:
    """Change a medication's name, reason, prescriber, dates, "as needed", reminder times or
    supply. The dose is changed only with :func:`change_dose`, so its history stays intact. The
    supply is counted anew (now) when the count on hand or the units per dose differ from what the
    app worked out; otherwise the earlier count stays, so doses keep counting down from it."""
    if draft.medication_id is None:
        raise ValidationError(_("Please choose the medication to change."))
    now = clock()
    with session_of(vault) as s:
        old = medications_repo.medication_from_row(medications_repo.get_medication_row(s, draft.medication_id))
        taken = _taken_since_count(s, [old]).get(old.id, 0)
        med = replace(
            old,
            name=draft.name,
            reason=draft.reason,
            prescriber=draft.prescriber,
            start_date=draft.start_date,
            stop_date=draft.stop_date,
            as_needed=draft.as_needed,
            reminder_times=draft.reminder_times,
            supply=_counted(draft, old.supply, taken, now),
        )
        medications_repo.update_medication_details(s, med, now)
        return medications_repo.medication_from_row(medications_repo.get_medication_row(s, med.id))


def _counted(draft: MedicationDraft, old: Supply | None, taken: int, now: datetime) -> Supply | None:
    if draft.supply_on_hand is None:
        return None
    if (old is not None and old.per_dose == draft.supply_per_dose
            and abs(old.left_after(taken) - draft.supply_on_hand) < 1e-9):
        return Supply(old.on_hand, old.counted_at, old.per_dose, draft.refill_at)
    return Supply(draft.supply_on_hand, now, draft.supply_per_dose, draft.refill_at)


def _taken_since_count(session, meds: list[Medication]) -> dict[int, int]:
    counts = {m.id: m.supply.counted_at for m in meds if m.supply is not None and m.id is not None}
    return medications_repo.doses_taken_since(session, counts) if counts else {}


def supplies_left(vault: Vault, person_id: int) -> dict[int, float]:
    """``{medication id: units left now}`` for the person's medicines whose supply is kept: the
    count on hand less ``per_dose`` for every dose recorded as taken (or extra) after the count."""
    with session_of(vault) as s:
        meds = medications_repo.list_medications(s, person_id)
        taken = _taken_since_count(s, meds)
    return {m.id: m.supply.left_after(taken.get(m.id, 0)) for m in meds if m.supply is not None}


def change_dose(
    vault: Vault, medication_id: int, effective_from: date, amount: float, unit: str, schedule: str = "",
    note: str = "", *, clock: Clock = utc_now,
) -> Medication:
    """Record that from local date ``effective_from`` the dose is ``amount`` ``unit`` on
    ``schedule`` (the earlier doses stay in the history). A change already recorded for that date
    is corrected instead. ``note`` says why (optional). Raises :class:`ValidationError`."""
    change = DoseChange(None, effective_from, Dose(amount, unit), schedule, note)
    with session_of(vault) as s:
        medications_repo.put_dose_change(s, medication_id, change, clock())
        return medications_repo.medication_from_row(medications_repo.get_medication_row(s, medication_id))


def remove_dose_change(vault: Vault, medication_id: int, change_id: int, *, clock: Clock = utc_now) -> Medication:
    """Take a mistaken step out of the history. The only remaining dose cannot be removed
    (:class:`ValidationError`)."""
    with session_of(vault) as s:
        med = medications_repo.medication_from_row(medications_repo.get_medication_row(s, medication_id))
        if len(med.history) <= 1:
            raise ValidationError(_("A medication needs at least one dose. Change that dose instead."))
        medications_repo.delete_dose_change(s, medication_id, change_id, clock())
        return medications_repo.medication_from_row(medications_repo.get_medication_row(s, medication_id))


def dose_record_count(vault: Vault, medication_id: int) -> int:
    """How many journal entries recorded a dose of this medication."""
    with session_of(vault) as s:
        return medications_repo.count_dose_records(s, medication_id)


def delete_medication(vault: Vault, medication_id: int) -> Medication:
    """Delete a medication with its history and the doses recorded for it in entries (the entries
    themselves stay). Returns it as it was."""
    with session_of(vault) as s:
        old = medications_repo.medication_from_row(medications_repo.get_medication_row(s, medication_id))
        medications_repo.delete_medication(s, medication_id)
        return old


# --- doses in entries -----------------------------------------------------------------------


def doses_for_entry(vault: Vault, entry_id: int) -> list[DoseRecord]:
    """The doses recorded with a journal entry."""
    with session_of(vault) as s:
        return medications_repo.doses_for_entry(s, entry_id)


# --- for the visit summary ------------------------------------------------------------------


def changes_in_period(vault: Vault, person_id: int, start: date, end: date) -> list[MedicationChange]:
    """Medications started, stopped or changed in dose on local dates ``start``..``end``
    (inclusive), oldest first (ties by medication name)."""
    with session_of(vault) as s:
        meds = medications_repo.list_medications(s, person_id)
    changes = [c for med in meds for c in medication_changes(med, start, end)]
    return sorted(changes, key=lambda c: (c.on, c.medication.casefold()))


def missed_doses_in_period(vault: Vault, person_id: int, start: date, end: date) -> list[MissedDoses]:
    """Doses recorded as missed in entries on local dates ``start``..``end`` (inclusive), per
    medication: most missed first, then by name. Days without an entry are not counted as missed
    (the app only knows what was recorded)."""
    with session_of(vault) as s:
        meds = {m.id: m.name for m in medications_repo.list_medications(s, person_id)}
        doses = medications_repo.doses_between(s, person_id, start, end)
    counts: dict[int, int] = defaultdict(int)
    days: dict[int, list[date]] = defaultdict(list)
    for day, medication_id, status in doses:
        if status is DoseStatus.MISSED:
            counts[medication_id] += 1
            if day not in days[medication_id]:
                days[medication_id].append(day)
    found = [MissedDoses(meds[mid], n, tuple(days[mid])) for mid, n in counts.items()]
    return sorted(found, key=lambda m: (-m.count, m.medication.casefold()))


def dose_days_in_period(vault: Vault, person_id: int, start: date, end: date) -> list[tuple[str, list[tuple[date, DoseStatus]]]]:
    """Every dose recorded in entries on local dates ``start``..``end`` (inclusive), per
    medication still on the list: ``(name, [(local date, status), ...])`` oldest dose first,
    medications in list order. For adherence: the app knows only what was recorded."""
    with session_of(vault) as s:
        meds = medications_repo.list_medications(s, person_id)
        doses = medications_repo.doses_between(s, person_id, start, end)
    by_med: dict[int, list[tuple[date, DoseStatus]]] = defaultdict(list)
    for day, medication_id, status in doses:
        by_med[medication_id].append((day, status))
    return [(m.name, by_med[m.id]) for m in meds if by_med.get(m.id)]


def dose_texts(vault: Vault, entry_ids: list[int]) -> dict[int, str]:
    """The doses recorded in each entry in words, ``{entry id: "Lithium taken, Ibuprofen taken
    (as needed)"}``, worded as the entry form offers them; entries without doses are left out."""
    if not entry_ids:
        return {}
    with session_of(vault) as s:
        found = medications_repo.doses_for_entries(s, entry_ids)
    return {eid: ", ".join(f"{name} {_dose_words(status, as_needed)}" for name, status, as_needed in doses)
            for eid, doses in found.items()}


def _dose_words(status: DoseStatus, as_needed: bool) -> str:
    if status is DoseStatus.EXTRA:
        return pgettext("dose", "taken (as needed)") if as_needed else pgettext("dose", "an extra dose")
    return status.label
