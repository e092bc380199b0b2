"""A light read of journal entries for printing: plain rows straight from the database, no ORM
object per entry.

The visit summary reads years of entries. Building one ORM object per entry, rating and tag
link (and a domain entry from each) cost more than the rest of the summary's rules; a document
only needs the printed columns, so these are read with three Core selects per range (entries,
their symptom ratings, their tags), each child list in its stored order.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..rows.journal import EntryRow, EntryTagRow, RatingRow, SymptomRow, TagRow


class EntryLine(NamedTuple):
    """One stored entry as its columns hold it. ``occurred_at`` is the UTC instant, ``local_date``
    the local calendar date it belongs to; ``recorded_by_kind`` is ``"person"`` or ``"family"``;
    ``mood`` 1-5, ``anxiety``/``energy`` 0-10, ``sleep_hours`` hours, ``sleep_quality`` 1-3 and
    ``elevation`` 0-3, each None when not recorded. ``ratings`` are ``(symptom name, severity
    0-10)`` and ``tags`` ``(name, kind)`` (kind ``"activity"`` or ``"stressor"``), in the order
    the entry lists them."""

    id: int
    occurred_at: datetime
    local_date: date
    recorded_by_kind: str
    recorded_by_name: str
    mood: int | None
    anxiety: int | None
    energy: int | None
    sleep_hours: float | None
    sleep_quality: int | None
    note: str
    flag_for_visit: bool
    source: str
    zone_name: str
    elevation: int | None
    mood_label: str
    ratings: tuple[tuple[str, int], ...]
    tags: tuple[tuple[str, str], ...]


_COLUMNS = tuple(getattr(EntryRow, name) for name in EntryLine._fields[:-2])


def entry_lines(session: Session, person_id: int, start: date, end: date) -> list[EntryLine]:
    """The person's entries whose local date is in ``[start, end]``, oldest first (the journal's
    order: local date, then time, then id), with their ratings and tags."""
    within = (EntryRow.person_id == person_id, EntryRow.local_date >= start, EntryRow.local_date <= end)
    ratings: dict[int, list[tuple[str, int]]] = {}
    for entry_id, name, severity in session.execute(
            select(RatingRow.entry_id, SymptomRow.name, RatingRow.severity)
            .join(SymptomRow, SymptomRow.id == RatingRow.symptom_id)
            .join(EntryRow, EntryRow.id == RatingRow.entry_id)
            .where(*within).order_by(RatingRow.entry_id, RatingRow.position)):
        ratings.setdefault(entry_id, []).append((name, severity))
    tags: dict[int, list[tuple[str, str]]] = {}
    for entry_id, name, kind in session.execute(
            select(EntryTagRow.entry_id, TagRow.name, TagRow.kind)
            .join(TagRow, TagRow.id == EntryTagRow.tag_id)
            .join(EntryRow, EntryRow.id == EntryTagRow.entry_id)
            .where(*within).order_by(EntryTagRow.entry_id, EntryTagRow.position)):
        tags.setdefault(entry_id, []).append((name, kind))
    rows = session.execute(select(*_COLUMNS).where(*within)
                           .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryRow.id))
    return [EntryLine(*row, tuple(ratings.get(row[0], ())), tuple(tags.get(row[0], ()))) for row in rows]
