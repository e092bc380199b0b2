"""Setting up, unlocking and opening a vault, and remembering its key on this computer.

Fail closed: a keyring that is missing, locked or failing only ever leads back to the passphrase
prompt; nothing here creates a new key or database except :func:`create_vault`, and it refuses to
run where a vault already exists.

Every open goes the same way (:func:`_open`): finish an interrupted swap (:mod:`.vault_swap`),
take the vault lock (one program at a time), tidy temporary files a crash left, check the
write-ahead log and then the database for damage *before anything writes to it* (``quick_check``
each time, SQLCipher's page-HMAC check weekly), bring the schema up to date after a verified
backup, and verify and repair both key-file generations (:mod:`.vault_checks`). A damaged database
raises :class:`~caregiver_app.services.vault.DamagedVaultError`, which carries a
:class:`~caregiver_app.services.vault_repair.DamageRecovery` that can put the newest good backup
in place (the damaged file is moved aside, never deleted). The open vault is the narrow handle of
:mod:`caregiver_app.services.vault`.
"""

from __future__ import annotations

import contextvars
import errno
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import N_, _
from ..domain.errors import CaregiverError
from ..installation import require_complete
from ..security.errors import (
    KeyFileError,
    KeyringUnavailableError,
    NewerKeyFileError,
    UnlockError,
    WrongSecretError,
)
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
from ..security.passphrase import passphrase_problem
from ..storage.errors import NotAFolderError, WrongKeyError
from ..storage.files import clean_temp_files, fsync_dir, private_folder
from ..storage.health import check_file
from ..storage.lock import VaultLock
from . import vault_swap
from .clock import Clock, utc_now
from .vault import (DAMAGED, FOLDER_IN_THE_WAY, JOURNAL_IN_THE_WAY, JOURNAL_MISSING, KEYFILE_MISSING,  # noqa: F401
                    SIDE_FILE_IN_THE_WAY,
                    DamagedVaultError, FolderInTheWayError, JournalInTheWayError, MissingJournalError, NoVaultError, Vault,
                    VaultExistsError, VaultPaths, keys_lost, vault_exists)


def _not_a_file(path: Path) -> bool:
    """True when something other than an ordinary file (or a link to one) has ``path``'s name:
    a folder, a pipe, a link loop or a link that leads nowhere."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return os.path.islink(path)
    except OSError:
        return True


def _building_path(paths: VaultPaths) -> Path:
    """Where a new database is built; it takes the name ``vault.db`` only after the key file that
    opens it is safely on disk, so ``vault.db`` without a key file always means lost keys."""
    return paths.db.with_name(paths.db.name + ".new")


KEYFILE_NEWER = N_(
    "This vault was last opened by a newer version of Caregiver Companion, which changed its key "
    "file. Please update the app to open it. Nothing was changed."
)


def _check_keys_not_lost(paths: VaultPaths) -> None:
    """Raise :class:`KeyFileError` with :data:`KEYFILE_MISSING` when the database is there but
    every generation of its key file is gone (see :func:`~.vault.keys_lost`)."""
    problem = keys_lost(paths)
    if problem:
        raise KeyFileError(problem)


def _finish_interrupted_setup(paths: VaultPaths) -> None:
    """A setup that stopped after writing the key file but before naming the database: finish it."""
    building = _building_path(paths)
    if not paths.db.exists() and building.exists() and paths.keyfile.exists():
        os.replace(building, paths.db)
        fsync_dir(paths.folder)


def _stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


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
    from ..security import keyring_store

    return keyring_store.keyring_available()


def create_vault(paths: VaultPaths, passphrase: str, *, remember: bool = False, clock: Clock = utc_now) -> CreatedVault:
    """Set up a new vault in ``paths.folder`` and return it unlocked.

    Raises :class:`VaultExistsError` when a vault is already there, :class:`UnlockError` for a
    passphrase that is too short, :class:`VaultInUseError` when another program holds the folder.
    """
    from ..security import keyring_store
    from ..storage import migrate
    from ..storage.engine import make_engine, prepare_new_file

    require_complete()  # an incomplete installation must not leave an empty vault behind
    problem = passphrase_problem(passphrase)
    if problem:
        raise UnlockError(problem)
    _check_keys_not_lost(paths)
    if vault_exists(paths):
        raise VaultExistsError(_("A vault is already set up here. Unlock it instead of making a new one."))
    try:
        private_folder(paths.folder)
    except OSError as exc:  # a file, a pipe or a broken link has the folder's name
        if not isinstance(exc, NotAFolderError) and exc.errno not in (errno.EEXIST, errno.ENOTDIR, errno.ELOOP):
            raise
        raise FolderInTheWayError(_(FOLDER_IN_THE_WAY).format(folder=paths.folder)) from None
    lock = VaultLock.acquire(paths.folder)
    try:
        if vault_exists(paths):  # made by another program between the check and the lock
            raise VaultExistsError(_("A vault is already set up here. Unlock it instead of making a new one."))
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
                note = _("{problem} You will be asked for your passphrase each time.").format(problem=exc)
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
        raise NoVaultError(_("No vault is set up here yet."))
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


def _key_files(paths: VaultPaths) -> tuple[list[Generation], KeyFileError | None]:
    """Every readable generation of the vault's key file, current first, and the error that made
    the current one unreadable (if any), after finishing a swap a crash interrupted. Raises
    :class:`NoVaultError` where no vault is set up and :class:`KeyFileError` when no generation
    can be read."""
    if not vault_exists(paths):
        raise NoVaultError(_("No vault is set up here yet."))
    vault_swap.finish_under_lock(paths.folder)
    _check_keys_not_lost(paths)
    generations, current_error = read_generations(paths.keyfile)
    if isinstance(current_error, NewerKeyFileError):
        # Not damaged: the older .prev would open, but the newer version may have changed the
        # vault since (and moving its key file aside would be a silent downgrade). Leave both.
        raise NewerKeyFileError(_(KEYFILE_NEWER))
    if not generations:
        raise current_error or KeyFileError(_("The vault's key file is damaged, so the vault cannot be opened from it."))
    return generations, current_error


def _unwrap(paths: VaultPaths, unwrap: Callable[[KeyFile], bytes]) -> tuple[Generation, bytes, KeyFileError | None]:
    """Try the secret on the current key file, then on the previous generation (a crash in the
    middle of a passphrase change leaves the old passphrase there). Returns the generation that
    opened, the data key and the error that made the current file unreadable (if any)."""
    generations, current_error = _key_files(paths)
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
    generation, key, _unused = _unwrap(paths, lambda kf: unwrap_with_passphrase(kf, passphrase))
    return _open(paths, generation, key, "passphrase", clock)


class EarlyPassphrase:
    """A passphrase whose key derivation (Argon2id, the slow part of an unlock) already runs in a
    background thread, so that a caller can do the work that needs no open vault meanwhile
    (loading modules, reading and checking a file): the derivation releases the GIL. Made by
    :func:`start_passphrase_unlock`; :meth:`unlock` then opens the vault exactly as
    :func:`unlock_with_passphrase` does, with the same errors in the same order.

    Starting only reads the current key file (a damaged or missing one starts nothing: the unlock
    reports it as usual). The derivation's result is used only for a key file that is still the
    same when the vault is opened (a swap a crash interrupted may change it first); any other is
    derived again. Always end with :meth:`unlock` or :meth:`wait`: the thread must not outlive
    the caller's work. :meth:`check_ahead` also runs the open's checks in the background."""

    def __init__(self, paths: VaultPaths, passphrase: str):
        self.paths = paths
        self._passphrase = passphrase
        self._keyfile: KeyFile | None = None
        self._outcome: tuple[bytes | None, BaseException | None] = (None, None)
        self._thread: threading.Thread | None = None
        self._ahead: threading.Thread | None = None
        self._ahead_clock: Clock = utc_now
        # what the check ahead left for unlock: (generation, key, lock held), or what it raised
        self._checked: tuple[Generation, bytes, VaultLock] | BaseException | None = None
        try:
            generations, _error = read_generations(paths.keyfile)
        except Exception:  # told by the unlock itself, in its usual words
            generations = []
        if generations:
            self._keyfile = generations[0].keyfile
            # in a copy of this context, so its messages come in the caller's language
            self._thread = threading.Thread(target=contextvars.copy_context().run, args=(self._derive,),
                                            name="caregiver-unlock", daemon=False)
            self._thread.start()

    def _derive(self) -> None:
        try:
            self._outcome = (unwrap_with_passphrase(self._keyfile, self._passphrase), None)
        except BaseException as exc:  # handed to the caller's thread by _unwrap_one
            self._outcome = (None, exc)

    @property
    def started(self) -> bool:
        """True when a derivation was started."""
        return self._thread is not None

    def wait(self) -> None:
        """Wait for the background work to end (at once when none was started). A vault checked
        ahead that no :meth:`unlock` took is let go: its lock is released, nothing is opened."""
        if self._thread is not None:
            self._thread.join()
        outcome = self._claim()
        if isinstance(outcome, DamagedVaultError):
            outcome.recovery.close()
        elif isinstance(outcome, tuple):
            outcome[2].release()

    def _claim(self) -> tuple[Generation, bytes, VaultLock] | BaseException | None:
        """What the check ahead left (once: a second call gets None), after it has ended."""
        if self._ahead is None:
            return None
        self._ahead.join()
        outcome, self._checked = self._checked, None
        return outcome

    def _unwrap_one(self, keyfile: KeyFile) -> bytes:
        if self._thread is None or keyfile != self._keyfile:
            return unwrap_with_passphrase(keyfile, self._passphrase)
        self._thread.join()
        key, problem = self._outcome
        if problem is not None:
            raise problem
        assert key is not None
        return key

    def check_ahead(self, *, clock: Clock = utc_now) -> None:
        """Once the key has derived, go on in the background with the part of the open before
        anything may write to the database, as :meth:`unlock` would do it: read the key files
        (finishing a swap a crash interrupted) and try the passphrase, take the vault lock, tidy
        crash leftovers, check the write-ahead log and run ``quick_check`` on its own connection
        (:func:`_check`). Nothing is written to the database and nothing is printed meanwhile.
        :meth:`unlock` goes on from there (the migrations, the weekly check's record and the key
        files' repair come only after the check passed), or raises what was found, where it
        would have raised it. ``clock`` dates what a damaged log moves aside. Call it on the
        thread that will unlock: it loads the database layer there first."""
        if self._thread is None or self._ahead is not None:
            return
        _load_open_modules()
        self._ahead_clock = clock
        self._ahead = threading.Thread(target=contextvars.copy_context().run, args=(self._check_first,),
                                       name="caregiver-unlock-check", daemon=False)
        self._ahead.start()

    def _check_first(self) -> None:
        try:
            generation, key, _unused = _unwrap(self.paths, self._unwrap_one)
            lock = VaultLock.acquire(self.paths.folder)
            try:
                _check(self.paths, generation, key, "passphrase", self._ahead_clock, lock)
            except DamagedVaultError:
                raise  # its recovery holds the lock
            except BaseException:
                lock.release()
                raise
            self._checked = (generation, key, lock)
        except BaseException as exc:  # raised on the caller's thread by unlock
            self._checked = exc
        finally:
            self._thread.join()  # the key file changed meanwhile: the first derivation ends too

    def unlock(self, *, clock: Clock = utc_now) -> Vault:
        """Open the vault (see :func:`unlock_with_passphrase`), using the key derived meanwhile
        and the checks run ahead, if they were."""
        checked = self._claim()
        if isinstance(checked, BaseException):
            raise checked
        if checked is not None:
            generation, key, lock = checked
            return _open(self.paths, generation, key, "passphrase", clock, lock=lock, checked=True)
        try:
            generation, key, _unused = _unwrap(self.paths, self._unwrap_one)
        finally:
            self.wait()
        return _open(self.paths, generation, key, "passphrase", clock)


def start_passphrase_unlock(paths: VaultPaths, passphrase: str) -> EarlyPassphrase:
    """Start deriving the key of ``passphrase`` for the vault in ``paths`` in a background thread;
    open it later with :meth:`EarlyPassphrase.unlock`."""
    return EarlyPassphrase(paths, passphrase)


def prepare_for_unlock() -> None:
    """Do ahead of an unlock, off the GUI thread while the passphrase is typed, what the first
    unlock of a process would otherwise do on its way (issue 16): link every row class of the
    vault's tables (SQLAlchemy's one-time mapper configuration, about 20 ms), import SQLite's
    SQLAlchemy dialect (the first engine's, about 8 ms), and import what the installation check
    reads the app's own files with (it runs again, in full, at every open). Touches no vault
    file and no data."""
    from sqlalchemy.orm import configure_mappers

    from ..installation import missing_pieces
    from ..storage.engine import load_dialect

    configure_mappers()
    load_dialect()
    missing_pieces()


def unlock_with_recovery_code(paths: VaultPaths, code: str, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the recovery code. Raises :class:`RecoveryCodeTypoError` for a typo
    and :class:`WrongSecretError` for a code that does not belong to this vault."""
    generation, key, _unused = _unwrap(paths, lambda kf: unwrap_with_recovery_code(kf, code))
    return _open(paths, generation, key, "recovery", clock)


def unlock_with_keyring(paths: VaultPaths, *, clock: Clock = utc_now) -> Vault:
    """Open the vault with the key kept in this computer's keyring.

    Raises :class:`KeyringUnavailableError` for every keyring problem (none, locked, failing, a
    stale key); the caller then asks for the passphrase. Nothing is written.
    """
    from ..security import keyring_store

    generation = _key_files(paths)[0][0]
    if not generation.keyfile.remember_on_device:
        raise KeyringUnavailableError(_("This vault is not remembered on this computer."))
    key = keyring_store.load_key(generation.keyfile.vault_id)
    if not generation.keyfile.verifies(key):
        raise KeyringUnavailableError(_("The key in this computer's keyring belongs to another vault."))
    return _open(paths, generation, key, "keyring", clock)


KEY_NOT_FORGOTTEN = (N_("This computer's keyring could not be reached, so the vault's key may still be kept in it "
                     "and the vault is still remembered. Please unlock the keyring and try again."))


def set_remember_on_device(vault: Vault, remember: bool) -> str | None:
    """Turn "remember on this computer" on or off. Returns a one-line note when the keyring
    could not take the key (the vault then stays passphrase-only), or could not give it up
    (the vault then stays remembered, as it still is in the keyring)."""
    from ..security import keyring_store

    kf = vault._keyfile
    if remember:
        try:
            keyring_store.store_key(kf.vault_id, vault._data_key())
        except KeyringUnavailableError as exc:
            return str(exc)
    elif not keyring_store.forget_key(kf.vault_id):
        # the key may still be in the keyring: keep saying so rather than claim it is forgotten
        return _(KEY_NOT_FORGOTTEN)
    new = KeyFile(kf.vault_id, kf.generation + 1, kf.key_check, kf.slots, remember)
    vault._keyfile = write_keyfile(vault.paths.keyfile, new, vault._data_key())
    return None


def _load_open_modules() -> None:
    """Import the database layer :func:`_open` uses (SQLAlchemy among it) on the calling thread,
    so that an open checked ahead in a background thread imports nothing there: two threads
    importing one package's modules at once can meet half-initialised modules."""
    from ..storage import backup, engine, migrate  # noqa: F401
    from . import vault_checks, vault_repair  # noqa: F401


def _damaged(paths: VaultPaths, generation: Generation, key: bytes, how: str, lock: VaultLock,
             clock: Clock) -> BaseException:
    """The error for a database that failed its check (holding ``lock`` in its recovery)."""
    from .vault_checks import keys_belong_elsewhere, refuse_foreign_keys
    from .vault_repair import DamageRecovery

    if paths.db.exists() and keys_belong_elsewhere(paths.db, paths.backups, key):
        return refuse_foreign_keys()  # nothing is wrong with the database: the keys are not its own
    return DamagedVaultError(DAMAGED, DamageRecovery(paths, generation, key, how, lock, clock))


def _plainly(paths: VaultPaths, work: Callable[[], object]):
    """``work()``, with a failure about the disk (full, read-only, failing) told in plain words."""
    from .vault_checks import open_failure

    try:
        return work()
    except (DamagedVaultError, KeyFileError, JournalInTheWayError):
        raise
    except Exception as exc:
        plain = open_failure(exc, paths.folder)
        if plain is None:
            raise
        raise plain from None


def _check(paths: VaultPaths, generation: Generation, key: bytes, how: str, clock: Clock, lock: VaultLock) -> None:
    """The part of an open before anything may write to the database (``lock`` held): finish a
    setup, tidy crash leftovers, check the write-ahead log, then ``quick_check``. Raises as
    :func:`_open` does; the caller releases ``lock`` on any error but a DamagedVaultError."""
    from .vault_checks import recover_from_damaged_wal
    from .vault_repair import DamageRecovery

    require_complete()  # missing migrations must never look like a damaged vault
    _finish_interrupted_setup(paths)
    clean_temp_files(paths.folder, paths.backups)

    def check() -> None:
        if paths.db.exists() and not paths.db.is_file():  # a folder or a pipe: nothing to read or move
            raise JournalInTheWayError(_(JOURNAL_IN_THE_WAY).format(path=paths.db, backups=paths.backups))
        for side in (Path(str(paths.db) + "-wal"), Path(str(paths.db) + "-shm")):
            if _not_a_file(side):  # a pipe here would hang the log's check for ever
                raise JournalInTheWayError(_(SIDE_FILE_IN_THE_WAY).format(path=side))
        wal_message = recover_from_damaged_wal(paths.db, paths.damaged, key, _stamp(clock())) \
            if paths.db.exists() else None
        if wal_message is not None:  # what could be read is in place; offer the newest backup too
            raise DamagedVaultError(wal_message, DamageRecovery(paths, generation, key, how, lock, clock),
                                    recovered=True)
        if not paths.db.exists():  # gone, not damaged: say so (a backup can still go in its place)
            raise MissingJournalError(_(JOURNAL_MISSING).format(folder=paths.folder, backups=paths.backups),
                                      DamageRecovery(paths, generation, key, how, lock, clock))
        if not check_file(paths.db, key).ok:
            raise _damaged(paths, generation, key, how, lock, clock)

    _plainly(paths, check)


def _open(paths: VaultPaths, generation: Generation, key: bytes, how: str, clock: Clock,
          *, lock: VaultLock | None = None, checked: bool = False) -> Vault:
    """Lock, check, migrate and return the open vault (see the module notes). ``checked``: the
    caller already ran :func:`_check` holding ``lock`` (see :meth:`EarlyPassphrase.check_ahead`)."""
    # The database layer (SQLAlchemy, Alembic) loads with the first vault opened, not with the
    # unlock screen.
    from ..storage import backup as backups_store
    from ..storage import migrate
    from ..storage.engine import make_engine
    from .vault_checks import cipher_check_due, record_cipher_check, settle_generations
    from .vault_repair import DamageRecovery

    lock = lock or VaultLock.acquire(paths.folder)

    def engine_for():
        try:
            return make_engine(paths.db, key)
        except WrongKeyError:  # the key is proven by the key file, so the file is damaged
            raise _damaged(paths, generation, key, how, lock, clock) from None

    try:
        if not checked:
            _check(paths, generation, key, how, clock, lock)
        engine = _plainly(paths, engine_for)
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
