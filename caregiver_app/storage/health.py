"""Checking the encrypted database for damage, before anything writes to it.

Two checks, both SQLite/SQLCipher's own:

* ``PRAGMA quick_check`` at every open: walks every table and index page (a damaged page fails
  SQLCipher's per-page HMAC and reads as an error); fast enough for each unlock.
* ``PRAGMA cipher_integrity_check`` on a schedule (weekly): verifies the HMAC of every page in
  the file, including pages no table points at any more.

SQLite's error *names* (``SQLITE_FULL``, ``SQLITE_CORRUPT`` …) are fixed strings with no user data
in them; :func:`classify` turns a DBAPI error into one of a few plain kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from .errors import DamagedDatabaseError, DiskFullError, ReadOnlyError, StorageError

DAMAGE_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
FULL_CODES = frozenset({"SQLITE_FULL"})
READ_ONLY_CODES = frozenset({"SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"})
IO_CODES = frozenset({"SQLITE_IOERR"})


def disk_is_full(exc: BaseException) -> bool:
    """True when ``exc`` (from SQLCipher or the OS) means the disk is full."""
    return classify(exc) == "full" or getattr(exc, "errno", None) == 28


def classify(error: BaseException) -> str | None:
    """``"damaged"``, ``"full"``, ``"read-only"``, ``"io"`` or None for a ``sqlcipher3`` error
    (or an SQLAlchemy error wrapping one). Extended codes (``SQLITE_IOERR_FSYNC`` …) count as
    their primary code."""
    orig = getattr(error, "orig", None) or error
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower() if isinstance(orig, sqlcipher3.Error) else ""
    primary = "_".join(name.split("_")[:2]) if name else ""
    if primary in DAMAGE_CODES or "malformed" in text or "not a database" in text:
        return "damaged"
    if primary in FULL_CODES or "disk is full" in text:
        return "full"
    if primary in READ_ONLY_CODES or "readonly" in text or "read-only" in text:
        return "read-only"
    if primary in IO_CODES or "disk i/o error" in text:
        return "io"
    return None


_ERROR_TYPES = {"damaged": DamagedDatabaseError, "full": DiskFullError, "read-only": ReadOnlyError, "io": StorageError}


def error_for(kind: str | None, messages: dict[str, str]) -> StorageError | None:
    """The error for a failure of ``kind`` (as :func:`classify` names it) with its plain words
    from ``messages``, or None when ``messages`` has no words for that kind."""
    return _ERROR_TYPES[kind](messages[kind]) if kind in messages else None


@dataclass(frozen=True)
class HealthReport:
    """What the checks found. ``ok`` False means the database must not be written to.
    ``problems`` holds SQLite's own short findings (page numbers, never row contents)."""

    ok: bool
    problems: tuple[str, ...] = ()
    cipher_checked: bool = False


def _not_damage(exc: BaseException) -> bool:
    """True for a failure that says nothing about the file itself: a full disk, a read-only
    folder or a failing read (these must never be reported as damage)."""
    return classify(exc) in ("full", "read-only", "io")


def quick_check(conn) -> HealthReport:
    """Run ``PRAGMA quick_check`` on a ``sqlcipher3`` connection. A full disk, read-only folder
    or I/O failure raises the ``sqlcipher3`` error instead of reporting damage."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        if _not_damage(exc):
            raise
        return HealthReport(False, (getattr(exc, "sqlite_errorname", "") or "unreadable",))
    found = tuple(str(r[0]) for r in rows)
    return HealthReport(found == ("ok",), () if found == ("ok",) else found[:5])


def cipher_integrity_check(conn) -> HealthReport:
    """Run SQLCipher's page-HMAC check over the whole file (no rows means every page is fine)."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        if _not_damage(exc):
            raise
        return HealthReport(False, (getattr(exc, "sqlite_errorname", "") or "unreadable",), True)
    found = tuple(str(r[0]) for r in rows)
    return HealthReport(not found, found[:5], True)


def check_file(path: Path, data_key: bytes, *, cipher_check: bool = False, expect_schema: bool = True) -> HealthReport:
    """Open ``path`` with the key and run the quick check (and, when asked, the page-HMAC
    check). Issues no write (no journal-mode change, no schema access beyond reading); the
    connection is an ordinary one so that closing it tidies SQLite's ``-wal``/``-shm`` files as
    usual. A file that cannot be read at all reports not ok, and so does one with no tables when
    ``expect_schema`` (a vault's database always has its schema once its key file exists).
    A full disk, read-only folder or failing read raises the ``sqlcipher3`` error (never
    reported as damage: see :func:`classify`)."""
    conn = None
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        try:
            (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if _not_damage(exc):
                raise
            return HealthReport(False, (getattr(exc, "sqlite_errorname", "") or "unreadable",))
        if expect_schema and not tables:  # emptied or replaced by an empty file: never start afresh
            return HealthReport(False, ("empty",))
        report = quick_check(conn)
        if report.ok and cipher_check:
            return cipher_integrity_check(conn)
        return report
    except sqlcipher3.Error as exc:
        kind = classify(exc)
        if kind == "damaged":
            return HealthReport(False, (getattr(exc, "sqlite_errorname", "") or "unreadable",))
        raise
    finally:
        if conn is not None:
            conn.close()


def every_page_fails(path: Path, data_key: bytes) -> bool:
    """True when not one page of the database at ``path`` passes SQLCipher's HMAC check under
    ``data_key``: the key belongs to another database (damage leaves some pages whole). False
    for an empty or missing file, or when the check cannot run."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False
    pages = size // 4096  # SQLCipher 4's page size
    if pages == 0:
        return False
    conn = None
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.Error:
        return False
    finally:
        if conn is not None:
            conn.close()
    failed = sum(1 for r in rows if "hmac" in str(r[0]).lower())
    return failed >= pages
