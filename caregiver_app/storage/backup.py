"""Encrypted, verified backup copies of the database; listing, keeping and putting them back.

Copies are made with SQLCipher's own ``sqlcipher_export`` into a new file keyed with the same data
key (never a file copy of a live database), then opened, integrity-checked and row-counted
against the source before they take their final name. Nothing is ever removed to make room
before the new copy has passed that check.

File names hold only the UTC time and the reason: ``vault-20261130T141503Z-daily.db`` (a second
copy in the same second gets ``.2`` before ``.db``).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlcipher3

from ..i18n import N_, _
from .engine import connect_raw, settle_wal
from .errors import BackupDiskFullError, BackupError, BackupFolderError
from .files import fsync_dir, move_aside, private_folder, sidecars
from .health import disk_is_full

AUTOMATIC = "daily"
MANUAL = "manual"
PRE_MIGRATION = "pre-migration"
PRE_RESTORE = "pre-restore"
PRE_IMPORT = "pre-import"
PRE_UNDO = "pre-undo"  # before undoing an import removes its entries
REASONS = (AUTOMATIC, MANUAL, PRE_MIGRATION, PRE_RESTORE, PRE_IMPORT, PRE_UNDO)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MANUAL = 10
KEEP_BEFORE_CHANGES = 5

NO_BACKUP_FOLDER = N_(
    "A backup copy of the vault could not be made, because its backups folder could not be made or written "
    "to: {folder}. If something else has that name (a file or a broken link, for example), move it out of "
    "the vault's folder, then try again. Nothing was changed."
)

_NAME = re.compile(r"^vault-(\d{8}T\d{6})Z-([a-z]+(?:-[a-z]+)*)(?:\.(\d+))?\.db$")

VAULT_FILE_GONE = N_(
    "A backup copy of the vault could not be made, because the vault's file is not there now: {path}. If "
    "the vault is on a drive or a network folder that is not connected any more, connect it and try "
    "again. Nothing was changed."
)


@dataclass(frozen=True)
class BackupInfo:
    """A verified backup: where it is, when it was made (UTC instant) and its row counts."""

    path: Path
    made_at: datetime
    row_counts: dict[str, int]


@dataclass(frozen=True)
class BackupFile:
    """A backup found in the backup folder: ``made_at`` is the UTC instant in its name,
    ``reason`` one of :data:`REASONS` (or another word from a newer app)."""

    path: Path
    made_at: datetime
    reason: str


@dataclass(frozen=True)
class PersonCount:
    """How many journal entries one person has in a database copy."""

    name: str
    entries: int


def _connect_copy(path: Path, data_key: bytes):
    """A connection to a database *copy* (a backup or a file being imported): keyed, quiet, and
    without the live database's WAL switch, so merely reading a copy never changes it (nor makes
    an empty one where none is)."""
    if not Path(path).is_file():
        raise sqlcipher3.OperationalError("unable to open database file")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except BaseException:
        conn.close()
        raise


def opens_with(path: Path, data_key: bytes) -> bool:
    """True when the database copy at ``path`` opens with ``data_key`` (its first page reads)."""
    try:
        _connect_copy(path, data_key).close()
        return True
    except sqlcipher3.Error:
        return False


def _table_counts(conn) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _remove_quietly(path: Path) -> None:
    for p in sidecars(path):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def export_copy(source: Path, data_key: bytes, dest: Path, *, live: bool = True,
                rekey: bytes | None = None) -> dict[str, int]:
    """Write an encrypted copy of ``source`` to ``dest`` (which must not exist) with
    ``sqlcipher_export``, keyed with the same data key (or with ``rekey``, a new 32-byte key);
    mode 0600. Returns the source's row counts
    taken in the same read transaction as the copy. ``live`` False reads ``source`` as a copy
    (no journal-mode change). Raises ``sqlcipher3.Error`` or ``OSError``; a half-written
    ``dest`` is removed."""
    dest = Path(dest)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.unlink(dest)  # sqlcipher_export wants to create the file; the name is reserved to us
    src = None
    try:
        src = connect_raw(source, data_key) if live else _connect_copy(source, data_key)
        escaped = str(dest).replace("'", "''")
        dest_key = rekey if rekey is not None else data_key
        src.execute(f"ATTACH DATABASE '{escaped}' AS backup KEY \"x'{dest_key.hex()}'\"")
        src.execute("BEGIN")  # one snapshot for both the copy and the counts
        counts = _table_counts(src)
        src.execute("SELECT sqlcipher_export('backup')")
        src.execute("COMMIT")
        src.execute("DETACH DATABASE backup")
        os.chmod(dest, 0o600)
        return counts
    except BaseException:
        _remove_quietly(dest)
        raise
    finally:
        if src is not None:
            src.close()


def _unique_name(folder: Path, stamp: str, reason: str) -> Path:
    """A new name for a backup made at ``stamp``: a second one in the same second gets ``.2``,
    then ``.3`` …, always above every number already used in that second (a freed lower name is
    never reused, or the newest copy would sort as an older one)."""
    used = 0
    for existing in list_backups(folder):
        m = _NAME.match(existing.path.name)
        if m and m.group(1) + "Z" == stamp and m.group(2) == reason:
            used = max(used, int(m.group(3) or 1))
    final = folder / (f"vault-{stamp}-{reason}.db" if used == 0 else f"vault-{stamp}-{reason}.{used + 1}.db")
    n = used + 1
    while final.exists():
        n += 1
        final = folder / f"vault-{stamp}-{reason}.{n}.db"
    return final


def make_backup(db_path: Path, data_key: bytes, backup_dir: Path, reason: str, now: datetime | None = None) -> BackupInfo:
    """Write a verified encrypted copy of ``db_path`` into ``backup_dir`` (mode 0700).

    ``reason`` is a short word for the file name (``"pre-migration"``, ``"daily"``); file names hold
    only the UTC time and the reason. Raises :class:`BackupError` when the copy cannot be made or
    does not verify; a half-made copy is removed and nothing else is touched.
    """
    now = now or datetime.now(timezone.utc)
    if not Path(db_path).is_file():
        # Its drive went away while the vault was open: copying from the open connection would
        # make the backups folder (and the vault's folder) on this computer's own disk instead.
        raise BackupError(_(VAULT_FILE_GONE).format(path=db_path))
    backup_dir = _backup_folder(Path(backup_dir))
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tmp = backup_dir / f".vault-{stamp}-{secrets.token_hex(4)}.tmp"
    try:
        expected = export_copy(db_path, data_key, tmp)
        verify_backup(tmp, data_key, expected)
        final = _unique_name(backup_dir, stamp, reason)
        os.replace(tmp, final)
        fsync_dir(backup_dir)
        return BackupInfo(final, now, expected)
    except (sqlcipher3.Error, OSError) as exc:
        if getattr(exc, "errno", None) in _REFUSED:  # the folder is there but cannot be written: name it
            raise BackupFolderError(_(NO_BACKUP_FOLDER).format(folder=backup_dir)) from exc
        raise _failure(exc, _("The disk is full, so a backup copy of the vault could not be made."),
                       _("A backup copy of the vault could not be made.")) from exc
    finally:
        _remove_quietly(tmp)


_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS)
"""What the system says when a folder may not be written to (permissions, a read-only disk)."""


def _backup_folder(backup_dir: Path) -> Path:
    """``backup_dir``, made (mode 0700) when missing. Raises :class:`BackupError` naming it when
    it cannot be made: a file, a pipe or a link loop has its name, or the folder is read-only."""
    try:
        return private_folder(backup_dir)
    except OSError as exc:
        if disk_is_full(exc):
            raise BackupDiskFullError(_("The disk is full, so a backup copy of the vault could not be made.")) from None
        raise BackupFolderError(_(NO_BACKUP_FOLDER).format(folder=backup_dir)) from None


def _failure(exc: BaseException, when_full: str, otherwise: str) -> BackupError:
    """The plain-words error for a copy that failed with ``exc``: ``when_full`` (a
    :class:`BackupDiskFullError`) for a full disk, else ``otherwise`` (both translated)."""
    if disk_is_full(exc):
        return BackupDiskFullError(when_full)
    return BackupError(otherwise)


def verify_backup(path: Path, data_key: bytes, expected_counts: dict[str, int] | None = None) -> dict[str, int]:
    """Open ``path`` with the key, run ``integrity_check`` and compare row counts. Returns the
    counts; raises :class:`BackupError` when anything is off. Reading never changes the file."""
    conn = None
    try:
        conn = _connect_copy(path, data_key)
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError(_("A backup copy did not pass its check."))
        counts = _table_counts(conn)
        if expected_counts is not None and counts != expected_counts:
            raise BackupError(_("A backup copy does not hold everything the vault holds."))
        return counts
    except sqlcipher3.Error as exc:
        raise BackupError(_("A backup copy could not be opened to check it.")) from exc
    finally:
        if conn is not None:
            conn.close()


def people_in(path: Path, data_key: bytes, *, live: bool = False) -> list[PersonCount]:
    """Each person in the database copy at ``path`` with their number of journal entries,
    by name. Raises :class:`BackupError` when the copy cannot be read."""
    conn = None
    try:
        conn = connect_raw(path, data_key) if live else _connect_copy(path, data_key)
        rows = conn.execute(
            "SELECT p.display_name, (SELECT count(*) FROM journal_entry e WHERE e.person_id = p.id) "
            "FROM person p ORDER BY p.display_name COLLATE NOCASE, p.id"
        ).fetchall()
        return [PersonCount(str(name), int(n)) for name, n in rows]
    except sqlcipher3.Error as exc:
        raise BackupError(_("This backup copy could not be read.")) from exc
    finally:
        if conn is not None:
            conn.close()


def schema_revision(path: Path, data_key: bytes) -> str | None:
    """The Alembic revision recorded in a database copy (None when it has none)."""
    conn = None
    try:
        conn = _connect_copy(path, data_key)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlcipher3.OperationalError:
            return None
        return str(row[0]) if row else None
    except sqlcipher3.Error as exc:
        raise BackupError(_("This copy of the vault could not be read.")) from exc
    finally:
        if conn is not None:
            conn.close()


# --- the backup folder ----------------------------------------------------------------------


def parse_name(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None when the name is not one of ours."""
    m = _NAME.match(Path(path).name)
    if not m:
        return None
    try:
        made = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return BackupFile(Path(path), made, m.group(2))


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Every backup in ``backup_dir``, newest first (an empty list when there is none)."""
    try:
        entries = list(Path(backup_dir).iterdir())
    except OSError:
        return []
    found = [b for b in (parse_name(p) for p in entries if p.is_file()) if b is not None]
    return sorted(found, key=_order, reverse=True)


def _order(b: BackupFile) -> tuple:
    """Oldest to newest: by the time in the name, then, within one second, by when the file was
    written (copies of different kinds, each numbered by its own kind: the copy before an undo
    made just after two imports' ``.2``), then by the number a second copy of a kind in the same
    second gets (``.2``, ``.3`` … ``.10``: counted, not compared as text)."""
    m = _NAME.match(b.path.name)
    try:
        written = b.path.stat().st_mtime_ns
    except OSError:
        written = 0
    return (b.made_at, written, int(m.group(3) or 1) if m else 0, b.path.name)


def daily_due(backups: list[BackupFile], now: datetime) -> bool:
    """True when no automatic backup is younger than a day."""
    newest = next((b for b in backups if b.reason == AUTOMATIC), None)
    return newest is None or now - newest.made_at >= timedelta(days=1) or newest.made_at > now + timedelta(hours=1)


def prune_plan(backups: list[BackupFile]) -> list[BackupFile]:
    """Which backups to remove so that what is kept is:

    * automatic ones: the newest of each of the :data:`KEEP_DAILY` most recent days that have
      one, plus the newest of each of the :data:`KEEP_WEEKLY` most recent ISO weeks before those;
    * the :data:`KEEP_MANUAL` newest made by the user;
    * the :data:`KEEP_BEFORE_CHANGES` newest of each "before a change" kind;
    * anything with a reason this version does not know.
    Days and weeks are UTC calendar days and ISO weeks of ``made_at``.
    """
    newest_first = sorted(backups, key=_order, reverse=True)
    keep: set[Path] = set()
    auto = [b for b in newest_first if b.reason == AUTOMATIC]
    days: dict = {}
    for b in auto:
        day = b.made_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days[day] = b
    keep.update(b.path for b in days.values())
    oldest_daily = min(days) if days else None
    weeks: dict = {}
    for b in auto:
        if b.path in keep or (oldest_daily is not None and b.made_at.date() >= oldest_daily):
            continue
        week = b.made_at.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks[week] = b
    keep.update(b.path for b in weeks.values())
    limits = {MANUAL: KEEP_MANUAL, PRE_MIGRATION: KEEP_BEFORE_CHANGES, PRE_RESTORE: KEEP_BEFORE_CHANGES,
              PRE_IMPORT: KEEP_BEFORE_CHANGES, PRE_UNDO: KEEP_BEFORE_CHANGES}
    for reason, limit in limits.items():
        keep.update(b.path for b in [b for b in newest_first if b.reason == reason][:limit])
    keep.update(b.path for b in newest_first if b.reason not in REASONS)
    return [b for b in newest_first if b.path not in keep]


# Tables that hold no one's words: the schema version, the full-text index (rebuilt from the
# journal) and its shadow tables. Bookkeeping settings are named "vault.…".
_DERIVED_TABLES = ("alembic_version", "journal_fts")


def holds_all_of(newer: Path, older: Path, data_key: bytes) -> bool:
    """True when every row of every table in the backup ``older`` is also, unchanged, in
    ``newer`` (bookkeeping such as the schema version and the search index aside). False when
    either cannot be read or their tables differ in shape: then ``older`` may hold something
    nothing else does."""
    conn = None
    try:
        conn = _connect_copy(older, data_key)
        escaped = str(newer).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{escaped}' AS newer KEY \"x'{data_key.hex()}'\"")
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()]
        theirs = {r[0] for r in conn.execute("SELECT name FROM newer.sqlite_master WHERE type='table'").fetchall()}
        for name in tables:
            if name.startswith(_DERIVED_TABLES):
                continue
            if name not in theirs:
                return False
            where = " WHERE key NOT LIKE 'vault.%'" if name == "vault_setting" else ""
            (extra,) = conn.execute(
                f'SELECT count(*) FROM (SELECT * FROM main."{name}"{where} EXCEPT SELECT * FROM newer."{name}")'
            ).fetchone()
            if extra:
                return False
        return True
    except sqlcipher3.Error:
        return False
    finally:
        if conn is not None:
            conn.close()


def prune(backup_dir: Path, data_key: bytes | None = None, *, keep: tuple[str, ...] = ()) -> list[Path]:
    """Remove the backups :func:`prune_plan` says are no longer needed. Returns their paths.
    The files named in ``keep`` stay whatever the plan says: a copy just made and named to the
    user stays even when the computer's clock is behind and it looks like the oldest of its kind.

    A "before a restore" copy may be the only copy of the newest entries (the restore put older
    ones in place), so one is removed only when a newer backup that stays holds everything in it
    (:func:`holds_all_of`, which needs ``data_key``); without the key none is removed.
    """
    found = list_backups(backup_dir)
    plan = prune_plan(found)
    plan = [b for b in plan if b.path.name not in keep]
    going = {b.path for b in plan}
    removed = []
    for b in sorted(plan, key=lambda b: b.made_at):  # oldest first, so each check sees what stays
        if b.reason == PRE_RESTORE:
            newer_kept = [k for k in found if k.path not in going and k.made_at >= b.made_at and k.path != b.path]
            if data_key is None or not any(holds_all_of(k.path, b.path, data_key) for k in newer_kept):
                going.discard(b.path)
                continue
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError:
            going.discard(b.path)
    return removed


# --- putting a copy in place ----------------------------------------------------------------


def install_copy(db_path: Path, source: Path, data_key: bytes, *, aside_dir: Path | None = None,
                 stamp: str = "") -> Path | None:
    """Make the database at ``db_path`` a verified copy of ``source`` (a backup or an imported
    file, read without being changed). Call with no connection to ``db_path`` open.

    The copy is written beside the database, checked (integrity, row counts), and only then
    renamed over it. With ``aside_dir`` the old database and its ``-wal``/``-shm`` files are moved
    there first (a damaged file is kept, never deleted); returns its new path. Without it, the
    old file's write-ahead log is folded in and the old file replaced (the caller made a
    verified backup of it first). Raises :class:`BackupError`; the database is untouched when
    anything before the final rename fails.
    """
    db_path = Path(db_path)
    folder = db_path.parent
    tmp = folder / f".vault-install-{secrets.token_hex(4)}.tmp"
    aside = None
    try:
        counts = export_copy(source, data_key, tmp, live=False)
        verify_backup(tmp, data_key, counts)
        if aside_dir is not None:
            aside = move_aside(db_path, aside_dir, stamp or datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
        elif db_path.exists():
            settle_wal(db_path, data_key)
        os.replace(tmp, db_path)
        fsync_dir(folder)
        return aside
    except (sqlcipher3.Error, OSError) as exc:
        raise _failure(exc, _("The disk is full, so the copy could not be put in place. Nothing was changed."),
                       _("The copy could not be put in place. Nothing was changed.")) from exc
    finally:
        _remove_quietly(tmp)
