"""Queries for appointments and their questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain.copying import same_fields
from ...domain.network import Appointment, Question
from ..rows.appointments import AppointmentQuestionRow, AppointmentRow
from ...i18n import N_
from .base import PersonRecordRows, update_row


def appointment_from_row(row: AppointmentRow) -> Appointment:
    return same_fields(
        Appointment, row,
        questions=tuple(Question(q.text, q.answered, q.answer, q.carried_over) for q in row.questions),
    )


# the fields stored as they are, in columns of the same names
_PLAIN_COLUMNS = ("contact_id", "starts_at", "local_date", "zone_name", "all_day", "duration_minutes", "place",
                  "video_link", "purpose", "notes_after")


def _fill_appointment_row(row: AppointmentRow, appt: Appointment, now: datetime) -> None:
    update_row(row, {name: getattr(appt, name) for name in _PLAIN_COLUMNS}, now)
    # A question keeps its "moved on to the next visit" mark while its words stay the same.
    old = {q.text: q.moved_on for q in row.questions}
    row.questions = [
        AppointmentQuestionRow(
            position=i, text=q.text, answered=q.answered, answer=q.answer, carried_over=q.carried_over,
            moved_on=old.get(q.text, False) and not q.answered,
        )
        for i, q in enumerate(appt.questions)
    ]


_APPOINTMENTS = PersonRecordRows(AppointmentRow, N_("That appointment is no longer in this vault."),
                                 appointment_from_row, _fill_appointment_row)
get_appointment_row = _APPOINTMENTS.row
get_appointment = _APPOINTMENTS.get
insert_appointment = _APPOINTMENTS.insert
update_appointment = _APPOINTMENTS.update
delete_appointment = _APPOINTMENTS.delete


def appointment_rows(session: Session, person_id: int, contact_id: int | None = None) -> list[AppointmentRow]:
    """A person's appointments (optionally with one provider), earliest first."""
    query = (
        select(AppointmentRow)
        .where(AppointmentRow.person_id == person_id)
        .options(selectinload(AppointmentRow.questions))
        .order_by(AppointmentRow.starts_at, AppointmentRow.id)
    )
    if contact_id is not None:
        query = query.where(AppointmentRow.contact_id == contact_id)
    return list(session.scalars(query))
