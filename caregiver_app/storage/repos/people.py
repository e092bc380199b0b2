"""Queries for the people whose journals the vault keeps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError
from ...domain.model import Person
from ..rows.people import PersonRow


def person_from_row(row: PersonRow) -> Person:
    return Person(row.id, row.display_name, row.birth_date, row.notes)


def list_people(session: Session) -> list[Person]:
    rows = session.scalars(select(PersonRow).order_by(func.lower(PersonRow.display_name), PersonRow.id))
    return [person_from_row(r) for r in rows]


def get_person_row(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFoundError("That person is no longer in this vault.")
    return row


def add_person(session: Session, person: Person, now: datetime) -> Person:
    row = PersonRow(display_name=person.display_name, birth_date=person.birth_date, notes=person.notes, created_at=now)
    session.add(row)
    session.flush()
    return person_from_row(row)
