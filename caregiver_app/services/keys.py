"""The user's keys: change the passphrase, make a new recovery code, check a secret.

Only the key file changes (the data key is rewrapped; the database is never re-encrypted). Every
write goes through :func:`~caregiver_app.security.keyfile.write_keyfile` (atomic, the previous
generation kept as ``.prev``), so a crash at any moment leaves a key file that opens with the old
secret or the new one, and the recovery code keeps working throughout a passphrase change. Once
a change is complete, ``.prev`` is made a copy of the new file (:func:`settle_keyfile`), so the
replaced secret stops working.

A new recovery code is different: the old code stays in ``.prev`` until the user says they have
written the new one down (:func:`confirm_recovery_code`), so a crash before they saw it never
leaves them with a code they do not have.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from contextlib import contextmanager

from ..i18n import N_, _
from ..domain.errors import ValidationError
from ..security.keyfile import (
    passphrase_slot,
    replace_recovery_code,
    settle_keyfile,
    unwrap_with_passphrase,
    unwrap_with_recovery_code,
    write_keyfile,
)
from ..security.passphrase import passphrase_problem
from .vault import (
    DiskFullError,
    KeyFileError,
    UnlockError,
    Vault,
    WrongSecretError,
    data_key_of,
    keyfile_of,
    replace_keyfile,
)

PROOF_NEEDED = N_("Please type your current passphrase (or your recovery code) first.")
CHANGE_FULL = (N_("The disk is full, so the passphrase was not changed: your current passphrase still works. "
               "Please free up some space and try again."))
NEW_CODE_FULL = (N_("The disk is full, so no new recovery code was made: your current code still works. "
                 "Please free up some space and try again."))


@contextmanager
def _disk_full_means(message: str) -> Iterator[None]:
    """Turn a full disk while writing the key file into :class:`DiskFullError` with ``message``
    (the key file is written atomically, so it is then as it was)."""
    try:
        yield
    except OSError as exc:
        if exc.errno == 28:
            raise DiskFullError(message) from None
        raise


def needs_proof(vault: Vault) -> bool:
    """False right after an unlock with the recovery code (the user just proved who they are and
    may not know the passphrase); True otherwise."""
    return not vault.offer_new_passphrase


def check_secret(vault: Vault, *, passphrase: str | None = None, recovery_code: str | None = None) -> None:
    """Raise unless ``passphrase`` or ``recovery_code`` opens this vault (the on-screen check
    before a key change). Raises :class:`UnlockError` when neither is given,
    :class:`WrongSecretError` or :class:`RecoveryCodeTypoError` otherwise."""
    key = data_key_of(vault)
    if passphrase:
        found = unwrap_with_passphrase(keyfile_of(vault), passphrase)
    elif recovery_code:
        found = unwrap_with_recovery_code(keyfile_of(vault), recovery_code)
    else:
        raise UnlockError(_(PROOF_NEEDED))
    if not hmac.compare_digest(found, key):  # pragma: no cover - the key check already proves it
        raise WrongSecretError(_("That does not open this vault."))


def _prove(vault: Vault, passphrase: str | None, recovery_code: str | None) -> None:
    if not passphrase and not recovery_code and not needs_proof(vault):
        return
    check_secret(vault, passphrase=passphrase, recovery_code=recovery_code)


def change_passphrase(vault: Vault, new_passphrase: str, confirmation: str | None = None, *,
                      current_passphrase: str | None = None, recovery_code: str | None = None) -> None:
    """Set a new passphrase (the old one stops working once this returns).

    The current passphrase or the recovery code is needed, except right after an unlock with the
    recovery code. Raises :class:`ValidationError` for a new passphrase that is too short or does
    not match ``confirmation``, :class:`WrongSecretError` for a wrong current secret, and
    :class:`DiskFullError` on a full disk (the key file as it was: the old passphrase works).
    """
    problem = passphrase_problem(new_passphrase, confirmation)
    if problem:
        raise ValidationError(problem)
    _prove(vault, current_passphrase, recovery_code)
    kf = keyfile_of(vault)
    new = kf.with_slot(passphrase_slot(kf, data_key_of(vault), new_passphrase))
    with _disk_full_means(_(CHANGE_FULL)):
        replace_keyfile(vault, write_keyfile(vault.paths.keyfile, new, data_key_of(vault)))
    try:
        settle_keyfile(vault.paths.keyfile, data_key=data_key_of(vault))
    except OSError:
        pass  # the change is made; the old passphrase stays in .prev until the next settle
    vault.offer_new_passphrase = False
    vault.pending_recovery_code = False


def make_new_recovery_code(vault: Vault, *, current_passphrase: str | None = None,
                           recovery_code: str | None = None) -> str:
    """Make a new recovery code and return it (show it once; it is never stored). The old code
    keeps working until :func:`confirm_recovery_code`. Needs the current passphrase or recovery
    code except right after an unlock with the recovery code."""
    _prove(vault, current_passphrase, recovery_code)
    new, code = replace_recovery_code(keyfile_of(vault), data_key_of(vault))
    with _disk_full_means(_(NEW_CODE_FULL)):
        replace_keyfile(vault, write_keyfile(vault.paths.keyfile, new, data_key_of(vault)))
    vault.pending_recovery_code = True
    return code


def confirm_recovery_code(vault: Vault) -> None:
    """The user has the new code written down: from now on the old code no longer opens the
    vault."""
    settle_keyfile(vault.paths.keyfile, data_key=data_key_of(vault))
    vault.pending_recovery_code = False


__all__ = [
    "KeyFileError",
    "PROOF_NEEDED",
    "change_passphrase",
    "check_secret",
    "confirm_recovery_code",
    "make_new_recovery_code",
    "needs_proof",
]
