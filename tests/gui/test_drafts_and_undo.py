"""Never lose a word, on real widgets and a real vault: drafts kept every few seconds, kept at a
lock (before anything is cleared) and offered back after unlocking with Restore as the default;
saved or discarded drafts are deleted. Adding, changing and deleting entries can be undone and
redone from the Edit menu and with Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support import NOW, PASSPHRASE

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.journal.draft_keeper import AUTOSAVE_MS, RestoreDraftDialog
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import drafts, journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault_open import unlock_with_passphrase


def open_window(make_page):
    return make_page(create_main_window, person=None, active=True)


def kept(vault, person_id=None) -> list[str]:
    return [d.state.note for d in drafts.list_drafts(vault, person_id)]


def unlock(qtbot, window) -> None:
    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def reopen(ctx):
    """The vault after a lock closed it (what the unlock screen will open)."""
    return unlock_with_passphrase(ctx.paths, PASSPHRASE)


def test_autosave_keeps_words_every_few_seconds_and_saving_deletes_them(qtbot, ctx, vault, person, make_page):
    page = make_page(JournalPage, active=True)
    keeper = page.editor.drafts
    assert keeper.timer.isActive() and keeper.timer.interval() == AUTOSAVE_MS <= 5000
    keeper.tick()
    assert kept(vault) == []  # an empty form is not kept
    qtbot.keyClicks(page.editor.note, "Slept badly")
    keeper.timer.timeout.emit()  # what the timer does every few seconds
    assert kept(vault) == ["Slept badly"]
    qtbot.keyClicks(page.editor.note, " again")
    keeper.tick()
    assert kept(vault) == ["Slept badly again"]  # one draft, kept up to date
    page.editor.note.clear()
    keeper.tick()
    assert kept(vault) == []  # nothing left to keep
    qtbot.keyClicks(page.editor.note, "Now for real")
    keeper.tick()
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.recent_entries(vault, person.id)[0].note == "Now for real"
    assert kept(vault) == []  # saved: the draft is gone


def test_a_lock_keeps_the_draft_and_the_next_unlock_offers_it(qtbot, ctx, vault, person, modals, make_page):
    window = open_window(make_page)
    editor = window.page_widgets()[0].editor
    qtbot.keyClicks(editor.note, "Words typed just before the lock")
    qtbot.keyClick(editor.mood_buttons[2], Qt.Key.Key_Space)
    window._on_idle()  # auto-lock; no autosave tick happened since typing
    assert window.is_locked and editor.note.toPlainText() == ""
    check = reopen(ctx)
    assert kept(check) == ["Words typed just before the lock"]
    check.close()

    def answer(dialog: RestoreDraftDialog):
        assert dialog.windowTitle() == "Welcome back"
        assert dialog.restore_button.isDefault() and dialog.restore_button.text() == "&Restore"
        assert not dialog.discard_button.isDefault() and not dialog.discard_button.autoDefault()
        assert "Words typed just before the lock" in dialog.text_label.text()
        assert "Sam Rivera" in dialog.text_label.text()
        dialog.restore_button.click()  # what Enter does

    modals.expect(handler=answer)
    unlock(qtbot, window)
    assert not window.is_locked
    assert editor.note.toPlainText() == "Words typed just before the lock"
    assert editor.mood_buttons[2].isChecked()
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.recent_entries(ctx.vault, person.id)[0].note == "Words typed just before the lock"
    assert kept(ctx.vault) == []


def test_escape_keeps_it_for_later_and_the_line_above_the_form_brings_it_back(qtbot, ctx, vault, person, modals, make_page):
    drafts.save_draft(vault, "left-from-a-crash", drafts.DraftState(person.id, when=datetime(2026, 11, 29, 21, 15),
                                                                    note="Half a thought"), clock=lambda: NOW)
    modals.expect(handler=lambda dialog: dialog.reject())  # Esc
    window = open_window(make_page)
    editor = window.page_widgets()[0].editor
    assert kept(vault) == ["Half a thought"]  # nothing was thrown away
    assert editor.draft_bar.isVisible()
    assert "Sunday 29 November 2026" in editor.draft_bar.label.text()
    qtbot.mouseClick(editor.draft_bar.restore_button, Qt.MouseButton.LeftButton)
    assert editor.note.toPlainText() == "Half a thought"
    assert editor.when() == datetime(2026, 11, 29, 21, 15)
    assert not editor.draft_bar.isVisible()

    def keep(box: QMessageBox):
        assert box.defaultButton().text() == "Keep it" and box.escapeButton().text() == "Keep it"
        box.defaultButton().click()

    editor.drafts.set_aside()  # put it back aside and ask to discard it from the line
    editor.reset()
    window.page_widgets()[0].draft_offers.refresh()
    modals.expect(handler=keep)
    qtbot.mouseClick(editor.draft_bar.discard_button, Qt.MouseButton.LeftButton)
    assert kept(vault) == ["Half a thought"]

    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Discard it").click())
    qtbot.mouseClick(editor.draft_bar.discard_button, Qt.MouseButton.LeftButton)
    assert kept(vault) == [] and not editor.draft_bar.isVisible()


def test_discard_in_the_welcome_back_dialog_deletes_the_draft(qtbot, ctx, vault, person, modals, make_page):
    drafts.save_draft(vault, "k", drafts.DraftState(person.id, note="Not needed"), clock=lambda: NOW)
    modals.expect(handler=lambda dialog: dialog.discard_button.click())
    open_window(make_page)
    assert kept(vault) == []


def test_a_draft_for_another_person_switches_to_them(qtbot, ctx, vault, person, modals, make_page):
    ruth = people.add_person(vault, "Ruth")
    drafts.save_draft(vault, "k", drafts.DraftState(person.id, note="About Sam"), clock=lambda: NOW)
    modals.expect(handler=lambda dialog: dialog.restore_button.click())
    window = open_window(make_page)
    assert window.current_person().display_name == "Sam Rivera"
    assert window.page_widgets()[0].editor.note.toPlainText() == "About Sam"
    assert ruth.id != person.id


def test_a_change_to_an_entry_deleted_since_comes_back_as_a_new_entry(qtbot, ctx, vault, person, modals, make_page):
    gone = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 28, 8), note="old"))
    journal.take_out(vault, gone.id)
    drafts.save_draft(vault, "k", drafts.DraftState(person.id, entry_id=gone.id, note="old, changed"),
                      clock=lambda: NOW)
    modals.expect(handler=lambda dialog: dialog.restore_button.click())
    window = open_window(make_page)
    editor = window.page_widgets()[0].editor
    assert not editor.is_editing and editor.note.toPlainText() == "old, changed"
    assert "saved as a new entry" in editor.status_label.text()


def test_switching_person_keeps_unsaved_words(qtbot, ctx, vault, person, make_page):
    people.add_person(vault, "Ruth")
    window = open_window(make_page)
    editor = window.page_widgets()[0].editor
    sam_index = window.person_combo.findText("Sam Rivera")
    window.person_combo.setCurrentIndex(sam_index)
    qtbot.keyClicks(editor.note, "Typed for Sam")
    window.person_combo.setCurrentIndex(1 - sam_index)
    assert editor.note.toPlainText() == ""
    assert kept(vault, person.id) == ["Typed for Sam"]
    window.person_combo.setCurrentIndex(sam_index)
    assert editor.draft_bar.isVisible()


# --- undo and redo -------------------------------------------------------------------------


def select(page, needle: str) -> None:
    from caregiver_app.gui.journal.journal_model import ENTRY, KindRole

    for i in range(page.model.rowCount()):
        index = page.model.index(i)
        if index.data(KindRole) == ENTRY and needle in index.data():
            page.list_view.setFocus()
            page.list_view.setCurrentIndex(index)
            return
    raise AssertionError(needle)


def notes(vault, person) -> list[str]:
    return [e.note for e in journal.recent_entries(vault, person.id)]


def test_delete_then_ctrl_z_and_ctrl_shift_z(qtbot, ctx, vault, person, modals, make_page):
    entry = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="Keep me", mood=MoodLevel.OKAY))
    window = open_window(make_page)
    page = window.page_widgets()[0]
    undo, redo = page.history.undo_action, page.history.redo_action
    assert undo in window.edit_menu.actions() and redo in window.edit_menu.actions()
    assert not undo.isEnabled() and not redo.isEnabled()
    select(page, "Keep me")
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete entry").click())
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert notes(vault, person) == []
    assert undo.isEnabled() and undo.text() == "&Undo deleted entry from Sunday 29 November 2026"
    qtbot.keyClick(page.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes(vault, person) == ["Keep me"]
    assert journal.recent_entries(vault, person.id)[0].id == entry.id  # the same entry, same id
    assert page.current_entry().id == entry.id and "Put back the entry" in page.undo_label.text()
    assert redo.isEnabled() and not undo.isEnabled()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert notes(vault, person) == []
    undo.trigger()  # Edit ▸ Undo
    assert notes(vault, person) == ["Keep me"]


def test_undo_and_redo_an_edit_and_a_new_entry(qtbot, ctx, vault, person, make_page):
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="Before"))
    window = open_window(make_page)
    page = window.page_widgets()[0]
    history = page.history
    select(page, "Before")
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    page.editor.note.selectAll()
    qtbot.keyClicks(page.editor.note, "After")
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notes(vault, person) == ["After"]
    qtbot.keyClicks(page.editor.note, "Brand new")
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notes(vault, person) == ["Brand new", "After"]
    assert history.undo_action.text() == "&Undo new entry from Monday 30 November 2026"
    history.undo_action.trigger()
    assert notes(vault, person) == ["After"]
    history.undo_action.trigger()
    assert notes(vault, person) == ["Before"]
    assert "Took back the change" in page.undo_label.text()
    history.redo_action.trigger()
    history.redo_action.trigger()
    assert notes(vault, person) == ["Brand new", "After"]


def test_ctrl_z_in_a_text_field_undoes_typing_not_the_journal(qtbot, ctx, vault, person, modals, make_page):
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="Stay deleted"))
    window = open_window(make_page)
    page = window.page_widgets()[0]
    select(page, "Stay deleted")
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete entry").click())
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    page.editor.note.setFocus()
    qtbot.keyClicks(page.editor.note, "abc")
    qtbot.keyClick(page.editor.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.note.toPlainText() != "abc"  # the field's own undo took the typing back
    assert notes(vault, person) == []  # and the deleted entry stays deleted


def test_locking_forgets_the_history(qtbot, ctx, vault, person, modals, make_page):
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="x"))
    window = open_window(make_page)
    page = window.page_widgets()[0]
    select(page, "x")
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete entry").click())
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert page.history.stack.count() == 1
    window.lock()
    assert page.history.stack.count() == 0 and not page.history.undo_action.isEnabled()


def test_a_draft_keeps_where_the_pain_is(qtbot, ctx, vault, person, make_page):
    page = make_page(JournalPage, shown=False)
    editor = page.editor
    editor.add_symptom_row().set_value("Pain (lower back)", 6)
    state = editor.state()
    assert state.symptoms == (("Pain (lower back)", 6),)
    editor.reset()
    editor.apply(state)
    (row,) = editor.symptom_rows
    assert (row.name_box.currentText(), row.where.text(), row.symptom_name()) == ("Pain", "lower back", "Pain (lower back)")
