"""Reading and writing journal records through an open SQLAlchemy session.

Functions take a ``Session`` that the caller (a service's unit of work) commits or rolls back;
they convert between ORM rows and the plain domain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import String, and_, column, delete, func, insert, or_, select, table as table_clause, text, update
from sqlalchemy.orm import Session, selectinload

from ...domain.copying import same_fields
from ...domain.errors import NotFoundError
from ...domain.gids import uuid5, uuid7
from ...domain.medications import DoseRecord, DoseStatus
from ...domain.model import JournalEntry, MoodLevel, Recorder, RecorderKind, SleepQuality, SymptomRating, Tag, TagKind, name_key
from ...domain.symptoms import STARTER_SYMPTOM_NAMES
from ..rows.journal import EntryRow, EntryTagRow, RatingRow, SymptomRow, TagRow
from ..rows.medications import EntryDoseRow, MedicationRow
from ..rows.search import FTS_TABLE, TRIGRAM_TABLE
from ...i18n import N_, _
from .base import delete_row, existing, insert_many, update_row

_MISSING = N_("That entry is no longer in the journal.")
_KIND_TEXT = {kind: kind.value for kinds in (TagKind, RecorderKind, DoseStatus) for kind in kinds}
"""The stored text of each kind: an enum's ``.value`` costs more than a lookup, and the bulk
insert asks for tens of thousands."""


# --- symptoms and tags ----------------------------------------------------------------------


def symptom_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Ids for symptom names (matched ignoring case), creating the ones not seen before.
    Returns ``{casefolded name: id}``."""
    wanted = {n.casefold(): n for n in names}
    if not wanted:
        return {}
    found = dict(
        session.execute(select(SymptomRow.name_key, SymptomRow.id).where(SymptomRow.name_key.in_(list(wanted)))).all()
    )
    starter = {n.casefold() for n in STARTER_SYMPTOM_NAMES}
    for key, name in wanted.items():
        if key not in found:
            row = SymptomRow(name=name, name_key=key, custom=key not in starter)
            session.add(row)
            session.flush()
            found[key] = row.id
    return found


def tag_ids(session: Session, tags: Iterable[Tag]) -> dict[tuple[str, str], int]:
    """Ids for tags, creating new ones. Names are matched ignoring case ("cleaning" is the tag
    "Cleaning" already in the vault, kept as first written), so typing a tag in another case never
    makes a second tag. Returns ``{(name as asked, kind): id}``."""
    wanted = dict.fromkeys((t.name, _KIND_TEXT[t.kind]) for t in tags)  # in the order given
    if not wanted:
        return {}
    known: dict[tuple[str, str], int] = {}
    # Every tag is read (a vault holds hundreds, not millions): SQLite's lower() folds ASCII only.
    for tid, name, kind in session.execute(select(TagRow.id, TagRow.name, TagRow.kind).order_by(TagRow.id)):
        known.setdefault((name_key(name), kind), tid)
    found: dict[tuple[str, str], int] = {}
    missing: dict[tuple[str, str], tuple[str, str]] = {}
    for name, kind in wanted:  # of two new spellings of one tag, the first given is kept
        tid = known.get((name_key(name), kind))
        if tid is not None:
            found[(name, kind)] = tid
        else:
            missing.setdefault((name_key(name), kind), (name, kind))
    if missing:
        # One executemany, then the new rows read back by id (they are the only ids above the
        # largest before: ids only grow). RETURNING with the rows' order kept would be one
        # statement per tag (SQLite cannot say which row came from which parameters), and an
        # import brings a hundred new tags at once.
        before = session.scalar(select(func.max(TagRow.id))) or 0
        session.execute(insert(TagRow), [{"name": n, "kind": k} for n, k in missing.values()])
        rows = session.execute(
            select(TagRow.id, TagRow.name, TagRow.kind).where(TagRow.id > before).order_by(TagRow.id)).all()
        for tid, name, kind in rows:
            known[(name_key(name), kind)] = tid
        for name, kind in wanted:
            found.setdefault((name, kind), known[(name_key(name), kind)])
    return found


def tag_links(ids: dict[tuple[str, str], int], tags: Iterable[Tag]) -> list[tuple[int, int]]:
    """``(tag id, position)`` for an entry's tags, each tag once (two spellings of one tag are one)."""
    links: dict[int, int] = {}
    for tag in tags:
        links.setdefault(ids[(tag.name, _KIND_TEXT[tag.kind])], len(links))
    return list(links.items())


def tag_spelling_groups(session: Session) -> list[list[Tag]]:
    """Tags of one kind whose names differ only in case (from imports made before names were
    matched ignoring case), each group oldest first; only groups of two or more."""
    groups: dict[tuple[str, str], list[Tag]] = {}
    for name, kind in session.execute(select(TagRow.name, TagRow.kind).order_by(TagRow.id)):
        groups.setdefault((name_key(name), kind), []).append(Tag(name, TagKind(kind)))
    return [g for g in groups.values() if len(g) > 1]


def merge_tag_spellings(session: Session) -> int:
    """Make each group of :func:`tag_spelling_groups` one tag (the oldest spelling): entries keep
    every tag they had, once. Returns how many tags were merged away."""
    keep: dict[tuple[str, str], int] = {}
    merged = 0
    for tid, name, kind in session.execute(select(TagRow.id, TagRow.name, TagRow.kind).order_by(TagRow.id)).all():
        target = keep.setdefault((name_key(name), kind), tid)
        if target == tid:
            continue
        has_target = select(EntryTagRow.entry_id).where(EntryTagRow.tag_id == target)
        session.execute(delete(EntryTagRow).where(EntryTagRow.tag_id == tid, EntryTagRow.entry_id.in_(has_target)))
        session.execute(update(EntryTagRow).where(EntryTagRow.tag_id == tid).values(tag_id=target))
        session.execute(delete(TagRow).where(TagRow.id == tid))
        merged += 1
    session.expire_all()
    return merged


def used_symptom_names(session: Session) -> list[str]:
    """Every symptom name known to the vault (starter ones included once used)."""
    return list(session.scalars(select(SymptomRow.name).order_by(func.lower(SymptomRow.name))))


def used_tags(session: Session) -> list[Tag]:
    """The tags at least one entry has. A tag no entry holds any more (its entries deleted, or
    the import that brought it undone) stays stored but is no longer offered."""
    used = select(EntryTagRow.tag_id).where(EntryTagRow.tag_id == TagRow.id).exists()
    rows = session.execute(select(TagRow.name, TagRow.kind).where(used).order_by(func.lower(TagRow.name)))
    return [Tag(name, TagKind(kind)) for name, kind in rows]


# --- entries --------------------------------------------------------------------------------


def entry_from_row(row: EntryRow) -> JournalEntry:
    recorder = Recorder.stored(row.recorded_by_kind, row.recorded_by_name)
    return same_fields(
        JournalEntry, row,
        recorded_by=recorder,
        mood=MoodLevel(row.mood) if row.mood is not None else None,
        sleep_quality=SleepQuality(row.sleep_quality) if row.sleep_quality is not None else None,
        symptoms=tuple(SymptomRating(r.symptom.name, r.severity) for r in row.ratings),
        tags=tuple(Tag(link.tag.name, TagKind(link.tag.kind)) for link in row.tag_links),
        zone_name=row.zone_name or "",
        mood_label=row.mood_label or "",
    )


_ENTRY_FIELDS = ("person_id", "occurred_at", "local_date", "recorded_by_kind", "recorded_by_name", "mood", "anxiety",
                 "energy", "sleep_hours", "sleep_quality", "note", "flag_for_visit", "source", "import_key",
                 "zone_name", "elevation", "mood_label")


def _entry_tuple(entry: JournalEntry) -> tuple:
    """The entry's own columns in :data:`_ENTRY_FIELDS` order (no id, no timestamps)."""
    return (
        entry.person_id, entry.occurred_at, entry.local_date, _KIND_TEXT[entry.recorded_by.kind], entry.recorded_by.name,
        int(entry.mood) if entry.mood is not None else None, entry.anxiety, entry.energy, entry.sleep_hours,
        int(entry.sleep_quality) if entry.sleep_quality is not None else None, entry.note, entry.flag_for_visit,
        entry.source, entry.import_key, entry.zone_name,
        int(entry.elevation) if entry.elevation is not None else None, entry.mood_label,
    )


def _entry_values(entry: JournalEntry) -> dict:
    return dict(zip(_ENTRY_FIELDS, _entry_tuple(entry)))


def _set_children(session: Session, row: EntryRow, entry: JournalEntry) -> None:
    sym = symptom_ids(session, [r.symptom for r in entry.symptoms])
    tags = tag_ids(session, entry.tags)
    row.ratings = [
        RatingRow(symptom_id=sym[r.symptom.casefold()], severity=r.severity, position=i)
        for i, r in enumerate(entry.symptoms)
    ]
    row.tag_links = [EntryTagRow(tag_id=tid, position=i) for tid, i in tag_links(tags, entry.tags)]


def insert_entry(session: Session, entry: JournalEntry, now: datetime) -> int:
    row = EntryRow(**_entry_values(entry), created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    _set_children(session, row, entry)
    session.flush()
    return row.id


def update_entry(session: Session, entry: JournalEntry, now: datetime) -> None:
    row = existing(session, EntryRow, entry.id, _MISSING, person_id=entry.person_id)
    # an edited import stays recognisable as imported
    update_row(row, {k: v for k, v in _entry_values(entry).items() if k not in ("source", "import_key", "mood_label")},
               now)
    row.ratings.clear()
    row.tag_links.clear()
    session.flush()
    _set_children(session, row, entry)
    session.flush()


def delete_entry(session: Session, entry_id: int) -> None:
    delete_row(session, EntryRow, entry_id, _MISSING)


def get_entry(session: Session, entry_id: int) -> JournalEntry:
    options = (selectinload(EntryRow.ratings), selectinload(EntryRow.tag_links))
    return entry_from_row(existing(session, EntryRow, entry_id, _MISSING, options=options))


def _with_children(stmt):
    return stmt.options(
        selectinload(EntryRow.ratings).joinedload(RatingRow.symptom),
        selectinload(EntryRow.tag_links).joinedload(EntryTagRow.tag),
    )


def entries_newest_first(
    session: Session, person_id: int, limit: int, after: tuple[date, datetime, int] | None = None
) -> list[JournalEntry]:
    """Up to ``limit`` entries, newest first, strictly older than the keyset ``after``
    (``(local_date, occurred_at, id)`` of the last entry already shown)."""
    order = (EntryRow.local_date.desc(), EntryRow.occurred_at.desc(), EntryRow.id.desc())
    stmt = select(EntryRow).where(EntryRow.person_id == person_id)
    if after is not None:
        d, t, i = after
        stmt = stmt.where(
            or_(
                EntryRow.local_date < d,
                and_(EntryRow.local_date == d, EntryRow.occurred_at < t),
                and_(EntryRow.local_date == d, EntryRow.occurred_at == t, EntryRow.id < i),
            )
        )
    rows = session.scalars(_with_children(stmt.order_by(*order).limit(limit)))
    return [entry_from_row(r) for r in rows]


def entries_between(session: Session, person_id: int, start: date, end: date) -> list[JournalEntry]:
    """Entries whose local date is in ``[start, end]``, oldest first."""
    stmt = (
        select(EntryRow)
        .where(EntryRow.person_id == person_id, EntryRow.local_date >= start, EntryRow.local_date <= end)
        .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryRow.id)
    )
    return [entry_from_row(r) for r in session.scalars(_with_children(stmt))]


def count_entries(session: Session, person_id: int) -> int:
    return session.scalar(select(func.count()).select_from(EntryRow).where(EntryRow.person_id == person_id)) or 0


def daily_means(session: Session, person_id: int, start: date, end: date) -> dict[date, tuple[float | None, float | None, int]]:
    """``{local date: (mean mood, mean sleep hours, entry count)}`` for days in ``[start, end]``
    that have entries (means are None when no entry that day recorded the value)."""
    stmt = (
        select(EntryRow.local_date, func.avg(EntryRow.mood), func.avg(EntryRow.sleep_hours), func.count())
        .where(EntryRow.person_id == person_id, EntryRow.local_date >= start, EntryRow.local_date <= end)
        .group_by(EntryRow.local_date)
    )
    return {d: (m, s, n) for d, m, s, n in session.execute(stmt)}


def existing_import_keys(session: Session, person_id: int, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = list(keys[i : i + 500])
        found.update(
            session.scalars(
                select(EntryRow.import_key).where(EntryRow.person_id == person_id, EntryRow.import_key.in_(chunk))
            )
        )
    return found


def bulk_insert_entries(session: Session, entries: Sequence[JournalEntry], now: datetime, *,
                        doses: Sequence[Iterable[DoseRecord]] | None = None,
                        import_batch_id: int | None = None) -> int:
    """Insert many new entries at once (imports, and set-ups of long journals) in the caller's
    transaction, with their tags, symptom ratings and, when ``doses`` is given (one list per
    entry, in the same order), their doses. ``import_batch_id`` is written into every new entry.
    Returns how many were inserted.

    Core inserts with the same keys in every row, so each table gets one ``executemany``
    whatever mix of empty optional fields the entries have (an ORM bulk insert splits the rows
    by which fields are empty and copies the growing result once per group: quadratic). The FTS
    triggers run as for any insert. Raises :class:`NotFoundError` when a dose's medication is not on the entry's
    person's list, and ``IntegrityError`` for an ``import_key`` already in the journal."""
    if not entries:
        return 0
    dose_lists = [list({d.medication_id: d for d in ds}.values()) for ds in doses] if doses is not None else []
    if doses is not None and len(dose_lists) != len(entries):
        raise ValueError("doses must hold one list per entry")
    _check_medications(session, entries, dose_lists)
    # The ids SQLite would choose (the largest plus one, no AUTOINCREMENT), given up front: the
    # transaction holds the write lock from its start (BEGIN IMMEDIATE), and without RETURNING
    # the rows go in one executemany instead of one statement per row.
    first = (session.scalar(select(func.max(EntryRow.id))) or 0) + 1
    ids = range(first, first + len(entries))
    same = {"created_at": now, "updated_at": now}
    if import_batch_id is not None:
        same["import_batch_id"] = import_batch_id
    # Each row brings the family-sync id its table's trigger would give it (shared_gids), so the
    # trigger's per-row UPDATE (and the sync_pending bookkeeping that update fires) is skipped;
    # the insert trigger still notes every row in sync_pending.
    person = _gids_of(session, "person", {e.person_id for e in entries})
    entry_gids = _shared_gids(session, "journal_entry", [
        None if e.import_key is None or person.get(e.person_id) is None else f"entry:{person[e.person_id]}:{e.import_key}"
        for e in entries])
    with _notes_indexed_after(session, first), _noted_for_family_after(session, "journal_entry", "id", first):
        insert_many(session, _with_gid(EntryRow.__table__), ("id", "gid", *_ENTRY_FIELDS),
                    [(i, g, *_entry_tuple(e)) for i, g, e in zip(ids, entry_gids, entries)], same)
    links = _bulk_tag_links(session, ids, entries)
    sym = symptom_ids(session, [r.symptom for e in entries for r in e.symptoms])
    ratings = [(eid, sym[r.symptom.casefold()], r.severity, i) for eid, e in zip(ids, entries)
               for i, r in enumerate(e.symptoms)]
    given = [(eid, d.medication_id, _KIND_TEXT[d.status]) for eid, ds in zip(ids, dose_lists) for d in ds]
    entry_gid = dict(zip(ids, entry_gids))
    for table, parent, name, rows, columns in (
            (EntryTagRow.__table__, "tag", "entry_tag", links, ("entry_id", "tag_id", "position")),
            (RatingRow.__table__, "symptom", "rating", ratings, ("entry_id", "symptom_id", "severity", "position")),
            (EntryDoseRow.__table__, "medication", "dose", given, ("entry_id", "medication_id", "status"))):
        # The natural key "name:entry gid:parent gid"; None when either has no gid.
        parents = {i: g for i, g in _gids_of(session, parent, {row[1] for row in rows}).items() if g is not None}
        heads = {i: f"{name}:{g}:" for i, g in entry_gid.items() if g is not None} if rows else {}
        row_gids = _shared_gids(session, table.name, [
            None if (head := heads.get(row[0])) is None or (tail := parents.get(row[1])) is None else head + tail
            for row in rows])
        with _noted_for_family_after(session, table.name, "entry_id", first), \
                _gid_trigger_idle(session, table.name, bool(rows) and all(row_gids)):
            # gid last, as the table lists it: the rows go to the driver as they are
            insert_many(session, _with_gid(table), (*columns, "gid"), [(*row, g) for g, row in zip(row_gids, rows)])
    return len(ids)


def _bulk_tag_links(session: Session, ids: Sequence[int], entries: Sequence[JournalEntry]) -> list[tuple[int, int, int]]:
    """``(entry id, tag id, position)`` of every entry's tags, as :func:`tag_links` gives them one
    entry at a time (each tag once, positions counted over the distinct ones), creating the tags
    not in the vault yet. An import hands the same few dozen :class:`Tag` objects to thousands of
    entries: each distinct object is looked up once, by identity (the entries keep them alive),
    instead of hashing its name and enum kind for every link."""
    # Oldest entry first (a Daylio file is newest first): of two new spellings of one tag, the
    # one written first is kept, as when the same entries are saved one by one.
    distinct = {id(t): t for e in sorted(entries, key=lambda e: e.occurred_at) for t in e.tags}
    if not distinct:
        return []
    found = tag_ids(session, distinct.values())
    tag_id = {key: found[(t.name, _KIND_TEXT[t.kind])] for key, t in distinct.items()}
    links = []
    for eid, e in zip(ids, entries):
        tags = e.tags
        if len(tags) == 1:
            links.append((eid, tag_id[id(tags[0])], 0))
        elif tags:
            links += [(eid, tid, i) for i, tid in enumerate(dict.fromkeys([tag_id[id(t)] for t in tags]))]
    return links


def _with_gid(table):
    """``table`` with its family-sync ``gid`` column to insert into: storage/rows/sync.py adds the
    column to the tables' metadata, but loads the rows of every shared table to do so, which an
    import has no other use for."""
    if "gid" in table.c:
        return table
    return table_clause(table.name, *(column(c.name, c.type) for c in table.c), column("gid", String(36)))


def _in_chunks(session: Session, sql: str, values: Iterable) -> list[tuple]:
    """The rows of ``sql`` (one ``IN ({})`` for a list of values) for every value, 500 at a time."""
    values, found = list(values), []
    connection = session.connection()
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        found += connection.exec_driver_sql(sql.format(", ".join("?" * len(chunk))), tuple(chunk)).fetchall()
    return found


def _gids_of(session: Session, table: str, ids: Iterable[int]) -> dict[int, str | None]:
    """``{id: family-sync id}`` of the rows ``ids`` of ``table``."""
    return dict(_in_chunks(session, f"SELECT id, gid FROM {table} WHERE id IN ({{}})", ids))


def _shared_gids(session: Session, table: str, naturals: Sequence[str | None]) -> list[str]:
    """The ids the family-sync insert trigger of ``table`` (``storage.sync_tables._gid_expression``)
    would give new rows with the natural keys ``naturals``, inserted in this order: the UUIDv5 of
    the key, or a new UUIDv7 for a row without one (None) or whose UUIDv5 a row already has (in
    the table, or earlier in this list). tests/storage/test_bulk_insert_gids.py compares the two."""
    made = {n: uuid5(n) for n in naturals if n is not None}
    wanted = set(made.values())
    connection = session.connection()
    if wanted and (connection.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0) < len(wanted):
        # Fewer rows in the table than ids to look for (a first import: none at all): reading
        # every id the table holds, off its gid index, is cheaper than looking each one up.
        taken = wanted.intersection(g for (g,) in connection.exec_driver_sql(
            f"SELECT gid FROM {table} WHERE gid IS NOT NULL"))
    else:  # in order, so each chunk's look-ups stay near each other in the index
        taken = {g for (g,) in _in_chunks(session, f"SELECT gid FROM {table} WHERE gid IN ({{}})", sorted(wanted))}
    gids = []
    for natural in naturals:
        gid = made.get(natural) if natural is not None else None
        if gid is None or gid in taken:
            gid = uuid7()
        taken.add(gid)
        gids.append(gid)
    return gids


@contextmanager
def _triggers_set_aside(session: Session, table: str, names: Sequence[str]):
    """Drop the triggers ``names`` of ``table`` (those that exist) for the block, which gets their
    names, and put them back exactly as stored, in the same transaction: a failure anywhere rolls
    all of it back, and every other writer keeps the triggers."""
    listed = ", ".join(f"'{name}'" for name in names)
    kept = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t AND "
                                f"name IN ({listed})"), {"t": table}).all()
    connection = session.connection()
    for name, _sql in kept:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield [name for name, _sql in kept]
    for _name, sql in kept:
        connection.exec_driver_sql(sql)


@contextmanager
def _notes_indexed_after(session: Session, first_id: int):
    """Index the notes of the entries inserted inside the block (ids from ``first_id`` on) in one
    statement per search index, instead of one trigger run per row (4-5 times faster for a
    thousand notes): the indexes' insert triggers are set aside for the block."""
    with _triggers_set_aside(session, "journal_entry", (f"{FTS_TABLE}_ai", f"{TRIGRAM_TABLE}_ai")) as kept:
        yield
        for name in kept:
            session.connection().exec_driver_sql(
                f'INSERT INTO "{name.removesuffix("_ai")}"(rowid, note) SELECT id, note FROM journal_entry WHERE id >= ?',
                (first_id,))


@contextmanager
def _gid_trigger_idle(session: Session, table: str, every_row_has_gid: bool):
    """Set aside ``table``'s trigger ``sync_<table>_gid`` for a block whose rows all bring their
    gid: it acts only on a row inserted without one (``WHEN new.gid IS NULL``), so it would do
    nothing, but SQLite still enters it for every row (20-40 ms for an import's 18,000 tag
    links). The table's other sync triggers are for updates and deletes, or the insert note that
    excludes this one by its own condition, so their order among themselves does not matter.
    With a row without a gid (``every_row_has_gid`` False) the trigger stays, to give it one."""
    if not every_row_has_gid:
        yield
        return
    with _triggers_set_aside(session, table, (f"sync_{table}_gid",)):
        yield


@contextmanager
def _noted_for_family_after(session: Session, table: str, column: str, first_id: int):
    """Note the rows inserted into ``table`` inside the block (``column`` from ``first_id`` on) in
    ``sync_pending`` for the next family batch with two statements, instead of one run per row of
    the table's insert trigger ``sync_<table>_ai`` (storage/sync_tables.py), set aside for the
    block. The same as the trigger: every row with a gid, unless a merge is applying received
    changes, replaces any pending note of its gid with (table, gid, not deleted), in insertion
    order (tests/storage/test_bulk_insert_gids.py compares the two)."""
    with _triggers_set_aside(session, table, (f"sync_{table}_ai",)) as kept:
        yield
        if kept:
            new = f"SELECT gid FROM {table} WHERE {column} >= ? AND gid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_applying)"
            connection = session.connection()
            # Nothing of this table waiting (a first import, or after the family batch went):
            # nothing to replace, so the new rows' ids need not be gathered for the DELETE.
            if connection.exec_driver_sql("SELECT 1 FROM sync_pending WHERE tbl = ? LIMIT 1", (table,)).first():
                connection.exec_driver_sql(f"DELETE FROM sync_pending WHERE tbl = '{table}' AND gid IN ({new})",
                                           (first_id,))
            connection.exec_driver_sql(f"INSERT INTO sync_pending (tbl, gid, deleted) SELECT '{table}', gid, 0 "
                                       f"FROM ({new} ORDER BY rowid)", (first_id,))


def _check_medications(session: Session, entries: Sequence[JournalEntry], dose_lists: list[list[DoseRecord]]) -> None:
    """Every dose's medication must be on its entry's person's list (one query per person)."""
    wanted: dict[int, set[int]] = {}
    for entry, ds in zip(entries, dose_lists):
        wanted.setdefault(entry.person_id, set()).update(d.medication_id for d in ds)
    for person_id, ids in wanted.items():
        if ids and not ids <= set(session.scalars(
                select(MedicationRow.id).where(MedicationRow.person_id == person_id, MedicationRow.id.in_(ids)))):
            raise NotFoundError(_("One of those medications is no longer on the list."))


# --- the journal list: pages around any point -----------------------------------------------

_EARLIEST = datetime(1, 1, 1, tzinfo=timezone.utc)
EntryKey = tuple[date, datetime, int]  # (local_date, occurred_at, id): the list's order, newest first


def entry_key(session: Session, entry_id: int) -> tuple[int, EntryKey] | None:
    """``(person_id, key)`` of an entry, or None when it is gone."""
    row = session.execute(
        select(EntryRow.person_id, EntryRow.local_date, EntryRow.occurred_at, EntryRow.id).where(EntryRow.id == entry_id)
    ).first()
    if row is None:
        return None
    return row[0], (row[1], row[2], row[3])


def key_including(key: EntryKey) -> EntryKey:
    """A keyset bound just newer than ``key``, so "strictly older than" it includes ``key``."""
    return key[0], key[1], key[2] + 1


def key_for_day(day: date) -> EntryKey:
    """A keyset bound such that "strictly older than" it means "on ``day`` or before"."""
    return day + timedelta(days=1), _EARLIEST, 0


def entries_older(session: Session, person_id: int, before: EntryKey, limit: int) -> list[JournalEntry]:
    """Up to ``limit`` entries strictly older than ``before``, newest first."""
    return entries_newest_first(session, person_id, limit, before)


def entries_newer(session: Session, person_id: int, after: EntryKey, limit: int) -> list[JournalEntry]:
    """Up to ``limit`` entries strictly newer than ``after`` — the ones just above it in the
    list — returned newest first."""
    d, t, i = after
    stmt = (
        select(EntryRow)
        .where(
            EntryRow.person_id == person_id,
            or_(
                EntryRow.local_date > d,
                and_(EntryRow.local_date == d, EntryRow.occurred_at > t),
                and_(EntryRow.local_date == d, EntryRow.occurred_at == t, EntryRow.id > i),
            ),
        )
        .order_by(EntryRow.local_date, EntryRow.occurred_at, EntryRow.id)
        .limit(limit)
    )
    rows = session.scalars(_with_children(stmt))
    return [entry_from_row(r) for r in rows][::-1]


# --- putting entries back (undo) ------------------------------------------------------------


def insert_entry_keeping_id(session: Session, entry: JournalEntry, now: datetime) -> int:
    """Insert ``entry`` again under its old id when that id is free (so search results, drafts
    and the undo history still point at it), else under a new one. Returns the id used."""
    if entry.id is not None and session.get(EntryRow, entry.id) is None:
        row = EntryRow(id=entry.id, **_entry_values(entry), created_at=now, updated_at=now)
        session.add(row)
        session.flush()
        _set_children(session, row, entry)
        session.flush()
        return row.id
    return insert_entry(session, replace(entry, id=None), now)
