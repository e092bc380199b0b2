"""Moving the vault to a new computer: export it as one encrypted vault file, and set it up from
that file elsewhere with the passphrase or the recovery code.

The vault file (see :mod:`caregiver_app.storage.vault_file`) holds an encrypted copy of the
database and the key file, nothing else. Importing first reads and checks the file into a
temporary encrypted copy beside the vault (a preview: when it was made, who is in it), and only
changes anything when :meth:`PendingImport.install` is called.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from ..i18n import N_, _
from .. import __version__
from ..domain.errors import ValidationError
from ..security.errors import NewerKeyFileError
from ..security.keyfile import (
    Generation,
    KeyFile,
    dumps,
    loads,
    unwrap_with_passphrase,
    unwrap_with_recovery_code,
)
from ..storage import backup as store
from ..storage import migrate
from ..storage.backup import PersonCount
from ..storage.errors import BackupError, DiskFullError, NewerSchemaError
from ..storage.files import private_folder, sidecars
from ..storage.health import disk_is_full
from ..storage.lock import VaultLock
from ..storage.vault_file import VaultFileError, extract_database, read_vault_file, write_vault_file
from . import vault_swap
from .clock import Clock, utc_now
from .export_files import export_path
from .vault import KeyFileError, UnlockError, Vault, VaultExistsError, VaultPaths, data_key_of, keyfile_of, vault_exists
from .vault_open import _open, _stamp

EXTENSION = ".ccvault"
EXPORT_FULL = N_("The disk is full, so the vault file could not be saved. Nothing was half-written; please free up some space and try again.")

__all__ = [
    "EXTENSION",
    "ExportResult",
    "PendingImport",
    "VaultFileError",
    "default_export_name",
    "export_vault",
    "open_vault_file",
]


def default_export_name(today: date) -> str:
    """A generic file name with no names or health words: ``caregiver-vault-2026-11-30.ccvault``."""
    return f"caregiver-vault-{today.isoformat()}{EXTENSION}"


@dataclass(frozen=True)
class ExportResult:
    """Where the vault file was written and what it holds (each person's entry count)."""

    path: Path
    people: tuple[PersonCount, ...]


def export_vault(vault: Vault, dest: Path, *, clock: Clock = utc_now) -> ExportResult:
    """Write the whole vault as one encrypted vault file at ``dest`` (``.ccvault`` is added when
    missing); mode 0600, written atomically. The copy inside is verified before the file is
    written. Raises :class:`ValidationError` for a folder that does not exist or cannot be
    written, :class:`BackupError` when the copy fails."""
    dest = export_path(dest, EXTENSION)
    folder = dest.parent
    key = data_key_of(vault)
    tmp = vault.paths.folder / f".vault-export-{secrets.token_hex(4)}.tmp"
    try:
        counts = store.export_copy(vault.paths.db, key, tmp)
        store.verify_backup(tmp, key, counts)
        people = tuple(store.people_in(tmp, key))
        keyfile = replace(keyfile_of(vault), remember_on_device=False).sealed(key)  # the keyring stays here
        manifest = {
            "made_at": clock().astimezone(timezone.utc).isoformat(timespec="seconds"),
            "app_version": __version__,
            "schema": store.schema_revision(tmp, key),
        }
        written = write_vault_file(dest, tmp, dumps(keyfile), manifest)
    except PermissionError:
        raise ValidationError(_("This app is not allowed to save in {folder}. Please choose another folder.").format(folder=folder)) from None
    except BackupError as exc:
        if "full" in str(exc):
            raise DiskFullError(_(EXPORT_FULL)) from None
        raise
    except Exception as exc:  # a full disk may surface from the database library or the OS
        if disk_is_full(exc):
            raise DiskFullError(_(EXPORT_FULL)) from None
        if isinstance(exc, OSError):
            raise ValidationError(_("The vault file could not be saved there. Please choose another place.")) from None
        raise
    finally:
        for p in sidecars(tmp):
            try:
                p.unlink()
            except OSError:
                pass
    return ExportResult(written, people)


class PendingImport:
    """A vault file that opened with the secret given, checked and waiting in a temporary
    encrypted copy beside the vault. Show :attr:`made_at` and :attr:`people`, then either
    :meth:`install` or :meth:`discard`."""

    def __init__(self, paths: VaultPaths, tmp: Path, keyfile: KeyFile, key: bytes, opened_with: str,
                 made_at: datetime | None, people: tuple[PersonCount, ...]):
        self.paths = paths
        self.opened_with = opened_with
        self.made_at = made_at
        self.people = people
        self._tmp: Path | None = tmp
        self._keyfile = keyfile
        self._key = bytearray(key)

    @property
    def entries(self) -> int:
        return sum(p.entries for p in self.people)

    def install(self, *, replace_existing: bool = False, clock: Clock = utc_now) -> Vault:
        """Make this the vault in ``paths.folder`` and return it open.

        When a vault is already there: without ``replace_existing`` raises
        :class:`VaultExistsError`; with it, the old vault's files (database, key files, backups)
        are moved into ``replaced/<time>/`` — never deleted — in steps that the next open
        finishes by itself should they be interrupted (:mod:`.vault_swap`). The vault in the
        folder must be closed (else :class:`VaultInUseError`). "Remember on this computer"
        starts off.
        """
        if self._tmp is None:
            raise UnlockError(_("This vault file was already used or put away. Please open it again."))
        paths = self.paths
        lock = VaultLock.acquire(paths.folder)
        try:
            vault_swap.finish_interrupted(paths.folder)
            if vault_exists(paths) and not replace_existing:
                raise VaultExistsError(
                    _("A vault is already set up here. Choose a different folder, or replace it on purpose.")
                )
            key = bytes(self._key)
            keyfile = replace(self._keyfile, remember_on_device=False, generation=self._keyfile.generation + 1)
            keyfile = keyfile.sealed(key)
            vault_swap.stage(paths.folder, self._tmp, dumps(keyfile))
            self._tmp = None
            vault_swap.swap(paths.folder, f"replaced/{_stamp(clock())}")
        except BaseException:
            lock.release()
            raise
        self._wipe()
        return _open(paths, Generation("current", keyfile, dumps(keyfile)), key, self.opened_with, clock, lock=lock)

    def discard(self) -> None:
        """Remove the temporary copy and forget the key (nothing else was changed)."""
        tmp, self._tmp = self._tmp, None
        if tmp is not None:
            for p in sidecars(tmp):
                try:
                    p.unlink()
                except OSError:
                    pass
        self._wipe()

    def _wipe(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0


def open_vault_file(paths: VaultPaths, file: Path, *, passphrase: str | None = None,
                    recovery_code: str | None = None) -> PendingImport:
    """Read the vault file ``file`` and open it with ``passphrase`` or ``recovery_code``.

    Raises :class:`VaultFileError` (not a vault file, damaged, from a newer app),
    :class:`KeyFileError`, :class:`WrongSecretError` or :class:`RecoveryCodeTypoError`, and
    :class:`NewerSchemaError` for a vault from a newer app. Nothing in ``paths.folder`` changes
    except a temporary encrypted copy (removed again by :meth:`PendingImport.discard`).
    """
    contents = read_vault_file(Path(file))
    try:
        keyfile = loads(contents.keyfile_bytes)
    except KeyFileError as exc:
        if isinstance(exc, NewerKeyFileError):  # by type: the message is in the user's language
            raise VaultFileError(str(exc)) from None
        raise VaultFileError(_("The key part of this vault file is damaged, so it cannot be opened.")) from None
    if passphrase:
        key, how = unwrap_with_passphrase(keyfile, passphrase), "passphrase"
    elif recovery_code:
        key, how = unwrap_with_recovery_code(keyfile, recovery_code), "recovery"
    else:
        raise UnlockError(_("Please type the vault's passphrase or its recovery code."))
    private_folder(paths.folder)
    usage = shutil.disk_usage(paths.folder)
    if usage.free < contents.db_size * 2 + 1024 * 1024:
        raise ValidationError(_("There is not enough free disk space for this vault. Please free some space first."))
    tmp = paths.folder / f".vault-import-{secrets.token_hex(4)}.tmp"
    try:
        extract_database(Path(file), tmp)
        try:
            store.verify_backup(tmp, key)
        except BackupError:
            raise VaultFileError(_("This vault file is damaged or incomplete, so it cannot be used.")) from None
        if not migrate.is_known_revision(store.schema_revision(tmp, key)):
            raise NewerSchemaError(
                _("This vault was saved by a newer version of Caregiver Companion. Please update the app to open it.")
            )
        people = tuple(store.people_in(tmp, key))
    except BaseException:
        for p in sidecars(tmp):
            try:
                p.unlink()
            except OSError:
                pass
        raise
    made_at = None
    raw = contents.manifest.get("made_at")
    if isinstance(raw, str):
        try:
            made_at = datetime.fromisoformat(raw)
            if made_at.tzinfo is None:
                made_at = made_at.replace(tzinfo=timezone.utc)
        except ValueError:
            made_at = None
    return PendingImport(paths, tmp, keyfile, key, how, made_at, people)
