"""Reading and writing medications, entry doses, standard scores and caregiver check-ins through
an open session (the caller's unit of work commits or rolls back). Rows in, domain objects out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from ...domain.copying import same_fields
from ...domain.errors import NotFoundError
from ...domain.medications import (
    Dose,
    DoseChange,
    DoseRecord,
    DoseStatus,
    Medication,
    Supply,
    parse_reminder_times,
    reminder_times_text,
)
from ..rows.journal import EntryRow
from ..rows.medications import DoseChangeRow, EntryDoseRow, MedicationRow
from ...i18n import N_, _
from .base import add_row, existing, update_row

# --- medications ----------------------------------------------------------------------------


def change_from_row(row: DoseChangeRow) -> DoseChange:
    return DoseChange(row.id, row.effective_from, Dose(row.amount, row.unit), row.schedule, row.note)


def medication_from_row(row: MedicationRow) -> Medication:
    return same_fields(Medication, row, history=tuple(change_from_row(c) for c in row.changes),
                       reminder_times=parse_reminder_times(row.reminder_times), supply=_supply_from_row(row))


def _supply_from_row(row: MedicationRow) -> Supply | None:
    if row.supply_on_hand is None or row.supply_counted_at is None:
        return None
    return Supply(row.supply_on_hand, row.supply_counted_at, row.supply_per_dose or 1.0, row.refill_at)


def _supply_columns(supply: Supply | None) -> dict:
    if supply is None:
        return {"supply_on_hand": None, "supply_counted_at": None, "supply_per_dose": None, "refill_at": None}
    return {"supply_on_hand": supply.on_hand, "supply_counted_at": supply.counted_at,
            "supply_per_dose": supply.per_dose, "refill_at": supply.refill_at}


def get_medication_row(session: Session, medication_id: int) -> MedicationRow:
    return existing(session, MedicationRow, medication_id, N_("That medication is no longer on the list."),
                    options=(selectinload(MedicationRow.changes),))


def list_medications(session: Session, person_id: int) -> list[Medication]:
    rows = session.scalars(
        select(MedicationRow)
        .where(MedicationRow.person_id == person_id)
        .options(selectinload(MedicationRow.changes))
        .order_by(func.lower(MedicationRow.name), MedicationRow.id)
    )
    return [medication_from_row(r) for r in rows]


def _details(med: Medication) -> dict:
    """The columns a medication's details fill (not its owner, stamps or dose history)."""
    return {"name": med.name, "reason": med.reason, "prescriber": med.prescriber,
            "prescriber_contact_id": med.prescriber_contact_id, "start_date": med.start_date,
            "stop_date": med.stop_date, "as_needed": med.as_needed,
            "reminder_times": reminder_times_text(med.reminder_times), **_supply_columns(med.supply)}


def insert_medication(session: Session, med: Medication, now: datetime) -> int:
    row = MedicationRow(person_id=med.person_id, **_details(med), created_at=now, updated_at=now)
    row.changes = [_change_row(c, now) for c in med.history]
    return add_row(session, row)


def _change_row(change: DoseChange, now: datetime) -> DoseChangeRow:
    return DoseChangeRow(
        effective_from=change.effective_from,
        amount=change.dose.amount,
        unit=change.dose.unit,
        schedule=change.schedule,
        note=change.note,
        recorded_at=now,
    )


def update_medication_details(session: Session, med: Medication, now: datetime) -> None:
    """Name, reason, prescriber, dates and "as needed" (the dose history is left alone)."""
    update_row(get_medication_row(session, med.id), _details(med), now)
    session.flush()


def put_dose_change(session: Session, medication_id: int, change: DoseChange, now: datetime) -> None:
    """Add a step to the history; a step already on that date is replaced (a correction)."""
    row = get_medication_row(session, medication_id)
    same_day = next((c for c in row.changes if c.effective_from == change.effective_from), None)
    if same_day is None:
        row.changes.append(_change_row(change, now))
    else:
        same_day.amount = change.dose.amount
        same_day.unit = change.dose.unit
        same_day.schedule = change.schedule
        same_day.note = change.note
        same_day.recorded_at = now
    row.updated_at = now
    session.flush()


def delete_dose_change(session: Session, medication_id: int, change_id: int, now: datetime) -> None:
    row = get_medication_row(session, medication_id)
    target = next((c for c in row.changes if c.id == change_id), None)
    if target is None:
        raise NotFoundError(_("That dose change is no longer in the history."))
    row.changes.remove(target)
    row.updated_at = now
    session.flush()


def delete_medication(session: Session, medication_id: int) -> None:
    row = get_medication_row(session, medication_id)
    session.delete(row)
    session.flush()


def count_dose_records(session: Session, medication_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(EntryDoseRow).where(EntryDoseRow.medication_id == medication_id)
    ) or 0


# --- doses in entries -----------------------------------------------------------------------


def doses_for_entry(session: Session, entry_id: int) -> list[DoseRecord]:
    rows = session.scalars(select(EntryDoseRow).where(EntryDoseRow.entry_id == entry_id).order_by(EntryDoseRow.id))
    return [DoseRecord(r.medication_id, DoseStatus(r.status)) for r in rows]


def doses_for_entries(session: Session, entry_ids: Iterable[int]) -> dict[int, list[tuple[str, DoseStatus, bool]]]:
    """``{entry id: [(medicine name, status, taken as needed), ...]}`` for entries with doses."""
    ids = list(entry_ids)
    found: dict[int, list[tuple[str, DoseStatus, bool]]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(EntryDoseRow.entry_id, MedicationRow.name, EntryDoseRow.status, MedicationRow.as_needed)
            .join(MedicationRow, MedicationRow.id == EntryDoseRow.medication_id)
            .where(EntryDoseRow.entry_id.in_(ids[start:start + 500]))
            .order_by(EntryDoseRow.entry_id, EntryDoseRow.id))
        for entry_id, name, status, as_needed in rows:
            found.setdefault(entry_id, []).append((name, DoseStatus(status), bool(as_needed)))
    return found


def doses_taken_since(session: Session, counts: dict[int, datetime]) -> dict[int, int]:
    """``{medication id: doses taken}`` for each medication in ``counts`` (id -> UTC instant of its
    supply count): doses recorded as taken, or as an extra dose, in entries that happened after
    that instant."""
    found: dict[int, int] = {}
    for medication_id, since in counts.items():
        found[medication_id] = session.scalar(
            select(func.count()).select_from(EntryDoseRow)
            .join(EntryRow, EntryRow.id == EntryDoseRow.entry_id)
            .where(EntryDoseRow.medication_id == medication_id, EntryRow.occurred_at > since,
                   EntryDoseRow.status.in_((DoseStatus.TAKEN.value, DoseStatus.EXTRA.value)))) or 0
    return found


def set_entry_doses(session: Session, entry_id: int, person_id: int, doses: Iterable[DoseRecord]) -> None:
    """Replace the entry's doses. Every medication must be on ``person_id``'s list."""
    records = list({d.medication_id: d for d in doses}.values())
    if records:
        wanted = {d.medication_id for d in records}
        owned = set(session.scalars(
            select(MedicationRow.id).where(MedicationRow.person_id == person_id, MedicationRow.id.in_(wanted))
        ))
        if owned != wanted:
            raise NotFoundError(_("One of those medications is no longer on the list."))
    session.execute(delete(EntryDoseRow).where(EntryDoseRow.entry_id == entry_id))
    for record in records:
        session.add(EntryDoseRow(entry_id=entry_id, medication_id=record.medication_id, status=record.status.value))
    session.flush()


def doses_between(session: Session, person_id: int, start: date, end: date) -> list[tuple[date, int, DoseStatus]]:
    """``(entry's local date, medication id, status)`` for every dose recorded in entries on local
    dates ``start``..``end``, oldest first."""
    stmt = (
        select(EntryRow.local_date, EntryDoseRow.medication_id, EntryDoseRow.status)
        .join(EntryRow, EntryRow.id == EntryDoseRow.entry_id)
        .where(EntryRow.person_id == person_id, EntryRow.local_date >= start, EntryRow.local_date <= end)
        .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryDoseRow.id)
    )
    return [(d, mid, DoseStatus(status)) for d, mid, status in session.execute(stmt)]
