"""The Medications page on real widgets and a real encrypted vault: add by keyboard, the list,
"Change the dose…" keeps the history, stop dates, mistakes removed, delete with the dose count."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from support import mnemonic_clashes

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.gui.common.ops import MEDICATIONS
from caregiver_app.gui.journal.medications_page import MedicationsPage
from caregiver_app.services import journal, medications
from caregiver_app.services.medications import MedicationDraft

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    return context


@pytest.fixture
def page(qtbot, ctx, person):
    widget = MedicationsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_person(person)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def list_texts(page):
    return [page.list.item(i).text() for i in range(page.list.count())]


def add_existing(vault, person, name="Sertraline", amount=25.0, **kw):
    return medications.add_medication(vault, MedicationDraft(person.id, name, amount, "mg", kw.pop("schedule", "once a day"),
                                                             **kw), clock=lambda: NOW)


def test_add_a_medicine_by_keyboard(qtbot, page, ctx, person):
    assert "No medicines on the list yet" in page.empty_label.text()
    page.name_edit.setFocus()
    qtbot.keyClicks(page.name_edit, "Sertraline")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Tab)
    assert page.amount.hasFocus()
    qtbot.keyClick(page.amount, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.amount, "37.5")
    page.unit.setEditText("mg")
    qtbot.keyClicks(page.schedule.lineEdit(), "once a day")
    qtbot.keyClicks(page.reason, "low mood")
    qtbot.keyClicks(page.prescriber, "Dr. Okafor")
    page.start.check.setChecked(True)
    page.start.edit.setDate(QDate(2026, 9, 1))
    qtbot.keyClick(page.prescriber, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not page.problem_label.isVisible(), page.problem_label.text()
    assert list_texts(page) == ["Sertraline — 37.5 mg, once a day\nfor low mood · since 1 Sep 2026"]
    assert "Added Sertraline" in page.status_label.text()
    saved = medications.list_medications(ctx.vault, person.id)[0]
    assert (saved.prescriber, saved.start_date, saved.history[0].effective_from) == (
        "Dr. Okafor", date(2026, 9, 1), date(2026, 9, 1))
    assert page.current_medication.id == saved.id  # the new one is chosen and shows its history
    assert page.history.count() == 1 and page.change_dose_button.isVisible()


def test_missing_dose_is_explained_inline_and_nothing_saved(qtbot, page, ctx, person):
    qtbot.keyClicks(page.name_edit, "Sertraline")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.problem_label.isVisible() and "dose" in page.problem_label.text()
    assert medications.list_medications(ctx.vault, person.id) == []


def test_change_the_dose_keeps_the_history(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person, start_date=date(2026, 9, 1))
    page.reload()
    page.select_medication(med.id)

    def fill(dialog):
        assert "Until this change, Sertraline is 25 mg, once a day" in dialog.intro.text()
        dialog.from_edit.setDate(QDate(2026, 10, 15))
        dialog.amount.setValue(50)
        dialog.note.setText("mood still low")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    modals.expect(handler=fill)
    qtbot.mouseClick(page.change_dose_button, Qt.MouseButton.LeftButton)
    history = [page.history.item(i).text() for i in range(page.history.count())]
    assert history == ["From 1 Sep 2026: 25 mg, once a day",
                       "From 15 Oct 2026: 50 mg, once a day — mood still low"]
    assert page.current_dose.text() == "50 mg, once a day"
    assert "from 15 Oct 2026, Sertraline is 50 mg, once a day" in page.status_label.text()
    changes = medications.changes_in_period(ctx.vault, person.id, date(2026, 10, 1), date(2026, 10, 31))
    assert [c.describe() for c in changes] == ["Sertraline: 25 mg, once a day → 50 mg, once a day"]


def test_the_dose_dialog_refuses_a_zero_dose_in_place(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person)
    page.reload()
    page.select_medication(med.id)

    def fill(dialog):
        dialog.amount.setValue(0)
        dialog.accept()
        assert "new dose" in dialog.problem_label.text()
        assert dialog.change is None
        return QDialog.DialogCode.Rejected

    modals.expect(handler=fill)
    page.change_dose()
    assert len(medications.get_medication(ctx.vault, med.id).history) == 1


def test_stop_date_moves_it_down_the_list_and_says_stopped(qtbot, page, ctx, person):
    add_existing(ctx.vault, person, "Lorazepam", 0.5, schedule="as needed", as_needed=True)
    med = add_existing(ctx.vault, person, "Sertraline", start_date=date(2026, 9, 1))
    page.reload()
    page.select_medication(med.id)
    page.stop.check.setChecked(True)
    page.stop.edit.setDate(QDate(2026, 11, 20))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    texts = list_texts(page)
    assert texts[0].startswith("Lorazepam — 0.5 mg, as needed") and "as needed ·" not in texts[0]
    assert texts[1].startswith("Sertraline") and "Stopped 20 Nov 2026" in texts[1]
    page.stop.edit.setDate(QDate(2026, 8, 1))  # before the start
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "stop date is before the start date" in page.problem_label.text()


def test_remove_a_mistaken_step_after_asking(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person, start_date=date(2026, 9, 1))
    medications.change_dose(ctx.vault, med.id, date(2026, 10, 1), 500, "mg", "once a day", clock=lambda: NOW)
    page.reload()
    page.select_medication(med.id)
    assert not page.remove_step_button.isEnabled()
    page.history.setCurrentRow(1)
    assert page.remove_step_button.isEnabled()
    modals.expect(handler=lambda box: box.button(QMessageBox.StandardButton.NoButton) or
                  next(b for b in box.buttons() if b.text() == "Remove it").click())
    qtbot.mouseClick(page.remove_step_button, Qt.MouseButton.LeftButton)
    assert [c.dose.amount for c in medications.get_medication(ctx.vault, med.id).history] == [25]
    assert modals.seen[-1].title == "Remove this dose change?"


def test_delete_says_how_many_doses_go_and_keep_it_is_the_default(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person)
    for hour in (8, 9):
        journal.save_entry(
            ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 29, hour, 0)),
            doses=[DoseRecord(med.id, DoseStatus.TAKEN)], clock=lambda: NOW)
    page.reload()
    page.select_medication(med.id)
    modals.expect(handler=lambda box: box.reject())  # Esc keeps it
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "the 2 doses recorded for it" in modals.seen[-1].text
    assert medications.list_medications(ctx.vault, person.id)

    def delete(box):
        assert box.defaultButton().text() == "Keep it"
        next(b for b in box.buttons() if b.text() == "Delete medicine").click()

    modals.expect(handler=delete)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert medications.list_medications(ctx.vault, person.id) == []
    assert page.list.count() == 0 and "Deleted Sertraline" in page.status_label.text()
    assert journal.count_entries(ctx.vault, person.id) == 2  # the entries stay


def test_focusing_the_list_does_not_replace_a_new_medicine(qtbot, page, ctx, person):
    add_existing(ctx.vault, person)
    page.reload()
    page.new_medication()
    qtbot.keyClicks(page.name_edit, "Metformin")
    page.list.setFocus(Qt.FocusReason.TabFocusReason)
    assert page.name_edit.text() == "Metformin" and page.current_medication is None
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.current_medication is not None and page.name_edit.text() == "Sertraline"


def test_lock_clears_everything(qtbot, page, ctx, person):
    add_existing(ctx.vault, person)
    page.reload()
    page.select_medication(page.list.item(0).data(Qt.ItemDataRole.UserRole + 1))
    page.clear()
    assert page.list.count() == 0 and page.history.count() == 0
    assert page.name_edit.text() == "" and page.heading.text() == "Medications" and not page.isEnabled()


def test_no_two_controls_share_a_shortcut_letter(page):
    assert mnemonic_clashes(page) == {}
    page.select_medication(page.list.item(0).data(Qt.ItemDataRole.UserRole + 1)) if page.list.count() else None
    assert mnemonic_clashes(page) == {}


def test_every_control_has_a_name_or_a_label(page):
    for widget in (page.name_edit, page.amount, page.unit, page.schedule, page.reason, page.prescriber,
                   page.start.edit, page.stop.edit, page.list, page.history):
        assert widget.accessibleName(), widget


def test_a_medicine_added_elsewhere_shows_without_wiring(page, ctx, person):
    """The page follows ops.changed: no page-to-page signal is needed."""
    draft = MedicationDraft(person.id, "Melatonin", 3.0, "mg", "at bedtime")
    ctx.ops.write(None, lambda vault: medications.add_medication(vault, draft, clock=lambda: NOW),
                  changes={MEDICATIONS}, person_id=person.id)
    assert list_texts(page) == ["Melatonin — 3 mg, at bedtime"]


def test_the_dose_dialog_saves_by_itself_and_keeps_a_refused_dose_inside(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person)
    page.reload()
    page.select_medication(med.id)

    def fill(dialog):
        dialog.unit.setEditText("")  # the service refuses a dose without a unit
        dialog.amount.setValue(50)
        dialog.accept()
        assert "unit" in dialog.problem_label.text() and dialog.result_value is None
        return QDialog.DialogCode.Rejected

    modals.expect(handler=fill)
    page.change_dose()
    assert len(medications.get_medication(ctx.vault, med.id).history) == 1


def test_add_change_and_delete_on_real_threads(qtbot, page, ctx, person, modals, monkeypatch):
    """The same steps with the ops on their worker threads: nothing reads the vault on the GUI
    thread, and each answer lands in the page."""
    from caregiver_app.gui.common.ops import Ops

    monkeypatch.setattr(Ops, "synchronous", False)
    page.name_edit.setText("Sertraline")
    page.amount.setValue(25)
    page.schedule.setEditText("once a day")
    page.save()
    qtbot.waitUntil(lambda: page.list.count() == 1 and page.current_medication is not None)
    assert "Added Sertraline" in page.status_label.text()
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete medicine").click())
    page.delete_current()
    qtbot.waitUntil(lambda: page.list.count() == 0 and not modals.pending)
    qtbot.waitUntil(lambda: "Deleted Sertraline" in page.status_label.text())
    assert medications.list_medications(ctx.vault, person.id) == []


def test_ctrl_s_saves_from_the_form_and_from_the_list(qtbot, page, ctx, person):
    qtbot.keyClicks(page.name_edit, "Melatonin")
    page.amount.setValue(3)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [m.name for m in medications.list_medications(ctx.vault, person.id)] == ["Melatonin"]
    page.reason.setFocus()
    qtbot.keyClicks(page.reason, "sleep")
    qtbot.keyClick(page.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medications.list_medications(ctx.vault, person.id)[0].reason == "sleep"


def test_lock_closes_an_open_dose_dialog_with_nothing_saved(qtbot, page, ctx, person, modals):
    med = add_existing(ctx.vault, person)
    page.reload()
    page.select_medication(med.id)

    def lock_while_open(dialog):
        dialog.show()
        dialog.amount.setValue(75)
        page.clear()  # the vault locks while the dialog is open
        assert dialog.isHidden() and dialog.result() == QDialog.DialogCode.Rejected
        return dialog.result()

    modals.expect(handler=lock_while_open)
    page.change_dose()
    assert [c.dose.amount for c in medications.get_medication(ctx.vault, med.id).history] == [25]
