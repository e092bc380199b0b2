"""The journal's entry side on the one ops runner, on real widgets over a real vault: kept drafts are
writes on the serial lane (setting a draft aside never waits for the lane, only the latest state
of a draft counts, a lock writes again what it cancelled), the journal refreshes itself when
another page writes an entry, and a problem points at the field it is about.

The threaded tests switch ``Ops.synchronous`` off and wait on conditions and gates
(threading.Event), never on the clock."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.common.ops import DRAFTS, JOURNAL, Ops
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.scores_page import ScoresPage
from caregiver_app.services import drafts, journal

@pytest.fixture
def threaded(monkeypatch, ctx):
    monkeypatch.setattr(Ops, "synchronous", False)
    yield
    ctx.ops.cancel_all()
    ctx.ops.wait_for_all(10000)  # the event loop of the test has ended: nothing is left to answer


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, (1300, 850))


def kept(vault) -> list[str]:
    return [d.state.note for d in drafts.list_drafts(vault)]


def hold_the_lane(ctx) -> threading.Event:
    """A write that runs until the returned gate opens: every later write waits behind it."""
    gate, started = threading.Event(), threading.Event()

    def slow(_vault):
        started.set()
        assert gate.wait(10)

    ctx.ops.write(None, slow, changes={DRAFTS})
    assert started.wait(10)
    return gate


def test_setting_a_draft_aside_never_waits_for_the_lane(qtbot, threaded, ctx, vault, page):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Typed while something slow was saving")
    gate = hold_the_lane(ctx)
    editor.drafts.set_aside()  # returns at once although the lane is busy
    assert kept(vault) == []  # asked, not written yet: the slow write is still first in line
    gate.set()
    qtbot.waitUntil(lambda: kept(vault) == ["Typed while something slow was saving"], timeout=10000)


def test_only_the_latest_state_of_a_draft_is_written(qtbot, threaded, ctx, vault, page):
    editor, written = page.editor, []
    ctx.ops.changed.connect(lambda change: change.touches(DRAFTS) and written.append(change))
    gate = hold_the_lane(ctx)
    for word in ("one", " two", " three"):
        qtbot.keyClicks(editor.note, word)
        editor.drafts.tick()  # three autosaves queue up behind the slow write
    gate.set()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10000)
    assert kept(vault) == ["one two three"]
    assert len(written) == 2  # the slow write and the newest draft; the two older never started


def test_a_lock_writes_again_the_draft_it_cancelled(qtbot, threaded, ctx, vault, page):
    editor, locked = page.editor, []
    qtbot.keyClicks(editor.note, "Words queued when the app locked")
    gate = hold_the_lane(ctx)
    editor.drafts.tick()  # queued behind the slow write
    ctx.ops.shut(lambda: locked.append(page.keep_unsaved_work()))  # what the window does at lock
    assert not locked  # the window keeps running while the slow write ends
    gate.set()
    qtbot.waitUntil(lambda: bool(locked), timeout=10000)
    assert kept(vault) == ["Words queued when the app locked"]


def test_a_daily_check_in_shows_in_the_journal_without_any_wiring(qtbot, ctx, vault, person, page, make_page):
    scores = make_page(ScoresPage, shown=False)
    assert page.model.loaded_entry_count() == 0
    qtbot.keyClick(scores.daily.mood_buttons[4], Qt.Key.Key_Space)
    scores.daily.save()
    [entry] = journal.recent_entries(vault, person.id)
    assert entry.mood is MoodLevel.GOOD
    assert page.model.loaded_entry_count() == 1  # the page reloaded from ops.changed (JOURNAL)
    assert page.model.row_of_entry(entry.id) >= 0


def test_a_saved_entry_is_announced_as_one_journal_change(qtbot, ctx, person, page):
    changes = []
    ctx.ops.changed.connect(changes.append)
    qtbot.keyClicks(page.editor.note, "One change")
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = [c for c in changes if c.touches(JOURNAL)]
    assert len(saved) == 1 and saved[0].person_id == person.id
    assert "One change" in page.model.index(1).data()  # reloaded once, newest first


def test_a_problem_points_at_the_symptom_it_is_about(qtbot, page):
    editor = page.editor
    row = editor.add_symptom_row()
    row.severity.setValue(4)  # rated, but no name
    editor.note.setFocus()
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.problem_label.text().startswith("Not saved yet: Please name the symptom")
    assert row.name_box.hasFocus()
    assert "Please name the symptom" in row.name_box.accessibleDescription()
    row.name_box.setEditText("Headache")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.problem_label.isVisible()
    assert "Please name the symptom" not in row.name_box.accessibleDescription()  # the mark is gone


def test_the_family_name_is_the_field_a_missing_name_points_at(qtbot, page):
    editor = page.editor
    editor.family_radio.setChecked(True)
    editor.family_name.clear()
    qtbot.keyClicks(editor.note, "Seen by family")
    editor.save()
    assert editor.problem_label.isVisible() and editor.family_name.hasFocus()


def test_save_delete_and_undo_on_real_threads(qtbot, threaded, ctx, vault, person, page, modals):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Written on a busy evening")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # a second press while saving
    qtbot.waitUntil(lambda: page.current_entry() is not None, timeout=10000)  # saved, reloaded, chosen
    assert [e.note for e in journal.recent_entries(vault, person.id)] == ["Written on a busy evening"]
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10000)
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete entry").click())
    page.delete_current()
    qtbot.waitUntil(lambda: page.model.loaded_entry_count() == 0 and not ctx.ops.busy, timeout=10000)
    assert journal.recent_entries(vault, person.id) == []
    page.history.undo()
    qtbot.waitUntil(lambda: page.current_entry() is not None and not ctx.ops.busy, timeout=10000)
    assert page.current_entry().note == "Written on a busy evening"
    assert "Put back the entry" in page.undo_label.text()


def test_medicines_saved_on_another_page_are_offered_at_once(qtbot, ctx, vault, person, page):
    from caregiver_app.gui.common.ops import MEDICATIONS
    from caregiver_app.services import medications
    from caregiver_app.services.medications import MedicationDraft

    assert page.editor.doses.boxes == {}
    med = MedicationDraft(person.id, "Sertraline", 50, "mg", "once a day")
    ctx.ops.write(None, lambda v: medications.add_medication(v, med), changes={MEDICATIONS}, person_id=person.id)
    assert [b.accessibleName() for b in page.editor.doses.boxes.values()] == ["Sertraline dose"]


def test_a_damaged_draft_still_fills_what_it_can(qtbot, page, person):
    from dataclasses import replace

    editor = page.editor
    qtbot.keyClicks(editor.note, "Kept words")
    state = replace(editor.state(), extra={"doses": "not a mapping", "elevation": "high"})
    editor.reset()
    editor.apply(state)
    assert editor.note.toPlainText() == "Kept words"
    assert editor.elevation.currentText() == "Not rated" and editor.doses.chosen() == {}


def test_a_check_in_by_an_unnamed_family_member_points_at_the_name(qtbot, ctx, person, make_page):
    scores = make_page(ScoresPage, shown=False)
    scores.tabs.setCurrentIndex(1)
    scores.show()
    qtbot.waitExposed(scores)
    scores.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is scores, timeout=2000)
    daily = scores.daily
    daily.family_radio.setChecked(True)
    qtbot.keyClick(daily.mood_buttons[3], Qt.Key.Key_Space)
    daily.save()
    assert daily.problem_label.isVisible() and daily.family_name.hasFocus()
    assert daily.problem_label.text() in daily.family_name.accessibleDescription()
