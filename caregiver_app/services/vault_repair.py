"""Repairing a vault whose database was found damaged at open: find the newest backup that opens
with the vault's key and passes its integrity check, and put it in place — the damaged file is
moved into ``damaged/`` beside the vault, never deleted."""

from __future__ import annotations

import weakref
from pathlib import Path

from ..i18n import _
from ..domain.errors import CaregiverError
from ..security.keyfile import Generation
from ..storage import backup as backups_store
from ..storage.errors import BackupError
from ..storage.lock import VaultLock
from .clock import Clock
from .vault import Vault, VaultPaths, _release_lock
from .vault_open import _open, _stamp


class DamageRecovery:
    """What can be done about a damaged database: find the newest backup that passes its check,
    and put it in place. Holds the vault lock and the key until :meth:`close` (or until
    :meth:`restore` hands both to the opened vault)."""

    def __init__(self, paths: VaultPaths, generation: Generation, key: bytes, how: str, lock: VaultLock, clock: Clock):
        self.paths = paths
        self.unlocked_by = how
        self._generation = generation
        self._key = bytearray(key)
        self._lock: VaultLock | None = lock
        self._clock = clock
        self._release = weakref.finalize(self, _release_lock, lock)

    @property
    def is_open(self) -> bool:
        return self._lock is not None

    def good_backups(self, *, limit: int | None = None) -> list:
        """The backups that open with this vault's key and pass their integrity check, newest
        first, as :class:`~caregiver_app.services.backups.BackupSummary` (at most ``limit``)."""
        from .backups import summarize

        if self._lock is None:
            raise CaregiverError(_("This repair was already finished or cancelled."))
        key = bytes(self._key)
        good = []
        for found in backups_store.list_backups(self.paths.backups):
            if limit is not None and len(good) >= limit:
                break
            try:
                backups_store.verify_backup(found.path, key)
                good.append(summarize(found, key))
            except BackupError:
                continue
        return good

    def newest_good_backup(self):
        """The newest backup that passes its check (see :meth:`good_backups`), or None."""
        found = self.good_backups(limit=1)
        return found[0] if found else None

    def restore(self, backup_path: Path) -> Vault:
        """Move the damaged database aside (into ``damaged/``; never deleted), put a verified copy
        of the backup at ``backup_path`` in its place and open the vault. Raises
        :class:`BackupError` (the damaged file then stays where it was)."""
        key = self._key_while_pending()
        backups_store.install_copy(self.paths.db, Path(backup_path), key, aside_dir=self.paths.damaged,
                                   stamp=_stamp(self._clock()))
        return self._open_with(key)

    def open_as_is(self) -> Vault:
        """Open the vault as it is now, without a backup (only after a damaged write-ahead log,
        when what could be read is already in place). Raises what opening raises."""
        return self._open_with(self._key_while_pending())

    def _key_while_pending(self) -> bytes:
        if self._lock is None:
            raise CaregiverError(_("This repair was already finished or cancelled."))
        return bytes(self._key)

    def _open_with(self, key: bytes) -> Vault:
        """Hand the lock over to the opened vault and forget this repair's copy of the key."""
        lock, self._lock = self._lock, None
        self._release.detach()
        vault = _open(self.paths, self._generation, key, self.unlocked_by, self._clock, lock=lock)
        self._wipe()
        return vault

    def close(self) -> None:
        """Give up: release the lock and forget the key. The damaged file stays where it is."""
        self._lock = None
        self._release()
        self._wipe()

    def _wipe(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0
