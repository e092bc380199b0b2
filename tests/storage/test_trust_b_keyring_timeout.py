"""Issue 10, item 20: a keyring that never answers is given up on after a few seconds and the
passphrase is asked for instead."""

from __future__ import annotations

import io
import threading

import keyring
import pytest
from support import PASSPHRASE, MemoryKeyring

from caregiver_app import cli
from caregiver_app.security import keyring_store
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs

pytestmark = pytest.mark.timeout(30)


class BlockingKeyring(MemoryKeyring):
    """A keyring whose service never replies (a hung D-Bus secret service, say)."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait()
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        self.release.wait()
        return super().set_password(service, username, password)

    def delete_password(self, service, username):
        self.release.wait()


@pytest.fixture
def blocking(monkeypatch):
    monkeypatch.setattr(keyring_store, "TIMEOUT_S", 0.3)
    backend = BlockingKeyring()
    yield backend
    backend.release.set()  # let the abandoned helper threads finish


@pytest.fixture
def remembered(vault_paths, memory_keyring):
    vault_open.create_vault(vault_paths, PASSPHRASE, remember=True).vault.close()
    assert vault_open.is_remembered(vault_paths)
    return vault_paths


def test_a_hung_keyring_times_out_and_says_so(remembered, blocking):
    store = keyring.get_keyring()
    blocking.store.update(store.store)
    keyring.set_keyring(blocking)
    with pytest.raises(vs.KeyringUnavailableError, match="did not answer"):
        vault_open.unlock_with_keyring(remembered)
    with pytest.raises(keyring_store.KeyringUnavailableError):
        keyring_store.store_key(b"\0" * 16, b"\1" * 32)
    keyring_store.forget_key(b"\0" * 16)  # quietly gives up too


def test_the_cli_falls_back_to_the_passphrase(remembered, blocking):
    keyring.set_keyring(blocking)
    out, err = io.StringIO(), io.StringIO()

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    import getpass

    original = getpass.getpass
    getpass.getpass = lambda prompt="": PASSPHRASE
    try:
        code = cli.main(["--data-dir", str(remembered.folder), "people"], stdin=Terminal(""), out=out, err=err)
    finally:
        getpass.getpass = original
    assert code == cli.EXIT_OK, err.getvalue()
    assert "Asking for the passphrase instead" in err.getvalue()
