"""Issue 10 (trust, second pass) through real widgets: long passphrases in the wizard."""

from __future__ import annotations

import keyring
from support import NoKeyring
from PySide6.QtWidgets import QWizard

from caregiver_app.gui.app import StartFlow
from caregiver_app.services.vault import unlock_with_passphrase

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
    commit.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    page.created.vault.close()
    unlock_with_passphrase(context.paths, LONG).close()
