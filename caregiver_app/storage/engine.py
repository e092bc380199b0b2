"""Engine factory for the SQLCipher database.

The 32-byte data key is applied as a raw key (``x'…'``, no per-connection KDF) as the very first
statement on every new DBAPI connection, then ``foreign_keys``, WAL, ``synchronous=FULL`` and
``secure_delete``. A connection whose ``cipher_version`` is empty (plain SQLite) is refused.
Every transaction of an engine begins IMMEDIATE, with a busy timeout of :data:`BUSY_TIMEOUT_S`
seconds, so two units of work in one process (or two processes) wait for each other instead of
failing.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.pool import QueuePool

from ..domain.gids import uuid5, uuid7
from ..i18n import _
from .errors import NotEncryptedError, StorageError, WrongKeyError
from .health import classify


BUSY_TIMEOUT_S = 15
"""How long a unit of work waits for another one's write to finish before giving up."""

_URL = "sqlite+pysqlite://"  # the dialect; the connections come from sqlcipher3 (see make_engine)


def load_dialect() -> None:
    """Import SQLAlchemy's SQLite dialect now. :func:`make_engine` finds it by name and imports
    it with the process's first engine (about 8 ms, more under PySide): an unlock calls this
    while the passphrase is typed (issue 16). Touches no file."""
    make_url(_URL).get_dialect()


def _key_pragma(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect_raw(path: Path, data_key: bytes):
    """A configured ``sqlcipher3`` connection to ``path`` with autocommit transaction control
    (``isolation_level=None``; SQLAlchemy's begin hook issues ``BEGIN``).

    Raises :class:`WrongKeyError` when the key does not open the file, :class:`NotEncryptedError`
    when the SQLite library has no SQLCipher in it.
    """
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute(_key_pragma(data_key))
        # SQLCipher's own diagnostics (page numbers) stay out of the user's terminal; damage is
        # found and told in plain words by storage.health instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise NotEncryptedError(_("This computer's database library cannot encrypt. The app will not run without it."))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if classify(exc) in ("full", "read-only", "io"):  # the disk, not the key or the file
                raise
            raise WrongKeyError(_("The key does not open this database, or the file is damaged.")) from None
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            raise StorageError(_("The database could not switch to its safe writing mode."))
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        # The family-sync triggers give shared rows their global ids with these (storage/sync_tables.py).
        conn.create_function("sync_uuid7", 0, uuid7)
        conn.create_function("sync_uuid5", 1, lambda name: None if name is None else uuid5(name), deterministic=True)
        return conn
    except BaseException:
        conn.close()
        raise


def settle_wal(path: Path, data_key: bytes) -> None:
    """Fold the write-ahead log into the database file and remove it, so the file alone holds
    everything (call only when no other connection is open). Raises :class:`StorageError` when
    the log cannot be emptied (another program still has the database open)."""
    path = Path(path)
    wal, shm = Path(str(path) + "-wal"), Path(str(path) + "-shm")
    if wal.exists():
        conn = connect_raw(path, data_key)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
        if busy or (wal.exists() and wal.stat().st_size > 0):
            raise StorageError(_("The vault's database is still in use, so it was left as it is."))
    for leftover in (wal, shm):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


def prepare_new_file(path: Path) -> None:
    """Create an empty database file with mode 0600 (SQLite gives its WAL files the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def make_engine(path: Path, data_key: bytes) -> Engine:
    """An SQLAlchemy engine over the encrypted database at ``path`` (which must exist).

    The first connection is made here, so a wrong key raises :class:`WrongKeyError` at once.
    SQL errors never echo parameters (``hide_parameters=True``), so no health text reaches a log
    or an exception message.
    """
    path = Path(path)
    if not path.exists():
        raise StorageError(_("The vault's database file is missing."))
    key = bytes(data_key)

    def creator():
        return connect_raw(path, key)

    engine = create_engine(
        _URL,
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=3,
        max_overflow=4,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Real transactions, reads included, and IMMEDIATE: the write lock is taken at the start
        # (waiting through the busy timeout while another unit of work holds it). A deferred
        # transaction that reads first and writes later cannot wait: when another connection
        # wrote meanwhile, SQLite fails it at once with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except BaseException:
        engine.dispose()
        raise
    return engine
