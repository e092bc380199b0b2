"""The vault's safety through the real widgets: backups and restore, the Security dialog, a new
passphrase after a recovery-code unlock, repair of a damaged vault, vault files in the wizard and
the File menu, one window per vault, drafts kept on a full disk, and a calm crash dialog."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy import event
from support import NOW, PASSPHRASE, add_entries, flip_byte, folder_bytes, type_and_unlock

from caregiver_app.gui.app import StartFlow, create_main_window
from caregiver_app.gui.vault.backups_dialog import BackupsDialog
from caregiver_app.gui.common.errors import ExceptionHook
from caregiver_app.gui.vault.key_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from caregiver_app.gui.vault.security_dialog import SecurityDialog
from caregiver_app.gui.single_instance import SingleInstance, bring_forward, server_name
from caregiver_app.gui.vault.vault_file_dialogs import OpenVaultFileDialog
from caregiver_app.services import backups, journal, people, transfer
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vs
from caregiver_app.services.vault import engine_of, keyfile_of

NEW = "violet tractor sings quietly"


def window_for(qtbot, context, vault=None):
    context.vault = vault
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def click(box: QMessageBox, text: str):
    """Answer a message box by pressing the button with ``text`` (what a user would do)."""
    (button,) = [b for b in box.buttons() if b.text() == text]
    button.click()


def safe_default(box: QMessageBox) -> str:
    assert box.defaultButton() is box.escapeButton()
    return box.defaultButton().text()


# --- the File menu ----------------------------------------------------------------------------


def test_file_menu_actions_follow_the_lock(qtbot, context, vault):
    window = window_for(qtbot, context, vault)
    tools = window.vault_tools
    file_menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for action in tools.actions:
        assert action.text() in file_menu_texts and action.isEnabled()
    window.lock()
    assert not any(a.isEnabled() for a in tools.actions)
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert all(a.isEnabled() for a in tools.actions)


def test_daily_backup_runs_in_the_background_and_a_failure_is_told_once(qtbot, context, vault, monkeypatch):
    window = window_for(qtbot, context, vault)
    tools = window.vault_tools
    tools.run_daily_backup()
    assert [b.reason for b in backups.list_backups(vault)] == ["daily"]
    tools.run_daily_backup()  # not due again today
    assert len(backups.list_backups(vault)) == 1

    def full(*_a, **_k):
        raise vs.BackupError("The disk is full, so a backup copy of the vault could not be made.")

    monkeypatch.setattr(backups, "daily_backup_if_due", full)
    tools.run_daily_backup()
    tools.run_daily_backup()
    notes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
             and w.windowTitle() == "Automatic backup"]
    assert len(notes) == 1 and "disk is full" in notes[0].text() and "journal itself is fine" in notes[0].text()
    notes[0].close()


# --- backups ----------------------------------------------------------------------------------


def test_backups_dialog_previews_and_restores_only_when_asked(qtbot, context, vault, person, modals):
    add_entries(vault, person.id, 3)
    backups.daily_backup_if_due(vault, clock=lambda: NOW - timedelta(days=1))
    add_entries(vault, person.id, 2, start_day=20)
    context.vault = vault
    restored = []
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    dialog.restored.connect(lambda: restored.append(True))
    changes = []
    context.ops.changed.connect(changes.append)
    dialog.refresh()
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.backup_label.text() == "Sam Rivera: 3 entries"
    assert dialog.now_label.text() == "Sam Rivera: 5 entries"
    seen = {}

    def decline(box):
        seen["default"] = safe_default(box)
        seen["text"] = box.text() + "\n" + box.informativeText()
        click(box, "Keep things as they are")

    modals.expect(handler=decline)
    dialog.restore_selected()
    assert seen["default"] == "Keep things as they are"
    assert "Sam Rivera: 3 entries" in seen["text"] and "Sam Rivera: 5 entries" in seen["text"]
    assert journal.count_entries(vault, person.id) == 5 and not restored

    modals.expect(handler=lambda box: click(box, "Restore this backup"))
    dialog.restore_selected()
    assert journal.count_entries(vault, person.id) == 3 and restored == [True]
    # Everything may differ after a restore: the change names every concept, so every page re-reads.
    from caregiver_app.gui.common.ops import CONCEPTS

    assert changes[-1].concepts == CONCEPTS
    assert "Restored the backup" in dialog.status_label.text()
    reasons = sorted(b.reason for b in backups.list_backups(vault))
    assert reasons == ["daily", "pre-restore"]  # the vault as it was is kept
    dialog.back_up_now()
    assert dialog.tree.topLevelItemCount() == 3


# --- keys -------------------------------------------------------------------------------------


def test_security_dialog_changes_the_passphrase(qtbot, context, vault, modals):
    context.vault = vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)

    def fill(change: ChangePassphraseDialog):
        assert change.secret.isVisibleTo(change)  # the current passphrase is asked for
        change.secret.edit.setText("not the passphrase at all")
        change.new_edit.setText(NEW)
        change.confirm_edit.setText(NEW)
        change.accept()
        assert "does not open" in change.problem_label.text()
        change.secret.edit.setText(PASSPHRASE)
        change.accept()
        return QDialog.DialogCode.Accepted

    modals.expect(handler=fill)
    dialog.change_passphrase()
    assert "changed" in dialog.status_label.text()
    paths = vault.paths
    vault.close()
    context.vault = None
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_passphrase(paths, PASSPHRASE)
    vault_open.unlock_with_passphrase(paths, NEW).close()


def test_new_recovery_code_shown_once_and_the_old_one_retired(qtbot, context, vault_paths, modals):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    context.vault = created.vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)
    shown = {}

    def make(new: NewRecoveryCodeDialog):
        assert not new.make_button.autoDefault() and not new.cancel_button.autoDefault()
        new.secret.edit.setText(PASSPHRASE)
        new.make_code()
        shown["code"] = new.code
        assert new.code_label.text().replace("\n", "-") == new.code
        assert not new.done_button.isEnabled()
        if new.sheet_button.isVisibleTo(new):  # the printable sheet, as in the setup wizard
            modals.expect(result=QDialog.DialogCode.Rejected)
            new.sheet_button.click()
            assert modals.seen[-1].kind == "RecoverySheetDialog"
        new.written_check.setChecked(True)
        new.done_button.click()
        assert new.code_label.text() == ""  # not kept on screen
        return QDialog.DialogCode.Accepted

    modals.expect(handler=make)
    dialog.new_recovery_code()
    created.vault.close()
    context.vault = None
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_recovery_code(vault_paths, created.recovery_code)
    vault_open.unlock_with_recovery_code(vault_paths, shown["code"]).close()


def test_remember_on_this_computer_from_the_security_dialog(qtbot, context, vault, memory_keyring):
    context.vault = vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.remember_check.isChecked() and dialog.remember_check.isEnabled()
    dialog.remember_check.setChecked(True)
    assert keyfile_of(vault).remember_on_device and len(memory_keyring.store) == 1
    dialog.remember_check.setChecked(False)
    assert not keyfile_of(vault).remember_on_device and memory_keyring.store == {}
    assert "no longer remembers" in dialog.status_label.text()


def test_a_recovery_code_unlock_offers_a_new_passphrase(qtbot, context, vault_paths):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    window = window_for(qtbot, context, created.vault)
    window.lock()
    window.unlock_screen.set_recovery_mode(True)
    type_and_unlock(qtbot, window, created.recovery_code)
    assert not window.is_locked
    qtbot.waitUntil(lambda: any(isinstance(w, ChangePassphraseDialog) and w.isVisible()
                                for w in window.findChildren(QDialog)), timeout=2000)
    (offer,) = [w for w in window.findChildren(ChangePassphraseDialog) if w.isVisible()]
    assert not offer.secret.isVisibleTo(offer)  # no old passphrase needed now
    assert offer.buttons.button(offer.buttons.StandardButton.Cancel).text() == "Not now"
    offer.new_edit.setText(NEW)
    offer.confirm_edit.setText(NEW)
    offer.accept()
    assert not offer.isVisible() and not context.vault.offer_new_passphrase
    window.lock()
    type_and_unlock(qtbot, window, NEW)
    assert not window.is_locked


# --- damage -----------------------------------------------------------------------------------


def test_a_damaged_vault_offers_its_newest_good_backup_with_not_now_as_default(qtbot, context, vault_paths, modals):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam Rivera")
    add_entries(created.vault, sam.id, 4)
    backups.daily_backup_if_due(created.vault, clock=lambda: NOW - timedelta(days=1))
    add_entries(created.vault, sam.id, 3, start_day=30)
    window = window_for(qtbot, context, created.vault)
    window.lock()
    flip_byte(vault_paths.db, vault_paths.db.stat().st_size // 2)
    before = folder_bytes(vault_paths.folder)
    seen = {}

    def not_now(box):
        seen["default"] = safe_default(box)
        seen["text"] = box.text() + "\n" + box.informativeText()
        click(box, "Not now")

    modals.expect(handler=not_now)
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert window.is_locked and seen["default"] == "Not now"
    assert "damaged" in seen["text"] and "Sam Rivera: 4 entries" in seen["text"]
    assert "damaged" in window.unlock_screen.status_text()
    assert folder_bytes(vault_paths.folder) == before  # nothing touched

    modals.expect(handler=lambda box: click(box, "Restore this backup"))
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked
    assert journal.count_entries(context.vault, sam.id) == 4
    assert len(list(vault_paths.damaged.glob("vault-*.db"))) == 1


def test_a_damaged_log_after_a_crash_opens_what_was_recovered_when_asked(qtbot, context, vault_paths, modals,
                                                                       tmp_path):
    import shutil

    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam Rivera")
    add_entries(created.vault, sam.id, 2)
    backups.back_up_now(created.vault, clock=lambda: NOW)
    created.vault.close()
    opened = vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    add_entries(opened, sam.id, 20, start_day=10)
    crashed = vs.VaultPaths(tmp_path / "crashed")  # the files as a crash leaves them
    shutil.copytree(vault_paths.folder, crashed.folder, ignore=shutil.ignore_patterns("vault.lock"))
    opened.close()
    flip_byte(crashed.folder / "vault.db-wal", 32 + 3 * (24 + 4096) + 500)
    context.paths = crashed
    window = window_for(qtbot, context)
    seen = {}

    def keep(box):
        seen["default"] = safe_default(box)
        seen["text"] = box.text()
        click(box, "Keep what was recovered")

    modals.expect(handler=keep)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked)
    assert seen["default"] == "Keep what was recovered"
    assert "could not be read back" in seen["text"] and "newest good backup" in seen["text"]
    assert 2 <= journal.count_entries(context.vault, sam.id) < 22
    assert list(crashed.damaged.glob("vault-*.db-wal"))


def test_already_open_elsewhere_is_told_plainly(qtbot, context, vault_paths):
    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    window = window_for(qtbot, context, created.vault)
    window.lock()
    other = vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)  # e.g. a command running now
    try:
        type_and_unlock(qtbot, window, PASSPHRASE)
        assert window.is_locked and "already open" in window.unlock_screen.status_text()
    finally:
        other.close()
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked


# --- vault files ------------------------------------------------------------------------------


@pytest.fixture
def vault_file(tmp_path):
    source = vault_open.create_vault(vs.VaultPaths(tmp_path / "old-computer"), PASSPHRASE)
    sam = people.add_person(source.vault, "Sam Rivera")
    add_entries(source.vault, sam.id, 5)
    result = transfer.export_vault(source.vault, tmp_path / "moving")
    source.vault.close()
    return result.path, source.recovery_code


def open_file_in(dialog: OpenVaultFileDialog, path, secret: str, code: bool = False):
    dialog.file_edit.setText(str(path))
    (dialog.code_radio if code else dialog.passphrase_radio).setChecked(True)
    dialog.secret_edit.setText(secret)
    dialog.accept()  # opens the file: preview page
    assert dialog.stack.currentIndex() == 1, dialog.problem_label.text()
    assert "Sam Rivera: 5 entries" in dialog.people_label.text()
    dialog.accept()
    return QDialog.DialogCode.Accepted


def test_the_wizard_opens_a_vault_file_with_the_recovery_code(qtbot, context, vault_file, modals):
    path, code = vault_file
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    qtbot.addWidget(flow.wizard)
    wrong = {}

    def fill(dialog: OpenVaultFileDialog):
        dialog.file_edit.setText(str(path))
        dialog.secret_edit.setText("not the passphrase at all")
        dialog.accept()
        wrong["text"] = dialog.problem_label.text()
        return open_file_in(dialog, path, code, code=True)

    modals.expect(handler=fill)
    qtbot.mouseClick(flow.wizard.welcome_page.have_file_button, Qt.MouseButton.LeftButton)
    assert "does not open" in wrong["text"]
    assert flow.window is not None and not flow.window.is_locked
    qtbot.addWidget(flow.window)
    assert flow.window.person_combo.currentText() == "Sam Rivera"
    assert context.vault.unlocked_by == "recovery"
    qtbot.waitUntil(lambda: any(isinstance(w, ChangePassphraseDialog) and w.isVisible()
                                for w in flow.window.findChildren(QDialog)), timeout=2000)


def test_file_menu_replaces_the_vault_only_when_asked_and_keeps_the_old_one(qtbot, context, vault, vault_file, modals):
    path, _code = vault_file
    window = window_for(qtbot, context, vault)
    keep = {}

    def keep_current(box):
        keep["default"] = safe_default(box)
        click(box, "Keep my current vault")

    modals.expect(handler=lambda d: open_file_in(d, path, PASSPHRASE))
    modals.expect(handler=keep_current)
    window.vault_tools.import_vault()
    assert keep["default"] == "Keep my current vault"
    assert context.vault is vault and not vault.paths.replaced.exists()
    assert not list(vault.paths.folder.glob(".vault-import-*"))  # the preview copy is gone

    modals.expect(handler=lambda d: open_file_in(d, path, PASSPHRASE))
    modals.expect(handler=lambda box: click(box, "Use the vault from the file"))
    window.vault_tools.import_vault()
    assert not window.is_locked and context.vault is not vault
    assert window.person_combo.currentText() == "Sam Rivera"
    assert len(list(vault.paths.replaced.iterdir())) == 1


def test_file_menu_saves_a_vault_file_with_a_generic_name(qtbot, context, vault, tmp_path, modals):
    window = window_for(qtbot, context, vault)
    target = tmp_path / "usb"
    target.mkdir()
    asked = {}

    def save_as(_dialog):
        return (str(target / "for-the-new-laptop"), "")

    def chooser(*args, **kwargs):
        asked["suggested"] = args[2]
        return save_as(None)

    from PySide6.QtWidgets import QFileDialog

    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(chooser)
    try:
        modals.expect(result=QMessageBox.StandardButton.Ok)  # "Vault file saved"
        window.vault_tools.export_vault()
    finally:
        QFileDialog.getSaveFileName = original
    assert asked["suggested"].endswith(transfer.default_export_name(journal.local_now(context.clock, context.zone_name).date()))
    assert (target / "for-the-new-laptop.ccvault").exists()
    assert modals.seen[-1].title == "Vault file saved"


# --- one window per vault ---------------------------------------------------------------------


def test_a_second_start_brings_the_first_window_forward(qtbot, vault_paths, tmp_path):
    first = SingleInstance(vault_paths.folder)
    assert first.listen()
    assert str(vault_paths.folder) not in first.name and "vault" not in first.name
    assert first.name == server_name(vault_paths.folder) != server_name(tmp_path / "elsewhere")
    second = SingleInstance(vault_paths.folder)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.wake_running()
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible() and not window.isMinimized()
    first.close()
    assert not SingleInstance(vault_paths.folder).wake_running()
    third = SingleInstance(vault_paths.folder)
    assert third.listen()
    third.close()


# --- crashes and full disks -------------------------------------------------------------------


def test_a_failed_save_keeps_the_draft_and_the_next_save_works(qtbot, context, vault, person, modals):
    window = window_for(qtbot, context, vault)
    page = window.page_widgets()[window.page_titles().index("Journal")]
    editor = page.editor
    note = "Slept badly; long talk about the week. " * 300
    editor.note.setPlainText(note)
    engine = engine_of(vault)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def on_connect(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 1}")

    engine.dispose()
    event.listen(engine, "connect", on_connect)
    modals.expect()
    editor.save()
    assert modals.seen[-1].text.startswith("The disk is full")
    assert editor.note.toPlainText() == note  # the draft is still in the editor
    assert journal.count_entries(vault, person.id) == 0
    event.remove(engine, "connect", on_connect)
    engine.dispose()
    editor.save()
    assert journal.count_entries(vault, person.id) == 1
    assert editor.note.toPlainText() == ""


def test_the_crash_dialog_and_the_log_carry_no_health_text(qtbot, modals, caplog):
    marker = "QX7-CANARY-ZEBRA"
    hook = ExceptionHook()
    modals.expect()
    with caplog.at_level(logging.DEBUG):
        try:
            raise RuntimeError(f"could not save note {marker}")
        except RuntimeError as exc:
            hook._hook(type(exc), exc, exc.__traceback__)
        QApplication.processEvents()
    assert modals.seen and marker not in modals.seen[-1].text and marker not in modals.seen[-1].title
    assert marker not in caplog.text and "RuntimeError" in caplog.text


def test_security_dialog_locks_out_someone_who_knows_the_secrets(qtbot, context, vault_paths, modals):
    from caregiver_app.gui.vault.rotate_dialog import RotateKeyDialog

    created = vault_open.create_vault(vault_paths, PASSPHRASE)
    old_keys = vault_paths.keyfile.read_bytes()
    context.vault = created.vault
    dialog = SecurityDialog(context)
    qtbot.addWidget(dialog)
    shown = {}

    def rotate(box: RotateKeyDialog):
        from support import mnemonic_clashes

        assert mnemonic_clashes(box) == {} and mnemonic_clashes(dialog) == {}
        box.secret.edit.setText(PASSPHRASE)
        box.new_edit.setText(NEW)
        box.confirm_edit.setText("not the same")
        box.rotate_button.click()
        assert "not the same" in box.problem_label.text()
        box.confirm_edit.setText(NEW)
        box.rotate_button.click()
        assert box.stack.currentIndex() == 1
        shown["code"] = box.code
        assert box.code_label.text().replace("\n", "-") == box.code
        assert "still open" in box.readable_label.text()
        box.reject()  # Escape cannot close it before the new code is written down
        assert box.code == shown["code"] and box.code_label.text()
        assert not box.done_button.isEnabled()
        box.written_check.setChecked(True)
        box.done_button.click()
        assert box.code_label.text() == ""
        return QDialog.DialogCode.Accepted

    modals.expect(handler=rotate)
    dialog.rotate_key()
    assert "new key" in dialog.status_label.text()
    created.vault.close()
    context.vault = None
    assert vault_paths.keyfile.read_bytes() != old_keys
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_passphrase(vault_paths, PASSPHRASE)
    with pytest.raises(vs.WrongSecretError):
        vault_open.unlock_with_recovery_code(vault_paths, created.recovery_code)
    vault_open.unlock_with_recovery_code(vault_paths, shown["code"]).close()
    vault_open.unlock_with_passphrase(vault_paths, NEW).close()
