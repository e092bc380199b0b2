"""Creating, unlocking and locking the vault (the encrypted database and its key file).

Fail closed: a keyring that is missing, locked or failing only ever leads back to the passphrase
prompt; nothing here creates a new key or database except :func:`create_vault`, and it refuses to
run where a vault already exists.

Every open goes the same way (:func:`_open`): finish an interrupted swap (:mod:`.vault_swap`),
take the vault lock (one program at a time), tidy temporary files a crash left, check the
write-ahead log and then the database for damage *before anything writes to it* (``quick_check``
each time, SQLCipher's page-HMAC check weekly), bring the schema up to date after a verified
backup, and verify and repair both key-file generations (:mod:`.vault_checks`). A damaged database
raises :class:`DamagedVaultError`, which carries a
:class:`~caregiver_app.services.vault_repair.DamageRecovery` that can put the newest good backup
in place (the damaged file is moved aside, never deleted).
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import CaregiverError
from ..installation import IncompleteInstallError, require_complete  # noqa: F401  (re-exported for the GUI)
from ..security import keyring_store
from ..security.errors import (  # re-exported: the GUI and CLI reach security only through here
    KeyFileError,
    KeyringUnavailableError,
    RecoveryCodeTypoError,
    UnlockError,
    WrongSecretError,
)
from ..security.kdf import KdfTooCostlyError
from ..security.keyfile import (
    Generation,
    KeyFile,
    create_keys,
    read_generations,
    read_keyfile,
    settle_keyfile,
    unwrap_with_passphrase,
    unwrap_with_recovery_code,
    write_keyfile,
)
from ..security.passphrase import MIN_LENGTH, StrengthHint, passphrase_problem, strength_hint
from ..storage import backup as backups_store
from ..storage import migrate
from ..storage.engine import make_engine, prepare_new_file
from ..storage.errors import (  # re-exported for the GUI and CLI
    BackupError,
    DamagedDatabaseError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyError,
    StorageError,
    VaultInUseError,
    WrongKeyError,
)
from ..storage.files import clean_temp_files, fsync_dir, private_folder
from ..storage.health import check_file, classify
from ..storage.lock import VaultLock
from . import vault_swap
from .clock import Clock, utc_now
from .vault_checks import (
    KEYFILE_DAMAGED_NOTICE,
    cipher_check_due,
    record_cipher_check,
    keys_belong_elsewhere,
    open_failure,
    recover_from_damaged_wal,
    refuse_foreign_keys,
    settle_generations,
)

APP_DIR_NAME = "CaregiverCompanion"

NewerVersionError = NewerSchemaError

KEYFILE_FALLBACK_NOTICE = KEYFILE_DAMAGED_NOTICE
DAMAGED = (
    "Your vault's file is damaged, so it was not opened. Nothing in it has been changed or deleted."
)
FULL = "The disk is full, so the last change was not saved. Please free up some space, then try again."
READ_ONLY = (
    "The vault's folder cannot be written to right now (it may be read-only or on a disconnected "
    "drive), so the last change was not saved."
)
DAMAGED_WHILE_OPEN = (
    "The vault's file seems to be damaged, so the last change was not saved. Please close "
    "Caregiver Companion and open it again: it will check the file and offer your newest backup."
)
IO_FAILED = "The computer could not write to the disk, so the last change was not saved. Please try again."


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


def _building_path(paths: VaultPaths) -> Path:
    """Where a new database is built; it takes the name ``vault.db`` only after the key file that
    opens it is safely on disk, so ``vault.db`` without a key file always means lost keys."""
    return paths.db.with_name(paths.db.name + ".new")


KEYFILE_MISSING = (
    "This folder holds a vault, but its key file (vault.keys) is missing, so it cannot be opened. "
    "If you have a copy of vault.keys, put it back in the vault folder. Otherwise, use a vault file "
    "or a backup you saved. Nothing was changed."
)


def _check_keys_not_lost(paths: VaultPaths) -> None:
    """Raise :class:`KeyFileError` with :data:`KEYFILE_MISSING` when the database is there but
    every generation of its key file is gone."""
    prev = paths.keyfile.with_name(paths.keyfile.name + ".prev")
    if paths.db.exists() and not paths.keyfile.exists() and not prev.exists():
        raise KeyFileError(KEYFILE_MISSING)


def _finish_interrupted_setup(paths: VaultPaths) -> None:
    """A setup that stopped after writing the key file but before naming the database: finish it."""
    building = _building_path(paths)
    if not paths.db.exists() and building.exists() and paths.keyfile.exists():
        os.replace(building, paths.db)
        fsync_dir(paths.folder)


def _stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def plain_storage_error(exc: BaseException) -> CaregiverError | None:
    """A plain-words error for a database failure the user can act on (full disk, read-only
    folder, damage, I/O), or None when ``exc`` is not one of those."""
    kind = classify(exc)
    if kind == "full":
        return DiskFullError(FULL)
    if kind == "read-only":
        return ReadOnlyError(READ_ONLY)
    if kind == "damaged":
        return DamagedDatabaseError(DAMAGED_WHILE_OPEN)
    if kind == "io":
        return StorageError(IO_FAILED)
    if isinstance(exc, OSError) and exc.errno == 28:
        return DiskFullError(FULL)
    return None


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
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
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
            raise CaregiverError("The vault is locked.")
        return self._engine

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        A full disk, a read-only folder, a damaged file or a failing disk raise
        :class:`DiskFullError`, :class:`ReadOnlyError`, :class:`DamagedDatabaseError` or
        :class:`StorageError` in plain words (nothing of the unit of work is kept)."""
        if self._engine is None:
            raise CaregiverError("The vault is locked.")
        me = threading.get_ident()
        with self._cond:
            while self._swap_owner is not None and self._swap_owner != me:
                self._cond.wait()
            self._active += 1
        try:
            if self._engine is None:
                raise CaregiverError("The vault is locked.")
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
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

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
            raise CaregiverError("The vault is locked.")
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


@dataclass(frozen=True)
class CreatedVault:
    """The new vault, its recovery code (show it once) and whether the keyring holds the key;
    ``keyring_note`` explains in one line why it does not, when it was asked to."""

    vault: Vault
    recovery_code: str
    remembered: bool
    keyring_note: str | None


def keyring_available() -> bool:
    """True when "remember on this computer" can be offered (a real OS keyring exists)."""
    return keyring_store.keyring_available()


def create_vault(paths: VaultPaths, passphrase: str, *, remember: bool = False, clock: Clock = utc_now) -> CreatedVault:
    """Set up a new vault in ``paths.folder`` and return it unlocked.

    Raises :class:`VaultExistsError` when a vault is already there, :class:`UnlockError` for a
    passphrase that is too short, :class:`VaultInUseError` when another program holds the folder.
    """
    require_complete()  # an incomplete installation must not leave an empty vault behind
    problem = passphrase_problem(passphrase)
    if problem:
        raise UnlockError(problem)
    _check_keys_not_lost(paths)
    if vault_exists(paths):
        raise VaultExistsError("A vault is already set up here. Unlock it instead of making a new one.")
    private_folder(paths.folder)
    lock = VaultLock.acquire(paths.folder)
    try:
        if vault_exists(paths):  # made by another program between the check and the lock
            raise VaultExistsError("A vault is already set up here. Unlock it instead of making a new one.")
        building = _building_path(paths)
        for suffix in ("", "-wal", "-shm"):  # left by a setup that stopped before its key file: never held data
            Path(str(building) + suffix).unlink(missing_ok=True)
        keys = create_keys(passphrase)
        prepare_new_file(building)
        staging = make_engine(building, keys.data_key)
        try:
            migrate.upgrade(staging)
        finally:
            staging.dispose()  # the last connection to close folds the WAL back into the file
        remembered, note, keyfile = False, None, keys.keyfile
        if remember:
            try:
                keyring_store.store_key(keyfile.vault_id, keys.data_key)
                remembered = True
                keyfile = KeyFile(keyfile.vault_id, keyfile.generation, keyfile.key_check, keyfile.slots, True)
            except KeyringUnavailableError as exc:
                note = f"{exc} You will be asked for your passphrase each time."
        keyfile = write_keyfile(paths.keyfile, keyfile, keys.data_key)
        settle_keyfile(paths.keyfile, keys.data_key)  # a second copy from the start, should one be damaged
        os.replace(building, paths.db)
        fsync_dir(paths.folder)
        engine = make_engine(paths.db, keys.data_key)
    except BaseException:
        lock.release()
        raise
    vault = Vault(paths, engine, keyfile, keys.data_key, "passphrase", lock=lock)
    return CreatedVault(vault, keys.recovery_code, remembered, note)


def load_keyfile(paths: VaultPaths) -> KeyFile:
    """The vault's key file, falling back to the previous generation if the current one is
    damaged. Raises :class:`NoVaultError` or :class:`KeyFileError`."""
    if not vault_exists(paths):
        raise NoVaultError("No vault is set up here yet.")
    vault_swap.finish_under_lock(paths.folder)
    _check_keys_not_lost(paths)
    try:
        return read_keyfile(paths.keyfile)
    except KeyFileError as first:
        prev = paths.keyfile.with_name(paths.keyfile.name + ".prev")
        if prev.exists():
            try:
                return read_keyfile(prev)
            except KeyFileError:
                pass
        raise first


def is_remembered(paths: VaultPaths) -> bool:
    """True when the user chose "remember on this computer" for this vault."""
    try:
        return load_keyfile(paths).remember_on_device
    except CaregiverError:
        return False


def _unwrap(paths: VaultPaths, unwrap: Callable[[KeyFile], bytes]) -> tuple[Generation, bytes, KeyFileError | None]:
    """Try the secret on the current key file, then on the previous generation (a crash in the
    middle of a passphrase change leaves the old passphrase there). Returns the generation that
    opened, the data key and the error that made the current file unreadable (if any)."""
    if not vault_exists(paths):
        raise NoVaultError("No vault is set up here yet.")
    vault_swap.finish_under_lock(paths.folder)
    _check_keys_not_lost(paths)
    generations, current_error = read_generations(paths.keyfile)
    if not generations:
        raise current_error or KeyFileError("The vault's key file is damaged, so the vault cannot be opened from it.")
    first_problem: CaregiverError | None = None
    for generation in generations:
        try:
            return generation, unwrap(generation.keyfile), current_error
        except (WrongSecretError, KeyFileError) as exc:
            if first_problem is None or (isinstance(first_problem, KeyFileError) and isinstance(exc, WrongSecretError)):
                first_problem = exc
    assert first_problem is not None
    raise first_problem


def unlock_with_passphrase(paths: VaultPaths, passphrase: str, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with its passphrase. Raises :class:`WrongSecretError` (files untouched),
    :class:`DamagedVaultError`, :class:`NewerVersionError`, :class:`VaultInUseError`."""
    generation, key, _ = _unwrap(paths, lambda kf: unwrap_with_passphrase(kf, passphrase))
    return _open(paths, generation, key, "passphrase", clock)


def unlock_with_recovery_code(paths: VaultPaths, code: str, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the recovery code. Raises :class:`RecoveryCodeTypoError` for a typo
    and :class:`WrongSecretError` for a code that does not belong to this vault."""
    generation, key, _ = _unwrap(paths, lambda kf: unwrap_with_recovery_code(kf, code))
    return _open(paths, generation, key, "recovery", clock)


def unlock_with_keyring(paths: VaultPaths, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the key kept in this computer's keyring.

    Raises :class:`KeyringUnavailableError` for every keyring problem (none, locked, failing, a
    stale key); the caller then asks for the passphrase. Nothing is written.
    """
    if not vault_exists(paths):
        raise NoVaultError("No vault is set up here yet.")
    vault_swap.finish_under_lock(paths.folder)
    _check_keys_not_lost(paths)
    generations, current_error = read_generations(paths.keyfile)
    if not generations:
        raise current_error or KeyFileError("The vault's key file is damaged, so the vault cannot be opened from it.")
    generation = generations[0]
    if not generation.keyfile.remember_on_device:
        raise KeyringUnavailableError("This vault is not remembered on this computer.")
    key = keyring_store.load_key(generation.keyfile.vault_id)
    if not generation.keyfile.verifies(key):
        raise KeyringUnavailableError("The key in this computer's keyring belongs to another vault.")
    return _open(paths, generation, key, "keyring", clock)


KEY_NOT_FORGOTTEN = ("This computer's keyring could not be reached, so the vault's key may still be kept in it "
                     "and the vault is still remembered. Please unlock the keyring and try again.")


def set_remember_on_device(vault: Vault, remember: bool) -> str | None:
    """Turn "remember on this computer" on or off. Returns a one-line note when the keyring
    could not take the key (the vault then stays passphrase-only), or could not give it up
    (the vault then stays remembered, as it still is in the keyring)."""
    kf = vault._keyfile
    if remember:
        try:
            keyring_store.store_key(kf.vault_id, vault._data_key())
        except KeyringUnavailableError as exc:
            return str(exc)
    elif not keyring_store.forget_key(kf.vault_id):
        # the key may still be in the keyring: keep saying so rather than claim it is forgotten
        return KEY_NOT_FORGOTTEN
    new = KeyFile(kf.vault_id, kf.generation + 1, kf.key_check, kf.slots, remember)
    vault._keyfile = write_keyfile(vault.paths.keyfile, new, vault._data_key())
    return None


# --- opening ----------------------------------------------------------------------------------


def _open(paths: VaultPaths, generation: Generation, key: bytes, how: str, clock: Clock,
          *, lock: VaultLock | None = None) -> Vault:
    """Lock, check, migrate and return the open vault (see the module notes)."""
    from .vault_repair import DamageRecovery

    lock = lock or VaultLock.acquire(paths.folder)

    def damaged() -> BaseException:
        if paths.db.exists() and keys_belong_elsewhere(paths.db, paths.backups, key):
            return refuse_foreign_keys()  # nothing is wrong with the database: the keys are not its own
        return DamagedVaultError(DAMAGED, DamageRecovery(paths, generation, key, how, lock, clock))

    try:
        require_complete()  # missing migrations must never look like a damaged vault
        _finish_interrupted_setup(paths)
        clean_temp_files(paths.folder, paths.backups)
        try:
            wal_message = recover_from_damaged_wal(paths.db, paths.damaged, key, _stamp(clock())) \
                if paths.db.exists() else None
            if wal_message is not None:  # what could be read is in place; offer the newest backup too
                raise DamagedVaultError(wal_message, DamageRecovery(paths, generation, key, how, lock, clock),
                                        recovered=True)
            if not paths.db.exists() or not check_file(paths.db, key).ok:
                raise damaged()
            try:
                engine = make_engine(paths.db, key)
            except WrongKeyError:  # the key is proven by the key file, so the file is damaged
                raise damaged() from None
        except (DamagedVaultError, KeyFileError):
            raise
        except Exception as exc:
            plain = open_failure(exc, paths.folder)
            if plain is None:
                raise
            raise plain from None
        try:
            now = clock()
            due = cipher_check_due(engine, now)
            if due and not check_file(paths.db, key, cipher_check=True).ok:
                engine.dispose()
                raise DamagedVaultError(DAMAGED, DamageRecovery(paths, generation, key, how, lock, clock))

            def backup_first() -> None:
                backups_store.make_backup(paths.db, key, paths.backups, backups_store.PRE_MIGRATION, clock())

            migrate.upgrade(engine, before_upgrade=backup_first)
            if due:
                record_cipher_check(engine, now)
            keyfile, notices = settle_generations(paths.keyfile, generation.keyfile, key, paths.damaged,
                                                  _stamp(clock()))
        except DamagedVaultError:
            raise
        except BaseException:
            engine.dispose()
            raise
    except DamagedVaultError:
        raise  # the recovery holds the lock now
    except BaseException:
        lock.release()
        raise
    return Vault(paths, engine, keyfile, key, how, lock=lock, notices=tuple(notices))


__all__ = [
    "BackupError",
    "CreatedVault",
    "DamagedDatabaseError",
    "DamagedVaultError",
    "DiskFullError",
    "KdfTooCostlyError",
    "KeyFileError",
    "KeyringUnavailableError",
    "MIN_LENGTH",
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
    "create_vault",
    "is_remembered",
    "keyring_available",
    "load_keyfile",
    "passphrase_problem",
    "plain_storage_error",
    "set_remember_on_device",
    "strength_hint",
    "unlock_with_keyring",
    "unlock_with_passphrase",
    "unlock_with_recovery_code",
    "vault_exists",
]
