"""The app shell through its real widgets: first-run wizard, unlock, lock, keyring start, idle lock."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from support import PASSPHRASE, BrokenKeyring, LockedKeyring, NoKeyring, type_and_unlock
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from caregiver_app import APP_NAME
from caregiver_app.gui.app import StartFlow, create_main_window
from caregiver_app.gui.main_window import MainWindow
from caregiver_app.gui.add_person_dialog import AddPersonDialog
from caregiver_app.gui.window_parts import IdleWatcher as _IdleWatcher
from caregiver_app.gui.vault.setup_wizard import PersonPage, RecoveryCodePage, RememberPage, SetupWizard
from caregiver_app.gui.vault.unlock_screen import KEYRING_FALLBACK
from caregiver_app.services.people import add_person, list_people, preparer_name
from caregiver_app.services.vault_open import create_vault, is_remembered, unlock_with_passphrase, unlock_with_recovery_code
from caregiver_app.services.vault import vault_exists

NOTE_TEXT = "Slept badly after the new dose; talked about the garden"
CODE_RE = re.compile(r"^([A-Z2-7]{4}-){3}[A-Z2-7]{4}\n([A-Z2-7]{4}-){3}[A-Z2-7]{4}$")


# --- helpers ---------------------------------------------------------------------------------


def texts_of(w: QWidget) -> list[str]:
    """Every piece of text one widget holds: its text, field contents, combo items, item-view
    rows, tooltip, accessible name and description, window title."""
    found = [w.windowTitle(), w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
    if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
        found.append(w.text())
    if isinstance(w, QLineEdit):
        found.append(w.placeholderText())
    if isinstance(w, (QTextEdit, QPlainTextEdit)):
        found.append(w.toPlainText())
    if isinstance(w, QComboBox):
        found += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        found += model_texts(w.model(), w.rootIndex())
    return [t for t in found if t]


def texts_in(root: QWidget) -> list[str]:
    """The text of every widget in the tree under ``root`` (visible or not)."""
    return [t for w in [root, *root.findChildren(QWidget)] for t in texts_of(w)]


def leaks(root: QWidget, *needles: str) -> list[str]:
    """The widgets under ``root`` that still hold any of ``needles`` (empty when none do)."""
    return [
        f"{type(w).__name__}({w.objectName()!r}): {t!r}"
        for w in [root, *root.findChildren(QWidget)]
        for t in texts_of(w)
        if any(n in t for n in needles)
    ]


def model_texts(model, parent) -> list[str]:
    """Display text and tooltips of every item under ``parent``, depth first."""
    found: list[str] = []
    try:
        columns = model.columnCount(parent)
        tree = True
    except TypeError:  # list models keep columnCount and hasChildren private in PySide
        columns, tree = 1, False
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if value is not None:
                    found.append(str(value))
            if tree and col == 0 and model.hasChildren(index):
                found += model_texts(model, index)
    return found


def vault_bytes(paths) -> dict[str, bytes]:
    """Every file in the vault folder, by name (to prove a failed unlock wrote nothing)."""
    return {str(p.relative_to(paths.folder)): p.read_bytes() for p in sorted(paths.folder.rglob("*")) if p.is_file()}


def click_next(qtbot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on {wizard.currentPage().title()!r}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start(qtbot, context) -> StartFlow:
    quits: list[bool] = []
    flow = StartFlow(context, on_quit=lambda: quits.append(True))
    flow.quits = quits
    flow.start()
    if flow.wizard is not None:
        qtbot.addWidget(flow.wizard)
    if flow.window is not None:
        qtbot.addWidget(flow.window)
    return flow


@pytest.fixture
def keyrings_off():
    """No keyring on this computer (so the wizard has no "remember" page)."""
    keyring.set_keyring(NoKeyring())


def unlocked_window(qtbot, context, vault) -> MainWindow:
    context.vault = vault
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


# --- the first-run wizard --------------------------------------------------------------------


def run_wizard_to_recovery(qtbot, flow: StartFlow) -> SetupWizard:
    wizard = flow.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.windowTitle() == APP_NAME
    click_next(qtbot, wizard)  # welcome
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    ui = page.ui
    qtbot.keyClicks(ui.passphraseEdit, "short")
    assert ui.strengthLabel.text() == "Strength: Too short"
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    ui.passphraseEdit.clear()
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    assert ui.strengthLabel.text().startswith("Strength: ")
    assert ui.strengthLabel.text() != "Strength: Too short"
    assert ui.strengthBar.value() >= 1
    assert ui.adviceLabel.text()
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE + "x")
    assert ui.problemLabel.text() == "The two passphrases are not the same yet."
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Backspace)
    assert not ui.problemLabel.isVisible()
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.recovery_page
    assert vault_exists(flow.context.paths)
    return wizard


def finish_recovery_page(qtbot, wizard: SetupWizard) -> str:
    page: RecoveryCodePage = wizard.recovery_page
    shown = page.code_label.text()
    assert CODE_RE.match(shown), shown
    # Monospace, so the groups line up. Measured, because some fixed-width fonts (Noto Sans Mono)
    # do not declare themselves fixed-pitch to Qt.
    metrics = QFontMetricsF(page.code_label.font())
    assert len({metrics.horizontalAdvance(ch) for ch in "WIM27-"}) == 1
    assert page.code_label.font().pointSizeF() > page.font().pointSizeF()  # large
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.written_check.setFocus()
    qtbot.keyClick(page.written_check, Qt.Key.Key_Space)
    assert page.written_check.isChecked()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # the vault exists now
    code = page.code()
    click_next(qtbot, wizard)
    return code


def finish_person_page(qtbot, wizard: SetupWizard, name: str, preparer: str = "") -> None:
    page: PersonPage = wizard.person_page
    assert wizard.currentPage() is page
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClicks(page.name_edit, name)
    if preparer:
        qtbot.keyClicks(page.preparer_edit, preparer)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)


def test_wizard_from_nothing_with_a_keyring(qtbot, context, memory_keyring):
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    code = finish_recovery_page(qtbot, wizard)

    remember: RememberPage = wizard.remember_page
    assert remember is not None and wizard.currentPage() is remember
    remember.remember_check.setChecked(True)
    click_next(qtbot, wizard)
    assert not wizard.person_page.note_label.isVisible()

    finish_person_page(qtbot, wizard, "Sam Rivera", "Alex Rivera")
    window = flow.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible() and not window.is_locked
    assert window.windowTitle() == APP_NAME
    assert window.person_combo.currentText() == "Sam Rivera"
    assert is_remembered(context.paths)
    assert memory_keyring.store  # the key is in the (fake) keyring
    assert preparer_name(context.vault) == "Alex Rivera"
    assert [p.display_name for p in list_people(context.vault)] == ["Sam Rivera"]
    assert flow.quits == []

    # The code shown is the real recovery code of this vault.
    context.vault.close()
    unlock_with_recovery_code(context.paths, code).close()
    context.vault = None


def test_wizard_without_a_keyring_offers_no_remember_page(qtbot, context):
    keyring.set_keyring(NoKeyring())
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    assert wizard.remember_page is None
    finish_recovery_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.person_page
    shown = [t for t in texts_in(wizard) if "Remember on this computer" in t]
    assert shown == []
    finish_person_page(qtbot, wizard, "Sam Rivera")
    qtbot.addWidget(flow.window)
    assert not flow.window.is_locked
    assert not is_remembered(context.paths)
    assert preparer_name(context.vault) == ""


def test_wizard_remember_that_fails_says_so_in_one_line(qtbot, context, memory_keyring, monkeypatch):
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    finish_recovery_page(qtbot, wizard)

    def refuse(*_args):
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    wizard.remember_page.remember_check.setChecked(True)
    click_next(qtbot, wizard)
    note = wizard.person_page.note_label
    assert note.isVisible()
    assert "\n" not in note.text()
    assert "could not save the key" in note.text()
    assert "passphrase each time" in note.text()
    finish_person_page(qtbot, wizard, "Sam Rivera")
    qtbot.addWidget(flow.window)
    assert not is_remembered(context.paths)


def test_wizard_finish_problem_shows_on_the_page_and_can_be_fixed(qtbot, context, keyrings_off):
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    finish_recovery_page(qtbot, wizard)
    finish_person_page(qtbot, wizard, "Sam", "x" * 121)
    page = wizard.person_page
    assert wizard.isVisible() and flow.window is None
    assert page.status_label.text() == "A name can be at most 120 characters."
    page.name_edit.setText("Sam Rivera")
    page.preparer_edit.setText("Alex")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.addWidget(flow.window)
    assert [p.display_name for p in list_people(context.vault)] == ["Sam Rivera"]
    assert preparer_name(context.vault) == "Alex"


def test_wizard_copy_button_puts_the_code_on_the_clipboard(qtbot, context):
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    page = wizard.recovery_page
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == page.code()
    assert page.copied_label.text().startswith("Copied.")
    wizard.reject()


def test_wizard_cancelled_before_the_vault_quits_and_makes_nothing(qtbot, context):
    flow = start(qtbot, context)
    flow.wizard.reject()
    assert flow.quits == [True]
    assert not vault_exists(context.paths)


def test_wizard_cancelled_after_the_vault_closes_it(qtbot, context):
    flow = start(qtbot, context)
    wizard = run_wizard_to_recovery(qtbot, flow)
    vault = wizard.vault
    wizard.reject()
    assert not vault.is_open
    assert flow.quits == [True]
    unlock_with_passphrase(context.paths, PASSPHRASE).close()


# --- locking and unlocking -------------------------------------------------------------------


def add_note(vault, person) -> None:
    from caregiver_app.services.journal import EntryDraft, save_entry

    save_entry(vault, EntryDraft(person_id=person.id, when=datetime(2026, 11, 20, 9, 30), note=NOTE_TEXT))


def test_lock_clears_every_widget_and_shows_unlock(qtbot, context, vault, person):
    add_note(vault, person)
    window = unlocked_window(qtbot, context, vault)
    assert window.person_combo.currentText() == "Sam Rivera"
    before = " ".join(texts_in(window))
    assert "Sam Rivera" in before

    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)

    assert window.is_locked
    assert window.unlock_screen.isVisible()
    assert context.vault is None and not vault.is_open
    assert leaks(window, "Sam Rivera", "Slept badly", "garden") == []
    assert window.windowTitle() == APP_NAME
    for page in window.page_widgets():
        assert "Sam Rivera" not in " ".join(texts_in(page))
    assert not window.lock_action.isEnabled()


def test_ctrl_l_locks(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    window.activateWindow()
    window.lock_action.trigger()  # the action Ctrl+L is bound to
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.is_locked and context.vault is None


def test_wrong_passphrase_says_so_and_touches_no_file(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    window.lock()
    before = vault_bytes(context.paths)

    type_and_unlock(qtbot, window, "not the right words")

    assert window.is_locked
    assert window.unlock_screen.status_text() == "That passphrase does not open this vault. Please try again."
    assert window.unlock_screen.ui.statusLabel.isVisible()
    assert vault_bytes(context.paths) == before


def test_empty_field_asks_for_the_passphrase(qtbot, context, vault):
    window = unlocked_window(qtbot, context, vault)
    window.lock()
    qtbot.mouseClick(window.unlock_screen.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert window.unlock_screen.status_text() == "Please type your passphrase first."


def test_right_passphrase_brings_back_the_last_person(qtbot, context, vault, person):
    other = add_person(vault, "Jordan Lee")
    window = unlocked_window(qtbot, context, vault)
    window.person_combo.setCurrentIndex(window.person_combo.findText("Sam Rivera"))
    assert window.current_person().id == person.id
    window.lock()

    type_and_unlock(qtbot, window, PASSPHRASE)

    assert not window.is_locked
    assert context.vault is not None and context.vault.is_open
    assert window.current_person().id == person.id
    assert window.person_combo.currentText() == "Sam Rivera"
    assert window.unlock_screen.ui.secretEdit.text() == ""
    assert other.id != person.id


def test_recovery_code_unlocks_with_spaces_dashes_and_lowercase(qtbot, context):
    created = create_vault(context.paths, PASSPHRASE)
    add_person(created.vault, "Sam Rivera")
    window = unlocked_window(qtbot, context, created.vault)
    window.lock()
    screen = window.unlock_screen
    qtbot.mouseClick(screen.ui.switchButton, Qt.MouseButton.LeftButton)
    assert screen.recovery_mode
    assert screen.ui.secretLabel.text().startswith("&Recovery code")
    assert screen.ui.secretEdit.echoMode() == QLineEdit.EchoMode.Normal
    assert screen.ui.switchButton.text() == "Use my &passphrase instead"

    typed = created.recovery_code.lower().replace("-", " - ", 3)
    type_and_unlock(qtbot, window, typed)

    assert not window.is_locked
    assert context.vault.unlocked_by == "recovery"
    assert window.person_combo.currentText() == "Sam Rivera"


def test_recovery_code_typo_is_caught_in_plain_words(qtbot, context, vault):
    window = unlocked_window(qtbot, context, vault)
    window.lock()
    before = vault_bytes(context.paths)
    window.unlock_screen.set_recovery_mode(True)
    type_and_unlock(qtbot, window, "ABCD-EFGH")
    assert window.is_locked
    assert "recovery code" in window.unlock_screen.status_text()
    assert vault_bytes(context.paths) == before


def test_switching_back_to_the_passphrase(qtbot, context, vault):
    window = unlocked_window(qtbot, context, vault)
    window.lock()
    screen = window.unlock_screen
    screen.toggle_recovery_mode()
    screen.toggle_recovery_mode()
    assert not screen.recovery_mode
    assert screen.ui.secretEdit.echoMode() == QLineEdit.EchoMode.Password
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked


def test_start_without_keyring_shows_the_unlock_screen(qtbot, context, vault):
    vault.close()
    flow = start(qtbot, context)
    assert flow.wizard is None
    assert flow.window.is_locked
    assert flow.window.unlock_screen.note_text() == ""
    assert not flow.window.unlock_screen.ui.keyringButton.isVisible()
    type_and_unlock(qtbot, flow.window, PASSPHRASE)
    assert not flow.window.is_locked


# --- the keyring -----------------------------------------------------------------------------


def remembered_vault(paths) -> None:
    created = create_vault(paths, PASSPHRASE, remember=True)
    assert created.remembered
    add_person(created.vault, "Sam Rivera")
    created.vault.close()


def test_remembered_vault_opens_straight_away(qtbot, context):
    remembered_vault(context.paths)
    flow = start(qtbot, context)
    assert not flow.window.is_locked
    assert context.vault.unlocked_by == "keyring"
    assert flow.window.person_combo.currentText() == "Sam Rivera"


@pytest.mark.parametrize("backend", [NoKeyring, LockedKeyring, BrokenKeyring], ids=lambda b: b.__name__)
def test_keyring_trouble_asks_for_the_passphrase(qtbot, context, backend):
    remembered_vault(context.paths)
    before = vault_bytes(context.paths)
    keyring.set_keyring(backend())

    flow = start(qtbot, context)

    window = flow.window
    assert window.is_locked
    assert window.unlock_screen.note_text() == KEYRING_FALLBACK
    assert "\n" not in window.unlock_screen.note_text()
    assert window.unlock_screen.status_text() == ""  # not "wrong passphrase"
    assert not window.unlock_screen.busy
    assert vault_bytes(context.paths) == before
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked
    assert context.vault.unlocked_by == "passphrase"


def test_remembered_vault_after_lock_offers_the_keyring(qtbot, context):
    remembered_vault(context.paths)
    flow = start(qtbot, context)
    window = flow.window
    window.lock()
    button = window.unlock_screen.ui.keyringButton
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.is_locked


# --- idle lock -------------------------------------------------------------------------------


def test_idle_auto_lock(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    assert window.idle_timer.isActive()
    assert window.idle_timer.interval() == 10 * 60_000  # the default setting
    window.idle_timer.setInterval(20)  # restarts the running timer with a tiny interval
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    assert context.vault is None
    assert "locked itself" in window.unlock_screen.note_text()
    assert leaks(window, "Sam Rivera") == []


def test_idle_lock_off_when_setting_is_zero(qtbot, context, vault):
    context.settings.idle_lock_minutes = 0
    window = unlocked_window(qtbot, context, vault)
    assert not window.idle_timer.isActive()


def test_input_anywhere_restarts_the_idle_timer(qtbot, context, vault):
    class CountingTimer:
        restarts = 0

        def isActive(self):  # noqa: N802 (Qt name)
            return True

        def start(self):
            self.restarts += 1

    timer = CountingTimer()
    watcher = _IdleWatcher(timer)
    QApplication.instance().installEventFilter(watcher)
    try:
        window = unlocked_window(qtbot, context, vault)
        QApplication.sendEvent(window.person_combo, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
        assert timer.restarts >= 1
    finally:
        QApplication.instance().removeEventFilter(watcher)


# --- the main window -------------------------------------------------------------------------


def test_window_title_never_names_anyone(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    assert window.windowTitle() == APP_NAME
    window.lock()
    assert window.windowTitle() == APP_NAME


def test_add_person_dialog(qtbot, context, vault, person, modals):
    window = unlocked_window(qtbot, context, vault)

    def fill(dialog: AddPersonDialog):
        assert not dialog.add_button.isEnabled()
        qtbot.keyClicks(dialog.name_edit, "sam rivera")  # already there (names ignore case)
        dialog.add_button.click()
        assert dialog.problem_label.text() == "There is already someone called sam rivera in this vault."
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Jordan Lee")
        dialog.add_button.click()

    modals.expect(handler=fill)
    qtbot.mouseClick(window.add_person_button, Qt.MouseButton.LeftButton)

    assert modals.seen[0].title == "Add a person"
    assert window.person_combo.currentText() == "Jordan Lee"
    assert [window.person_combo.itemText(i) for i in range(window.person_combo.count())] == ["Jordan Lee", "Sam Rivera"]


def test_no_one_added_yet(qtbot, context, vault):
    window = unlocked_window(qtbot, context, vault)
    assert window.person_combo.count() == 0
    assert window.current_person() is None
    assert not window.person_combo.isEnabled()
    assert window.add_person_button.isEnabled()


def test_pages_get_the_person_and_are_cleared_on_lock(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    calls: list[str] = []

    class Page(QLabel):
        def set_person(self, p):
            calls.append(f"set {p.display_name if p else None}")
            self.setText(p.display_name if p else "")

        def clear(self):
            calls.append("clear")
            super().clear()

    page = Page()
    window.add_page("Test page", window.windowIcon(), page)
    assert calls == ["set Sam Rivera"]
    assert window.page_titles()[-1] == "Test page"
    window.lock()
    assert calls[-1] == "clear"
    assert page.text() == ""
    type_and_unlock(qtbot, window, PASSPHRASE)
    # Only the page on screen reads at unlock; a hidden page is given the person when shown.
    assert calls[-1] == "clear"
    window.show_page(window.page_titles().index("Test page"))
    assert calls[-1] == "set Sam Rivera"
    assert page.text() == "Sam Rivera"


def test_ctrl_number_switches_pages(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    first, second = QLabel("one"), QLabel("two")
    start_index = len(window.page_widgets())
    window.add_page("One", window.windowIcon(), first)
    window.add_page("Two", window.windowIcon(), second)
    window.show_page(start_index + 1)
    assert window.pages.currentWidget() is second
    assert window.nav.currentRow() == start_index + 1
    # Only the first nine pages get Ctrl+1 … Ctrl+9 (the window may already have more).
    tip = window.nav.item(1).toolTip()
    assert tip.endswith("(Ctrl+2)")
    expected = "" if start_index + 1 >= 9 else f"Two (Ctrl+{start_index + 2})"
    assert window.nav.item(start_index + 1).toolTip() == expected


def test_about_box(qtbot, context, vault, modals):
    window = unlocked_window(qtbot, context, vault)
    modals.expect()
    window.about_action.trigger()
    assert modals.seen[0].kind == "QMessageBox.about"
    assert "stays on this computer" in modals.seen[0].text


def test_file_import_goes_to_the_journal_page(qtbot, context, vault, person, modals):
    window = unlocked_window(qtbot, context, vault)
    assert window.import_action.isVisible() and window.import_action.isEnabled()
    modals.expect(result=("", ""))  # the user cancels the file chooser
    window.import_action.trigger()
    assert modals.seen[0].kind == "QFileDialog.getOpenFileName"
    assert window.pages.currentWidget() is window.page_widgets()[window.page_titles().index("Journal")]
    window.lock()
    assert not window.import_action.isEnabled()


def test_pages_are_journal_and_visit_summary(qtbot, context, vault):
    window = unlocked_window(qtbot, context, vault)
    titles = window.page_titles()
    assert titles[0] == "Journal"
    assert {"Visit summary", "Patterns", "Search"} <= set(titles)
    assert window.nav.item(0).toolTip() == "Journal (Ctrl+1)"


def test_unexpected_dialog_fails_instead_of_hanging(qtbot, modals):
    with pytest.raises(AssertionError, match="unexpected modal"):
        QMessageBox.information(None, "Hello", "there")
    with pytest.raises(AssertionError, match="unexpected modal QDialog"):
        QDialog().exec()
    assert [m.kind for m in modals.seen] == ["QMessageBox.information", "QDialog"]
    modals.unexpected.clear()  # provoked on purpose


def test_closing_the_window_closes_the_vault_and_saves_only_geometry(qtbot, context, vault, person, settings_path):
    window = unlocked_window(qtbot, context, vault)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert closed == [True]
    assert not vault.is_open and context.vault is None
    saved = json.loads(Path(settings_path).read_text(encoding="utf-8"))
    assert saved["window_geometry"]
    assert "Sam Rivera" not in settings_path.read_text(encoding="utf-8")

    size = window.size()
    again = create_main_window(context)
    qtbot.addWidget(again)
    assert again.size() == size


# --- accessibility ---------------------------------------------------------------------------


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader could not name: no accessible name, no buddy label, no text."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, (QLineEdit, QComboBox, QAbstractButton, QProgressBar, QAbstractItemView)):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
            continue  # the combo box carries the name
        has_text = isinstance(w, QAbstractButton) and w.text().replace("&", "").strip()
        if not (w.accessibleName() or id(w) in buddies or has_text):
            missing.append(f"{type(w).__name__}({w.objectName()!r})")
    return missing


def test_every_shell_control_has_a_name(qtbot, context, vault, person):
    window = unlocked_window(qtbot, context, vault)
    shell = [window.unlock_screen, window.person_combo, window.add_person_button, window.lock_button, window.nav]
    assert unnamed_controls(window.unlock_screen) == []
    for control in shell[1:]:
        assert control.accessibleName(), control
    wizard = SetupWizard(context)
    qtbot.addWidget(wizard)
    for page_id in wizard.pageIds():
        assert unnamed_controls(wizard.page(page_id)) == [], wizard.page(page_id).title()


# --- the entry point -------------------------------------------------------------------------


def test_a_command_goes_to_the_cli(monkeypatch, tmp_path):
    import caregiver_app.cli as cli
    from caregiver_app.__main__ import main

    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda argv: seen.append(argv) or 7)
    args = ["--data-dir", str(tmp_path), "summary", "--person", "Sam"]
    assert main(args) == 7
    assert seen == [args]


def test_no_command_starts_the_window_on_the_chosen_folder(monkeypatch, tmp_path):
    import caregiver_app.gui.app as gui_app
    from caregiver_app.__main__ import main
    from caregiver_app.services.vault import VaultPaths

    seen: list[tuple] = []
    monkeypatch.setattr(gui_app, "run", lambda paths, argv: seen.append((paths, argv)) or 0)
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert seen[0][0] == VaultPaths(tmp_path)


def test_help_is_the_one_cli_help(capsys, tmp_path):
    from caregiver_app.__main__ import main

    assert main(["--data-dir", str(tmp_path), "--help"]) == 0
    out = capsys.readouterr().out
    assert "--data-dir DIR" in out and "init" in out and "summary" in out
    assert "With no command, the app window opens." in " ".join(out.split())


def test_qt_options_are_left_for_qt(monkeypatch, tmp_path):
    import caregiver_app.gui.app as gui_app
    from caregiver_app.__main__ import main

    seen: list[tuple] = []
    monkeypatch.setattr(gui_app, "run", lambda paths, argv: seen.append((paths, argv)) or 0)
    assert main(["-style", "fusion", "--data-dir", str(tmp_path)]) == 0
    assert seen[0][1][1:] == ["-style", "fusion"]


def test_run_opens_the_wizard_and_cleans_up(qtbot, monkeypatch, vault_paths, settings_path):
    import sys

    from caregiver_app.gui import app as gui_app

    app = QApplication.instance()
    hook_before = sys.excepthook
    seen: dict = {}

    def fake_exec(self):
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
        seen["wizards"] = len(wizards)
        seen["hooked"] = sys.excepthook is not hook_before
        seen["name"] = (app.applicationName(), app.desktopFileName())
        for w in wizards:
            w.reject()
        return 0

    quit_on_close = app.quitOnLastWindowClosed()
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert gui_app.run(vault_paths, ["caregiver-app"], settings_path=settings_path) == 0
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    assert seen["wizards"] == 1
    assert seen["hooked"]
    assert seen["name"] == (APP_NAME, "caregiver-companion")
    assert sys.excepthook is hook_before
