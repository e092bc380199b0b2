"""Creating, unlocking and locking the vault (the encrypted database and its key file).

Fail closed: a keyring that is missing, locked or failing only ever leads back to the passphrase
prompt; nothing here creates a new key or database except :func:`create_vault`, and it refuses to
run where a vault already exists.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import CaregiverError
from ..security import keyring_store
from ..security.errors import (  # re-exported: the GUI and CLI reach security only through here
    KeyFileError,
    KeyringUnavailableError,
    RecoveryCodeTypoError,
    UnlockError,
    WrongSecretError,
)
from ..security.keyfile import (
    KeyFile,
    create_keys,
    read_keyfile,
    unwrap_with_passphrase,
    unwrap_with_recovery_code,
    write_keyfile,
)
from ..security.passphrase import MIN_LENGTH, StrengthHint, passphrase_problem, strength_hint
from ..storage import migrate
from ..storage.backup import make_backup
from ..storage.engine import make_engine, prepare_new_file
from ..storage.errors import WrongKeyError
from .clock import Clock, utc_now

APP_DIR_NAME = "CaregiverCompanion"


class VaultExistsError(CaregiverError):
    """A vault is already set up in that folder."""


class NoVaultError(CaregiverError):
    """No vault has been set up in that folder yet."""


@dataclass(frozen=True)
class VaultPaths:
    """Where a vault's files live: ``vault.db`` (+ WAL), ``vault.keys`` (+ ``.prev``), ``backups/``."""

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

    @classmethod
    def default(cls) -> "VaultPaths":
        """The vault in this user's data folder (per platformdirs)."""
        return cls(user_data_path(APP_DIR_NAME, appauthor=False, roaming=False))


def vault_exists(paths: VaultPaths) -> bool:
    """True when a vault has been set up in ``paths.folder``."""
    return paths.keyfile.exists() or paths.keyfile.with_name(paths.keyfile.name + ".prev").exists()


class Vault:
    """An unlocked vault. Use :meth:`session` for each unit of work and :meth:`close` to lock."""

    def __init__(self, paths: VaultPaths, engine: Engine, keyfile: KeyFile, data_key: bytes, unlocked_by: str):
        self.paths = paths
        self.keyfile = keyfile
        self.unlocked_by = unlocked_by
        self._engine: Engine | None = engine
        self._key = bytearray(data_key)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise CaregiverError("The vault is locked.")
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        if self._engine is None:
            raise CaregiverError("The vault is locked.")
        with self._sessions() as session, session.begin():
            yield session

    def data_key(self) -> bytes:
        """The raw data key (only for backups and re-keying; never log or store it)."""
        if self._engine is None:
            raise CaregiverError("The vault is locked.")
        return bytes(self._key)

    def close(self) -> None:
        """Lock: close every database connection and forget the key (best effort in Python)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        for i in range(len(self._key)):
            self._key[i] = 0


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


def _prepare_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass


def create_vault(paths: VaultPaths, passphrase: str, *, remember: bool = False, clock: Clock = utc_now) -> CreatedVault:
    """Set up a new vault in ``paths.folder`` and return it unlocked.

    Raises :class:`VaultExistsError` when a vault is already there, and
    :class:`~caregiver_app.domain.errors.ValidationError`-style :class:`CaregiverError` for a
    passphrase that is too short.
    """
    problem = passphrase_problem(passphrase)
    if problem:
        raise UnlockError(problem)
    if vault_exists(paths):
        raise VaultExistsError("A vault is already set up here. Unlock it instead of making a new one.")
    _prepare_folder(paths.folder)
    if paths.db.exists():
        # A database without a key file is left from a setup that never finished: keep it aside.
        stamp = clock().strftime("%Y%m%dT%H%M%SZ")
        for suffix in ("", "-wal", "-shm"):
            old = Path(str(paths.db) + suffix)
            if old.exists():
                old.rename(old.with_name(f"{old.name}.unfinished-{stamp}"))
    keys = create_keys(passphrase)
    prepare_new_file(paths.db)
    engine = make_engine(paths.db, keys.data_key)
    try:
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    remembered, note, keyfile = False, None, keys.keyfile
    if remember:
        try:
            keyring_store.store_key(keyfile.vault_id, keys.data_key)
            remembered = True
            keyfile = KeyFile(keyfile.vault_id, keyfile.generation, keyfile.key_check, keyfile.slots, True)
        except KeyringUnavailableError as exc:
            note = f"{exc} You will be asked for your passphrase each time."
    write_keyfile(paths.keyfile, keyfile)
    return CreatedVault(Vault(paths, engine, keyfile, keys.data_key, "passphrase"), keys.recovery_code, remembered, note)


def load_keyfile(paths: VaultPaths) -> KeyFile:
    """The vault's key file, falling back to the previous generation if the current one is
    damaged. Raises :class:`NoVaultError` or :class:`KeyFileError`."""
    if not vault_exists(paths):
        raise NoVaultError("No vault is set up here yet.")
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


def unlock_with_passphrase(paths: VaultPaths, passphrase: str, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with its passphrase. Raises :class:`WrongSecretError` (files untouched)."""
    keyfile = load_keyfile(paths)
    key = unwrap_with_passphrase(keyfile, passphrase)
    return _open(paths, keyfile, key, "passphrase", clock)


def unlock_with_recovery_code(paths: VaultPaths, code: str, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the recovery code. Raises :class:`RecoveryCodeTypoError` for a typo
    and :class:`WrongSecretError` for a code that does not belong to this vault."""
    keyfile = load_keyfile(paths)
    key = unwrap_with_recovery_code(keyfile, code)
    return _open(paths, keyfile, key, "recovery", clock)


def unlock_with_keyring(paths: VaultPaths, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the key kept in this computer's keyring.

    Raises :class:`KeyringUnavailableError` for every keyring problem (none, locked, failing, a
    stale key); the caller then asks for the passphrase. Nothing is written.
    """
    keyfile = load_keyfile(paths)
    if not keyfile.remember_on_device:
        raise KeyringUnavailableError("This vault is not remembered on this computer.")
    key = keyring_store.load_key(keyfile.vault_id)
    if not keyfile.verifies(key):
        raise KeyringUnavailableError("The key in this computer's keyring belongs to another vault.")
    return _open(paths, keyfile, key, "keyring", clock)


def set_remember_on_device(vault: Vault, remember: bool) -> str | None:
    """Turn "remember on this computer" on or off. Returns a one-line note when the keyring
    could not take the key (the vault then stays passphrase-only)."""
    kf = vault.keyfile
    if remember:
        try:
            keyring_store.store_key(kf.vault_id, vault.data_key())
        except KeyringUnavailableError as exc:
            return str(exc)
    else:
        keyring_store.forget_key(kf.vault_id)
    new = KeyFile(kf.vault_id, kf.generation + 1, kf.key_check, kf.slots, remember)
    write_keyfile(vault.paths.keyfile, new)
    vault.keyfile = new
    return None


def _open(paths: VaultPaths, keyfile: KeyFile, key: bytes, how: str, clock: Clock) -> Vault:
    try:
        engine = make_engine(paths.db, key)
    except WrongKeyError:
        raise UnlockError(
            "The vault's database could not be opened with its key. The database file may be damaged."
        ) from None
    try:

        def backup_first() -> None:
            make_backup(paths.db, key, paths.backups, "pre-migration", clock())

        migrate.upgrade(engine, before_upgrade=backup_first)
    except BaseException:
        engine.dispose()
        raise
    return Vault(paths, engine, keyfile, key, how)




__all__ = [
    "CreatedVault",
    "KeyFileError",
    "KeyringUnavailableError",
    "MIN_LENGTH",
    "NoVaultError",
    "RecoveryCodeTypoError",
    "StrengthHint",
    "UnlockError",
    "Vault",
    "VaultExistsError",
    "VaultPaths",
    "WrongSecretError",
    "create_vault",
    "is_remembered",
    "keyring_available",
    "load_keyfile",
    "passphrase_problem",
    "set_remember_on_device",
    "strength_hint",
    "unlock_with_keyring",
    "unlock_with_passphrase",
    "unlock_with_recovery_code",
    "vault_exists",
]
