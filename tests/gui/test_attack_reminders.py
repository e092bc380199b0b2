"""Attacks on the reminders (tester branch attack-reminders): a real main window, a real vault and
a fake clock, like tests/gui/test_reminders.py."""

from __future__ import annotations

from datetime import timedelta

from test_reminders import add_med, clock, start, texts, window  # noqa: F401 (fixtures)

from caregiver_app.domain.reminders import GENERIC_TEXT


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
