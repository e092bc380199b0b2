"""Reading and writing support-network records (contacts, appointments) in an open session.

Functions take a ``Session`` the calling service commits or rolls back, and convert between
ORM rows and the plain domain dataclasses of ``domain.network``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ...domain.copying import same_fields
from ...domain.network import Contact, Phone, PhoneKind, Role, SupportDirection, SupportType, TieStrength
from ..rows.network import ContactPhoneRow, ContactRow, ContactSupportRow
from ...i18n import N_
from .base import PersonRecordRows, update_row

# --- contacts -------------------------------------------------------------------------------


def contact_from_row(row: ContactRow) -> Contact:
    position = (row.map_x, row.map_y) if row.map_x is not None and row.map_y is not None else None
    return same_fields(
        Contact, row,
        role=Role(row.role),
        phones=tuple(Phone.from_stored(p.number, PhoneKind(p.kind), p.region) for p in row.phones),
        support=frozenset(SupportType(s.support_type) for s in row.support),
        strength=TieStrength(row.strength),
        direction=SupportDirection(row.direction),
        position=position,
    )


# the fields stored as they are, in columns of the same names
_PLAIN_COLUMNS = ("name", "organisation", "email", "address", "availability", "notes", "last_in_touch")


def _fill_contact_row(row: ContactRow, contact: Contact, now: datetime) -> None:
    update_row(row, {name: getattr(contact, name) for name in _PLAIN_COLUMNS}, now)
    row.role, row.strength, row.direction = contact.role.value, contact.strength.value, contact.direction.value
    row.map_x, row.map_y = contact.position if contact.position is not None else (None, None)
    row.phones = [
        ContactPhoneRow(position=i, kind=p.kind.value, number=p.stored(), region=p.region)
        for i, p in enumerate(contact.phones)
    ]
    row.support = [ContactSupportRow(support_type=t.value) for t in contact.ordered_support()]


_CONTACTS = PersonRecordRows(ContactRow, N_("That contact is no longer in this vault."), contact_from_row, _fill_contact_row)
get_contact_row = _CONTACTS.row
get_contact = _CONTACTS.get
insert_contact = _CONTACTS.insert
update_contact = _CONTACTS.update
delete_contact = _CONTACTS.delete


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
