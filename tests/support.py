"""Helpers shared by the tests (import with ``from support import ...``; conftest files cannot be
imported reliably once several folders have one)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from caregiver_app.security import kdf

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "journals" / "daylio"
CHEAP_ARGON2 = kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1)
PASSPHRASE = "blue kettle morning walk"


class MemoryKeyring(KeyringBackend):
    """A working keyring that lives in memory."""

    priority = 10

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.store:
            raise PasswordDeleteError("not there")
        del self.store[(service, username)]


class LockedKeyring(MemoryKeyring):
    """A keyring whose user refused to unlock it."""

    def get_password(self, service, username):
        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")


class BrokenKeyring(MemoryKeyring):
    """A keyring backend that fails in an unexpected way."""

    def get_password(self, service, username):
        raise RuntimeError("dbus went away")

    def set_password(self, service, username, password):
        raise RuntimeError("dbus went away")


class NoKeyring(KeyringBackend):
    """What keyring reports when no backend exists (mirrors keyring.backends.fail)."""

    priority = 0

    def get_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def set_password(self, service, username, password):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def delete_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")


def sample_path(name: str) -> Path:
    """A shared Daylio sample, or skip the test when the shared folder is not beside the repo."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample {name} is not available (expected at {SAMPLES})")
    return path
