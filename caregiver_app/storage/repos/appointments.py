"""Queries for appointments and their questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain.copying import same_fields
from ...domain.network import Appointment, Question
from ..rows.appointments import AppointmentQuestionRow, AppointmentRow
from .base import PersonRecordRows


def appointment_from_row(row: AppointmentRow) -> Appointment:
    return same_fields(
        Appointment, row,
        questions=tuple(Question(q.text, q.answered, q.answer, q.carried_over) for q in row.questions),
    )


def _fill_appointment_row(row: AppointmentRow, appt: Appointment, now: datetime) -> None:
    row.contact_id = appt.contact_id
    row.starts_at = appt.starts_at
    row.local_date = appt.local_date
    row.zone_name = appt.zone_name
    row.all_day = appt.all_day
    row.duration_minutes = appt.duration_minutes
    row.place = appt.place
    row.video_link = appt.video_link
    row.purpose = appt.purpose
    row.notes_after = appt.notes_after
    row.updated_at = now
    # A question keeps its "moved on to the next visit" mark while its words stay the same.
    old = {q.text: q.moved_on for q in row.questions}
    row.questions = [
        AppointmentQuestionRow(
            position=i, text=q.text, answered=q.answered, answer=q.answer, carried_over=q.carried_over,
            moved_on=old.get(q.text, False) and not q.answered,
        )
        for i, q in enumerate(appt.questions)
    ]


_APPOINTMENTS = PersonRecordRows(AppointmentRow, "That appointment is no longer in this vault.",
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
