"""Family sync inside the vault (issue 20): turning noted changes into field versions, taking in
received versions, and making the shared tables match the versions.

``sync_version`` is the truth: for every field of every shared row, the newest value known here
with its hybrid logical clock (``hlc``), the computer that wrote it and the clock of the value it
replaced (``base``). Rows in the shared tables are *made* from it (:func:`materialize`), so every
computer that holds the same versions holds the same rows, whatever order batches came in.

* A field's newest version wins: the greater ``(hlc, device)``.
* A row is deleted when its ``_deleted`` version says so (a tombstone, undone by a newer
  ``_deleted`` = false); the other fields keep their versions, so an undone row comes back whole.
* Two edits of a note field that did not see each other (neither's ``base`` reaches the other's
  clock) and differ: the newer is kept in the row, the other in ``sync_conflict``. In the
  append-only tables (medicine dose history, doses in entries) this holds for every field: a dose
  written on one computer is never silently replaced by a concurrent one from another.
* A row whose parent is not here yet (or is deleted), or whose fields have not all arrived, waits
  (it is made on a later merge); so does one the table's rules refuse.

All functions take the unit of work's connection; nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from ..schema import Base
from ..sync_tables import BY_TABLE, DELETED, ORDER, SHARED, Shared

TRUE, FALSE = json.dumps(True), json.dumps(False)


def columns(spec: Shared) -> tuple[str, ...]:
    """The columns of ``spec``'s table that travel (not the local id, the gid or local-only ones)."""
    table = Base.metadata.tables[spec.table]
    return tuple(c.name for c in table.columns if c.name not in ("id", "gid", *spec.local))


COLUMNS = {s.table: columns(s) for s in SHARED}


@dataclass
class Version:
    value: str  # JSON text
    hlc: int
    device: str
    base: int = 0


@dataclass
class Applied:
    """What a merge did: fields changed, rows made, updated or deleted, rows still waiting,
    conflicts found."""

    fields: int = 0
    rows: int = 0
    waiting: int = 0
    conflicts: int = 0
    touched: set[tuple[str, str]] = field(default_factory=set)


# --- reading rows as they travel --------------------------------------------------------------------


def _gid_for(conn: Connection, table: str, row_id) -> str | None:
    if row_id is None:
        return None
    return conn.exec_driver_sql(f"SELECT gid FROM {table} WHERE id = ?", (row_id,)).scalar()


def row_values(conn: Connection, spec: Shared, gid: str) -> dict[str, object] | None:
    """The row ``gid`` as it travels (foreign keys as the parents' gids), or None when not here."""
    cols = COLUMNS[spec.table]
    found = conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {spec.table} WHERE gid = ?", (gid,)).first()
    if found is None:
        return None
    values = dict(zip(cols, found))
    for column, parent in spec.parents.items():
        values[column] = _gid_for(conn, parent, values[column])
    return values


def versions_of(conn: Connection, table: str, gid: str) -> dict[str, Version]:
    return {col: Version(value, hlc, device, base) for col, value, hlc, device, base in conn.exec_driver_sql(
        "SELECT col, value, hlc, device, base FROM sync_version WHERE tbl = ? AND gid = ?", (table, gid))}


def _put_version(conn: Connection, table: str, gid: str, col: str, v: Version) -> None:
    conn.exec_driver_sql("INSERT OR REPLACE INTO sync_version (tbl, gid, col, value, hlc, device, base) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", (table, gid, col, v.value, v.hlc, v.device, v.base))


# --- what this computer sends ---------------------------------------------------------------------


def pending_count(conn: Connection) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM sync_pending").scalar_one()


def stamp_pending(conn: Connection, hlc: int, device: str, now: datetime) -> list[list]:
    """Turn every noted change into field versions stamped ``hlc`` by ``device``, clear the notes,
    and return the changes to send: ``[table, gid, {column: [value, base]}]`` per row, parents
    first. A row made and deleted before it was ever sent sends nothing."""
    noted = conn.exec_driver_sql("SELECT tbl, gid FROM sync_pending").fetchall()
    noted.sort(key=lambda r: (ORDER.get(r[0], len(ORDER)), r[1]))
    out = []
    for table, gid in noted:
        spec = BY_TABLE.get(table)
        if spec is None:
            continue
        known = versions_of(conn, table, gid)
        values = row_values(conn, spec, gid)
        changed: dict[str, list] = {}
        if values is None:
            gone = known.get(DELETED)
            if known and (gone is None or gone.value != TRUE):
                changed[DELETED] = [True, gone.hlc if gone else 0]
                _tombstone(conn, table, gid, hlc, device, now)
        else:
            gone = known.get(DELETED)
            if gone is not None and gone.value == TRUE:
                changed[DELETED] = [False, gone.hlc]
                conn.exec_driver_sql("DELETE FROM sync_tombstone WHERE tbl = ? AND gid = ?", (table, gid))
            for col, value in values.items():
                text = json.dumps(value)
                old = known.get(col)
                if old is None or old.value != text:
                    changed[col] = [value, old.hlc if old else 0]
        for col, (value, base) in changed.items():
            _put_version(conn, table, gid, col, Version(json.dumps(value), hlc, device, base))
        if changed:
            out.append([table, gid, changed])
    conn.exec_driver_sql("DELETE FROM sync_pending")
    return out


def _tombstone(conn: Connection, table: str, gid: str, hlc: int, device: str, now: datetime) -> None:
    conn.exec_driver_sql("INSERT OR REPLACE INTO sync_tombstone (tbl, gid, hlc, device, deleted_at) VALUES (?, ?, ?, ?, ?)",
                         (table, gid, hlc, device, _instant(now)))


def _instant(moment: datetime) -> str:
    from ..types import UTCDateTime

    return UTCDateTime().process_bind_param(moment, None)


# --- what this computer receives ------------------------------------------------------------------


def valid_change(row) -> bool:
    """True when a received ``[table, gid, {column: [value, base]}]`` names a shared table, a
    travelling column (or ``_deleted``) and plain values: anything else is not ours."""
    if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and isinstance(row[1], str)
            and isinstance(row[2], dict) and row[0] in BY_TABLE and 0 < len(row[1]) <= 36):
        return False
    allowed = set(COLUMNS[row[0]]) | {DELETED}
    for col, pair in row[2].items():
        if col not in allowed or not isinstance(pair, list) or len(pair) != 2:
            return False
        value, base = pair
        if not isinstance(base, int) or not (value is None or isinstance(value, (str, int, float, bool))):
            return False
        if col == DELETED and not isinstance(value, bool):
            return False
    return True


def take_in(conn: Connection, rows: Iterable[list], hlc: int, device: str, now: datetime, applied: Applied) -> None:
    """Take in one batch's changes (all stamped ``hlc`` by ``device``): each field's newest
    version wins; concurrent different edits of a note keep the older one as a conflict."""
    for table, gid, changed in rows:
        spec = BY_TABLE[table]
        known = versions_of(conn, table, gid)
        for col, (value, base) in changed.items():
            incoming = Version(json.dumps(value), hlc, device, base)
            current = known.get(col)
            if current is None:
                _put_version(conn, table, gid, col, incoming)
                applied.fields += 1
                applied.touched.add((table, gid))
                continue
            if (current.hlc, current.device) == (hlc, device):
                continue  # already here (the same batch again, or the same change through another path)
            newer = (hlc, device) > (current.hlc, current.device)
            concurrent = base < current.hlc and current.base < hlc
            kept_both = col in spec.notes or (spec.append_only and col not in spec.parents)
            if kept_both and concurrent and incoming.value != current.value:
                loser = current if newer else incoming
                found = conn.exec_driver_sql(
                    "INSERT OR IGNORE INTO sync_conflict (tbl, gid, col, other_value, other_hlc, other_device, found_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", (table, gid, col, loser.value, loser.hlc, loser.device, _instant(now)))
                applied.conflicts += found.rowcount or 0
            if newer:
                _put_version(conn, table, gid, col, incoming)
                applied.fields += 1
                applied.touched.add((table, gid))


# --- making the rows match the versions ---------------------------------------------------------------


def _local_id(conn: Connection, table: str, gid: str):
    return conn.exec_driver_sql(f"SELECT rowid FROM {table} WHERE gid = ?", (gid,)).scalar()


def _make_row(conn: Connection, spec: Shared, gid: str, now: datetime) -> str:
    """Make the row ``gid`` match its versions: ``"done"``, ``"same"`` or ``"waiting"``."""
    table = spec.table
    known = versions_of(conn, table, gid)
    row_id = _local_id(conn, table, gid)
    gone = known.get(DELETED)
    if gone is not None and gone.value == TRUE:
        _tombstone(conn, table, gid, gone.hlc, gone.device, now)
        if row_id is None:
            return "same"
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", (row_id,))
        return "done"
    conn.exec_driver_sql("DELETE FROM sync_tombstone WHERE tbl = ? AND gid = ?", (table, gid))
    cols = COLUMNS[table]
    if any(col not in known for col in cols):
        return "waiting"
    values = {col: json.loads(known[col].value) for col in cols}
    for column, parent in spec.parents.items():
        if values[column] is not None:
            parent_id = _local_id(conn, parent, values[column])
            if parent_id is None:
                return "waiting"
            values[column] = parent_id
    if row_id is not None:
        current = conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table} WHERE rowid = ?", (row_id,)).first()
        differ = [col for col, now_value in zip(cols, current) if now_value != values[col]]
        if not differ:
            return "same"
        sql = f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in differ)} WHERE rowid = ?"
        params = (*[values[c] for c in differ], row_id)
    else:
        sql = f"INSERT INTO {table} ({', '.join(cols)}, gid) VALUES ({', '.join('?' for _c in cols)}, ?)"
        params = (*[values[c] for c in cols], gid)
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql(sql, params)
    except IntegrityError:  # the table's own rules refuse it here (yet): it waits, nothing half-made
        savepoint.rollback()
        return "waiting"
    savepoint.commit()
    return "done"


def waiting_rows(conn: Connection, table: str) -> list[str]:
    """Rows whose versions say alive that are not in ``table`` (waiting for a parent or a field,
    or taken away with a deleted parent)."""
    return [gid for (gid,) in conn.exec_driver_sql(
        f"SELECT DISTINCT v.gid FROM sync_version v WHERE v.tbl = ? "
        f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.gid = v.gid) "
        f"AND NOT EXISTS (SELECT 1 FROM sync_version d WHERE d.tbl = v.tbl AND d.gid = v.gid "
        f"AND d.col = '{DELETED}' AND d.value = '{TRUE}')", (table,))]


def materialize(conn: Connection, touched: set[tuple[str, str]], now: datetime, applied: Applied) -> None:
    """Make the rows of ``touched`` (and every row still waiting) match their versions, parents
    before children. Runs with ``sync_applying`` set, so nothing here is noted to send back."""
    conn.exec_driver_sql("INSERT OR IGNORE INTO sync_applying (id) VALUES (1)")
    try:
        by_table: dict[str, set[str]] = {}
        for table, gid in touched:
            by_table.setdefault(table, set()).add(gid)
        applied.waiting = 0
        for spec in SHARED:
            gids = by_table.get(spec.table, set()) | set(waiting_rows(conn, spec.table))
            for gid in sorted(gids):
                outcome = _make_row(conn, spec, gid, now)
                if outcome == "done":
                    applied.rows += 1
                elif outcome == "waiting":
                    applied.waiting += 1
    finally:
        conn.exec_driver_sql("DELETE FROM sync_applying")


# --- what the user can see and undo -------------------------------------------------------------------


def tombstones(conn: Connection) -> list[tuple[str, str, int, str]]:
    return [tuple(r) for r in conn.exec_driver_sql(
        "SELECT tbl, gid, hlc, device FROM sync_tombstone ORDER BY hlc DESC, tbl, gid")]


def bring_back(conn: Connection, table: str, gid: str) -> bool:
    """Put a deleted row back from its versions, with the rows deleted with it (the same clock and
    computer), noted to send like any edit. False when it cannot come back (a parent is gone)."""
    found = conn.exec_driver_sql("SELECT hlc, device FROM sync_tombstone WHERE tbl = ? AND gid = ?",
                                 (table, gid)).first()
    if found is None:
        return False
    with_it = conn.exec_driver_sql("SELECT tbl, gid FROM sync_tombstone WHERE hlc = ? AND device = ?",
                                   tuple(found)).fetchall()
    with_it.sort(key=lambda r: ORDER[r[0]])
    brought = False
    for other_table, other_gid in with_it:
        spec = BY_TABLE[other_table]
        known = versions_of(conn, other_table, other_gid)
        cols = COLUMNS[other_table]
        if any(col not in known for col in cols) or _local_id(conn, other_table, other_gid) is not None:
            continue
        values = {col: json.loads(known[col].value) for col in cols}
        missing_parent = False
        for column, parent in spec.parents.items():
            if values[column] is not None:
                values[column] = _local_id(conn, parent, values[column])
                missing_parent = missing_parent or values[column] is None
        if missing_parent:
            continue
        # triggers on: the insert (with its gid) is noted, and the next batch says "alive again"
        conn.exec_driver_sql(f"INSERT INTO {other_table} ({', '.join(cols)}, gid) VALUES "
                             f"({', '.join('?' for _c in cols)}, ?)", (*values.values(), other_gid))
        conn.exec_driver_sql("DELETE FROM sync_tombstone WHERE tbl = ? AND gid = ?", (other_table, other_gid))
        brought = brought or (other_table, other_gid) == (table, gid)
    return brought
