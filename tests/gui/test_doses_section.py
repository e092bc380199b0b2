"""The entry editor's additions on real widgets and a real vault: the Medicines section (taken,
missed, extra; saved with the entry), Pain with its place, severity words at the anchors, the
common stressors and activities, and a prominent "recorded by"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from support import NOW, mnemonic_clashes

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import TagKind
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal, medications
from caregiver_app.services.medications import MedicationDraft


@pytest.fixture
def meds(ctx, person):
    add = lambda name, amount, **kw: medications.add_medication(  # noqa: E731
        ctx.vault, MedicationDraft(person.id, name, amount, "mg", kw.pop("schedule", "once a day"), **kw),
        clock=lambda: NOW)
    return {
        "sertraline": add("Sertraline", 50, start_date=date(2026, 9, 1)),
        "ibuprofen": add("Ibuprofen", 200, schedule="as needed", as_needed=True),
        "old": add("Lorazepam", 0.5, start_date=date(2026, 1, 1), stop_date=date(2026, 6, 30)),
    }


@pytest.fixture
def page(make_page, meds):
    return make_page(JournalPage, (1200, 900), active=True)


def choose(box, text):
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def test_only_medicines_on_the_list_that_day_are_offered(page, meds):
    doses = page.editor.doses
    assert set(doses.boxes) == {meds["sertraline"].id, meds["ibuprofen"].id}
    ser = doses.boxes[meds["sertraline"].id]
    assert [ser.itemText(i) for i in range(ser.count())] == ["Not recorded", "Taken", "Missed", "An extra dose (more than usual)"]
    prn = doses.boxes[meds["ibuprofen"].id]
    assert [prn.itemText(i) for i in range(prn.count())] == ["Not recorded", "Taken (as needed)"]
    assert ser.accessibleName() == "Sertraline dose"
    page.editor.set_when(datetime(2026, 3, 1, 9, 0))  # a day when only Lorazepam (and the undated one) applied
    assert set(doses.boxes) == {meds["old"].id, meds["ibuprofen"].id}


def test_doses_are_saved_with_the_entry_and_shown_when_changing_it(qtbot, page, ctx, person, meds):
    editor = page.editor
    ser, prn = meds["sertraline"].id, meds["ibuprofen"].id
    editor.doses.boxes[ser].setFocus()
    qtbot.keyClick(editor.doses.boxes[ser], Qt.Key.Key_Down)
    qtbot.keyClick(editor.doses.boxes[ser], Qt.Key.Key_Down)  # Not recorded -> Taken -> Missed
    choose(editor.doses.boxes[prn], "Taken (as needed)")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # nothing else: doses alone are fine
    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    saved = journal.recent_entries(ctx.vault, person.id)[0]
    assert set(medications.doses_for_entry(ctx.vault, saved.id)) == {
        DoseRecord(ser, DoseStatus.MISSED), DoseRecord(prn, DoseStatus.EXTRA)}
    assert editor.doses.boxes[ser].currentText() == "Not recorded"  # a fresh form after saving
    missed = medications.missed_doses_in_period(ctx.vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [(m.medication, m.count) for m in missed] == [("Sertraline", 1)]

    editor.load_entry(saved)
    assert editor.doses.boxes[ser].currentText() == "Missed"
    assert editor.doses.boxes[prn].currentText() == "Taken (as needed)"
    choose(editor.doses.boxes[ser], "Taken")
    choose(editor.doses.boxes[prn], "Not recorded")
    editor.save()
    assert medications.doses_for_entry(ctx.vault, saved.id) == [DoseRecord(ser, DoseStatus.TAKEN)]


def test_an_entry_with_nothing_at_all_still_says_so(qtbot, page):
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "This entry is empty" in page.editor.problem_label.text() and "a dose" in page.editor.problem_label.text()


def test_medicines_added_elsewhere_show_when_the_journal_is_shown_again(qtbot, page, ctx, person):
    page.hide()
    new = medications.add_medication(ctx.vault, MedicationDraft(person.id, "Quetiapine", 25, "mg", "at bedtime"),
                                     clock=lambda: NOW)
    page.show()
    assert new.id in page.editor.doses.boxes


def test_no_medicines_gives_a_pointer_to_the_page(qtbot, ctx, vault, make_page):
    from caregiver_app.services import people

    other = people.add_person(vault, "Ana")
    widget = make_page(JournalPage, person=other, shown=False)
    assert widget.editor.doses.boxes == {}
    assert "No medicines on Ana's list yet" in widget.editor.doses.empty_label.text()


def test_pain_asks_where_and_saves_the_place(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClick(editor.add_symptom_button, Qt.Key.Key_Space)
    row = editor.symptom_rows[-1]
    assert not row.where.isVisible()
    qtbot.keyClicks(row.name_box.lineEdit(), "Pain")
    popup = row.name_box.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.where.isVisible()
    qtbot.keyClick(row.name_box.lineEdit(), Qt.Key.Key_Tab)
    assert row.where.hasFocus()  # straight to "Where?"
    qtbot.keyClicks(row.where, "lower back")
    qtbot.keyClick(row.where, Qt.Key.Key_Tab)
    assert row.severity.hasFocus()
    qtbot.keyClicks(row.severity, "6")
    editor.save()
    saved = journal.recent_entries(ctx.vault, person.id)[0]
    assert [(r.symptom, r.severity) for r in saved.symptoms] == [("Pain (lower back)", 6)]
    editor.load_entry(saved)
    row = editor.symptom_rows[0]
    assert (row.name_box.currentText(), row.where.text()) == ("Pain", "lower back")


def test_severity_shows_words_at_the_anchors(qtbot, page):
    editor = page.editor
    row = editor.add_symptom_row()
    box = row.severity
    assert box.text() == "Choose 0–10"
    for value, text in ((0, "0 none"), (3, "3"), (5, "5 moderate"), (10, "10 worst imaginable")):
        box.setValue(value)
        assert box.text() == text
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "7")
    assert box.value() == 7
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 8
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "12")
    assert box.value() <= 10


def test_common_stressors_and_activities_are_one_click(qtbot, page, ctx, person):
    editor = page.editor
    assert set(editor.stressor_chips.buttons) == {"family pressure", "work", "money", "loneliness", "poor sleep",
                                                  "missed appointment"}
    assert set(editor.activity_chips.buttons) == {"exercise", "time outside", "talked with someone"}
    qtbot.keyClicks(editor.stressors, "court date")
    qtbot.mouseClick(editor.stressor_chips.buttons["money"], Qt.MouseButton.LeftButton)
    editor.activity_chips.buttons["talked with someone"].setFocus()
    qtbot.keyClick(editor.activity_chips.buttons["talked with someone"], Qt.Key.Key_Space)
    assert editor.stressors.text() == "court date, money"
    assert editor.stressor_chips.buttons["money"].text() == "✓ money"  # a tick, not colour alone
    qtbot.mouseClick(editor.stressor_chips.buttons["money"], Qt.MouseButton.LeftButton)
    assert editor.stressors.text() == "court date"
    qtbot.keyClicks(editor.stressors, ", Work")
    assert editor.stressor_chips.buttons["work"].isChecked()  # typing checks it too (any case)
    editor.save()
    tags = journal.recent_entries(ctx.vault, person.id)[0].tags
    assert [(t.name, t.kind) for t in tags] == [("talked with someone", TagKind.ACTIVITY),
                                               ("court date", TagKind.STRESSOR), ("Work", TagKind.STRESSOR)]


def test_recorded_by_is_prominent(qtbot, page, person):
    editor = page.editor
    assert editor.recorder_box.title() == "Who is recording this entry?"
    assert editor.heading.text() == "New journal entry about Sam Rivera"
    qtbot.keyClicks(editor.family_name, "Maria")
    assert editor.family_radio.isChecked()
    assert editor.heading.text() == "New journal entry about Sam Rivera, recorded by Maria (family)"
    editor.person_radio.setChecked(True)
    assert editor.heading.text() == "New journal entry about Sam Rivera"


def test_no_two_controls_share_a_shortcut_letter(page):
    page.editor.add_symptom_row()
    assert mnemonic_clashes(page.editor) == {}


def test_tab_order_runs_through_the_new_parts(qtbot, page, meds):
    editor = page.editor
    boxes = editor.doses.focus_widgets()
    editor.add_symptom_button.setFocus()
    qtbot.keyClick(editor.add_symptom_button, Qt.Key.Key_Tab)
    assert boxes[0].hasFocus()
    boxes[-1].setFocus()
    qtbot.keyClick(boxes[-1], Qt.Key.Key_Tab)
    assert editor.activities.hasFocus()
    qtbot.keyClick(editor.activities, Qt.Key.Key_Tab)
    assert editor.activity_chips.buttons["exercise"].hasFocus()


def test_dose_choices_travel_with_a_kept_draft(page, meds):
    editor = page.editor
    ser = meds["sertraline"].id
    choose(editor.doses.boxes[ser], "Missed")
    state = editor.state()
    assert state.extra == {"doses": {str(ser): "missed"}}
    editor.reset()
    assert editor.state().extra == {}
    editor.apply(state)
    assert editor.doses.boxes[ser].currentText() == "Missed"
    editor.apply(replace(state, extra={"doses": {"x": "taken", str(ser): "nonsense"}}))  # damaged: skipped
    assert editor.doses.boxes[ser].currentText() == "Not recorded"


def test_elevated_irritable_rating_is_saved_shown_and_kept_in_a_draft(qtbot, page, ctx, person, meds):
    from caregiver_app.domain.model import Elevation

    editor = page.editor
    assert editor.elevation.accessibleName() == "Elevated or irritable"
    assert [editor.elevation.itemText(i) for i in range(editor.elevation.count())] == [
        "Not rated", "None", "Mild", "Moderate", "Severe"]
    choose(editor.elevation, "Moderate")
    assert editor.state().extra["elevation"] == 2
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the rating alone is an entry
    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    saved = journal.recent_entries(ctx.vault, person.id)[0]
    assert saved.elevation is Elevation.MODERATE
    assert editor.elevation.currentText() == "Not rated"  # a fresh form after saving
    editor.load_entry(saved)
    assert editor.elevation.currentText() == "Moderate"
    editor.apply(replace(editor.state(), extra={"elevation": 3}))
    assert editor.elevation.currentText() == "Severe"
