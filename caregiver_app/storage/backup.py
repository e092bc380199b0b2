"""Encrypted, verified backup copies of the live database.

Copies are made with SQLCipher's own ``sqlcipher_export`` into a new file keyed with the same data
key (never a file copy of a live database), then opened, integrity-checked and row-counted
against the source before they take their final name.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3

from .engine import connect_raw
from .errors import BackupError


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup: where it is, when it was made (UTC instant) and its row counts."""

    path: Path
    made_at: datetime
    row_counts: dict[str, int]


def _table_counts(conn) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def make_backup(db_path: Path, data_key: bytes, backup_dir: Path, reason: str, now: datetime | None = None) -> BackupInfo:
    """Write a verified encrypted copy of ``db_path`` into ``backup_dir``.

    ``reason`` is a short word for the file name (``"pre-migration"``, ``"daily"``); file names hold
    only the UTC time and the reason. Raises :class:`BackupError` when the copy cannot be made or
    does not verify; a half-made copy is removed and nothing else is touched.
    """
    now = now or datetime.now(timezone.utc)
    backup_dir = Path(backup_dir)
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    final = backup_dir / f"vault-{stamp}-{reason}.db"
    tmp = backup_dir / f".vault-{stamp}-{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.unlink(tmp)  # sqlcipher_export wants to create the file; the name is now reserved to us
    src = None
    try:
        src = connect_raw(db_path, data_key)
        escaped = str(tmp).replace("'", "''")
        src.execute(f"ATTACH DATABASE '{escaped}' AS backup KEY \"x'{data_key.hex()}'\"")
        src.execute("SELECT sqlcipher_export('backup')")
        src.execute("DETACH DATABASE backup")
        expected = _table_counts(src)
        src.close()
        src = None
        os.chmod(tmp, 0o600)
        verify_backup(tmp, data_key, expected)
        os.replace(tmp, final)
        return BackupInfo(final, now, expected)
    except (sqlcipher3.Error, OSError) as exc:
        raise BackupError("A backup copy of the vault could not be made.") from exc
    finally:
        if src is not None:
            src.close()
        for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm"), Path(str(tmp) + "-journal")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass


def verify_backup(path: Path, data_key: bytes, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Open ``path`` with the key, run ``integrity_check`` and compare row counts. Returns the
    counts; raises :class:`BackupError` when anything is off."""
    conn = None
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError("A backup copy did not pass its check.")
        counts = _table_counts(conn)
        if expected_counts is not None and counts != expected_counts:
            raise BackupError("A backup copy does not hold everything the vault holds.")
        return counts
    except sqlcipher3.Error as exc:
        raise BackupError("A backup copy could not be opened to check it.") from exc
    finally:
        if conn is not None:
            conn.close()
