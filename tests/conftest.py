"""Shared test set-up.

* Qt runs offscreen, set before anything imports Qt.
* Every test gets an in-memory keyring (no test touches the OS keyring).
* Argon2 uses cheap parameters (tests only), so a vault opens in milliseconds.
* Every test starts and ends in English, whatever language it switched to.
* Unexpected modal dialogs fail GUI tests instead of hanging them (tests/gui/conftest.py).
* Shared helpers (keyring fakes, sample paths, constants) live in tests/support.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")

import keyring  # noqa: E402  (Qt settings above must come first)
import pytest
from support import CHEAP_ARGON2, PASSPHRASE, MemoryKeyring

from caregiver_app import i18n
from caregiver_app.security import kdf


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
def english_after_each_test():
    """Every test starts in English (the source language) and leaves it so, whatever language a
    test switched to."""
    i18n.set_language(i18n.SOURCE_LANGUAGE)
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture(autouse=True)
def fixed_zone():
    """Tests run in a known zone unless they choose another. Set with a monkeypatch of its own, so
    a test's ``monkeypatch.undo()`` (ending its own patches mid-test) keeps the zone: else the test
    ran on in this computer's zone, and between midnight UTC and midnight in New York its dates
    were a day apart from the rest."""
    with pytest.MonkeyPatch.context() as zone:
        zone.setenv("TZ", "America/New_York")
        if hasattr(__import__("time"), "tzset"):
            __import__("time").tzset()
        yield


@pytest.fixture
def vault_paths(tmp_path):
    from caregiver_app.services.vault import VaultPaths

    return VaultPaths(tmp_path / "vault")


@pytest.fixture
def vault(vault_paths):
    from caregiver_app.services.vault_open import create_vault

    created = create_vault(vault_paths, PASSPHRASE)
    yield created.vault
    created.vault.close()


@pytest.fixture
def data_dir(vault_paths):
    """The folder of a vault set up with ``PASSPHRASE`` and closed again, for the command line and
    other programs to open."""
    from caregiver_app.services.vault_open import create_vault

    create_vault(vault_paths, PASSPHRASE).vault.close()
    return vault_paths.folder


@pytest.fixture
def person(vault):
    from caregiver_app.services.people import add_person

    return add_person(vault, "Sam Rivera")
