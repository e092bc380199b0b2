"""The four main flows done with the keyboard alone (real key events, no clicks and no setting of
values from the test): set up the vault, write a journal entry, save a visit summary and add a
contact. Each control is reached with Tab, so the flow also proves the Tab order gets there."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWidget
from pypdf import PdfReader
from support import PASSPHRASE

from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.network.network_page import NetworkPage
from caregiver_app.gui.vault.setup_wizard import SetupWizard
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.services import journal
from caregiver_app.services import network as contacts
from caregiver_app.services.people import list_people

Key = Qt.Key


def activate(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, sent where the keyboard focus is (as the keyboard would)."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def tab_to(qtbot, target: QWidget, limit: int = 150) -> None:
    """Press Tab until ``target`` has the focus; fails when Tab never gets there."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is target or (focused is not None and target.isAncestorOf(focused)):
            return
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(target).__name__} {target.accessibleName()!r}")


def test_set_up_the_vault_by_keyboard(qtbot, context, memory_keyring):
    wizard = SetupWizard(context)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    press(qtbot, Key.Key_Return)  # welcome: Next
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    tab_to(qtbot, page.ui.passphraseEdit)
    type_text(qtbot, PASSPHRASE)
    tab_to(qtbot, page.ui.confirmEdit)
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Key.Key_Return)  # Create my vault
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    tab_to(qtbot, wizard.recovery_page.written_check)
    press(qtbot, Key.Key_Space)  # I have written it down
    press(qtbot, Key.Key_Return)
    if wizard.remember_page is not None and wizard.currentPage() is wizard.remember_page:
        press(qtbot, Key.Key_Return)  # leave "remember" off
    person_page = wizard.person_page
    qtbot.waitUntil(lambda: wizard.currentPage() is person_page, timeout=10_000)
    tab_to(qtbot, person_page.name_edit)
    type_text(qtbot, "Sam Rivera")
    press(qtbot, Key.Key_Return)  # Finish
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert [p.display_name for p in list_people(wizard.vault)] == ["Sam Rivera"]
    wizard.vault.close()


def test_write_a_journal_entry_by_keyboard(qtbot, make_page, ctx, person):
    page = make_page(JournalPage, size=(1024, 700), active=True)
    editor = page.editor
    good = next(b for b in editor.findChildren(QRadioButton) if b.accessibleName() == "Mood 4, good")
    tab_to(qtbot, good.parentWidget())
    # Tab stops at one button of the mood group; the arrow keys move on to the level wanted.
    for _ in range(6):
        if QApplication.focusWidget() is good:
            break
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Space)
    assert good.isChecked()
    tab_to(qtbot, editor.note)
    type_text(qtbot, "A calm walk by the river")
    press(qtbot, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = journal.recent_entries(ctx.vault, person.id)
    assert [e.note for e in saved] == ["A calm walk by the river"] and saved[0].mood == 4


def test_save_a_visit_summary_by_keyboard(qtbot, make_page, ctx, person, modals, tmp_path):
    from support import add_entry

    add_entry(ctx.vault, person, date(2026, 11, 20), note="Slept better after the new routine")
    page = make_page(SummaryPage, size=(1024, 700), active=True)
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10_000)
    tab_to(qtbot, page.questions_edit)
    type_text(qtbot, "Could the evening dose move earlier?")
    press(qtbot, Key.Key_F5)  # make the preview again with the question
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and page.save_button.isEnabled(), timeout=10_000)
    target = tmp_path / "summary.pdf"
    modals.expect(result=(str(target), "PDF files (*.pdf)"))
    tab_to(qtbot, page.save_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    assert "evening dose move earlier" in text


def test_add_a_contact_by_keyboard(qtbot, make_page, ctx, person, modals):
    page = make_page(NetworkPage, size=(1024, 700), active=True)

    def fill(dialog):
        activate(qtbot, dialog)
        tab_to(qtbot, dialog.name_edit)
        type_text(qtbot, "Bo Smith")
        press(qtbot, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()

    modals.expect(handler=fill)
    page.list.setFocus()
    press(qtbot, Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Add a contact
    assert [c.name for c in contacts.list_contacts(ctx.vault, person.id)] == ["Bo Smith"]
