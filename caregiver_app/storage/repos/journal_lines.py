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
    ratings = _children(session, RatingRow, SymptomRow, RatingRow.symptom_id, RatingRow.severity, within)
    tags = _children(session, EntryTagRow, TagRow, EntryTagRow.tag_id, TagRow.kind, within)
    rows = session.execute(select(*_COLUMNS).where(*within)
                           .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryRow.id))
    return [EntryLine(*row, tuple(ratings.get(row[0], ())), tuple(tags.get(row[0], ()))) for row in rows]


def _children(session: Session, link, named, named_id, second, within) -> dict[int, list[tuple]]:
    """``{entry id: [(name, second), ...]}`` of the entries ``within`` selects, through the link
    table ``link`` (its ``entry_id`` and ``position``) to the named rows ``named`` (by
    ``named_id``), each list in the entry's own order."""
    found: dict[int, list[tuple]] = {}
    for entry_id, name, value in session.execute(
            select(link.entry_id, named.name, second)
            .join(named, named.id == named_id)
            .join(EntryRow, EntryRow.id == link.entry_id)
            .where(*within).order_by(link.entry_id, link.position)):
        found.setdefault(entry_id, []).append((name, value))
    return found
