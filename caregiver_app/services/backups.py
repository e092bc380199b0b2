"""Backups of the open vault: automatic daily copies, copies on request, and putting one back.

Every backup is an encrypted copy made by SQLCipher itself (same key), checked after writing
(opens, integrity check, row counts equal to the vault's) before it takes its name; only then are
old ones pruned (7 daily and 4 weekly automatic copies are kept; see
:func:`caregiver_app.storage.backup.prune_plan`; a copy made before a restore stays until a newer
backup holds everything in it). Restoring first makes a verified backup of the
vault as it is, so a restore can itself be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from ..i18n import N_, _
from ..domain.errors import CaregiverError
from ..storage import backup as store
from ..storage import migrate
from ..storage.backup import BackupFile, BackupInfo, PersonCount
from ..storage.engine import make_engine
from ..storage.errors import BackupError, NewerSchemaError
from ..storage.rows.journal import EntryRow
from ..storage.rows.people import PersonRow
from .clock import Clock, utc_now
from .vault import Vault, data_key_of, engine_of, replace_engine, session_of

__all__ = [
    "BackupFile",
    "BackupInfo",
    "BackupSummary",
    "PersonCount",
    "RestoreResult",
    "back_up_now",
    "back_up_before_import",
    "back_up_before_undo",
    "backup_due",
    "backup_summary",
    "current_people",
    "daily_backup_if_due",
    "kind_words",
    "list_backups",
    "prune_backups",
    "restore_backup",
]

KIND_WORDS = {
    store.AUTOMATIC: N_("Automatic"),
    store.MANUAL: N_("Made by you"),
    store.PRE_MIGRATION: N_("Before an app update"),
    store.PRE_RESTORE: N_("Before a restore"),
    store.PRE_IMPORT: N_("Before an import"),
    store.PRE_UNDO: N_("Before undoing an import"),
}


def kind_words(reason: str) -> str:
    """The plain words for why a backup was made."""
    return _(KIND_WORDS.get(reason, N_("Other")))


@dataclass(frozen=True)
class BackupSummary:
    """One backup for people to choose from: when it was made (UTC instant), why (``reason``,
    see :func:`kind_words`) and each person's number of journal entries in it."""

    path: Path
    made_at: datetime
    reason: str
    people: tuple[PersonCount, ...]

    @property
    def entries(self) -> int:
        return sum(p.entries for p in self.people)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup now in use, and the verified copy of the vault as it was
    just before (so the restore can be undone by restoring that one)."""

    restored: BackupSummary
    before: BackupInfo


def list_backups(vault: Vault) -> list[BackupFile]:
    """The vault's backups, newest first (made_at is a UTC instant)."""
    return store.list_backups(vault.paths.backups)


def summarize(found: BackupFile, data_key: bytes) -> BackupSummary:
    """Open a backup read-only and count each person's entries. Raises :class:`BackupError`."""
    return BackupSummary(found.path, found.made_at, found.reason, tuple(store.people_in(found.path, data_key)))


def summaries(vault: Vault) -> list[tuple[BackupFile, BackupSummary | None]]:
    """Every backup of the vault, newest first, each with its summary, or None when it cannot be
    read with this vault's key (damaged, or from before a key change)."""
    key = data_key_of(vault)
    result = []
    for found in list_backups(vault):
        try:
            result.append((found, summarize(found, key)))
        except CaregiverError:
            result.append((found, None))
    return result


def backup_summary(vault: Vault, path: Path) -> BackupSummary:
    """The summary of the backup at ``path`` (one of :func:`list_backups`, or another backup file
    of this vault). Raises :class:`BackupError` when it cannot be read with this vault's key."""
    found = store.parse_name(Path(path))
    if found is None:
        if not Path(path).is_file():
            raise BackupError(_("That backup file does not exist."))
        stat = Path(path).stat()
        found = BackupFile(Path(path), datetime.fromtimestamp(stat.st_mtime).astimezone(), "other")
    return summarize(found, data_key_of(vault))


def current_people(vault: Vault) -> list[PersonCount]:
    """Each person in the open vault with their number of journal entries, by name."""
    with session_of(vault) as s:
        rows = s.execute(
            select(PersonRow.display_name, func.count(EntryRow.id))
            .outerjoin(EntryRow, EntryRow.person_id == PersonRow.id)
            .group_by(PersonRow.id)
            .order_by(func.lower(PersonRow.display_name), PersonRow.id)
        ).all()
    return [PersonCount(str(name), int(n)) for name, n in rows]


def backup_due(vault: Vault, *, clock: Clock = utc_now) -> bool:
    """True when the newest automatic backup is more than a day old (or there is none)."""
    return store.daily_due(list_backups(vault), clock())


def daily_backup_if_due(vault: Vault, *, clock: Clock = utc_now) -> BackupInfo | None:
    """Make the automatic daily backup when one is due, then prune old ones. Returns the new
    backup or None when none was due. Raises :class:`BackupError` in plain words."""
    if not backup_due(vault, clock=clock):
        return None
    info = store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.AUTOMATIC, clock())
    store.prune(vault.paths.backups, data_key_of(vault))
    return info


def back_up_before_import(vault: Vault, *, clock: Clock = utc_now, prune: bool = True) -> BackupInfo:
    """Make the verified backup that comes before an import writes anything (reason
    ``pre-import``), then prune old ones (``prune=False``: the caller calls :func:`prune_backups`
    once the import is written, so a failed import pushes out no older backup). Raises
    :class:`BackupError` (plain words; a full disk says so) and then nothing has been written."""
    info = store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.PRE_IMPORT, clock())
    if prune:
        prune_backups(vault)
    return info


def back_up_before_undo(vault: Vault, *, clock: Clock = utc_now) -> BackupInfo:
    """Make the verified backup that comes before undoing an import removes anything (reason
    ``pre-undo``): the journal as it is just before, with everything saved since the import. Old
    backups are not pruned here: the caller calls :func:`prune_backups` once the undo is saved, so
    a failed undo pushes out no older backup. Raises :class:`BackupError` (plain words; a full
    disk says so) and then nothing has been removed."""
    return store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.PRE_UNDO, clock())


def prune_backups(vault: Vault, *, keep: tuple[str, ...] = ()) -> None:
    """Remove the backups that are no longer kept (:func:`caregiver_app.storage.backup.prune_plan`);
    the file names in ``keep`` (a copy just made and named to the user) always stay."""
    store.prune(vault.paths.backups, data_key_of(vault), keep=keep)


def back_up_now(vault: Vault, *, clock: Clock = utc_now) -> BackupSummary:
    """Make a backup now (the user asked), then prune old ones. Raises :class:`BackupError`."""
    info = store.make_backup(vault.paths.db, data_key_of(vault), vault.paths.backups, store.MANUAL, clock())
    store.prune(vault.paths.backups, data_key_of(vault))
    found = store.parse_name(info.path) or BackupFile(info.path, info.made_at, store.MANUAL)
    return summarize(found, data_key_of(vault))


def restore_backup(vault: Vault, path: Path, *, clock: Clock = utc_now) -> RestoreResult:
    """Put the backup at ``path`` back as the vault's database.

    Order: the backup is checked (it opens with this vault's key, passes its integrity check and
    is not from a newer app); the vault as it is now is backed up and that copy verified; then the
    backup is copied beside the database, verified again and renamed over it, and the schema is
    brought up to date. The same :class:`Vault` object stays usable throughout. Raises
    :class:`BackupError` or :class:`NewerSchemaError` with the vault as it was.
    """
    key = data_key_of(vault)
    path = Path(path)
    store.verify_backup(path, key)
    if not migrate.is_known_revision(store.schema_revision(path, key)):
        raise NewerSchemaError(
            _("That backup was made by a newer version of Caregiver Companion. Please update the app to use it.")
        )
    chosen = backup_summary(vault, path)
    before = store.make_backup(vault.paths.db, key, vault.paths.backups, store.PRE_RESTORE, clock())
    paths = vault.paths
    with vault.exclusive():
        engine_of(vault).dispose()
        try:
            store.install_copy(paths.db, path, key)
        except BaseException:
            replace_engine(vault, make_engine(paths.db, key))  # the old database is untouched
            raise
        try:
            engine = make_engine(paths.db, key)
            try:
                migrate.upgrade(
                    engine,
                    before_upgrade=lambda: store.make_backup(paths.db, key, paths.backups, store.PRE_MIGRATION, clock()),
                )
            except BaseException:
                engine.dispose()
                raise
        except BaseException:
            # Put the vault back as it was a moment ago (the copy made above), then report.
            store.install_copy(paths.db, before.path, key)
            replace_engine(vault, make_engine(paths.db, key))
            raise
        replace_engine(vault, engine)
    store.prune(paths.backups, key)
    return RestoreResult(chosen, before)


class NoBackupError(CaregiverError):
    """There is no backup to restore."""
