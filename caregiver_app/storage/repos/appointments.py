"""Queries for appointments and their questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain.network import Appointment, Question
from ..rows.appointments import AppointmentQuestionRow, AppointmentRow
from .base import add_row, existing, remove


def appointment_from_row(row: AppointmentRow) -> Appointment:
    return Appointment(
        id=row.id,
        person_id=row.person_id,
        starts_at=row.starts_at,
        local_date=row.local_date,
        zone_name=row.zone_name,
        all_day=row.all_day,
        duration_minutes=row.duration_minutes,
        contact_id=row.contact_id,
        place=row.place,
        video_link=row.video_link,
        purpose=row.purpose,
        questions=tuple(
            Question(q.text, q.answered, q.answer, q.carried_over) for q in row.questions
        ),
        notes_after=row.notes_after,
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


def get_appointment_row(session: Session, appointment_id: int) -> AppointmentRow:
    return existing(session, AppointmentRow, appointment_id, "That appointment is no longer in this vault.")


def get_appointment(session: Session, appointment_id: int) -> Appointment:
    return appointment_from_row(get_appointment_row(session, appointment_id))


def insert_appointment(session: Session, appt: Appointment, now: datetime) -> int:
    row = AppointmentRow(person_id=appt.person_id, created_at=now)
    _fill_appointment_row(row, appt, now)
    return add_row(session, row)


def update_appointment(session: Session, appt: Appointment, now: datetime) -> None:
    row = get_appointment_row(session, appt.id)
    _fill_appointment_row(row, appt, now)
    session.flush()


def delete_appointment(session: Session, appointment_id: int) -> None:
    remove(session, get_appointment_row(session, appointment_id))


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
