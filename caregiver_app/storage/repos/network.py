"""Reading and writing support-network records (contacts, appointments) in an open session.

Functions take a ``Session`` the calling service commits or rolls back, and convert between
ORM rows and the plain domain dataclasses of ``domain.network``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ...domain.network import Contact, Phone, PhoneKind, Role, SupportDirection, SupportType, TieStrength
from ..rows.network import ContactPhoneRow, ContactRow, ContactSupportRow
from .base import add_row, existing, remove

# --- contacts -------------------------------------------------------------------------------


def contact_from_row(row: ContactRow) -> Contact:
    position = (row.map_x, row.map_y) if row.map_x is not None and row.map_y is not None else None
    return Contact(
        id=row.id,
        person_id=row.person_id,
        name=row.name,
        role=Role(row.role),
        organisation=row.organisation,
        phones=tuple(Phone.from_stored(p.number, PhoneKind(p.kind), p.region) for p in row.phones),
        email=row.email,
        address=row.address,
        availability=row.availability,
        notes=row.notes,
        last_in_touch=row.last_in_touch,
        support=frozenset(SupportType(s.support_type) for s in row.support),
        strength=TieStrength(row.strength),
        direction=SupportDirection(row.direction),
        position=position,
    )


def _fill_contact_row(row: ContactRow, contact: Contact, now: datetime) -> None:
    row.name = contact.name
    row.role = contact.role.value
    row.organisation = contact.organisation
    row.email = contact.email
    row.address = contact.address
    row.availability = contact.availability
    row.notes = contact.notes
    row.last_in_touch = contact.last_in_touch
    row.strength = contact.strength.value
    row.direction = contact.direction.value
    row.map_x, row.map_y = contact.position if contact.position is not None else (None, None)
    row.updated_at = now
    row.phones = [
        ContactPhoneRow(position=i, kind=p.kind.value, number=p.stored(), region=p.region)
        for i, p in enumerate(contact.phones)
    ]
    row.support = [ContactSupportRow(support_type=t.value) for t in contact.ordered_support()]


def get_contact_row(session: Session, contact_id: int) -> ContactRow:
    return existing(session, ContactRow, contact_id, "That contact is no longer in this vault.")


def get_contact(session: Session, contact_id: int) -> Contact:
    return contact_from_row(get_contact_row(session, contact_id))


def insert_contact(session: Session, contact: Contact, now: datetime) -> int:
    row = ContactRow(person_id=contact.person_id, created_at=now)
    _fill_contact_row(row, contact, now)
    return add_row(session, row)


def update_contact(session: Session, contact: Contact, now: datetime) -> None:
    row = get_contact_row(session, contact.id)
    _fill_contact_row(row, contact, now)
    session.flush()


def delete_contact(session: Session, contact_id: int) -> None:
    remove(session, get_contact_row(session, contact_id))


def list_contacts(session: Session, person_id: int) -> list[Contact]:
    rows = session.scalars(
        select(ContactRow)
        .where(ContactRow.person_id == person_id)
        .options(selectinload(ContactRow.phones), selectinload(ContactRow.support))
        .order_by(func.lower(ContactRow.name), ContactRow.id)
    )
    return [contact_from_row(r) for r in rows]


def set_positions(session: Session, person_id: int, positions: dict[int, tuple[float, float] | None]) -> None:
    """Store ecomap positions (None = back to automatic) for contacts of ``person_id``."""
    if not positions:
        return
    rows = session.scalars(
        select(ContactRow).where(ContactRow.person_id == person_id, ContactRow.id.in_(list(positions)))
    )
    for row in rows:
        pos = positions[row.id]
        row.map_x, row.map_y = (float(pos[0]), float(pos[1])) if pos is not None else (None, None)
    session.flush()
