"""Queries for drafts: unsaved journal entries kept in the vault."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..rows.drafts import DraftRow


@dataclass(frozen=True)
class DraftRecord:
    key: str
    person_id: int
    person_name: str
    entry_id: int | None
    payload: str
    saved_at: datetime


def upsert_draft(session: Session, key: str, person_id: int, entry_id: int | None, payload: str, now: datetime) -> None:
    row = session.scalar(select(DraftRow).where(DraftRow.draft_key == key))
    if row is None:
        session.add(DraftRow(draft_key=key, person_id=person_id, entry_id=entry_id, payload=payload, saved_at=now))
    else:
        row.person_id, row.entry_id, row.payload, row.saved_at = person_id, entry_id, payload, now
    session.flush()


def list_drafts(session: Session, person_id: int | None = None) -> list[DraftRecord]:
    """Drafts, newest first (of one person when ``person_id`` is given)."""
    from ..rows.people import PersonRow

    stmt = select(DraftRow, PersonRow.display_name).join(PersonRow, PersonRow.id == DraftRow.person_id)
    if person_id is not None:
        stmt = stmt.where(DraftRow.person_id == person_id)
    stmt = stmt.order_by(DraftRow.saved_at.desc(), DraftRow.id.desc())
    return [
        DraftRecord(r.draft_key, r.person_id, name, r.entry_id, r.payload, r.saved_at)
        for r, name in session.execute(stmt)
    ]


def delete_drafts(session: Session, keys: Sequence[str]) -> int:
    if not keys:
        return 0
    result = session.execute(delete(DraftRow).where(DraftRow.draft_key.in_(list(keys))))
    return result.rowcount or 0


def detach_from_gone_entries(session: Session) -> None:
    """Drafts of changes to entries no longer in the journal become drafts of new entries (as
    their restoring says): the database gives a deleted entry's number to the next new entry,
    which a kept draft must not then edit."""
    from ..rows.journal import EntryRow

    gone = DraftRow.entry_id.is_not(None) & DraftRow.entry_id.not_in(select(EntryRow.id))
    session.execute(update(DraftRow).where(gone).values(entry_id=None))
