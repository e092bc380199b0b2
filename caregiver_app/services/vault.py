"""The vault handle (the encrypted database and its key file, once unlocked), where it lives
(:class:`VaultPaths`), the errors and plain-words messages of opening and using it, and the only
way services reach inside it (:func:`session_of`, :func:`engine_of`, :func:`data_key_of`,
:func:`keyfile_of`). The GUI holds a :class:`Vault` but never reaches its key, key file or a
session. Creating, unlocking and opening are :mod:`caregiver_app.services.vault_open`.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path

from ..i18n import N_, _
from ..domain.errors import CaregiverError
from ..installation import IncompleteInstallError, require_complete  # noqa: F401  (re-exported for the GUI)
from ..security.errors import (  # re-exported: the GUI and CLI reach security only through here
    KeyFileError,
    KeyringUnavailableError,
    RecoveryCodeTypoError,
    UnlockError,
    WrongSecretError,
)
from ..security.kdf import KdfTooCostlyError
from ..security.keyfile import KeyFile, load_ciphers, read_keyfile  # noqa: F401  (load_ciphers: re-exported for the GUI's warm-up)
from ..security.passphrase import MIN_LENGTH, StrengthHint, passphrase_problem, strength_hint
from ..storage.errors import (  # re-exported for the GUI and CLI
    BackupError,
    DamagedDatabaseError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyError,
    StorageError,
    VaultInUseError,
)
from ..storage.lock import VaultLock
from . import vault_swap

if TYPE_CHECKING:  # SQLAlchemy is imported once a vault opens: the unlock screen needs none of it
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

APP_DIR_NAME = "CaregiverCompanion"

NewerVersionError = NewerSchemaError

DAMAGED = (
    N_("Your vault's file is damaged, so it was not opened. Nothing in it has been changed or deleted.")
)
FULL = N_("The disk is full, so the last change was not saved. Please free up some space, then try again.")
READ_ONLY = (
    N_("The vault's folder cannot be written to right now (it may be read-only or on a disconnected "
    "drive), so the last change was not saved.")
)
DAMAGED_WHILE_OPEN = (
    N_("The vault's file seems to be damaged, so the last change was not saved. Please close "
    "Caregiver Companion and open it again: it will check the file and offer your newest backup.")
)
IO_FAILED = N_("The computer could not write to the disk, so the last change was not saved. Please try again.")


class VaultExistsError(CaregiverError):
    """A vault is already set up in that folder."""


class NoVaultError(CaregiverError):
    """No vault has been set up in that folder yet."""


class DamagedVaultError(CaregiverError):
    """The vault's database (or its write-ahead log) failed its check when opening. ``recovery``
    (a :class:`~caregiver_app.services.vault_repair.DamageRecovery`) can put the newest good
    backup in place; call ``recovery.close()`` when the user decides not to. ``recovered`` True:
    what could be read is already in place, and ``recovery.open_as_is()`` opens it."""

    def __init__(self, message: str, recovery, *, recovered: bool = False):
        super().__init__(message)
        self.recovery = recovery
        self.recovered = recovered  # a damaged log: what was readable is in place (open_as_is)


JOURNAL_MISSING = N_(
    "Your vault's journal file (vault.db) is missing from {folder}, so the vault was not opened. Its "
    "key file is still there, and nothing was changed: no new, empty vault was made. If you moved or "
    "renamed vault.db, put it back. The app keeps its backups in {backups}."
)


JOURNAL_IN_THE_WAY = N_(
    "The vault cannot be opened because something is in the way in its folder: {path} should be your "
    "journal file, but it is something else (a folder or a pipe, for example). Move it out of the vault's "
    "folder and put vault.db back. The app keeps its backups in {backups}. Nothing was changed."
)


SIDE_FILE_IN_THE_WAY = N_(
    "The vault cannot be opened because something is in the way in its folder: {path} should be one of "
    "the journal's own working files, but it is something else (a folder, a pipe or a link, for "
    "example). Move it out of the vault's folder, then try again. Nothing was changed."
)
FOLDER_IN_THE_WAY = N_(
    "A vault cannot be set up in {folder}, because that is not a folder: it is a file, or a link that "
    "leads nowhere. Choose another folder, or move that one out of the way, then try again. Nothing was "
    "changed."
)


class FolderInTheWayError(StorageError):
    """The vault's folder is something else (a file, a pipe, a broken link or a link loop)."""


class JournalInTheWayError(StorageError):
    """Something other than an ordinary file has the database's name (a folder, a pipe): told as
    such, never as a read-only or failing disk; nothing is moved."""


class MissingJournalError(DamagedVaultError):
    """The key file is there but the database file is gone (moved, deleted, a drive not
    mounted): told as missing, not damaged. ``recovery`` can put the newest good backup in place."""


@dataclass(frozen=True)
class VaultPaths:
    """Where a vault's files live: ``vault.db`` (+ WAL), ``vault.keys`` (+ ``.prev``),
    ``vault.lock``, ``backups/``, and ``damaged/`` (files moved aside, never deleted)."""

    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / "vault.db"

    @property
    def keyfile(self) -> Path:
        return self.folder / "vault.keys"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    @property
    def lock(self) -> Path:
        return self.folder / "vault.lock"

    @property
    def damaged(self) -> Path:
        return self.folder / "damaged"

    @property
    def replaced(self) -> Path:
        return self.folder / "replaced"

    @classmethod
    def default(cls) -> "VaultPaths":
        """The vault in this user's data folder (per platformdirs)."""
        return cls(user_data_path(APP_DIR_NAME, appauthor=False, roaming=False))


def vault_exists(paths: VaultPaths) -> bool:
    """True when a vault has been set up in ``paths.folder`` (a key file, or a database whose key
    file went missing: that is a vault to recover, never a place for a new one)."""
    return (
        paths.keyfile.exists()
        or paths.keyfile.with_name(paths.keyfile.name + ".prev").exists()
        or paths.db.exists()
        or vault_swap.pending(paths.folder)
    )


FOLDER_NOT_THERE = N_(
    "There is no journal in {folder}: that folder is not there. If your journal is on a drive or a "
    "network folder that is not connected right now, connect it and try again. If the folder's name "
    "is mistyped, start the app with the right one. Nothing was changed."
)


FOLDER_NOT_OPENED = N_(
    "Your journal cannot be looked for in {folder}: this app cannot open that folder. It may belong to "
    "another account on this computer, or its drive's permissions may have changed. Give your account "
    "access to it, or start the app with another folder, then try again. Nothing was changed."
)


FOLDER_IS_A_FILE = N_(
    "There is no journal in {folder}: that is a file, not a folder. If it is one of your journal's "
    "files, start the app with the folder it is in ({parent}). Nothing was changed."
)


KEYFILE_MISSING = N_(
    "The vault in {folder} cannot be opened: its key file (vault.keys) is missing. Your passphrase, "
    "your recovery code and the app's backups all need that file. If you have a copy of vault.keys "
    "(in a copy of this folder, on another drive or in a cloud folder), put it back in {folder} and "
    "try again. A vault file you saved for another computer also holds your journal. Nothing was "
    "changed."
)


def folder_not_there(paths: VaultPaths) -> bool:
    """True when ``paths.folder`` (or a folder above it) does not exist and it is not the app's
    usual folder: a drive or network folder not connected, or a mistyped ``--data-dir``. Told as
    such, never as a first start (the usual folder is missing only before the first vault is
    made). A link that leads nowhere counts as not there (a link to an unplugged drive)."""
    if paths.folder.exists():
        return False
    return not _same_folder(paths.folder, usual_folder())


def folder_not_opened(paths: VaultPaths) -> bool:
    """True when this account cannot look into ``paths.folder`` or a folder above it (another
    account's drive, a folder made unreadable, a failing network folder): nothing can be said about
    a journal there, and none can be made there. Told as such, never as an unexpected error."""
    try:
        vault_exists(paths)
        folder_not_there(paths)
    except OSError:
        return True
    return False


def folder_is_a_file(paths: VaultPaths) -> bool:
    """True when ``paths.folder`` is there but is not a folder: a file, often the journal's own
    ``vault.db`` given instead of its folder."""
    try:
        return paths.folder.exists() and not paths.folder.is_dir()
    except OSError:
        return False


def out_of_reach(paths: VaultPaths) -> tuple[str, bool] | None:
    """Why no journal can be looked for in ``paths.folder``: ``(plain words naming the folder,
    whether a new journal could be made there)``, or None when it can be looked into (a vault
    there, an empty folder, or the usual folder before the first start). Told before anything
    else, so that nobody is led to make a new, empty journal when theirs is only out of reach."""
    folder = paths.folder.absolute()  # named in full: "jornal" alone says neither which nor where
    if folder_not_opened(paths):
        return _(FOLDER_NOT_OPENED).format(folder=folder), False
    if folder_is_a_file(paths):
        return _(FOLDER_IS_A_FILE).format(folder=folder, parent=folder.parent), False
    if not vault_exists(paths) and folder_not_there(paths):
        return _(FOLDER_NOT_THERE).format(folder=folder), True
    return None


def usual_folder() -> Path:
    """The app's usual data folder (:meth:`VaultPaths.default`): missing only before a first start."""
    return VaultPaths.default().folder


def _same_folder(a: Path, b: Path) -> bool:
    """Links followed where they can be (as the settings file's location does)."""
    def resolved(folder: Path) -> Path:
        try:
            return Path(folder).resolve()
        except (OSError, RuntimeError):  # a link loop
            return Path(folder).absolute()

    return resolved(a) == resolved(b)


def keys_lost(paths: VaultPaths) -> str | None:
    """The plain words for a vault whose journal is there but whose key file is gone (both
    generations), or None. Cheap (three file checks, no key derivation, no database layer), so
    the unlock screen and the command line tell it before asking for a passphrase. A swap a
    crash interrupted may still bring the key file back: then it is not lost (the open finishes
    the swap)."""
    prev = paths.keyfile.with_name(paths.keyfile.name + ".prev")
    if paths.db.exists() and not paths.keyfile.exists() and not prev.exists() \
            and not vault_swap.pending(paths.folder):
        return _(KEYFILE_MISSING).format(folder=paths.folder.absolute())
    return None


def remembered_on_disk(paths: VaultPaths) -> bool:
    """The answer of :func:`~caregiver_app.services.vault_open.is_remembered` (did the user choose
    "remember on this computer"?), read from the key file alone when nothing unusual is there, so
    the unlock screen asks it before its first paint without loading the database layer
    (SQLCipher) or cryptography (issue 16). A swap to finish, or a current key file that is
    missing or damaged, goes the full way through ``vault_open``."""
    if vault_exists(paths) and not vault_swap.needs_attention(paths.folder):
        try:
            return read_keyfile(paths.keyfile).remember_on_device
        except KeyFileError:
            pass  # the previous generation, the lost-keys check: vault_open says
    if keys_lost(paths):
        return False  # told by the unlock screen at once; no need for vault_open here
    from .vault_open import is_remembered

    return is_remembered(paths)


def plain_storage_error(exc: BaseException) -> CaregiverError | None:
    """A plain-words error for a database failure the user can act on (full disk, read-only
    folder, damage, I/O), or None when ``exc`` is not one of those."""
    from ..storage.health import classify, error_for  # SQLCipher's module loads with the first vault

    kind = classify(exc)
    if kind is None and isinstance(exc, OSError) and exc.errno == 28:
        kind = "full"
    return error_for(kind, {"full": _(FULL), "read-only": _(READ_ONLY), "damaged": _(DAMAGED_WHILE_OPEN), "io": _(IO_FAILED)})


def __getattr__(name: str):
    # Re-exported without importing vault_checks (and the database layer) with this module.
    if name == "KEYFILE_FALLBACK_NOTICE":
        from .vault_checks import KEYFILE_DAMAGED_NOTICE

        return KEYFILE_DAMAGED_NOTICE
    raise AttributeError(name)


def _sessionmaker(engine: Engine):
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(bind=engine, expire_on_commit=False)


class Vault:
    """An unlocked vault: a narrow handle the GUI may hold. Services reach its database through
    :func:`session_of` (and, for backups and keys, :func:`engine_of`, :func:`data_key_of`,
    :func:`keyfile_of`); none of these is an attribute, so a page cannot reach the data key, the
    key file or a session. :meth:`close` locks.

    ``unlocked_by`` is ``"passphrase"``, ``"recovery"`` or ``"keyring"``; ``notices`` holds
    one-line messages the user should see once after opening (e.g. a repaired key file).
    """

    def __init__(self, paths: VaultPaths, engine: Engine, keyfile: KeyFile, data_key: bytes, unlocked_by: str,
                 *, lock: VaultLock | None = None, notices: tuple[str, ...] = ()):
        self.paths = paths
        self._keyfile = keyfile
        self.unlocked_by = unlocked_by
        self.notices: list[str] = list(notices)
        self.offer_new_passphrase = unlocked_by == "recovery"
        self.pending_recovery_code = False
        self._engine: Engine | None = engine
        self._key = bytearray(data_key)
        self._sessions = _sessionmaker(engine)
        self._lock = lock
        self._cond = threading.Condition()
        self._active = 0
        self._swap_owner: int | None = None
        self._release = weakref.finalize(self, _release_lock, lock)

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def _live_engine(self) -> Engine:
        if self._engine is None:
            raise CaregiverError(_("The vault is locked."))
        return self._engine

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        A full disk, a read-only folder, a damaged file or a failing disk raise
        :class:`DiskFullError`, :class:`ReadOnlyError`, :class:`DamagedDatabaseError` or
        :class:`StorageError` in plain words (nothing of the unit of work is kept)."""
        from sqlalchemy.exc import DBAPIError

        if self._engine is None:
            raise CaregiverError(_("The vault is locked."))
        me = threading.get_ident()
        with self._cond:
            while self._swap_owner is not None and self._swap_owner != me:
                self._cond.wait()
            self._active += 1
        try:
            if self._engine is None:
                raise CaregiverError(_("The vault is locked."))
            try:
                with self._sessions() as session, session.begin():
                    yield session
            except DBAPIError as exc:
                plain = plain_storage_error(exc)
                if plain is None:
                    raise
                raise plain from exc
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Wait until no unit of work runs and keep new ones (from other threads) waiting: for
        replacing the database file underneath (restore)."""
        me = threading.get_ident()
        with self._cond:
            while self._swap_owner is not None:
                self._cond.wait()
            self._swap_owner = me
            while self._active:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._swap_owner = None
                self._cond.notify_all()

    def _replace_engine(self, engine: Engine) -> None:
        """Point this vault at a new engine (after its database file was replaced). Call inside
        :meth:`exclusive` with the old engine disposed."""
        self._engine = engine
        self._sessions = _sessionmaker(engine)

    def _replace_key(self, engine: Engine, keyfile: KeyFile, data_key: bytes) -> None:
        """After a key rotation (inside :meth:`exclusive`, old engine disposed): the new engine,
        key file and data key; the old key is wiped from memory."""
        self._replace_engine(engine)
        self._keyfile = keyfile
        for i in range(len(self._key)):
            self._key[i] = 0
        self._key = bytearray(data_key)

    def _data_key(self) -> bytes:
        """The raw data key (only for backups and re-keying; never log or store it)."""
        if self._engine is None:
            raise CaregiverError(_("The vault is locked."))
        return bytes(self._key)

    def close(self) -> None:
        """Lock: close every database connection, forget the key (best effort in Python) and
        give back the vault lock."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        for i in range(len(self._key)):
            self._key[i] = 0
        self._release()

# --- how services reach inside a vault (the GUI never does) -------------------------------------


def session_of(vault: Vault) -> AbstractContextManager[Session]:
    """One unit of work on ``vault``: committed when the block ends, rolled back if it raises.
    Raises :class:`CaregiverError` when the vault is locked; a full disk, a read-only folder, a
    damaged file or a failing disk raise :class:`DiskFullError`, :class:`ReadOnlyError`,
    :class:`DamagedDatabaseError` or :class:`StorageError` in plain words."""
    return vault._session()


def engine_of(vault: Vault) -> Engine:
    """The open database engine (for migrations, restore and re-keying). Raises
    :class:`CaregiverError` when the vault is locked."""
    return vault._live_engine()


def data_key_of(vault: Vault) -> bytes:
    """The raw data key (only for backups and re-keying; never log or store it). Raises
    :class:`CaregiverError` when the vault is locked."""
    return vault._data_key()


def keyfile_of(vault: Vault) -> KeyFile:
    """The key file the vault was opened with (its wrapped keys and ``vault_id``)."""
    return vault._keyfile


def replace_engine(vault: Vault, engine: Engine) -> None:
    """Point ``vault`` at a new engine (after its database file was replaced). Call inside
    ``vault.exclusive()`` with the old engine disposed."""
    vault._replace_engine(engine)


def replace_keyfile(vault: Vault, keyfile: KeyFile) -> None:
    """The key file just written for ``vault`` (a new passphrase or recovery code; same data key)."""
    vault._keyfile = keyfile


def replace_key(vault: Vault, engine: Engine, keyfile: KeyFile, data_key: bytes) -> None:
    """After a key rotation (inside ``vault.exclusive()``, old engine disposed): the new engine,
    key file and data key; the old key is wiped from memory."""
    vault._replace_key(engine, keyfile, data_key)


def remembered_on_device(vault: Vault | None) -> bool:
    """True when ``vault`` is open and its key is kept in this computer's keyring."""
    return bool(vault is not None and vault.is_open and vault._keyfile.remember_on_device)


def _release_lock(lock: VaultLock | None) -> None:
    if lock is not None:
        lock.release()


# --- opening ----------------------------------------------------------------------------------


__all__ = [
    "BackupError",
    "DamagedDatabaseError",
    "DamagedVaultError",
    "DiskFullError",
    "KdfTooCostlyError",
    "KeyFileError",
    "KeyringUnavailableError",
    "MIN_LENGTH",
    "FolderInTheWayError",
    "JournalInTheWayError",
    "MissingJournalError",
    "NewerVersionError",
    "NoVaultError",
    "ReadOnlyError",
    "RecoveryCodeTypoError",
    "StorageError",
    "StrengthHint",
    "UnlockError",
    "Vault",
    "VaultExistsError",
    "VaultInUseError",
    "VaultPaths",
    "WrongSecretError",
    "passphrase_problem",
    "folder_not_there",
    "keys_lost",
    "load_ciphers",
    "plain_storage_error",
    "remembered_on_disk",
    "strength_hint",
    "vault_exists",
]
