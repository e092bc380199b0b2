"""Queries for finding entries: full-text search (FTS5) with filters, by word (:func:`search_entries`)
or anywhere inside a sentence (:func:`search_inside`). The journal list's keyset pages are in
:mod:`.journal`, drafts in :mod:`.drafts`.

Functions take an open ``Session`` (the caller's unit of work). Local dates are bound as ISO text
(how the ``Date`` columns are stored); user text only ever reaches SQL as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..rows.search import FTS_TABLE, TRIGRAM_TABLE
from ..types import UTCDateTime

MATCH_OPEN = "\x02"
MATCH_CLOSE = "\x03"
_UTC_TYPE = UTCDateTime()


def _instant(value: str) -> datetime:
    return _UTC_TYPE.process_result_value(value, None)


# --- full-text search -----------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilters:
    """What to narrow a search to. ``recorder_kind`` is ``"person"``, ``"family"`` or None
    (anyone); ``tag`` is ``(name, kind)``; ``symptom_key`` a casefolded symptom name (rated above
    0); dates are local calendar dates, inclusive."""

    person_id: int | None = None
    recorder_kind: str | None = None
    tag: tuple[str, str] | None = None
    symptom_key: str | None = None
    flagged_only: bool = False
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class SearchRow:
    entry_id: int
    person_id: int
    person_name: str
    local_date: date
    occurred_at: datetime
    zone_name: str
    recorder_kind: str
    recorder_name: str
    mood: int | None
    flagged: bool
    excerpt: str  # snippet with MATCH_OPEN/MATCH_CLOSE around matches, or the note's start


def _filter_sql(filters: SearchFilters) -> tuple[list[str], dict]:
    where: list[str] = []
    params: dict = {}
    if filters.person_id is not None:
        where.append("e.person_id = :person_id")
        params["person_id"] = filters.person_id
    if filters.recorder_kind is not None:
        where.append("e.recorded_by_kind = :recorder_kind")
        params["recorder_kind"] = filters.recorder_kind
    if filters.tag is not None:
        where.append(
            "EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
            "WHERE et.entry_id = e.id AND t.name = :tag_name AND t.kind = :tag_kind)"
        )
        params["tag_name"], params["tag_kind"] = filters.tag
    if filters.symptom_key is not None:
        where.append(
            "EXISTS (SELECT 1 FROM symptom_rating r JOIN symptom s ON s.id = r.symptom_id "
            "WHERE r.entry_id = e.id AND s.name_key = :symptom_key AND r.severity > 0)"
        )
        params["symptom_key"] = filters.symptom_key
    if filters.flagged_only:
        where.append("e.flag_for_visit = 1")
    if filters.start is not None:
        where.append("e.local_date >= :start")
        params["start"] = filters.start.isoformat()
    if filters.end is not None:
        where.append("e.local_date <= :end")
        params["end"] = filters.end.isoformat()
    return where, params


_COLUMNS = (
    "e.id, e.person_id, p.display_name, e.local_date, e.occurred_at, e.zone_name, e.recorded_by_kind, "
    "e.recorded_by_name, e.mood, e.flag_for_visit"
)


def search_entries(
    session: Session,
    match: str | None,
    filters: SearchFilters,
    *,
    limit: int,
    best_first: bool = False,
    context_tokens: int = 20,
    preview_chars: int = 240,
) -> tuple[list[SearchRow], int]:
    """Entries whose note matches the FTS5 expression ``match`` (already made safe by the
    caller; None means "every entry") and ``filters``. Returns ``(up to limit rows, total
    matches)``, newest first, or best match first when ``best_first`` and there is a ``match``."""
    where, params = _filter_sql(filters)
    params["limit"] = limit
    if match:
        where.insert(0, f"{FTS_TABLE} MATCH :match")
        params["match"] = match
        # CROSS JOIN keeps the full-text match as the outer loop: run once, then each match looked
        # up by id. (Left to itself, SQLite may walk a date range and run the match per row.)
        source = (f"{FTS_TABLE} CROSS JOIN journal_entry e ON e.id = {FTS_TABLE}.rowid "
                  "JOIN person p ON p.id = e.person_id")
    else:
        source = "journal_entry e JOIN person p ON p.id = e.person_id"
    order = "e.local_date DESC, e.occurred_at DESC, e.id DESC"
    if match and best_first:
        order = f"{FTS_TABLE}.rank, {order}"
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    preview = "" if match else f", substr(e.note, 1, {int(preview_chars)})"
    found = session.execute(
        text(f"SELECT {_COLUMNS}, count(*) OVER () {preview} FROM {source}{clause} ORDER BY {order} LIMIT :limit"),
        params,
    ).all()
    total = found[0][10] if found else 0
    excerpts: dict[int, str] = {}
    if match and found:
        excerpts = _marked(session, match, {r[0] for r in found},
                           f"snippet({FTS_TABLE}, 0, :open, :close, '…', {int(context_tokens)})")
    return [_row(r, excerpts.get(r[0], "") if match else (r[11] or "")) for r in found], total


def _row(r, excerpt: str) -> SearchRow:
    return SearchRow(
        entry_id=r[0],
        person_id=r[1],
        person_name=r[2],
        local_date=date.fromisoformat(r[3]),
        occurred_at=_instant(r[4]),
        zone_name=r[5] or "",
        recorder_kind=r[6],
        recorder_name=r[7],
        mood=r[8],
        flagged=bool(r[9]),
        excerpt=excerpt,
    )


def search_inside(
    session: Session,
    match: str | None,
    trigrams: str | None,
    substrings: list[tuple[str, ...]],
    filters: SearchFilters,
    *,
    limit: int,
    best_first: bool = False,
) -> tuple[list[SearchRow], int]:
    """Entries whose note has every one of the words, found inside sentences: ``trigrams`` is
    an FTS5 expression for the trigram index (made safe by the caller; each word three
    characters or more), ``substrings`` are shorter pieces found by reading the notes the other
    conditions leave (each a tuple of spellings, any one of which will do), and ``match`` an optional word-index expression as in
    :func:`search_entries`. Returns ``(up to limit rows, total matches)``, newest first (best
    trigram match first when ``best_first``); each row's ``excerpt`` is its whole note, for the
    caller to cut and mark."""
    where, params = _filter_sql(filters)
    params["limit"] = limit
    order = "e.local_date DESC, e.occurred_at DESC, e.id DESC"
    if trigrams:
        where.insert(0, f"{TRIGRAM_TABLE} MATCH :trigrams")
        params["trigrams"] = trigrams
        # As in search_entries: the index match runs once, as the outer loop.
        source = (f"{TRIGRAM_TABLE} CROSS JOIN journal_entry e ON e.id = {TRIGRAM_TABLE}.rowid "
                  "JOIN person p ON p.id = e.person_id")
        if best_first:
            order = f"{TRIGRAM_TABLE}.rank, {order}"
    else:
        source = "journal_entry e JOIN person p ON p.id = e.person_id"
    if match:
        # An uncorrelated IN list: the word match is run once and kept, not once per row.
        where.append(f"e.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match)")
        params["match"] = match
    for i, spellings in enumerate(substrings):
        # instr, not LIKE: "%" and "_" in a note or a word are plain characters. The other
        # conditions come first, so only the notes they leave are read.
        either = []
        for j, piece in enumerate(spellings):
            note = "lower(e.note)" if piece != piece.upper() else "e.note"  # ASCII letters: any case
            either.append(f"instr({note}, :piece{i}_{j}) > 0")
            params[f"piece{i}_{j}"] = piece
        where.append("(" + " OR ".join(either) + ")")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    found = session.execute(
        text(f"SELECT {_COLUMNS}, count(*) OVER (), e.note FROM {source}{clause} ORDER BY {order} LIMIT :limit"),
        params,
    ).all()
    total = found[0][10] if found else 0
    notes = {r[0]: r[11] or "" for r in found}
    if match and found:
        # The words the word index found, marked as it matched them (word endings too).
        notes.update(_marked(session, match, set(notes), f"highlight({FTS_TABLE}, 0, :open, :close)"))
    return [_row(r, notes[r[0]]) for r in found], total


def _marked(session: Session, match: str, ids: set[int], function: str) -> dict[int, str]:
    """``{entry id: text}`` from the word index's ``snippet()`` or ``highlight()`` call
    ``function`` (with matches between the markers), for the rows ``ids`` only."""
    # FTS5 takes a rowid range as a constraint (an IN list it would test row by row, far
    # slower); ids outside the shown rows are dropped here.
    found = session.execute(
        text(f"SELECT rowid, {function} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
             "AND rowid BETWEEN :low AND :high"),
        {"match": match, "open": MATCH_OPEN, "close": MATCH_CLOSE, "low": min(ids), "high": max(ids)},
    )
    return {rowid: marked for rowid, marked in found if rowid in ids}
