"""The Visit summary page through real widgets, a real vault and a real PDF read back with pypdf."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.common.ops import JOURNAL
from caregiver_app.gui.visits import summary_page as summary_module
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.visits.summary_page import SummaryPage, default_paper
from caregiver_app.services import journal, people
from support import NOW

NOTE = "Asked twice about the garden; slept after lunch"


@pytest.fixture
def page(make_page):
    return make_page(SummaryPage, show_first=True)  # a hidden page builds no preview


def write_in_journal(qtbot, make_page, ctx, person, note: str) -> None:
    journal_page = make_page(JournalPage, active=True)
    editor = journal_page.editor
    qtbot.keyClick(editor.mood_buttons[2], Qt.Key.Key_Space)
    qtbot.keyClicks(editor.note, note)
    qtbot.keyClick(editor.flag, Qt.Key.Key_Space)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.count_entries(ctx.vault, person.id) == 1


def test_save_pdf_with_a_note_typed_in_the_journal(qtbot, ctx, person, modals, tmp_path, monkeypatch, make_page):
    write_in_journal(qtbot, make_page, ctx, person, NOTE)
    page = make_page(SummaryPage, show_first=True)  # a hidden page builds no preview
    assert page.date_range() == (datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date())
    preview = page.preview_label.text()
    assert "1 journal entry on 1 day" in preview
    assert "1 entry marked to bring up at this visit" in preview

    page.preparer_edit.clear()
    qtbot.keyClicks(page.preparer_edit, "Maria Rivera")
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    suggested: list[str] = []

    def save_dialog(_dialog):
        suggested.append(modals.seen[-1].title)
        return (str(target), "PDF files (*.pdf)")

    modals.expect(handler=save_dialog)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert suggested == ["Save the visit summary"]
    assert target.exists() and page.last_saved_path == target
    text = "\n".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert NOTE.split(";")[0] in " ".join(text.split())
    assert "Maria Rivera" in text
    assert people.preparer_name(ctx.vault) == "Maria Rivera"  # saved back for next time
    assert page.saved_panel.isVisibleTo(page)
    assert "summary.pdf" in page.saved_label.text()
    assert not list(target.parent.glob("*.part"))

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(target)]
    # No PDF viewer on this computer: it says so in plain words, with where the file is.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    modals.expect()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert modals.seen[-1].title == "The PDF could not be opened" and str(target) in modals.seen[-1].text


def test_default_file_name_is_generic_and_in_documents(qtbot, page, modals, monkeypatch, tmp_path):
    monkeypatch.setattr(summary_module, "documents_folder", lambda: tmp_path)
    seen_args = []

    def fake_save(parent, caption, directory, filter_):
        seen_args.append((caption, directory, filter_))
        return ("", "")

    monkeypatch.setattr(summary_module.QFileDialog, "getSaveFileName", staticmethod(fake_save))
    page.save_pdf()
    assert seen_args == [("Save the visit summary", str(tmp_path / "visit-summary-2026-11-30.pdf"),
                          "PDF files (*.pdf)")]
    assert page.last_saved_path is None and not page.saved_panel.isVisibleTo(page)


def test_quick_ranges_and_custom_dates(qtbot, page, ctx, person):
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 10, 1, 9, 0), mood=MoodLevel.LOW),
                       clock=lambda: NOW)
    qtbot.keyClick(page.range_buttons[14], Qt.Key.Key_Space)
    assert page.date_range() == (datetime(2026, 11, 17).date(), datetime(2026, 11, 30).date())
    assert not page.start_edit.isEnabled()
    assert "no journal entries in these dates" in page.preview_label.text()

    qtbot.keyClick(page.range_buttons[90], Qt.Key.Key_Space)
    assert page.date_range()[0] == datetime(2026, 9, 2).date()
    assert "1 journal entry on 1 day" in page.preview_label.text()

    qtbot.keyClick(page.custom_button, Qt.Key.Key_Space)
    assert page.start_edit.isEnabled() and page.end_edit.isEnabled()
    assert page.start_edit.calendarPopup() and page.end_edit.calendarPopup()
    page.end_edit.setDate(QDate(2026, 9, 1))  # before the start
    assert "The end date is before the start date" in page.preview_label.text()
    assert not page.save_button.isEnabled()
    page.end_edit.setDate(QDate(2026, 10, 2))
    assert page.save_button.isEnabled()
    assert "1 journal entry" in page.preview_label.text()


def test_prepared_by_is_prefilled_from_the_vault(qtbot, ctx, person, make_page):
    people.set_preparer_name(ctx.vault, "Dana (daughter)")
    page = make_page(SummaryPage, show_first=True)  # a hidden page builds no preview
    assert page.preparer_edit.text() == "Dana (daughter)"


def test_paper_follows_setting_then_locale(qtbot, ctx, person, make_page):
    assert default_paper("a4") == "a4" and default_paper("letter") == "letter"
    assert default_paper("auto") in ("letter", "a4")
    ctx.settings.paper = "a4"
    page = make_page(SummaryPage, person=None, show_first=True)  # a hidden page builds no preview
    assert page.paper() == "a4"
    assert page.paper_box.currentText().startswith("A4")


def test_a4_pdf(qtbot, page, modals, tmp_path):
    page.paper_box.setCurrentIndex(page.paper_box.findData("a4"))
    target = tmp_path / "a4"
    modals.expect(result=(str(target), ""))
    page.save_pdf()
    saved = Path(str(target) + ".pdf")
    assert page.last_saved_path == saved and saved.exists()
    box = PdfReader(str(saved)).pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842


def test_a_folder_that_cannot_be_written_shows_a_plain_error(qtbot, page, modals, tmp_path):
    modals.expect(result=(str(tmp_path / "missing-folder" / "x.pdf"), ""))
    modals.expect()
    page.save_pdf()
    assert modals.seen[-1].title == "The summary was not saved"
    assert "does not exist" in modals.seen[-1].text
    assert page.last_saved_path is None
    assert page.save_button.isEnabled()


def test_clear_drops_names_and_previews(qtbot, page, modals, tmp_path):
    page.preparer_edit.setText("Maria Rivera")
    modals.expect(result=(str(tmp_path / "s.pdf"), ""))
    page.save_pdf()
    page.clear()
    assert page.preparer_edit.text() == "" and page.preview_label.text() == ""
    assert page.saved_label.text() == "" and page.last_saved_path is None
    assert page.heading.text() == "Visit summary"
    assert not page.isEnabled()


def test_every_control_has_a_name(qtbot, page):
    from test_journal_page import unnamed_controls

    page.custom_button.setChecked(True)
    page.saved_panel.show()
    missing = unnamed_controls(page)
    assert not missing, "; ".join(missing)


def test_preview_refreshes_when_the_page_is_shown_again(qtbot, page, ctx, person):
    assert "no journal entries" in page.preview_label.text()
    page.hide()  # another page is in front
    draft = journal.EntryDraft(person.id, datetime(2026, 11, 29, 9, 0), note="new")
    # Saved as every page saves (through ops, which says what changed), not behind the page's back.
    ctx.ops.write(None, lambda vault: journal.save_entry(vault, draft, clock=lambda: NOW), changes={JOURNAL},
                  person_id=person.id)
    page.show()
    assert "1 journal entry on 1 day" in page.preview_label.text()


def test_prepared_by_comes_back_after_a_lock(qtbot, ctx, person, make_page):
    people.set_preparer_name(ctx.vault, "Dani Rivera")
    page = make_page(SummaryPage, show_first=True)  # a hidden page builds no preview
    assert page.preparer_edit.text() == "Dani Rivera"
    page.clear()  # what locking does
    assert page.preparer_edit.text() == ""
    page.set_person(person)  # what unlocking does
    assert page.preparer_edit.text() == "Dani Rivera"


def test_choices_survive_a_lock_and_a_restart_and_stay_inside_the_vault(qtbot, ctx, person, vault_paths, tmp_path, make_page):
    from caregiver_app.domain.summary import LeaveOut, Section
    from caregiver_app.services import summary as summary_service
    from caregiver_app.services.vault_open import unlock_with_passphrase
    from support import PASSPHRASE

    page = make_page(SummaryPage, show_first=True)
    page.section_checks[Section.NOTES].setChecked(False)
    page.leave_out = LeaveOut(symptoms=frozenset({"Headache"}), tags=frozenset({"gardenparty"}))
    page.questions_edit.setPlainText("Is the dose right?\nCan she drive?")
    page.refresh_preview()
    qtbot.waitUntil(lambda: bool(getattr(summary_service.saved_choices(ctx.vault, person.id), "questions", ())),
                    timeout=10000)

    page.clear()  # what locking (or the auto-lock) does
    assert page.questions() == () and page.leave_out.is_empty
    page.set_person(person)  # what unlocking does
    qtbot.waitUntil(lambda: page.questions() == ("Is the dose right?", "Can she drive?"), timeout=5000)
    assert not page.section_checks[Section.NOTES].isChecked() and page.section_checks[Section.CHARTS].isChecked()
    assert page.leave_out.tags == {"gardenparty"} and page.leave_out.symptoms == {"headache"}

    ctx.vault.close()  # a restart: the vault opened again from its files
    again = unlock_with_passphrase(vault_paths, PASSPHRASE)
    try:
        saved = summary_service.saved_choices(again, person.id)
        assert saved.questions == ("Is the dose right?", "Can she drive?") and Section.NOTES not in saved.sections
    finally:
        again.close()
    for path in tmp_path.rglob("*"):  # never in plain text anywhere (settings file included)
        if path.is_file():
            assert b"gardenparty" not in path.read_bytes(), path


def page1_text(path: Path) -> str:
    return " ".join(PdfReader(str(path)).pages[0].extract_text().split())


def test_relationship_and_phone_reach_the_pdf_and_come_back_after_a_lock(qtbot, ctx, person, modals, tmp_path, make_page):
    from caregiver_app.gui.visits.preparer_fields import PreparerFields

    page = make_page(SummaryPage, show_first=True)
    fields: PreparerFields = page.preparer_fields
    # beside "Prepared by", buddied, named and next in the tab order
    form_labels = {fields.name_edit: "Prepared &by", fields.relationship_edit: "Rela&tionship", fields.phone_edit: "Pho&ne"}
    for edit, text in form_labels.items():
        buddies = [lab for lab in page.findChildren(QLabel) if lab.buddy() is edit]
        assert [lab.text() for lab in buddies] == [text] and edit.accessibleName()
    assert fields.name_edit.nextInFocusChain() is fields.relationship_edit
    assert fields.relationship_edit.nextInFocusChain() is fields.phone_edit
    # right after Paper and the printout's language, as they stand
    assert page.paper_box.nextInFocusChain() is page.language_box
    assert page.language_box.nextInFocusChain() is fields.name_edit
    assert fields.phone_edit.nextInFocusChain() is page.preview_label
    qtbot.keyClicks(fields.name_edit, "Maria Rivera")
    qtbot.keyClicks(fields.relationship_edit, "wife")
    qtbot.keyClicks(fields.phone_edit, "(201) 555 0123")
    fields.phone_edit.editingFinished.emit()
    assert fields.phone_edit.text() == "(201) 555-0123" and fields.phone_message.isHidden()

    target = tmp_path / "with-phone.pdf"
    modals.expect(result=(str(target), ""))
    page.save_pdf()
    qtbot.waitUntil(lambda: page.last_saved_path == target, timeout=10000)
    assert "Maria Rivera (wife), phone (201) 555-0123" in page1_text(target)
    for path in ctx.settings_path.parent.rglob("*"):  # personal data: never in the settings file
        assert b"555" not in path.read_bytes() and b"wife" not in path.read_bytes()

    page.clear()  # what locking does
    assert (fields.name_edit.text(), fields.relationship_edit.text(), fields.phone_edit.text()) == ("", "", "")
    page.set_person(person)  # what unlocking does
    qtbot.waitUntil(lambda: fields.phone_edit.text() == "(201) 555-0123", timeout=5000)
    assert fields.relationship_edit.text() == "wife" and fields.name_edit.text() == "Maria Rivera"
    assert people.preparer(ctx.vault) == people.Preparer("Maria Rivera", "wife", "(201) 555-0123")


def test_a_bad_phone_says_so_in_plain_words_and_is_not_printed(qtbot, page, ctx, modals, tmp_path):
    fields = page.preparer_fields
    people.set_preparer(ctx.vault, "Sam", "son", "+44 20 7946 0958")
    fields.name_edit.setText("Sam")
    fields.phone_edit.setText("12")
    fields.phone_edit.editingFinished.emit()
    assert not fields.phone_message.isHidden()
    assert "not a complete phone number" in fields.phone_message.text()
    assert "leaves the phone number out" in fields.phone_message.text()
    target = tmp_path / "bad.pdf"
    modals.expect(result=(str(target), ""))
    page.save_pdf()
    qtbot.waitUntil(lambda: page.last_saved_path == target, timeout=10000)
    text = page1_text(target)
    assert "Sam" in text and "phone" not in text.split("Sam", 1)[1][:20]
    assert people.preparer(ctx.vault).phone == "+44 20 7946 0958"  # a typo does not wipe the kept number
    ctx.settings.country = "GB"  # the chosen country decides how a local number is read
    fields.phone_edit.setText("020 7946 0958")
    fields.phone_edit.editingFinished.emit()
    assert fields.phone_message.isHidden() and fields.phone_edit.text() == "020 7946 0958"


def test_leave_out_list_is_read_and_kept_off_the_gui_thread(qtbot, page, ctx, person, modals):
    from caregiver_app.domain.model import Tag
    from caregiver_app.gui.visits.leave_out_dialog import LeaveOutDialog
    from caregiver_app.services import summary as summary_service

    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 9, 0), note="garden party",
                                                     tags=(Tag("gardenparty"),)), clock=lambda: NOW)
    page.refresh_preview()

    def tick(dialog: LeaveOutDialog):
        assert dialog.tag_list.count() == 1
        dialog.set_checked(dialog.tag_list, "gardenparty")
        dialog.accept()
        return dialog.result()

    modals.expect(handler=tick)
    qtbot.mouseClick(page.leave_out_button, Qt.MouseButton.LeftButton)
    assert page.leave_out.tags == {"gardenparty"}
    assert page.leave_out_label.text() == "Leaving out 1 tag."
    assert summary_service.saved_choices(ctx.vault, person.id).leave_out.tags == {"gardenparty"}


def test_printing_draws_the_pages_off_the_gui_thread(qtbot, page, ctx, person, monkeypatch, tmp_path):
    import threading

    from PySide6.QtPrintSupport import QPrinter

    from caregiver_app.gui.common.ops import Ops

    target = tmp_path / "printed.pdf"

    def pdf_printer(paper):
        printer = page.preview.make_printer(paper)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    threads = []
    real_print = summary_module.print_pdf

    def print_pdf(pdf, printer):
        threads.append(threading.current_thread())
        return real_print(pdf, printer)

    monkeypatch.setattr(page.preview, "ask_printer", pdf_printer)
    monkeypatch.setattr(summary_module, "print_pdf", print_pdf)
    monkeypatch.setattr(Ops, "synchronous", False)
    page.print_summary()
    qtbot.waitUntil(lambda: page.print_button.isEnabled() and target.exists(), timeout=20000)
    assert threads and threads[0] is not threading.main_thread()
    assert len(PdfReader(str(target)).pages) == len(PdfReader(__import__("io").BytesIO(page.pdf_bytes())).pages)


def page_in_a_small_window(qtbot, ctx, person) -> SummaryPage:
    """The page in the page area of a 1024 x 700 window, once its controls need no sideways scrolling
    (the wait fails when they do)."""
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024 - 200, 700 - 60)
    page.show()
    page.set_person(person)
    qtbot.waitExposed(page)
    scroll = page.controls_scroll
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible(), timeout=2000)
    return page


def test_the_controls_are_whole_beside_the_preview_in_a_small_window(qtbot, ctx, person):
    page = page_in_a_small_window(qtbot, ctx, person)
    scroll = page.controls_scroll
    assert scroll.viewport().width() >= scroll.widget().minimumSizeHint().width()
    assert page.preview.width() >= page.preview.minimumSizeHint().width()


def test_a_build_on_a_worker_thread_shows_and_lock_cancels_the_next(qtbot, ctx, person, monkeypatch):
    from caregiver_app.gui.common.ops import Ops

    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 29, 9, 0), note="walk"),
                       clock=lambda: NOW)
    monkeypatch.setattr(Ops, "synchronous", False)
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_person(person)
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=20000)
    assert "1 journal entry on 1 day" in page.preview_label.text() and page.save_button.isEnabled()
    page.range_buttons[90].setChecked(True)  # a new build starts
    assert page.progress_panel.isVisibleTo(page) and not page.save_button.isEnabled()
    shut = []
    ctx.ops.shut(lambda: shut.append(True))  # what locking does: cancel, then carry on when all ended
    page.clear()
    qtbot.waitUntil(lambda: shut == [True], timeout=20000)
    qtbot.wait(50)
    assert page.pdf_bytes() is None and page.preview_label.text() == "" and not page.progress_panel.isVisibleTo(page)


def test_every_section_shows_whole_at_large_text_in_a_small_window(qtbot, ctx, person):
    from PySide6.QtGui import QFont

    app = QApplication.instance()
    normal = QFont(app.font())
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 1.6)
    app.setFont(large)
    try:
        page = page_in_a_small_window(qtbot, ctx, person)
        viewport = page.controls_scroll.viewport()
        for section, check in page.section_checks.items():
            right = check.mapTo(viewport, check.rect().topRight()).x()
            assert right <= viewport.width(), section
            assert check.height() >= check.heightForWidth(check.width()), section
            assert check.text() == section.title and check.accessibleName() in ("", section.title)
        assert page.preview.width() >= page.preview.minimumSizeHint().width()
    finally:
        app.setFont(normal)


def test_a_wrapped_section_toggles_from_its_words_and_the_keyboard(qtbot, page):
    from caregiver_app.domain.summary import Section

    check = page.section_checks[Section.CHARTS]
    was = check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=check.rect().center() + check.rect().topRight() / 4)
    assert check.isChecked() is not was
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert check.isChecked() is was


def test_enter_in_the_leave_out_find_box_goes_to_the_list_and_keeps_the_dialog_open(qtbot, ctx, person):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from caregiver_app.domain.summary import LeaveOut
    from caregiver_app.gui.visits.leave_out_dialog import LeaveOutDialog
    from caregiver_app.services import summary as summary_service

    from datetime import date

    options = summary_service.leave_out_choices(ctx.vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    dialog = LeaveOutDialog(ctx, person.id, options, LeaveOut())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.filter_edit.setFocus()
    qtbot.keyClicks(dialog.filter_edit, "garden")
    QApplication.sendEvent(dialog.filter_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert dialog.isVisible() and dialog.result() == 0
    assert summary_service.saved_choices(ctx.vault, person.id) is None  # nothing was kept
