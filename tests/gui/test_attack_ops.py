"""Attacks on background work and locking (branch attack-ops): lock or quit in the middle of a
save, pages that must refresh from ``ops.changed``. Real encrypted vault, real widgets; threaded
tests wait on gates and conditions, never on the clock."""

from __future__ import annotations

import pytest
from support import PASSPHRASE, hold, hold_a_read
from PySide6.QtCore import Qt

from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.common.ops import CHECKINS, JOURNAL, Ops
from caregiver_app.services import checkins, journal


@pytest.fixture
def threaded(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)


def open_window(qtbot, context, vault):
    context.vault = vault
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def unlock(qtbot, window) -> None:
    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked and window.person_combo.count() > 0, timeout=20000)


def answer_daily_checkin(window):
    scores = window.go("scores")
    daily = scores.daily
    daily.mood_buttons[next(iter(daily.mood_buttons))].setChecked(True)
    return daily


def test_the_daily_checkin_says_it_changed_the_journal_so_patterns_refresh(qtbot, context, vault, person):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None)
    changes = []
    context.ops.changed.connect(changes.append)
    daily = answer_daily_checkin(window)
    daily.save()
    assert journal.count_entries(vault, person.id) == 1
    assert any(c.touches(JOURNAL) and c.touches(CHECKINS) and c.person_id == person.id for c in changes)


def test_locking_while_the_daily_checkin_saves_leaves_its_save_button_working(
        threaded, qtbot, context, vault, person, monkeypatch):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    gate, started = hold(monkeypatch, checkins, "save_daily_checkin")
    daily = answer_daily_checkin(window)
    daily.save()
    assert started.wait(10)
    window.lock()
    gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    unlock(qtbot, window)
    window.go("scores")
    daily = answer_daily_checkin(window)
    assert daily.save_button.isEnabled()


def test_locking_while_the_visit_summary_builds_lets_it_build_again_after_unlock(
        threaded, qtbot, context, vault, person, monkeypatch):
    from caregiver_app.services import summary
    from support import add_entries

    add_entries(vault, person.id, 5)
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    gate, started = hold(monkeypatch, summary, "build_summary")
    window.go("summary")
    assert started.wait(10)
    window.lock()
    gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    unlock(qtbot, window)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=20000)  # a preview, ready to save


def test_renaming_the_person_keeps_what_is_typed_on_their_pages_and_shows_the_new_name(
        qtbot, context, vault, person, modals):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None)
    meds = window.go("medications")
    meds.name_edit.setText("Lithium")
    meds.reason.setText("mood")
    modals.expect(("Sam R.", True))
    window.people_actions.rename()
    assert window.person_combo.currentText() == "Sam R."
    assert meds.heading.text() == "Medications for Sam R."
    assert meds.name_edit.text() == "Lithium" and meds.reason.text() == "mood"


def _two_people_with_a_medicine(vault, person):
    from caregiver_app.services import medications
    from caregiver_app.services.people import add_person

    other = add_person(vault, "Alex Kim")
    med = medications.add_medication(vault, medications.MedicationDraft(
        person_id=person.id, name="Lithium", amount=300, unit="mg", schedule="twice a day"))
    return other, med


def _choose(window, person_id):
    index = next(i for i, p in enumerate(window._people) if p.id == person_id)
    window.person_combo.setCurrentIndex(index)


def test_a_delete_question_for_one_person_never_pops_up_on_another_persons_page(
        threaded, qtbot, context, vault, person, monkeypatch, modals):
    from caregiver_app.services import medications

    other, med = _two_people_with_a_medicine(vault, person)
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    _choose(window, person.id)
    page = window.go("medications")
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10000)
    page.select_medication(med.id)
    assert page.current_medication is not None
    gate, started = hold(monkeypatch, medications, "dose_record_count")
    page.delete_current()
    assert started.wait(10)
    _choose(window, other.id)  # the user switches to Alex while the count is read
    assert page.person.id == other.id
    gate.set()
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=10000)
    qtbot.wait(50)
    assert modals.seen == []  # no "Delete Lithium?" over Alex's medicines
    assert [m.name for m in medications.list_medications(vault, person.id)] == ["Lithium"]


def test_a_write_for_one_person_that_ends_after_a_switch_never_leaves_their_medicine_chosen(
        threaded, qtbot, context, vault, person, monkeypatch, modals):
    from datetime import date

    from caregiver_app.services import medications

    other, med = _two_people_with_a_medicine(vault, person)
    medications.change_dose(vault, med.id, date(2026, 1, 5), 450, "mg")
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    _choose(window, person.id)
    page = window.go("medications")
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10000)
    page.select_medication(med.id)
    page.history.setCurrentRow(1)
    gate, started = hold(monkeypatch, medications, "remove_dose_change")
    modals.expect(0, lambda box: next(b for b in box.buttons() if b.text() == "Remove it").click())
    page.remove_step()
    assert started.wait(10)
    _choose(window, other.id)
    qtbot.waitUntil(lambda: page.list.count() == 0 and page.person.id == other.id, timeout=10000)
    gate.set()
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=10000)
    qtbot.wait(50)
    assert page.current_medication is None  # Alex's form must not be about Sam's Lithium
    assert "Removed" not in page.status_label.text()
    assert len(medications.get_medication(vault, med.id).history) == 1  # Sam's change did land


def test_while_the_window_waits_to_close_nothing_can_be_typed_and_then_silently_dropped(
        threaded, qtbot, context, vault, person):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    page = window.go("medications")
    closed = []
    window.closed.connect(lambda: closed.append(1))
    gate, _started = hold_a_read(context.ops, window)  # a long job that looks at nothing until its end
    window.close()
    assert window.isVisible() and not closed  # waits for the job, without freezing
    # The user keeps working meanwhile: a Save now would be dropped without a word.
    assert not page.save_button.isEnabled()
    assert not window.person_combo.isEnabled()
    assert window.get_help_button.isEnabled()  # crisis help stays one click away
    gate.set()
    qtbot.waitUntil(lambda: bool(closed), timeout=10000)
    assert not vault.is_open


def test_while_the_lock_waits_for_a_job_no_command_shows_the_persons_name(threaded, qtbot, context, vault, person):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    gate, _started = hold_a_read(context.ops, window)
    window.lock()
    commands = [window.import_action, window.add_person_action, window.find_action, *window.people_actions.actions]
    assert not any(action.isEnabled() for action in commands)  # Rename… would show "Sam Rivera"
    assert "Locking" in window.unlock_screen.status_text()  # why the passphrase box does nothing yet
    gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    assert window.unlock_screen.status_text() == ""
    assert not any(action.isEnabled() for action in commands)
    unlock(qtbot, window)
    assert all(action.isEnabled() for action in commands)


DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,rad,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,good,walk,"","Great morning"\n'
)


def _open_import(qtbot, window, modals, tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    modals.expect(result=(str(path), ""))
    page = window.go("journal")
    page.start_import()
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible(), timeout=10000)
    return page.import_dialog


@pytest.mark.parametrize("how", ["lock", "close the dialog"])
def test_an_import_still_running_when_its_dialog_goes_away_ends_cleanly(
        threaded, qtbot, context, vault, person, monkeypatch, modals, tmp_path, how):
    from caregiver_app.services import imports

    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    dialog = _open_import(qtbot, window, modals, tmp_path)
    gate, started = hold(monkeypatch, imports, "import_daylio")
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert started.wait(10)
    if how == "lock":
        window.lock()
    else:
        dialog.reject()  # Esc or the window's close button
    qtbot.wait(100)  # the dialog (and its progress dialog) are deleted meanwhile
    gate.set()
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=10000)
    if how == "lock":
        qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
        unlock(qtbot, window)
    # Nothing half-written: the import is one transaction, and it ended.
    assert journal.count_entries(context.vault, person.id) == 2


def test_entries_imported_after_the_dialog_was_closed_show_in_the_journal(
        threaded, qtbot, context, vault, person, monkeypatch, modals, tmp_path):
    from caregiver_app.services import imports

    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    dialog = _open_import(qtbot, window, modals, tmp_path)
    gate, started = hold(monkeypatch, imports, "import_daylio")
    dialog.import_button.click()
    assert started.wait(10)
    dialog.reject()
    gate.set()
    qtbot.waitUntil(lambda: not context.ops.busy, timeout=10000)
    page = window.go("journal")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=3000)


def test_an_auto_lock_that_waits_for_a_job_still_says_why_it_locked(threaded, qtbot, context, vault, person):
    window = open_window(qtbot, context, vault)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
    gate, _started = hold_a_read(context.ops, window)
    window.idle_timer.timeout.emit()  # nobody used it for a while
    gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    note = window.unlock_screen.ui.noteLabel
    assert "locked itself because no one used it" in note.text() and not note.isHidden()
