"""Checks made while opening the vault (see :func:`caregiver_app.services.vault_open._open`): telling
a key file that belongs to another vault from a damaged database, a full disk from damage, and
verifying and repairing both generations of the key file once the data key is known.

Key-file generations: ``vault.keys`` (current) and ``vault.keys.prev``. Each carries a mac under
the data key over every field (:meth:`~caregiver_app.security.keyfile.KeyFile.state`), so after
any one secret opened the data key, every slot of both files is verified. A generation that
fails is moved into ``damaged/`` (never deleted) and replaced by a good one, and the user is told
which file it was and why; a good generation is never overwritten by a damaged one.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..i18n import N_, _
from ..domain.errors import CaregiverError
from ..security.keyfile import KeyFile, KeyFileError, atomic_write, dumps, loads, read_key_bytes
from ..storage import backup as backups_store
from ..storage.engine import settle_wal
from ..storage.files import copy_aside, fsync_dir, private_folder
from ..storage.health import classify, error_for, every_page_fails
from ..storage.repos import settings as settings_repo
from ..storage.wal_check import check_wal

KEYFILE_DAMAGED_NOTICE = (
    N_("The vault's key file was damaged, so the copy kept beside it was used to open the vault. "
    "The key file has been repaired; the damaged one was kept in the “damaged” folder.")
)
KEYFILE_MISSING_NOTICE = (
    N_("The vault's key file (vault.keys) was missing, so the copy kept beside it was used to open the "
    "vault. The key file has been put back.")
)
KEYFILE_FOREIGN_NOTICE = (
    N_("The key file in the vault's folder belonged to another vault, so the copy kept beside it was "
    "used to open this one. The key file has been repaired; the other vault's key file was kept in "
    "the “damaged” folder.")
)
SPARE_REPLACED_NOTICE = (
    N_("The spare copy of the vault's key file (vault.keys.prev) was damaged. It has been replaced "
    "with a good copy; the damaged one was kept in the “damaged” folder.")
)
KEYS_NOT_THIS_VAULT = (
    N_("The key file (vault.keys) in this folder does not belong to the vault's database beside it, "
    "so it cannot open it. If you copied files between folders, put back the vault.keys that came "
    "with this vault.db (or use a vault file you saved). Nothing was changed.")
)
OPEN_FULL = (
    N_("The disk is full, so your vault could not be opened: it needs a little free space to open. "
    "Please free up some space, then try again. Nothing was changed.")
)
OPEN_READ_ONLY = (
    N_("The vault's folder cannot be written to right now (it may be read-only or on a disconnected "
    "drive), so the vault could not be opened. Nothing was changed.")
)
OPEN_IO = (
    N_("The computer could not read the vault's file from the disk, so it was not opened. Nothing "
    "was changed. Please try again; if this keeps happening, the disk may be failing.")
)

WAL_DAMAGED = (
    N_("After the computer stopped suddenly, the vault's record of its latest saves turned out to be "
    "damaged, so {lost} of those saves could not be read back. Everything saved before them was "
    "recovered ({entries}). The damaged files were kept in the “damaged” folder, unchanged.")
)

CIPHER_CHECK_KEY = "vault.cipher_check_at"
CIPHER_CHECK_EVERY = timedelta(days=7)

# Below this much free space a failing read or write at open is taken to be the full disk.
NEARLY_FULL_BYTES = 1024 * 1024


def open_failure(exc: BaseException, folder: Path) -> CaregiverError | None:
    """The plain error for a failure while opening that is about the disk (full, read-only,
    failing), never the vault: None when ``exc`` is something else."""
    kind = classify(exc)
    if kind is None and isinstance(exc, OSError):
        kind = "full" if exc.errno == 28 else None
    if kind == "io":
        try:
            kind = "full" if shutil.disk_usage(folder).free < NEARLY_FULL_BYTES else "io"
        except OSError:
            pass
    # damage found at open is not about the disk: the caller offers a repair instead
    return error_for(kind, {"full": _(OPEN_FULL), "read-only": _(OPEN_READ_ONLY), "io": _(OPEN_IO)})


def keys_belong_elsewhere(db: Path, backups: Path, data_key: bytes) -> bool:
    """True when the key opened from the key file cannot be this database's: not one page of the
    database passes its check under it, and no backup opens with it either. (Damage leaves some
    pages whole, and the vault's own backups open with its key.)"""
    if not every_page_fails(db, data_key):
        return False
    return not any(backups_store.opens_with(b.path, data_key) for b in backups_store.list_backups(backups))


def refuse_foreign_keys() -> KeyFileError:
    """The error for a key file that belongs to another vault's database."""
    return KeyFileError(_(KEYS_NOT_THIS_VAULT))


@dataclass
class _Found:
    """One key-file generation on disk: ``state`` is ``missing``, ``unreadable``, ``foreign``,
    ``damaged``, ``unsealed`` or ``good``."""

    path: Path
    state: str
    raw: bytes | None = None
    keyfile: KeyFile | None = None


def _inspect(path: Path, data_key: bytes, vault_id: bytes) -> _Found:
    try:
        raw = read_key_bytes(path)
    except FileNotFoundError:
        return _Found(path, "missing")
    except OSError:
        return _Found(path, "unreadable")
    try:
        parsed = loads(raw)
    except KeyFileError:
        return _Found(path, "damaged", raw)
    if parsed.vault_id != vault_id and not parsed.verifies(data_key):
        return _Found(path, "foreign", raw, parsed)
    return _Found(path, parsed.state(data_key), raw, parsed)


def _set_aside(found: _Found, damaged_dir: Path, stamp: str) -> None:
    private_folder(damaged_dir)
    target = damaged_dir / f"{found.path.name}-{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = damaged_dir / f"{found.path.name}-{stamp}.{n}"
    os.replace(found.path, target)
    fsync_dir(damaged_dir)


def settle_generations(keyfile_path: Path, opened: KeyFile, data_key: bytes, damaged_dir: Path,
                       stamp: str) -> tuple[KeyFile, list[str]]:
    """Verify both key-file generations under ``data_key`` and repair what failed (see the
    module notes). ``opened`` is the generation the secret opened. Returns the key file now in
    use and the notices to show (none when both were fine). Raises ``OSError`` when a repair
    cannot be written (the files are then as they were or already repaired)."""
    prev_path = keyfile_path.with_name(keyfile_path.name + ".prev")
    current = _inspect(keyfile_path, data_key, opened.vault_id)
    spare = _inspect(prev_path, data_key, opened.vault_id)
    for found in (current, spare):  # key files from before the mac: seal them where they are
        if found.state == "unsealed" and found.keyfile is not None:
            sealed = found.keyfile.sealed(data_key)
            found.raw, found.keyfile, found.state = dumps(sealed), sealed, "good"
            atomic_write(found.path, found.raw)
    source = next((f for f in (current, spare) if f.state == "good"), None)
    if source is None:  # nothing verifies; the secret still opened one: leave the files alone
        return opened, []
    notices: list[str] = []
    if current.state != "good":
        if current.state != "missing":
            _set_aside(current, damaged_dir, stamp)
        atomic_write(keyfile_path, source.raw)
        notices.append({"missing": _(KEYFILE_MISSING_NOTICE), "foreign": _(KEYFILE_FOREIGN_NOTICE)}.get(
            current.state, _(KEYFILE_DAMAGED_NOTICE)))
        current = _Found(keyfile_path, "good", source.raw, source.keyfile)
    if spare.state != "good":
        if spare.state != "missing":
            _set_aside(spare, damaged_dir, stamp)
            notices.append(_(SPARE_REPLACED_NOTICE))
        atomic_write(prev_path, current.raw)
    assert current.keyfile is not None
    # The generation the secret opened stays the one in use when it is sound: after a crash in
    # the middle of a passphrase change, the old passphrase (kept in .prev) must keep working.
    state = opened.state(data_key)
    if state == "good":
        return opened, notices
    if state == "unsealed":
        return opened.sealed(data_key), notices
    return current.keyfile, notices


def recover_from_damaged_wal(db: Path, damaged_dir: Path, data_key: bytes, stamp: str) -> str | None:
    """Check the write-ahead log a crash left beside ``db`` *before* SQLite reads it (see
    :mod:`caregiver_app.storage.wal_check`). When it is damaged, copy the database with its log
    into ``damaged_dir`` (byte for byte), fold what can still be read into the database, and
    return the plain message saying what was recovered; None when the log is fine or absent.
    Raises ``OSError`` or a database error when the copy or the fold fails (nothing was changed
    before the copy was complete)."""
    report = check_wal(Path(str(db) + "-wal"))
    if not report.damaged:
        return None
    copy_aside(db, damaged_dir, stamp)
    settle_wal(db, data_key)
    people = backups_store.people_in(db, data_key, live=True)
    total = sum(p.entries for p in people)
    lost = "some" if report.header_damaged else (f"at least {report.lost_commits}" if report.lost_commits > 1 else "one")
    entries = f"{total} journal {'entry' if total == 1 else 'entries'}"
    return _(WAL_DAMAGED).format(lost=lost, entries=entries)


def cipher_check_due(engine: Engine, now: datetime) -> bool:
    """True when SQLCipher's check of every page is due (weekly; or the last date is unknown)."""
    try:
        with Session(engine) as s:
            raw = settings_repo.get_setting(s, CIPHER_CHECK_KEY)
    except DBAPIError:
        return True
    try:
        last = datetime.fromisoformat(raw)
    except ValueError:
        return True
    if last.tzinfo is None:
        return True
    return not (now - CIPHER_CHECK_EVERY < last <= now + timedelta(hours=1))


def record_cipher_check(engine: Engine, now: datetime) -> None:
    """Remember that the page check ran at ``now`` (UTC instant)."""
    try:
        with Session(engine) as s, s.begin():
            settings_repo.set_setting(s, CIPHER_CHECK_KEY, now.astimezone(timezone.utc).isoformat(timespec="seconds"))
    except DBAPIError:
        pass  # only bookkeeping: the check runs again next time
