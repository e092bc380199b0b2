"""Shared test set-up.

* Qt runs offscreen, set before anything imports Qt.
* Every test gets an in-memory keyring (no test touches the OS keyring).
* Argon2 uses cheap parameters (tests only), so a vault opens in milliseconds.
* Unexpected modal dialogs fail the test instead of hanging it (see tests/gui/conftest.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")

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


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def cheap_argon2():
    previous = kdf.default_params()
    kdf.set_default_params(CHEAP_ARGON2)
    yield
    kdf.set_default_params(previous)


@pytest.fixture(autouse=True)
def fixed_zone(monkeypatch):
    """Tests run in a known zone unless they choose another."""
    monkeypatch.setenv("TZ", "America/New_York")
    if hasattr(__import__("time"), "tzset"):
        __import__("time").tzset()
    yield


@pytest.fixture
def vault_paths(tmp_path):
    from caregiver_app.services.vault import VaultPaths

    return VaultPaths(tmp_path / "vault")


@pytest.fixture
def vault(vault_paths):
    from caregiver_app.services.vault import create_vault

    created = create_vault(vault_paths, PASSPHRASE)
    yield created.vault
    created.vault.close()


@pytest.fixture
def person(vault):
    from caregiver_app.services.people import add_person

    return add_person(vault, "Sam Rivera")


def sample_path(name: str) -> Path:
    """A shared Daylio sample, or skip the test when the shared folder is not beside the repo."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample {name} is not available (expected at {SAMPLES})")
    return path


