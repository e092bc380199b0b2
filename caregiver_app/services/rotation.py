"""A new data key, for when someone may know the passphrase or have seen the recovery code.

Changing the passphrase only re-wraps the data key, so an old copy of the key file plus the old
passphrase would still open the database. Rotation makes a brand-new random data key and:

1. copies the database with SQLCipher's ``sqlcipher_export`` into a new file encrypted under the
   new key (verified: integrity check and row counts equal to the vault's);
2. does the same for every backup in ``backups/``, into a staged ``backups.incoming/`` folder (a
   backup that does not pass its check is moved into ``damaged/`` as it is, never deleted);
3. makes a new key file: a new passphrase slot (the new passphrase, or the current one when the
   user keeps it), a new recovery slot with a new code (shown once), and, when the vault is
   remembered, the new key in the keyring;
4. swaps the staged files in with :mod:`.vault_swap` (recoverable at every instant: the next
   open finishes it or rolls it back), then deletes the old-key database, key files and backups.

Afterwards nothing in the vault folder opens with the old secrets. Copies made outside the app
(a vault file, a copied backup) and the ``damaged``/``replaced`` folders (set aside earlier with
their own key files) still open with the secrets that were current when they were made:
:attr:`RotationResult.still_readable` names them.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import sqlcipher3

from ..i18n import N_, _, ngettext
from ..domain.errors import ValidationError
from ..security import keyring_store
from ..security.keyfile import DATA_KEY_BYTES, _key_check, dumps, passphrase_slot, recovery_slot
from ..security.passphrase import passphrase_problem
from ..security.recovery import new_recovery_code
from ..storage import backup as store
from ..storage.engine import make_engine
from ..storage.errors import BackupError, DiskFullError
from ..storage.files import fsync_dir, private_folder, sidecars
from ..storage.health import disk_is_full
from . import vault_swap
from .clock import Clock, utc_now
from .keys import _prove
from .vault import KeyringUnavailableError, Vault, data_key_of, engine_of, keyfile_of, replace_engine, replace_key
from .vault_open import _stamp

ROTATE_FULL = (N_("The disk is full, so the vault was not re-encrypted: everything stays as it was. Please free up "
               "some space (about twice the size of the vault and its backups) and try again."))


@dataclass(frozen=True)
class RotationResult:
    """What rotation did: the new recovery code (show it once), how many backups were
    re-encrypted, and the folders beside the vault that still open with the old secrets."""

    recovery_code: str
    backups_reencrypted: int
    still_readable: tuple[str, ...]


def rotate_data_key(vault: Vault, *, new_passphrase: str | None = None, confirmation: str | None = None,
                    current_passphrase: str | None = None, recovery_code: str | None = None,
                    clock: Clock = utc_now) -> RotationResult:
    """Re-encrypt the vault and its backups under a new data key (see the module notes).

    Needs the current passphrase or recovery code (except right after a recovery-code unlock).
    ``new_passphrase`` None keeps the current passphrase (then ``current_passphrase`` is needed).
    Raises :class:`ValidationError` for an unusable new passphrase, :class:`WrongSecretError`,
    :class:`DiskFullError` or :class:`BackupError` with the vault as it was. The same
    :class:`Vault` stays open, now under the new key.
    """
    if new_passphrase is not None:
        problem = passphrase_problem(new_passphrase, confirmation)
        if problem:
            raise ValidationError(problem)
    elif not current_passphrase:
        raise ValidationError(_("Please type your current passphrase, or choose a new one."))
    _prove(vault, current_passphrase, recovery_code)
    passphrase = new_passphrase if new_passphrase is not None else current_passphrase
    assert passphrase is not None
    paths = vault.paths
    folder = paths.folder
    new_key = secrets.token_bytes(DATA_KEY_BYTES)
    old_key = data_key_of(vault)
    code = new_recovery_code()
    kf = keyfile_of(vault)
    keyfile = replace(kf, key_check=_key_check(new_key, kf.vault_id), generation=kf.generation + 1, slots=())
    keyfile = keyfile.with_slot(passphrase_slot(keyfile, new_key, passphrase))
    keyfile = keyfile.with_slot(recovery_slot(keyfile, new_key, code))
    keyfile = replace(keyfile, generation=kf.generation + 1).sealed(new_key)
    staged_db = folder / f".vault-rotate-{secrets.token_hex(4)}.tmp"
    staged_backups = folder / "backups.incoming"
    count = 0
    with vault.exclusive():
        engine_of(vault).dispose()
        try:
            vault_swap.finish_interrupted(folder)  # nothing half-done may be mixed in
            counts = store.export_copy(paths.db, old_key, staged_db, rekey=new_key)
            store.verify_backup(staged_db, new_key, counts)
            shutil.rmtree(staged_backups, ignore_errors=True)
            private_folder(staged_backups)
            for found in store.list_backups(paths.backups):
                if _reencrypt_backup(found.path, staged_backups / found.path.name, old_key, new_key):
                    count += 1
                else:  # it does not pass its check: keep it as it is, with the damaged files
                    private_folder(paths.damaged)
                    os.replace(found.path, paths.damaged / found.path.name)
            fsync_dir(staged_backups)
            vault_swap.stage(folder, staged_db, dumps(keyfile), backups=staged_backups)
            vault_swap.swap(folder, f"replaced/.rotated-{_stamp(clock())}", discard_old=True)
        except BaseException as exc:
            for p in sidecars(staged_db):
                p.unlink(missing_ok=True)
            if not vault_swap.pending(folder):  # not yet planned: the old vault stays as it was
                vault_swap.finish_interrupted(folder)
                shutil.rmtree(staged_backups, ignore_errors=True)
                replace_engine(vault, make_engine(paths.db, old_key))
                if disk_is_full(exc):
                    raise DiskFullError(_(ROTATE_FULL)) from None
                if isinstance(exc, (OSError, sqlcipher3.Error)):
                    raise BackupError(_("The vault could not be re-encrypted. Everything stays as it was.")) from None
            raise
        replace_key(vault, make_engine(paths.db, new_key), keyfile, new_key)
    if keyfile.remember_on_device:
        try:
            keyring_store.store_key(keyfile.vault_id, new_key)
        except KeyringUnavailableError:
            pass  # the stale key is refused at the next open, which then asks for the passphrase
    vault.offer_new_passphrase = False
    vault.pending_recovery_code = False
    still = tuple(name for name in ("damaged", "replaced") if _holds_files(folder / name))
    return RotationResult(code, count, still)


def _reencrypt_backup(source: Path, dest: Path, old_key: bytes, new_key: bytes) -> bool:
    """Copy the backup ``source`` to ``dest`` under ``new_key`` and verify it. False (and no
    ``dest``) when the backup itself does not pass its check; a full disk raises."""
    try:
        store.verify_backup(source, old_key)
    except BackupError:
        return False
    expected = store.export_copy(source, old_key, dest, live=False, rekey=new_key)
    store.verify_backup(dest, new_key, expected)
    return True


def still_readable_words(result: RotationResult) -> str:
    """Plain words for what the old secrets may still open (for the window and the CLI)."""
    words = _("Copies made before today — a vault file you saved, a backup you copied somewhere else — still "
              "open with the passphrase and recovery code of that time. Delete them if they may be in the "
              "wrong hands.")
    if result.still_readable:
        quoted = [f"“{name}”" for name in result.still_readable]
        names = quoted[-1]
        for name in reversed(quoted[:-1]):
            names = _("{first} and {second}").format(first=name, second=names)
        more = ngettext("The {names} folder beside the vault also still opens with the old secrets (files set aside "
                        "earlier, with their own key files); delete what is in it when you no longer need it.",
                        "The {names} folders beside the vault also still open with the old secrets (files set aside "
                        "earlier, with their own key files); delete what is in it when you no longer need it.",
                        len(quoted)).format(names=names)
        words = _("{first} {second}").format(first=words, second=more)
    return words


def _holds_files(folder: Path) -> bool:
    try:
        return any(p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                   for p in folder.rglob("*"))
    except OSError:
        return False


__all__ = ["RotationResult", "rotate_data_key", "still_readable_words"]
