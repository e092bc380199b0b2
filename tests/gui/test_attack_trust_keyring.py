"""Found by the trust attack: turning "remember on this computer" off while the keyring could
not be reached (locked, not answering) left the vault's data key in the keyring, yet the vault
was marked as no longer remembered and the window said "This computer no longer remembers the
vault". Anyone who can sign in to the account could still read the key from the keyring."""

from __future__ import annotations

import pytest
from keyring.errors import KeyringLocked

from caregiver_app.gui.vault.security_dialog import SecurityDialog
from caregiver_app.security import keyring_store
from caregiver_app.services import vault_open
from caregiver_app.services.vault import keyfile_of


def _lock_deletes(monkeypatch, backend):
    def refuse(service, username):
        raise KeyringLocked("locked")

    monkeypatch.setattr(backend, "delete_password", refuse)


def test_forgetting_while_the_keyring_is_locked_keeps_the_vault_remembered(qtbot, vault, memory_keyring):
    assert vault_open.set_remember_on_device(vault, True) is None
    with pytest.MonkeyPatch.context() as mp:
        _lock_deletes(mp, memory_keyring)
        problem = vault_open.set_remember_on_device(vault, False)
    assert problem and "could not be reached" in problem
    assert len(memory_keyring.store) == 1  # the key is still there ...
    assert keyfile_of(vault).remember_on_device  # ... and the vault says so
    assert vault_open.set_remember_on_device(vault, False) is None  # once the keyring answers, it goes
    assert memory_keyring.store == {} and not keyfile_of(vault).remember_on_device


def test_the_security_dialog_does_not_claim_the_key_is_forgotten(qtbot, context, vault, memory_keyring, monkeypatch):
    context.vault = vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.remember_check.setChecked(True)
    _lock_deletes(monkeypatch, memory_keyring)
    dialog.remember_check.setChecked(False)
    assert dialog.remember_check.isChecked()  # still remembered, and shown so
    assert "no longer remembers" not in dialog.status_label.text()
    assert "could not be reached" in dialog.status_label.text()


def test_a_key_that_is_not_there_counts_as_forgotten(memory_keyring):
    assert keyring_store.forget_key(b"\0" * 16) is True
