"""Issue 10 (trust, second pass) through real widgets: long passphrases in the wizard."""

from __future__ import annotations

import os

import keyring
from support import NoKeyring
from PySide6.QtWidgets import QWizard

from caregiver_app.gui.app import StartFlow
from caregiver_app.services.vault_open import unlock_with_passphrase

LONG = ("orange kettle drums beneath a quiet violet lighthouse at noon " * 10)[:300]


def test_the_wizard_takes_a_300_character_passphrase(qtbot, context):
    keyring.set_keyring(NoKeyring())
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    wizard = flow.wizard
    qtbot.addWidget(wizard)
    wizard.next()  # welcome
    page = wizard.passphrase_page
    page.ui.passphraseEdit.setText(LONG)
    page.ui.confirmEdit.setText(LONG)
    assert page.ui.strengthLabel.text() not in ("", "Strength: Too short")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    if os.environ.get("SHOTS_DIR"):  # for a person to look at the page with a long passphrase
        wizard.grab().save(os.path.join(os.environ["SHOTS_DIR"], "trust-b-wizard-long-passphrase.png"))
    commit.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    page.created.vault.close()
    unlock_with_passphrase(context.paths, LONG).close()


def test_a_keyring_that_never_answers_falls_back_to_the_passphrase(qtbot, context, monkeypatch):
    import threading

    from support import PASSPHRASE, MemoryKeyring

    from caregiver_app.gui.vault.unlock_screen import KEYRING_FALLBACK
    from caregiver_app.security import keyring_store
    from caregiver_app.services.vault_open import create_vault

    class Hung(MemoryKeyring):
        release = threading.Event()

        def get_password(self, service, username):
            self.release.wait()

    created = create_vault(context.paths, PASSPHRASE, remember=True)
    assert created.remembered
    created.vault.close()
    monkeypatch.setattr(keyring_store, "TIMEOUT_S", 0.3)
    keyring.set_keyring(Hung())
    try:
        flow = StartFlow(context, on_quit=lambda: None)
        flow.start()
        window = flow.window
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: not window.unlock_screen.busy, timeout=10_000)
        assert window.is_locked
        assert window.unlock_screen.note_text() == KEYRING_FALLBACK
        window.unlock_screen.ui.secretEdit.setText(PASSPHRASE)
        window.unlock_screen.ui.secretEdit.returnPressed.emit()
        qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    finally:
        Hung.release.set()
