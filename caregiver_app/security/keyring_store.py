"""The optional "remember on this computer" slot: the data key in the OS keyring.

Fail closed: no backend, a locked keyring or any error raises :class:`KeyringUnavailableError`,
and the caller asks for the passphrase. Nothing here ever creates a key or writes a file.

A keyring service can hang (a stuck D-Bus secret service, a prompt that never shows): every call
runs in a daemon helper thread and is given up on after :data:`TIMEOUT_S` seconds, so the app
asks for the passphrase instead of waiting forever. An abandoned helper thread never keeps the
app from quitting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from ..i18n import N_, _
from .errors import KeyringUnavailableError

SERVICE = "Caregiver Companion vault"
TIMEOUT_S = 5.0
"""Seconds to wait for the OS keyring before falling back to the passphrase."""
NO_ANSWER = N_("This computer's keyring did not answer.")

T = TypeVar("T")


def _with_timeout(call: Callable[[], T]) -> T:
    """``call()`` in a daemon thread; its result or exception, or :class:`KeyringUnavailableError`
    when it has not finished within :data:`TIMEOUT_S` seconds."""
    done = threading.Event()
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 (handed back to the caller's thread)
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="keyring", daemon=True).start()
    if not done.wait(TIMEOUT_S):
        raise KeyringUnavailableError(_(NO_ANSWER))
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def keyring_available() -> bool:
    """True when a real OS keyring backend is configured (not the null or fail backends)."""
    try:
        backend = _with_timeout(keyring.get_keyring)
        priority = getattr(backend, "priority", 0)
        if callable(priority):
            priority = priority()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
            return False
        if getattr(backend, "backends", None) == []:  # chainer with nothing behind it
            return False
        return float(priority) > 0
    except Exception:  # a broken backend is simply "not available"
        return False


def _account(vault_id: bytes) -> str:
    return vault_id.hex()


def store_key(vault_id: bytes, data_key: bytes) -> None:
    """Keep ``data_key`` in the OS keyring. Raises :class:`KeyringUnavailableError` on failure."""
    try:
        _with_timeout(lambda: keyring.set_password(SERVICE, _account(vault_id), data_key.hex()))
    except KeyringUnavailableError as exc:
        if str(exc) == _(NO_ANSWER):
            raise KeyringUnavailableError(_("This computer's keyring did not answer, so the key was not saved.")) from None
        raise KeyringUnavailableError(_("This computer's keyring could not save the key.")) from None
    except (KeyringError, Exception):
        raise KeyringUnavailableError(_("This computer's keyring could not save the key.")) from None


def load_key(vault_id: bytes) -> bytes:
    """The data key from the OS keyring. Raises :class:`KeyringUnavailableError` when the keyring
    has no key for this vault, is locked, or fails in any way."""
    try:
        value = _with_timeout(lambda: keyring.get_password(SERVICE, _account(vault_id)))
    except KeyringUnavailableError as exc:
        if str(exc) == _(NO_ANSWER):
            raise
        raise KeyringUnavailableError(_("This computer's keyring could not be read (it may be locked).")) from None
    except (KeyringError, Exception):
        raise KeyringUnavailableError(_("This computer's keyring could not be read (it may be locked).")) from None
    if not value:
        raise KeyringUnavailableError(_("This computer's keyring does not hold the key for this vault."))
    try:
        key = bytes.fromhex(value)
    except ValueError:
        raise KeyringUnavailableError(_("The key kept in this computer's keyring is not usable.")) from None
    if len(key) != 32:
        raise KeyringUnavailableError(_("The key kept in this computer's keyring is not usable."))
    return key


def forget_key(vault_id: bytes) -> bool:
    """Remove the key from the OS keyring. True when it is gone (or was never there, or this
    computer has no keyring at all); False when the keyring could not be reached (locked, did
    not answer, failed), so the key may still be in it. Never raises."""
    try:
        _with_timeout(lambda: keyring.delete_password(SERVICE, _account(vault_id)))
    except (PasswordDeleteError, NoKeyringError):
        return True
    except Exception:
        return False
    return True


SYSTEM_BACKENDS = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "win32": ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred"),
    "darwin": ("keyring.backends.macOS",),
}
"""The keyring modules this system's usual keyring needs (the self-test checks they are shipped)."""


def backend_name() -> str:
    """The active keyring backend as ``module.Class`` (for example
    ``keyring.backends.SecretService.Keyring``), or the error's class name when none loads."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        return f"unavailable ({type(exc).__name__})"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def missing_system_backends(platform: str) -> list[str]:
    """The modules of :data:`SYSTEM_BACKENDS` for ``platform`` (``sys.platform``) that cannot be
    imported: empty when this installation ships what the system keyring needs."""
    import importlib

    missing = []
    for name in SYSTEM_BACKENDS.get("linux" if platform.startswith("linux") else platform, ()):
        try:
            importlib.import_module(name)
        except Exception:
            missing.append(name)
    return missing
