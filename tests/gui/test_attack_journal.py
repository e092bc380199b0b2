"""Attacks on the journal (branch attack-journal): typing, locking and switching person while a
save is still on the write lane; Undo of the entry open in the form; a too-long note; the mood
chart at large text. Real encrypted vault, real widgets; threaded tests wait on gates, not on the
clock."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import drafts, journal
from support import hold


@pytest.fixture
def threaded(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)


def test_words_typed_while_a_save_runs_are_not_thrown_away(threaded, qtbot, ctx, vault, person, make_page,
                                                            monkeypatch):
    page = make_page(JournalPage, active=True)
    qtbot.waitUntil(lambda: page.editor.isEnabled(), timeout=10000)
    gate, started = hold(monkeypatch, journal, "save_entry")
    editor = page.editor
    qtbot.keyClicks(editor.note, "First part")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert started.wait(10)
    qtbot.keyClicks(editor.note, " and what I typed while it saved")  # the form is still open to typing
    gate.set()
    qtbot.waitUntil(lambda: journal.count_entries(vault, person.id) == 1 and not editor.panel.saving, timeout=10000)
    late = "First part and what I typed while it saved"
    assert journal.recent_entries(vault, person.id)[0].note == "First part"
    assert editor.note.toPlainText() == late  # still in the form ...
    assert editor.is_editing and editor.editing_entry.note == "First part"  # ... as a change to the saved entry
    assert "still here, not saved yet" in editor.panel.status_label.text()
    qtbot.waitUntil(lambda: [d.state.note for d in drafts.list_drafts(vault, person.id)] == [late], timeout=10000)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saving again: no second entry
    qtbot.waitUntil(lambda: not editor.panel.saving and not editor.is_editing, timeout=10000)
    assert [e.note for e in journal.recent_entries(vault, person.id)] == [late]
    qtbot.waitUntil(lambda: drafts.list_drafts(vault, person.id) == [], timeout=10000)


def test_a_lock_while_the_entry_saves_does_not_keep_the_saved_words_as_a_draft_too(
        threaded, qtbot, ctx, vault, person, make_page, monkeypatch):
    from caregiver_app.gui.app import create_main_window
    window = make_page(create_main_window, person=None, active=True)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    editor = window.page_widgets()[0].editor
    gate, started = hold(monkeypatch, journal, "save_entry")
    qtbot.keyClicks(editor.note, "Saved just as the screen locked")
    editor.panel.save_button.click()
    assert started.wait(10)
    window.lock()
    gate.set()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=10000)
    from caregiver_app.services.vault_open import unlock_with_passphrase
    from support import PASSPHRASE
    check = unlock_with_passphrase(ctx.paths, PASSPHRASE)
    try:
        assert [e.note for e in journal.recent_entries(check, person.id)] == ["Saved just as the screen locked"]
        assert [d.state.note for d in drafts.list_drafts(check, person.id)] == []  # nothing to offer again
    finally:
        check.close()


def test_undoing_the_new_entry_being_changed_keeps_the_typed_words_savable(qtbot, ctx, vault, person, make_page):
    page = make_page(JournalPage, active=True)
    editor = page.editor
    qtbot.keyClicks(editor.note, "first words")
    editor.save()
    editor.load_entry(journal.recent_entries(vault, person.id)[0])
    editor.note.moveCursor(editor.note.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.note, ", changed")
    page.history.undo()  # Edit > Undo takes back the new entry the form is changing
    assert journal.count_entries(vault, person.id) == 0
    assert editor.note.toPlainText() == "first words, changed" and not editor.is_editing
    assert "still here" in editor.panel.status_label.text()
    editor.drafts.tick()
    assert [(d.state.note, d.state.entry_id) for d in drafts.list_drafts(vault, person.id)] == [
        ("first words, changed", None)]
    editor.save()  # before: "That entry is no longer in the journal." and no way to keep the words
    assert [e.note for e in journal.recent_entries(vault, person.id)] == ["first words, changed"]
    assert drafts.list_drafts(vault, person.id) == []


def test_undoing_the_new_entry_shown_untouched_in_the_form_starts_a_new_entry(qtbot, ctx, vault, person, make_page):
    page = make_page(JournalPage, active=True)
    editor = page.editor
    qtbot.keyClicks(editor.note, "first words")
    editor.save()
    editor.load_entry(journal.recent_entries(vault, person.id)[0])
    page.history.undo()
    assert not editor.is_editing and editor.note.toPlainText() == ""
    editor.drafts.tick()
    assert drafts.list_drafts(vault, person.id) == []


def test_the_mood_chart_day_labels_never_run_into_each_other_at_large_text(qtbot):
    from datetime import date, timedelta

    from PySide6.QtGui import QFontMetrics

    from caregiver_app.domain.summary import DayPoint
    from caregiver_app.gui.common import formatting
    from caregiver_app.gui.journal.mood_chart import MoodChart

    chart = MoodChart()
    qtbot.addWidget(chart)
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)  # large text, as in the screenshot where "8. Nov15. Nov22. Nov" ran together
    chart.resize(420, 500)
    chart.show()
    qtbot.waitExposed(chart)
    start = date(2024, 11, 7)
    chart.set_points([DayPoint(start + timedelta(days=i), 3, 7.0, 1) for i in range(30)])
    qtbot.wait(50)
    labels = chart.x_axis.categoriesLabels()
    metrics = QFontMetrics(chart.x_axis.labelsFont())
    widest = max(metrics.horizontalAdvance(formatting.medium_date(start + timedelta(days=i), year=False))
                 for i in range(30))
    assert labels and len(labels) * widest <= chart.chart.plotArea().width(), (labels, widest, chart.chart.plotArea())
    chart.resize(1400, 500)  # wide again: a label every week
    qtbot.waitUntil(lambda: len(chart.x_axis.categoriesLabels()) == 5, timeout=3000)


def test_undoing_a_change_to_the_entry_open_in_the_form_shows_it_as_it_is_now(qtbot, ctx, vault, person, make_page):
    page = make_page(JournalPage, active=True)
    editor = page.editor
    qtbot.keyClicks(editor.note, "as first written")
    editor.save()
    editor.load_entry(journal.recent_entries(vault, person.id)[0])
    editor.note.setPlainText("changed")
    editor.save()
    editor.load_entry(journal.recent_entries(vault, person.id)[0])  # open it again: "changed"
    page.history.undo()  # Edit > Undo: the vault says "as first written" again
    assert journal.recent_entries(vault, person.id)[0].note == "as first written"
    assert editor.note.toPlainText() == "as first written"  # not the undone words, which Save would write back
    editor.save()
    assert [e.note for e in journal.recent_entries(vault, person.id)] == ["as first written"]


def test_switching_person_while_their_entry_saves_keeps_no_draft_of_the_saved_words(
        threaded, qtbot, ctx, vault, person, make_page, monkeypatch):
    from caregiver_app.services.people import add_person
    other = add_person(vault, "Alex Other")
    page = make_page(JournalPage, active=True)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.isEnabled(), timeout=10000)
    gate, started = hold(monkeypatch, journal, "save_entry")
    qtbot.keyClicks(editor.note, "About Sam, saved")
    editor.save()
    assert started.wait(10)
    page.set_person(other)  # switch while Sam's entry is still saving
    qtbot.keyClicks(editor.note, "About Alex")
    gate.set()
    qtbot.waitUntil(lambda: journal.count_entries(vault, person.id) == 1 and not editor.panel.saving, timeout=10000)
    qtbot.wait(200)
    ctx.ops.wait_for_all(5000)
    qtbot.wait(50)
    assert [d.state.note for d in drafts.list_drafts(vault, person.id)] == []  # would be offered again: a duplicate
    assert journal.count_entries(vault, other.id) == 0
    assert editor.note.toPlainText() == "About Alex" and editor.person.id == other.id  # not wiped by Sam's save
    assert not editor.is_editing
    assert "Sam" not in editor.panel.status_label.text() or not editor.panel.status_label.isVisible()


def test_a_save_that_fails_after_switching_person_keeps_the_words_as_a_draft(
        threaded, qtbot, ctx, vault, person, make_page, monkeypatch, modals):
    from caregiver_app.domain.errors import CaregiverError
    from caregiver_app.services.people import add_person
    other = add_person(vault, "Alex Other")
    page = make_page(JournalPage, active=True)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.isEnabled(), timeout=10000)
    gate, started = threading.Event(), threading.Event()

    def failing(*args, **kwargs):
        started.set()
        gate.wait(20)
        raise CaregiverError("The disk is full.")

    monkeypatch.setattr(journal, "save_entry", failing)
    modals.expect()  # the plain-words error
    qtbot.keyClicks(editor.note, "About Sam, not saved")
    editor.save()
    assert started.wait(10)
    page.set_person(other)
    gate.set()
    qtbot.waitUntil(lambda: not editor.panel.saving, timeout=10000)
    ctx.ops.wait_for_all(5000)
    qtbot.wait(50)
    assert [d.state.note for d in drafts.list_drafts(vault, person.id)] == ["About Sam, not saved"]


def test_a_note_that_is_too_long_is_pointed_at_and_says_how_long_it_is(qtbot, ctx, vault, person, make_page):
    from caregiver_app.domain.model import NOTE_MAX_CHARS
    page = make_page(JournalPage, active=True)
    editor = page.editor
    editor.when_edit.setFocus()
    editor.note.setPlainText("x" * (NOTE_MAX_CHARS + 5))  # a pasted document
    editor.save()
    assert journal.count_entries(vault, person.id) == 0
    problem = editor.panel.problem_label.text()
    assert "20000" in problem and "20005" in problem
    assert editor.note.hasFocus()  # the cursor goes to the note, not left on the date
    assert editor.note.accessibleDescription() == problem


def test_jumping_to_a_day_before_the_first_entry_never_says_the_journal_is_empty(qtbot, ctx, vault, person, make_page):
    from datetime import date

    page = make_page(JournalPage)
    qtbot.keyClicks(page.editor.note, "the only entry")
    page.editor.save()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    page.show_day(date(1999, 1, 1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.jump_bar.isVisible(), timeout=5000)
    assert "No entries yet" not in page.empty_label.text() or page.empty_label.isHidden()
    assert "on or before" in page.jump_label.text() and "1999" in page.jump_label.text()
    assert "here are the days before it" not in page.jump_label.text()
    page.show_newest()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
