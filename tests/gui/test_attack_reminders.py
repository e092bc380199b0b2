"""Attacks on the reminders (tester branch attack-reminders): a real main window, a real vault and
a fake clock, like tests/gui/test_reminders.py."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from test_reminders import add_med, clock, start, texts, window  # noqa: F401 (fixtures)

from caregiver_app.domain.reminders import GENERIC_TEXT
from caregiver_app.gui.common import formatting
from caregiver_app.gui.main_window import MainWindow
from caregiver_app.gui.reminders.times_edit import ReminderTimesEdit
from caregiver_app.services import medications
from caregiver_app.services.medications import MedicationDraft



def _threaded_window_on(person, ctx, qtbot, monkeypatch):
    """The main window with real threaded reads (not the tests' synchronous ones), showing
    ``person``'s journal."""
    from caregiver_app.gui.common.ops import Ops

    monkeypatch.setattr(Ops, "synchronous", False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.current_person() is not None, timeout=5000)
    win.reload_people(select_id=person.id)
    qtbot.waitUntil(lambda: win.current_person().id == person.id, timeout=5000)
    return win

def test_a_daily_check_in_answered_does_not_come_back_when_the_app_locks(qtbot, ctx, vault, person, window, clock):
    ctx.settings.daily_reminder, ctx.settings.daily_reminder_time = True, "08:00"
    control = start(ctx, window, qtbot)
    assert control.popup.heading.text() == "How was today?"
    control.popup.buttons["done"].click()  # Not today
    assert not control.popup.isVisible()
    clock.now += timedelta(minutes=20)
    window.lock()  # by hand, or the idle lock
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    assert not control.popup.isVisible(), control.popup.heading.text()
    clock.now += timedelta(hours=1)
    control.check()
    assert not control.popup.isVisible()


def test_a_dose_answered_before_a_restart_does_not_come_back_when_the_app_locks(qtbot, ctx, vault, person, window,
                                                                                 clock):
    add_med(vault, person)
    first = start(ctx, window, qtbot)
    first.popup.buttons["taken"].click()
    first.shut()
    control = start(ctx, window, qtbot)  # the next run: the answer is known from the vault only
    assert not control.popup.isVisible()
    window.lock()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    assert not control.popup.isVisible(), texts(control.popup)


@pytest.fixture
def large_text(qapp):
    """Text at 200%, as set on the desktop for low vision."""
    font = qapp.font()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(big)
    yield
    qapp.setFont(font)


def test_remind_at_rows_are_not_crushed_at_large_text(qtbot, ctx, vault, person, clock, large_text):
    medications.add_medication(vault, MedicationDraft(
        person.id, "Sertraline", 0.5, "tablet", "twice a day", start_date=date(2026, 11, 1),
        reminder_times=(time(8, 0), time(20, 0), time(22, 0))), clock=lambda: clock.now)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    page = win.go("medications")
    page.select_medication(1)
    qtbot.wait(50)
    rows = page.reminder_times.focus_widgets()
    assert len(rows) == 7
    for widget in rows:  # each time field, its Remove button, and "Add another time" (crushed: 4 px of 36)
        assert widget.height() >= 0.8 * widget.minimumSizeHint().height(), (widget.accessibleName(), widget.size())


@pytest.fixture
def twelve_hours():
    formatting.follow_time_format(lambda: "12h")
    yield
    formatting.follow_time_format(lambda: "system")


@pytest.mark.parametrize("keys, wanted", [("830p", time(20, 30)), ("830P", time(20, 30)), ("830pm", time(20, 30)),
                                          ("830 PM", time(20, 30)), ("1230a", time(0, 30)), ("1230p", time(12, 30)),
                                          ("930a", time(9, 30)), ("2030", time(20, 30))])
def test_a_12_hour_reminder_time_typed_with_p_is_in_the_evening(qtbot, twelve_hours, keys, wanted):
    edit = ReminderTimesEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.add_time(time(8, 0))
    field = edit.focus_widgets()[0]
    field.setFocus(Qt.FocusReason.TabFocusReason)
    field.setSelectedSection(field.Section.HourSection)
    qtbot.keyClicks(field, keys)
    assert edit.times() == (wanted,), field.text()
    assert field.text().endswith("PM" if wanted.hour >= 12 else "AM")


@pytest.mark.parametrize("for_other_person", [False, True])
def test_open_medicines_from_a_refill_reminder_chooses_that_medicine(qtbot, ctx, vault, person, clock, monkeypatch,
                                                                     for_other_person):
    """With the real threaded reads, the Medications page's list (and a switch of person) comes
    after "Open medicines" has asked for the medicine: it was never chosen."""
    from caregiver_app.services.people import add_person

    owner = add_person(vault, "Alex Kim") if for_other_person else person
    med = medications.add_medication(vault, MedicationDraft(
        owner.id, "Lithium", 300, "mg", "twice a day", start_date=date(2026, 11, 1), supply_on_hand=4,
        refill_at=5), clock=lambda: clock.now - timedelta(days=1))
    win = _threaded_window_on(person, ctx, qtbot, monkeypatch)
    control = start(ctx, win, qtbot)
    qtbot.waitUntil(lambda: "refill Lithium" in control.popup.heading.text(), timeout=5000)
    control.popup.buttons["open"].click()
    page = win.go("medications")
    qtbot.waitUntil(lambda: page.current_medication is not None and page.current_medication.id == med.id,
                    timeout=5000)
    assert win.current_person().id == owner.id


def test_prepare_for_a_visit_of_another_person_keeps_its_questions(qtbot, ctx, vault, person, clock, monkeypatch):
    """With the real threaded reads the switch to the visit's person came after the visit was put
    on the summary page of the person shown before, and the switch dropped it: Alex's summary page
    opened with none of the visit's questions."""
    from caregiver_app.domain.network import Question
    import time as time_module

    from caregiver_app.gui.shell import people_read
    from caregiver_app.services import appointments as aps
    from caregiver_app.services.people import add_person

    alex = add_person(vault, "Alex Kim")
    aps.save_appointment(vault, aps.AppointmentDraft(alex.id, date(2026, 12, 7), time(8, 0), "America/New_York",
                                                     purpose="Check-up", questions=(Question("Sleeping badly?"),)),
                         clock=ctx.clock)
    win = _threaded_window_on(person, ctx, qtbot, monkeypatch)
    control = start(ctx, win, qtbot)
    qtbot.waitUntil(lambda: "Check-up" in control.popup.heading.text(), timeout=5000)
    real = people_read.people_and_remembered

    def slow_people(vault):  # the switcher's read ends after the visit is prepared (a busy disk)
        time_module.sleep(0.5)
        return real(vault)

    monkeypatch.setattr(people_read, "people_and_remembered", slow_people)
    control.popup.buttons["open"].click()
    qtbot.waitUntil(lambda: win.current_person().id == alex.id, timeout=5000)
    page = win.go("summary")
    qtbot.wait(200)
    assert page.person.id == alex.id and page.questions() == ("Sleeping badly?",)


def test_starting_locked_does_not_repeat_a_daily_check_in_answered_in_the_last_run(qtbot, ctx, vault, person, window,
                                                                                   clock):
    ctx.settings.daily_reminder, ctx.settings.daily_reminder_time = True, "08:00"
    first = start(ctx, window, qtbot)
    first.popup.buttons["done"].click()  # Not today
    first.shut()
    window.lock()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    clock.now += timedelta(hours=1)
    again = start(ctx, window, qtbot)  # the next run of the app, which starts locked
    assert not again.popup.isVisible(), again.popup.heading.text()
    clock.now += timedelta(days=1)  # tomorrow's comes, still locked: generic words only
    again.check()
    assert again.popup.isVisible() and again.popup.heading.text() == GENERIC_TEXT
