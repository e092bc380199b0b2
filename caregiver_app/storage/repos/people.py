"""Queries for the people whose journals the vault keeps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.model import Person, name_key
from ..rows.people import PersonRow
from ...i18n import N_
from .base import existing


def person_from_row(row: PersonRow) -> Person:
    return Person(row.id, row.display_name, row.birth_date, row.notes)


def list_people(session: Session) -> list[Person]:
    rows = session.scalars(select(PersonRow).order_by(func.lower(PersonRow.display_name), PersonRow.id))
    return [person_from_row(r) for r in rows]


def get_person_row(session: Session, person_id: int) -> PersonRow:
    return existing(session, PersonRow, person_id, N_("That person is no longer in this vault."))


def add_person(session: Session, person: Person, now: datetime) -> Person:
    row = PersonRow(display_name=person.display_name, birth_date=person.birth_date, notes=person.notes, created_at=now)
    session.add(row)
    session.flush()
    return person_from_row(row)


def person_named(session: Session, name: str, now: datetime) -> tuple[Person, bool]:
    """The person called ``name`` (ignoring case), added when there is none: ``(person, added)``.
    Imports file entries under a name this way."""
    wanted = name_key(name)
    found = next((p for p in list_people(session) if name_key(p.display_name) == wanted), None)
    if found is not None:
        return found, False
    return add_person(session, Person(None, name), now), True
