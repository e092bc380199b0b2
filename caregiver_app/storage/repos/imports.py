"""The imports made into the vault (``import_batch``) and the entries each one added
(``journal_entry.import_batch_id``), through an open session the caller commits or rolls back.

Instants are UTC; ``local_date`` is the entry's local calendar date.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from ..rows.imports import ImportBatchRow
from ..rows.journal import EntryRow
from ..rows.people import PersonRow
from ...i18n import N_
from .base import existing

_MISSING = N_("That import is no longer in the list.")


@dataclass(frozen=True)
class BatchRecord:
    """One ``import_batch`` row with its person's name and how many of its entries are still in
    the journal (``remaining``) and, of those, saved again since the import (``edited``)."""

    id: int
    person_id: int
    person_name: str
    source: str
    file_name: str
    summary: str
    new_entries: int
    imported_at: datetime
    undone_at: datetime | None
    remaining: int
    edited: int


@dataclass(frozen=True)
class BatchEntry:
    """An entry an import added, still in the journal: ``occurred_at`` UTC, ``local_date`` local,
    ``edited`` when it was saved again after the import."""

    id: int
    local_date: date
    occurred_at: datetime
    zone_name: str
    edited: bool


def add_batch(session: Session, person_id: int, source: str, file_name: str, imported_at: datetime) -> int:
    """A new import row (its counts and summary are filled in by :func:`finish_batch` in the same
    transaction). Returns its id."""
    row = ImportBatchRow(person_id=person_id, source=source[:20], file_name=file_name[:255], summary="{}",
                         new_entries=0, imported_at=imported_at)
    session.add(row)
    session.flush()
    return row.id


def finish_batch(session: Session, batch_id: int, summary: str, new_entries: int) -> None:
    session.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id)
                    .values(summary=summary, new_entries=new_entries))


def _counts(session: Session, batch_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """``{batch id: (entries still there, of which edited)}``."""
    if not batch_ids:
        return {}
    edited = func.sum(case((EntryRow.updated_at > EntryRow.created_at, 1), else_=0))
    rows = session.execute(
        select(EntryRow.import_batch_id, func.count(EntryRow.id), edited)
        .where(EntryRow.import_batch_id.in_(list(batch_ids)))
        .group_by(EntryRow.import_batch_id)
    )
    return {int(b): (int(n), int(e or 0)) for b, n, e in rows}


def _record(row: ImportBatchRow, name: str, counts: dict[int, tuple[int, int]]) -> BatchRecord:
    remaining, edited = counts.get(row.id, (0, 0))
    return BatchRecord(row.id, row.person_id, name, row.source, row.file_name, row.summary, row.new_entries,
                       row.imported_at, row.undone_at, remaining, edited)


def list_batches(session: Session, person_id: int | None = None) -> list[BatchRecord]:
    """Every import (or ``person_id``'s), newest first."""
    stmt = (select(ImportBatchRow, PersonRow.display_name).join(PersonRow, PersonRow.id == ImportBatchRow.person_id)
            .order_by(ImportBatchRow.imported_at.desc(), ImportBatchRow.id.desc()))
    if person_id is not None:
        stmt = stmt.where(ImportBatchRow.person_id == person_id)
    rows = session.execute(stmt).all()
    counts = _counts(session, [row.id for row, _ in rows])
    return [_record(row, str(name), counts) for row, name in rows]


def get_batch(session: Session, batch_id: int) -> BatchRecord:
    """The import ``batch_id``. Raises :class:`~caregiver_app.domain.errors.NotFoundError`."""
    row = existing(session, ImportBatchRow, batch_id, _MISSING)
    person = session.get(PersonRow, row.person_id)
    return _record(row, person.display_name if person else "", _counts(session, [batch_id]))


def batch_entries(session: Session, batch_id: int) -> list[BatchEntry]:
    """The entries of import ``batch_id`` still in the journal, oldest first."""
    rows = session.execute(
        select(EntryRow.id, EntryRow.local_date, EntryRow.occurred_at, EntryRow.zone_name,
               EntryRow.updated_at > EntryRow.created_at)
        .where(EntryRow.import_batch_id == batch_id)
        .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryRow.id)
    )
    return [BatchEntry(i, d, t, z, bool(e)) for i, d, t, z, e in rows]


def delete_batch_entries(session: Session, batch_id: int, keep: Collection[int] = ()) -> int:
    """Delete the entries of import ``batch_id`` except the ids in ``keep``; their ratings, tag
    links and doses go with them (foreign keys ``ON DELETE CASCADE``), the search index by its
    triggers. Returns how many were deleted."""
    stmt = delete(EntryRow).where(EntryRow.import_batch_id == batch_id)
    if keep:
        stmt = stmt.where(EntryRow.id.not_in(list(keep)))
    return int(session.execute(stmt).rowcount or 0)


def release_entries(session: Session, batch_id: int) -> None:
    """The kept entries of an undone import become ordinary entries (no longer counted in it)."""
    session.execute(update(EntryRow).where(EntryRow.import_batch_id == batch_id).values(import_batch_id=None))


def mark_undone(session: Session, batch_id: int, when: datetime) -> None:
    session.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id).values(undone_at=when))


def batch_of_entry(session: Session, entry_id: int) -> int | None:
    """The import that added entry ``entry_id`` (None: written in the app, or gone)."""
    return session.scalar(select(EntryRow.import_batch_id).where(EntryRow.id == entry_id))


def rejoin_batch(session: Session, entry_id: int, batch_id: int) -> None:
    """Mark entry ``entry_id`` (put back after a delete) as import ``batch_id``'s again, unless
    that import was undone meanwhile."""
    live = session.scalar(select(ImportBatchRow.id).where(ImportBatchRow.id == batch_id,
                                                           ImportBatchRow.undone_at.is_(None)))
    if live is not None:
        session.execute(update(EntryRow).where(EntryRow.id == entry_id).values(import_batch_id=batch_id))
