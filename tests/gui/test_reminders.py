"""Reminders in the real main window with a fake clock: the reminder window's answers recorded as
doses, Later coming back, the refill reminder, the locked screen's generic words, settings and
the window alone where there is no tray."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from caregiver_app import settings as app_settings
from caregiver_app.domain.medications import DoseStatus
from caregiver_app.domain.reminders import GENERIC_TEXT
from caregiver_app.gui.main_window import MainWindow
from caregiver_app.gui.reminders import controller as reminders
from caregiver_app.gui.reminders.reminder_window import LATER, SKIPPED, TAKEN
from caregiver_app.gui.reminders.tray import tray_available
from caregiver_app.gui.settings_dialog import SettingsDialog
from caregiver_app.services import medications
from caregiver_app.services.medications import MedicationDraft

UTC = timezone.utc
# Sunday 6 Dec 2026, 08:05 in New York (the tests' zone).
MORNING = datetime(2026, 12, 6, 13, 5, tzinfo=UTC)


@pytest.fixture
def clock(ctx):
    """The app's clock, moved by the test (``clock.now += ...``)."""
    fake = SimpleNamespace(now=MORNING)
    ctx.clock = lambda: fake.now
    return fake


def add_med(vault, person, **kw):
    draft = MedicationDraft(person.id, "Sertraline", 50, "mg", "once a day", start_date=date(2026, 11, 1),
                            reminder_times=(time(8, 0),), **kw)
    return medications.add_medication(vault, draft, clock=lambda: MORNING - timedelta(days=2))


@pytest.fixture
def window(qtbot, ctx, clock, person):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def start(ctx, window, qtbot):
    control = reminders.install(ctx, window, use_tray=False)
    qtbot.addWidget(control.popup)
    return control


def texts(widget) -> str:
    return " ".join([w.text() for w in widget.findChildren(QLabel)] + [w.text() for w in widget.findChildren(QPushButton)]
                    + [widget.windowTitle(), widget.accessibleDescription()])


def doses_today(vault, person):
    return medications.dose_days_in_period(vault, person.id, date(2026, 12, 6), date(2026, 12, 6))


def test_taken_from_the_reminder_window_is_recorded_as_a_dose(qtbot, ctx, vault, person, window):
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    popup = control.popup
    assert popup.isVisible() and "Sertraline" in popup.heading.text()
    assert "Sertraline" not in popup.windowTitle()
    assert set(popup.buttons) == {TAKEN, SKIPPED, LATER}
    assert all(b.accessibleName() for b in popup.buttons.values())
    popup.buttons[TAKEN].click()
    assert doses_today(vault, person) == [("Sertraline", [(date(2026, 12, 6), DoseStatus.TAKEN)])]
    assert not popup.isVisible()
    # No second reminder for the same dose, in this run or after a restart.
    control.check()
    assert not popup.isVisible()
    again = start(ctx, window, qtbot)
    assert not again.popup.isVisible()


def test_skipped_is_recorded_as_missed(qtbot, ctx, vault, person, window):
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    control.popup.buttons[SKIPPED].click()
    assert doses_today(vault, person) == [("Sertraline", [(date(2026, 12, 6), DoseStatus.MISSED)])]


def test_later_comes_back_after_the_chosen_minutes(qtbot, ctx, vault, person, window, clock):
    ctx.settings.reminder_later_minutes = 15
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    control.popup.buttons[LATER].click()
    assert not control.popup.isVisible()
    assert 0 < control.timer.interval() <= 15 * 60_000  # woken for it, never polling every second
    assert control.timer.interval() >= 60_000
    clock.now += timedelta(minutes=14)
    control.check()
    assert not control.popup.isVisible()
    clock.now += timedelta(minutes=2)
    control.check()
    assert control.popup.isVisible() and "Sertraline" in control.popup.heading.text()
    assert doses_today(vault, person) == []


def test_keyboard_answers_and_closing_means_later(qtbot, ctx, vault, person, window, clock):
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    popup = control.popup
    popup.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is popup, timeout=2000)
    assert popup.focusWidget() is popup.buttons[TAKEN]  # Return answers Taken; Tab moves on
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and doses_today(vault, person) == []
    clock.now += timedelta(minutes=11)
    control.check()
    assert popup.isVisible()
    popup.close()  # the title bar's close button
    assert not popup.isVisible() and doses_today(vault, person) == []


def test_refill_reminder_at_the_threshold(qtbot, ctx, vault, person, window):
    add_med(vault, person, supply_on_hand=3, supply_per_dose=2, refill_at=1)
    control = start(ctx, window, qtbot)
    control.popup.buttons[TAKEN].click()
    assert control.popup.isVisible()
    assert "refill Sertraline" in control.popup.heading.text()
    assert "1" in control.popup.detail.text()


def test_locked_shows_only_the_generic_words(qtbot, ctx, vault, person, window, clock):
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    assert "Sertraline" in texts(control.popup)
    window.lock()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    assert control.popup.isVisible()
    assert control.popup.heading.text() == GENERIC_TEXT
    assert "Sertraline" not in texts(control.popup) and "50" not in texts(control.popup)
    assert set(control.popup.buttons) == {"unlock", LATER}
    # A reminder that comes due while locked: generic too, and answering asks to unlock first.
    control.popup.buttons[LATER].click()
    clock.now = datetime(2026, 12, 7, 13, 1, tzinfo=UTC)  # 08:01 the next day
    control.check()
    assert control.popup.heading.text() == GENERIC_TEXT and "Sertraline" not in texts(control.popup)
    control.popup.buttons["unlock"].click()
    assert window.is_locked and not control.popup.isVisible()


def test_daily_reminder_from_the_settings_even_while_locked(qtbot, ctx, vault, person, window, clock):
    ctx.settings.daily_reminder, ctx.settings.daily_reminder_time = True, "08:00"
    control = start(ctx, window, qtbot)
    assert control.popup.heading.text() == "How was today?"
    assert "mood, sleep, worry and energy" in control.popup.detail.text()
    control.popup.buttons["open"].click()
    page = window.go("scores")
    assert page is not None and "check-in" in page.tabs.tabText(page.tabs.currentIndex()).casefold()
    assert not control.popup.isVisible()


def test_no_tray_means_the_window_alone(qtbot, ctx, vault, person, window):
    add_med(vault, person)
    assert not tray_available()  # offscreen, like a desktop without a tray
    control = reminders.install(ctx, window)
    qtbot.addWidget(control.popup)
    assert control.tray is None and control.popup.isVisible()
    # Closing the window really closes it: there is no tray to keep running in.
    ctx.settings.keep_in_tray = True
    closed = []
    window.closed.connect(lambda: closed.append(1))
    window.close()
    assert closed == [1]


def test_settings_round_trip(tmp_path, qtbot, ctx):
    path = tmp_path / "settings.json"
    chosen = app_settings.Settings(daily_reminder=True, daily_reminder_time="07:45", medicine_reminders=False,
                                   appointment_reminders=False, reminder_later_minutes=30, keep_in_tray=True)
    app_settings.save(chosen, path)
    assert app_settings.load_with_notice(path) == (chosen, "")
    hostile = app_settings.from_dict({"daily_reminder": "yes", "daily_reminder_time": "25:99",
                                      "reminder_later_minutes": 10_000, "keep_in_tray": 1})
    assert (hostile.daily_reminder, hostile.daily_reminder_time, hostile.reminder_later_minutes,
            hostile.keep_in_tray) == (False, "20:00", 10, False)
    ctx.settings = chosen
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    part = dialog.reminders
    assert part.daily_check.isChecked() and part.daily_time.time().hour() == 7
    part.daily_time.setTime(part.daily_time.time().addSecs(30 * 60))
    part.later_spin.setValue(5)
    result = dialog.chosen()
    assert (result.daily_reminder_time, result.reminder_later_minutes) == ("08:15", 5)
    assert not part.tray_check.isEnabled()  # offscreen has no tray: said in words beside it
    assert "no tray" in part.note.text()


def test_a_new_time_zone_is_noticed_at_the_next_wake(qtbot, ctx, vault, person, window):
    add_med(vault, person)
    ctx.settings.time_zone = "Asia/Tokyo"  # 22:05 there: this morning's 08:00 is long past
    control = start(ctx, window, qtbot)
    assert not control.popup.isVisible()
    assert control.timer.isActive() and control.timer.interval() <= reminders.MAX_NAP.total_seconds() * 1000
    ctx.settings.time_zone = "America/New_York"  # the laptop flew home: 08:05 here
    control.check()
    assert control.popup.isVisible() and "Sertraline" in control.popup.heading.text()


def test_sleep_or_a_clock_jump_reads_again_and_shows_what_came_due(qtbot, ctx, vault, person, window, clock):
    add_med(vault, person)
    control = start(ctx, window, qtbot)
    control.popup.buttons[TAKEN].click()
    assert not control.popup.isVisible()
    clock.now += timedelta(hours=24)  # the lid was closed for a day
    control.check()
    assert control.popup.isVisible() and "Sertraline" in control.popup.heading.text()


def test_keep_in_tray_hides_the_window_and_quit_ends_it(qtbot, ctx, vault, person, window, tray_said):
    add_med(vault, person)
    ctx.settings.keep_in_tray = True
    control = start_with_tray(ctx, window, qtbot)
    said = tray_said
    assert said == [GENERIC_TEXT]  # the desktop keeps its notifications: never a medicine's name
    assert "Sertraline" in control.popup.heading.text()
    closed = []
    window.closed.connect(lambda: closed.append(1))
    window.close()
    assert window.isHidden() and closed == [] and ctx.vault is not None
    assert [a.text() for a in control.tray.menu.actions() if a.text()] == [
        "&Open Caregiver Companion", "&Lock", "&Quit"]
    control.tray.lock_action.trigger()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    assert all("Sertraline" not in text for text in said)
    control.tray.open_action.trigger()
    assert window.isVisible() and window.is_locked
    control.tray.quit_action.trigger()
    assert closed == [1]


def test_the_tray_message_is_generic_while_locked(qtbot, ctx, vault, person, window, clock, tray_said):
    add_med(vault, person)
    control = start_with_tray(ctx, window, qtbot)
    control.popup.buttons[TAKEN].click()
    window.lock()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    before = len(tray_said)
    clock.now += timedelta(days=1)
    control.check()
    assert tray_said[before:] == [GENERIC_TEXT]


@pytest.fixture
def tray_said(monkeypatch):
    """What the tray icon said through the desktop's notifications (offscreen shows nothing)."""
    said: list[str] = []
    monkeypatch.setattr(reminders.Tray, "say", lambda self, text: said.append(text))
    return said


def start_with_tray(ctx, window, qtbot):
    control = reminders.install(ctx, window, use_tray=True)
    qtbot.addWidget(control.popup)
    return control


def test_appointment_the_day_before_opens_the_visit_preparation(qtbot, ctx, vault, person, window, clock):
    from caregiver_app.domain.network import Question
    from caregiver_app.services import appointments as aps

    aps.save_appointment(vault, aps.AppointmentDraft(person.id, date(2026, 12, 7), time(8, 0), "America/New_York",
                                                     purpose="Check-up", questions=(Question("Sleep still poor?"),)),
                         clock=ctx.clock)
    prepared = []
    window.prepare_visit = lambda start_day, end_day, questions: prepared.append((start_day, end_day, questions))
    control = start(ctx, window, qtbot)
    assert control.popup.heading.text() == "Tomorrow: Check-up"
    control.popup.buttons["open"].click()
    assert prepared == [(date(2026, 11, 7), date(2026, 12, 6), ["Sleep still poor?"])]
    assert not control.popup.isVisible()
    control.check()
    assert not control.popup.isVisible()  # answered: not again


def test_after_unlocking_the_details_come_back(qtbot, ctx, vault, person, window):
    from support import PASSPHRASE

    add_med(vault, person)
    control = start(ctx, window, qtbot)
    window.lock()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=5000)
    assert control.popup.heading.text() == GENERIC_TEXT
    window.unlock_screen.ui.secretEdit.setText(PASSPHRASE)
    window.unlock_screen.unlock()
    assert ctx.vault is not None and not window.is_locked
    qtbot.waitUntil(lambda: "Sertraline" in control.popup.heading.text(), timeout=5000)
    assert set(control.popup.buttons) == {TAKEN, SKIPPED, LATER}


def test_words_say_whom_when_and_how_much_in_the_locale(qapp):
    from PySide6.QtCore import QLocale

    from caregiver_app.domain.medications import Dose, DoseChange
    from caregiver_app.domain.reminders import Reminder, ReminderKind
    from caregiver_app.gui.reminders.words import words_for

    due = datetime(2026, 12, 6, 13, 0, tzinfo=UTC)
    med = Reminder("m", ReminderKind.MEDICINE, due, "Lorazepam", person_name="Oma",
                   dose=DoseChange(None, date(2026, 1, 1), Dose(0.5, "mg"), "bei Bedarf"))
    visit = Reminder("a", ReminderKind.APPOINTMENT, due, "Visit with Dr. Li", starts_at=due + timedelta(hours=3))
    refill = Reminder("r", ReminderKind.REFILL, due, "Lorazepam", left=2.5)
    previous = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        words = words_for(med, "Europe/Berlin", date(2026, 12, 6), several_people=True)
        assert words.heading == "Time for Lorazepam"
        assert words.detail.startswith("For Oma · 0,5 mg, bei Bedarf · due at 14:00")
        assert words_for(med, "Europe/Berlin", date(2026, 12, 7)).detail.startswith("0,5 mg, bei Bedarf · due yesterday")
        assert words_for(visit, "Europe/Berlin", date(2026, 12, 6)).heading == "Today: Visit with Dr. Li"
        assert words_for(visit, "Europe/Berlin", date(2026, 12, 5)).heading == "Tomorrow: Visit with Dr. Li"
        assert "About 2,5 left" in words_for(refill, "Europe/Berlin", date(2026, 12, 6)).detail
    finally:
        QLocale.setDefault(previous)


def test_lock_takes_the_medicine_out_of_the_reminder_window_at_once(qtbot, ctx, vault, person, window, monkeypatch):
    # Lock hides everything at once but waits for running jobs (a long import) before it closes the
    # vault; the reminder window, a window of its own, kept the medicine's name all that wait.
    from support import hold_a_read

    from caregiver_app.gui.common.ops import Ops

    add_med(vault, person)
    monkeypatch.setattr(Ops, "synchronous", False)
    control = start(ctx, window, qtbot)
    qtbot.waitUntil(lambda: "Sertraline" in texts(control.popup) and control.popup.isVisible(), timeout=10000)
    gate, _started = hold_a_read(ctx.ops, window)

    window.lock()

    try:
        assert ctx.vault is not None  # still waiting for the job
        assert not control.popup.isVisible() or "Sertraline" not in texts(control.popup)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: ctx.vault is None, timeout=10000)
    assert "Sertraline" not in texts(control.popup)
