"""The vault dialogs with real threads (``Ops.synchronous`` off): keyring writes and key changes
run off the GUI thread, on the write lane, and the dialogs still end as they did inline."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialog, QWizard
from support import PASSPHRASE

from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.vault.key_dialogs import ChangePassphraseDialog
from caregiver_app.gui.vault.security_dialog import SecurityDialog
from caregiver_app.security import keyring_store
from caregiver_app.services import vault_open
from caregiver_app.services.vault import remembered_on_device

NEW = "violet tractor sings quietly"


@pytest.fixture
def threads(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)


@pytest.fixture
def keyring_threads(monkeypatch, memory_keyring):
    """Which thread each keyring write ran on."""
    seen: list[threading.Thread] = []
    store, forget = keyring_store.store_key, keyring_store.forget_key

    def store_key(*args, **kwargs):
        seen.append(threading.current_thread())
        return store(*args, **kwargs)

    def forget_key(*args, **kwargs):
        seen.append(threading.current_thread())
        return forget(*args, **kwargs)

    monkeypatch.setattr(keyring_store, "store_key", store_key)
    monkeypatch.setattr(keyring_store, "forget_key", forget_key)
    return seen


def test_remember_and_forget_write_the_keyring_off_the_gui_thread(qtbot, context, vault, threads, keyring_threads,
                                                                  memory_keyring):
    context.vault = vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(True)
    assert not dialog.remember_check.isEnabled()  # off until the keyring has answered
    qtbot.waitUntil(lambda: "now remembers" in dialog.status_label.text(), timeout=5000)
    assert remembered_on_device(vault) and len(memory_keyring.store) == 1
    assert dialog.remember_check.isEnabled() and dialog.remember_check.isChecked()

    dialog.remember_check.setChecked(False)
    qtbot.waitUntil(lambda: "no longer remembers" in dialog.status_label.text(), timeout=5000)
    assert memory_keyring.store == {} and not remembered_on_device(vault)
    assert len(keyring_threads) == 2
    assert all(t is not threading.main_thread() for t in keyring_threads)
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=5000)


def test_a_wrong_current_passphrase_comes_back_inside_the_dialog(qtbot, context, vault, threads):
    context.vault = vault
    dialog = ChangePassphraseDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.secret.edit.setText("not the passphrase at all")
    dialog.new_edit.setText(NEW)
    dialog.confirm_edit.setText(NEW)
    dialog.accept()
    assert not dialog.new_edit.isEnabled() and dialog.busy_bar.isVisible()  # working, not frozen
    dialog.accept()  # a second press while it works starts nothing
    qtbot.waitUntil(lambda: "does not open" in dialog.problem_label.text(), timeout=10_000)
    assert dialog.new_edit.isEnabled() and dialog.isVisible()
    dialog.secret.edit.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=5000)
    paths = vault.paths
    vault.close()
    context.vault = None
    vault_open.unlock_with_passphrase(paths, NEW).close()


def test_the_wizard_saves_the_keyring_choice_and_the_first_person_off_the_gui_thread(
        qtbot, context, threads, keyring_threads, memory_keyring):
    from test_setup_and_lock import click_next, start

    from caregiver_app.services.people import list_people

    flow = start(qtbot, context)
    wizard = flow.wizard
    click_next(qtbot, wizard)  # welcome
    page = wizard.passphrase_page
    page.ui.passphraseEdit.setText(PASSPHRASE)
    page.ui.confirmEdit.setText(PASSPHRASE)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    wizard.recovery_page.written_check.setChecked(True)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.remember_page
    wizard.remember_page.remember_check.setChecked(True)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.person_page, timeout=5000)
    assert keyring_threads and keyring_threads[0] is not threading.main_thread()
    wizard.person_page.name_edit.setText("Sam Rivera")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: flow.window is not None, timeout=10_000)
    qtbot.addWidget(flow.window)
    assert [p.display_name for p in list_people(context.vault)] == ["Sam Rivera"]
    assert vault_open.is_remembered(context.paths) and memory_keyring.store
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=5000)
