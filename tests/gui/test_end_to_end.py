"""The first complete path, through the real widgets only: set up a vault in the wizard, write
an entry with symptoms in the journal, and save a visit summary PDF that reads back right."""

from __future__ import annotations


import keyring
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from support import NOW, NoKeyring, PASSPHRASE

from caregiver_app.gui.app import StartFlow
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.visits.summary_page import SummaryPage

NOTE = 'Pain <5 & "<3" <b> after the walk'


def press_next(qtbot, wizard: QWizard) -> None:
    for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
        button = wizard.button(which)
        if button.isVisible() and button.isEnabled():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"no enabled button on {wizard.currentPage().title()!r}")


def test_wizard_then_entry_then_visit_summary(qtbot, context, modals, tmp_path):
    keyring.set_keyring(NoKeyring())
    context.clock = lambda: NOW
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    wizard = flow.wizard  # the flow closes and deletes it when setup finishes

    # 1. Set up the vault.
    press_next(qtbot, wizard)  # welcome
    qtbot.keyClicks(wizard.passphrase_page.ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.ui.confirmEdit, PASSPHRASE)
    press_next(qtbot, wizard)
    qtbot.keyClick(wizard.recovery_page.written_check, Qt.Key.Key_Space)
    press_next(qtbot, wizard)
    qtbot.keyClicks(wizard.person_page.name_edit, "Sam Rivera")
    qtbot.keyClicks(wizard.person_page.preparer_edit, "Ana Rivera")
    press_next(qtbot, wizard)

    window = flow.window
    qtbot.addWidget(window)
    assert not window.is_locked and window.person_combo.currentText() == "Sam Rivera"

    # 2. Write an entry with two symptoms on the Journal page.
    journal_index = window.page_titles().index("Journal")
    window.show_page(journal_index)
    page: JournalPage = window.page_widgets()[journal_index]
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    editor = page.editor
    qtbot.keyClick(editor.mood_buttons[2], Qt.Key.Key_Space)
    for name, severity in (("Headache", 6), ("Nausea", 3)):
        qtbot.keyClick(editor.add_symptom_button, Qt.Key.Key_Space)
        row = editor.symptom_rows[-1]
        qtbot.keyClicks(row.name_box.lineEdit(), name)
        popup = row.name_box.completer().popup()
        if popup.isVisible():
            qtbot.keyClick(popup, Qt.Key.Key_Return)
        qtbot.keyClick(row.severity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(row.severity, str(severity))
    qtbot.keyClicks(editor.note, NOTE)
    qtbot.keyClick(editor.flag, Qt.Key.Key_Space)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    assert any("Headache 6/10" in page.model.index(i).data() for i in range(page.model.rowCount()))

    # 3. Save the visit summary from the Visit summary page.
    summary_index = window.page_titles().index("Visit summary")
    window.show_page(summary_index)
    summary: SummaryPage = window.page_widgets()[summary_index]
    target = tmp_path / "printed" / "visit-summary.pdf"
    target.parent.mkdir()
    modals.expect(handler=lambda _dialog: (str(target), "PDF files (*.pdf)"))
    qtbot.mouseClick(summary.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()

    reader = PdfReader(str(target))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Visit summary" in text and "Sam Rivera" in text and "Ana Rivera" in text
    assert NOTE in text
    assert "Headache" in text and "Nausea" in text
    brief = reader.pages[0].extract_text()
    assert "Other entries flagged to bring up (1)" in brief and NOTE in brief  # on the one-page brief
    appendix = text[text.index("Flagged for this visit", len(brief)):]  # the section, after page one
    assert NOTE in appendix  # and in full in the appendix
    assert "Sam" not in str(reader.metadata)
    assert window.windowTitle() == "Caregiver Companion"
    window.lock()
    assert window.is_locked and context.vault is None
