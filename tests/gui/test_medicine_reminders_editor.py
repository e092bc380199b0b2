"""The medicine editor's reminder times and supply, on real widgets and a real vault."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QTime, Qt

from support import NOW, mnemonic_clashes

from caregiver_app.domain.medications import MAX_REMINDER_TIMES
from caregiver_app.gui.common import formatting
from caregiver_app.gui.journal.medications_page import MedicationsPage
from caregiver_app.services import medications
from caregiver_app.services.medications import MedicationDraft


@pytest.fixture
def page(make_page):
    return make_page(MedicationsPage, (1200, 800), active=True)


def test_reminder_times_and_supply_are_saved_and_shown(qtbot, page, ctx, person):
    qtbot.keyClicks(page.name_edit, "Lithium")
    page.amount.setValue(300)
    page.unit.setEditText("mg")
    page.reminder_times.add_button.click()
    page.reminder_times.add_button.click()
    fields = [f for f in page.reminder_times.focus_widgets() if hasattr(f, "setTime")]
    assert [f.accessibleName() for f in fields] == ["Reminder time 1", "Reminder time 2"]
    fields[1].setTime(QTime(21, 30))
    page.supply_check.setChecked(True)
    page.on_hand.setValue(60)
    page.per_dose.setValue(2)
    page.refill_at.setValue(10)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.problem_label.isVisible(), page.problem_label.text()
    saved = medications.list_medications(ctx.vault, person.id)[0]
    assert saved.reminder_times == (time(8), time(21, 30))
    assert (saved.supply.on_hand, saved.supply.per_dose, saved.supply.refill_at) == (60, 2, 10)
    line = page.list.item(0).text()
    assert f"reminders at {formatting.time_text(time(8))}, {formatting.time_text(time(21, 30))}" in line
    assert "60 left" in line
    # Chosen again, the form shows what was saved; a time removed is gone after saving.
    assert page.on_hand.value() == 60 and page.supply_check.isChecked()
    page.reminder_times.focus_widgets()[1].click()  # Remove the first time
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medications.get_medication(ctx.vault, saved.id).reminder_times == (time(21, 30),)


def test_no_supply_and_no_refill_reminder_are_kept_apart(qtbot, make_page, ctx, person):
    med = medications.add_medication(ctx.vault, MedicationDraft(person.id, "Ibuprofen", 200, "mg", as_needed=True),
                                     clock=lambda: NOW)
    page = make_page(MedicationsPage, (1200, 800), active=True)
    page.select_medication(med.id)
    assert page.current_medication is not None
    assert not page.supply_check.isChecked()
    assert not any(f.isEnabled() for f in (page.on_hand, page.per_dose, page.refill_at))
    page.supply_check.setChecked(True)
    page.on_hand.setValue(20)
    assert page.refill_at.text() == "No refill reminder"
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    supply = medications.get_medication(ctx.vault, med.id).supply
    assert supply.on_hand == 20 and supply.refill_at is None


def test_at_most_twelve_times_and_no_clashing_shortcuts(qtbot, page):
    for _ in range(MAX_REMINDER_TIMES + 2):
        page.reminder_times.add_time()
    assert len(page.reminder_times.times()) <= MAX_REMINDER_TIMES
    assert not page.reminder_times.add_button.isEnabled()
    assert mnemonic_clashes(page) == {}
