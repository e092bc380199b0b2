"""The reminders of a running app: a timer that wakes at the next due time, the reminder window,
the tray icon, and "keep running in the tray when the window closes".

* **While unlocked** the reminders are read from the vault (``services.reminders``, a read
  through ``context.ops``) again after every change to medicines, the journal, appointments or
  people, and at least every :data:`REREAD` minutes.
* **Desktop notifications** (the tray's messages) always say only "Time for your check-in":
  the desktop keeps them in its history and may show them on the computer's lock screen, out of
  the vault's reach. The details are only in the app's own reminder window, while unlocked.
* **While locked** only the due times are kept (no names, no words): at a due time the window and
  the tray say only "Time for your check-in", and answering asks to unlock first. The daily
  check-in's time comes from the settings file, so it is known while locked too.
* **Timing:** one single-shot ``QTimer`` armed for the next due time, never longer than
  :data:`MAX_NAP` so a computer that slept, a clock that jumped or a new time zone is noticed
  within minutes: each wake compares the wall clock and the zone with what was expected and
  reads the reminders again when they moved.
* **No reminder twice:** answers are kept in the vault (``services.reminders.answer``); Later is
  kept here, until the app quits.

Nothing here logs a medicine, a time or a visit: only kinds of failures.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...i18n import N_, _
from ...domain import timeutil
from ...domain.reminders import (
    Reminder,
    ReminderKind,
    daily_reminders,
    next_wake,
    parse_time_of_day,
    pending,
)
from ..common.ops import APPOINTMENTS, JOURNAL, MEDICATIONS, PEOPLE, SETTINGS
from ..context import AppContext
from .tray import Tray, tray_available
from .words import generic_text, locked_words, words_for

if TYPE_CHECKING:
    from ...services.reminders import Answer, ReminderOptions, ReminderState
    from .reminder_window import ReminderWindow

log = logging.getLogger(__name__)

MAX_NAP = timedelta(minutes=5)
"""The longest the timer sleeps, so sleep, clock jumps and zone changes are noticed soon."""
REREAD = timedelta(minutes=60)
"""Read the reminders from the vault again at least this often (a new day, a new horizon)."""
AFTER_UNLOCK_MS = 1500
"""The reminders are read this long after an unlock, so the read never competes with the
journal's first page (issue 16: unlock to the journal near the key derivation alone)."""
JUMP = timedelta(minutes=2)
"""A wake this far from when the timer was due means the clock jumped or the computer slept."""
IN_TRAY = N_("Caregiver Companion is still running in the tray, so reminders can come. Choose Quit in "
           "its menu to stop it.")


class ReminderController(QObject):
    """Reminders for ``window`` (the main window: ``vault_locked``/``vault_unlocked`` signals,
    ``is_locked``, ``go``, ``lock``, ``prepare_visit``, ``reload_people``, ``current_person``).
    ``use_tray`` None asks the desktop whether it has a tray."""

    def __init__(self, context: AppContext, window: QWidget, *, use_tray: bool | None = None):
        super().__init__(window)
        self.context = context
        self.window = window
        self._popup: ReminderWindow | None = None  # built when a reminder first shows (see popup)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.tray: Tray | None = None
        if tray_available() if use_tray is None else use_tray:
            self.tray = Tray(window, on_open=self.open_window, on_lock=self._lock, on_quit=self.quit,
                             on_message=self._on_message_clicked)
            self.tray.show()
        self._state: ReminderState | None = None
        self._read_at: datetime | None = None
        self._zone_at_read = ""
        self._locked_due: list[tuple[str, datetime]] = []
        self._locked_answered: set[str] = set()
        self._answers_unknown_before: datetime | None = context.clock()
        """Until the first read of this run, the answers kept in the vault are not known: a daily
        check-in due before the start may have been answered in the last run (it comes after the
        unlock if not)."""
        self._later: dict[str, datetime] = {}
        self._answered_here: set[str] = set()
        self._announced: set[str] = set()
        self._shown: Reminder | None = None
        self._shown_locked_keys: list[str] = []
        self._expected_wake: datetime | None = None
        self._saving = False
        self._quitting = False
        self._told_in_tray = False
        self._settings_seen = self._reminder_settings()
        window.vault_unlocked.connect(lambda: QTimer.singleShot(AFTER_UNLOCK_MS, self, self.refresh))
        window.vault_locked.connect(self._on_locked)
        locking = getattr(window, "locking", None)
        if locking is not None:  # the medicine's words go at once, not once the lock's jobs ended
            locking.connect(self._hide_popup)
        context.ops.changed.connect(self._on_changed)
        window.installEventFilter(self)
        settings_action = getattr(window, "settings_action", None)
        if settings_action is not None:  # runs after the Settings dialog has closed
            settings_action.triggered.connect(self.check)
        window.destroyed.connect(self._on_window_gone)
        if self._unlocked():
            self.refresh()
        else:
            self.check()

    @property
    def popup(self) -> ReminderWindow:
        """The reminder window, built the first time one shows (most starts show none): not with
        the unlock screen (issue 16)."""
        if self._popup is None:
            from .reminder_window import ReminderWindow

            self._popup = ReminderWindow()
            self._popup.answered.connect(self._on_answer)
        return self._popup

    def _hide_popup(self) -> None:
        """Hide the reminder window quietly, if it was ever built."""
        if self._popup is not None:
            self._popup.hide_quietly()

    # --- reading ------------------------------------------------------------------------------

    def options(self) -> ReminderOptions:
        from ...services.reminders import ReminderOptions  # the database layer: not with the unlock screen

        s = self.context.settings
        return ReminderOptions(daily_at=self._daily_at(), appointments=s.appointment_reminders,
                               medicines=s.medicine_reminders)

    def _daily_at(self):
        """The daily check-in's wall-clock time from the settings (None: off)."""
        s = self.context.settings
        return parse_time_of_day(s.daily_reminder_time) if s.daily_reminder else None

    def refresh(self) -> None:
        """Read the reminders from the open vault (off the window's thread), then check."""
        if not self._unlocked():
            self.check()
            return
        from ...services import reminders as reminder_service

        options, clock, zone = self.options(), self.context.clock, self.context.zone_name
        self._settings_seen = self._reminder_settings()
        self.context.ops.read(None, lambda vault: reminder_service.reminder_state(vault, options, clock=clock,
                                                                                 zone_name=zone),
                              on_done=lambda state: self._got_state(state, zone), on_error=self._read_failed,
                              key="reminders")

    def _got_state(self, state: ReminderState, zone: str) -> None:
        if not self._unlocked():
            return
        self._state, self._read_at, self._zone_at_read = state, self.context.clock(), zone
        self._answers_unknown_before = None
        self.check()

    def _read_failed(self, exc: BaseException) -> None:
        log.warning("reminders could not be read: %s", type(exc).__name__)
        self._arm(self.context.clock())

    # --- the timer ----------------------------------------------------------------------------

    def check(self) -> None:
        """Wake: notice clock jumps, zone and settings changes; show what is due; arm the timer."""
        now = self.context.clock()
        moved = self._expected_wake is not None and abs(now - self._expected_wake) > JUMP
        self._expected_wake = None
        if self._unlocked() and (moved or self._state is None or self._zone_at_read != self.context.zone_name
                                 or self._settings_seen != self._reminder_settings()
                                 or (self._read_at is not None and not timedelta(0) <= now - self._read_at < REREAD)):
            self._state = None
            self.refresh()
            return
        due = self._pending(now)
        self._show(due)
        self._arm(now)

    def _all(self, now: datetime) -> list[Reminder]:
        if self._unlocked() and self._state is not None:
            return list(self._state.reminders)
        # Locked: the due times kept from the last read, and the daily check-in from the settings.
        daily = self._daily_at()  # (not options(): that loads the database layer)
        found = [Reminder(key, ReminderKind.MEDICINE, due, "") for key, due in self._locked_due]
        if daily is not None:
            zone = timeutil.zone(self.context.zone_name)
            since = self._answers_unknown_before
            found.extend(r for r in daily_reminders(daily, zone, now, timedelta(hours=36))
                         if since is None or r.due > since)
        return found

    def _answered(self) -> set[str]:
        if self._unlocked():
            known = set(self._state.answered) if self._state is not None else set()
        else:  # the keys answered before the lock (the daily check-in's too), no words
            known = self._locked_answered
        return known | self._answered_here

    def _pending(self, now: datetime) -> list[Reminder]:
        return pending(self._all(now), now, self._answered(), self._later)

    def _arm(self, now: datetime) -> None:
        wake = next_wake(self._all(now), now, self._answered(), self._later)
        nap = MAX_NAP if wake is None else min(wake - now, MAX_NAP)
        nap = max(nap, timedelta(seconds=1))
        self._expected_wake = now + nap
        self.timer.start(int(nap.total_seconds() * 1000))

    # --- showing ------------------------------------------------------------------------------

    def _show(self, due: list[Reminder]) -> None:
        if self._saving:
            return
        if not due:
            self._shown, self._shown_locked_keys = None, []
            if self._popup is not None and self._popup.isVisible():
                self._popup.hide_quietly()
            return
        later = self.context.settings.reminder_later_minutes
        if not self._unlocked():
            self._shown, self._shown_locked_keys = None, [r.key for r in due]
            self.popup.show_words(locked_words(), None, later_minutes=later)
            self._announce(due)
            return
        first = due[0]
        people = {r.person_id for r in self._state.reminders if r.person_id is not None} if self._state else set()
        zone = self.context.zone_name
        today = self.context.clock().astimezone(timeutil.zone(zone)).date()
        words = words_for(first, zone, today, several_people=len(people) > 1)
        self._shown, self._shown_locked_keys = first, []
        self.popup.show_words(words, first.kind, waiting=len(due) - 1, later_minutes=later)
        # The desktop keeps its notifications (a history, the lock screen of the computer): only
        # the generic words go there, the details stay in this app's own window.
        self._announce([first])

    def _announce(self, due: list[Reminder]) -> None:
        """The tray's generic message, once per reminder (not again at every wake)."""
        fresh = [r.key for r in due if r.key not in self._announced]
        if fresh and self.tray is not None:
            self.tray.say(generic_text())
        self._announced.update(fresh)

    # --- answers ------------------------------------------------------------------------------

    def _on_answer(self, what: str) -> None:
        from .reminder_window import DONE, LATER, OPEN, SKIPPED, TAKEN, UNLOCK  # loaded with the window

        now = self.context.clock()
        if what == LATER:
            until = now + timedelta(minutes=self.context.settings.reminder_later_minutes)
            keys = self._shown_locked_keys if self._shown is None else [self._shown.key]
            for key in keys:
                self._later[key] = until
            self.popup.hide_quietly()
            self._shown, self._shown_locked_keys = None, []
            self.check()
            return
        if what == UNLOCK or self._shown is None or not self._unlocked():
            self.popup.hide_quietly()
            self.open_window()
            return
        reminder = self._shown
        from ...services.reminders import Answer

        if what in (TAKEN, SKIPPED):
            self._save(reminder, Answer.TAKEN if what == TAKEN else Answer.SKIPPED, {JOURNAL, MEDICATIONS})
        elif what == DONE:
            self._save(reminder, Answer.DONE, {SETTINGS})
        elif what == OPEN:
            self._save(reminder, Answer.DONE, {SETTINGS})
            self._open(reminder)

    def _save(self, reminder: Reminder, how: Answer, changes: set[str]) -> None:
        from ...services import reminders as reminder_service

        clock, zone = self.context.clock, self.context.zone_name
        self._saving = True
        self.popup.set_busy(True)
        self.context.ops.write(None, lambda vault: reminder_service.answer(vault, reminder, how, clock=clock,
                                                                           zone_name=zone),
                               changes=changes, on_done=lambda _entry: self._saved(reminder),
                               on_error=self._save_failed)

    def _saved(self, reminder: Reminder) -> None:
        self._saving = False
        self.popup.set_busy(False)
        self._answered_here.add(reminder.key)
        self._shown = None
        self.check()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.popup.set_busy(False)
        log.warning("a reminder's answer was not saved: %s", type(exc).__name__)
        if not self._unlocked():
            self.check()
            return
        self.popup.set_problem(_("That was not saved. Please try again, or record it in the journal."))

    def _open(self, reminder: Reminder) -> None:
        """Check in, prepare the visit, or show the medicines, in the main window."""
        self.open_window()
        if self.window.is_locked:
            return
        person = self.window.current_person()
        if reminder.person_id is not None and (person is None or person.id != reminder.person_id):
            self.window.reload_people(select_id=reminder.person_id)
        if reminder.kind is ReminderKind.DAILY:
            open_daily_checkin(self.window)
        elif reminder.kind is ReminderKind.REFILL:
            page = self.window.go("medications")
            if page is not None and hasattr(page, "select_medication"):
                page.select_medication(reminder.medication_id, reminder.person_id)
        elif reminder.kind is ReminderKind.APPOINTMENT and reminder.appointment_id is not None:
            # Imported here: it brings icalendar, which the first window does not need.
            from ...services import appointments as appointment_service

            appt_id, clock, zone = reminder.appointment_id, self.context.clock, self.context.zone_name
            self.context.ops.write(
                self.window, lambda vault: appointment_service.visit_preparation(vault, appt_id, clock=clock,
                                                                                zone_name=zone),
                changes={APPOINTMENTS},
                on_done=lambda r: self._when_person_shown(reminder.person_id,
                                                          lambda: self.window.prepare_visit(r[0], r[1], list(r[2]))),
                error_title=_("The visit could not be prepared"))

    def _when_person_shown(self, person_id: int | None, action) -> None:
        """Run ``action`` once the main window shows ``person_id`` (the switch asked for by
        :meth:`_open` is a threaded read that may end after the visit is prepared: the summary
        page of the person shown before would get the visit, then drop it at the switch)."""
        shown = self.window.current_person()
        if person_id is None or (shown is not None and shown.id == person_id):
            action()
            return
        changed = getattr(self.window, "person_changed", None)
        if changed is None:
            return

        def once() -> None:
            changed.disconnect(once)
            now_shown = self.window.current_person()
            if now_shown is not None and now_shown.id == person_id:
                action()

        changed.connect(once)

    # --- lock, window, tray -------------------------------------------------------------------

    def _on_locked(self) -> None:
        """Keep only when things are due; every word about them goes."""
        if self._state is not None:
            # The vault is closed already: the answers read with the state, and those of this run.
            answered = set(self._state.answered) | self._answered_here
            self._locked_due = [(r.key, r.due) for r in self._state.reminders
                                if r.kind is not ReminderKind.DAILY and r.key not in answered]
            self._locked_answered = answered
        self._state, self._shown = None, None
        self._answered_here.clear()
        self._hide_popup()
        self.check()

    def _on_changed(self, change) -> None:
        if change.touches(MEDICATIONS, JOURNAL, APPOINTMENTS, PEOPLE) and self._unlocked() and not self._saving:
            self.refresh()

    def _unlocked(self) -> bool:
        vault = self.context.vault
        return vault is not None and getattr(vault, "is_open", True) and not getattr(self.window, "is_locked", False)

    def _reminder_settings(self) -> tuple:
        s = self.context.settings
        return (s.daily_reminder, s.daily_reminder_time, s.medicine_reminders, s.appointment_reminders)

    def open_window(self) -> None:
        """Show the main window, un-minimised and in front (the unlock screen while locked)."""
        from ..single_instance import bring_forward

        bring_forward(self.window)

    def _lock(self) -> None:
        lock = getattr(self.window, "lock", None)
        if lock is not None:
            lock()

    def _on_message_clicked(self) -> None:
        if self._popup is not None and self._popup.isVisible():
            self.popup.raise_()
            self.popup.activateWindow()
        else:
            self.open_window()

    def quit(self) -> None:
        """Tray ▸ Quit: close the window for real (its usual close: unsaved words kept, vault
        closed), which ends the app."""
        self._quitting = True
        self._hide_popup()
        if self.window.isHidden():
            self.window.show()
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Closing the window hides it in the tray when the setting asks for it."""
        if (watched is self.window and event.type() == QEvent.Type.Close and not self._quitting
                and self.tray is not None and self.context.settings.keep_in_tray):
            event.ignore()
            self.window.hide()
            if not self._told_in_tray:
                self._told_in_tray = True
                self.tray.say(_(IN_TRAY))
            return True
        return super().eventFilter(watched, event)

    def _on_window_gone(self) -> None:
        # At the app's end Qt may have deleted these already.
        if isValid(self.timer):
            self.timer.stop()
        if self._popup is not None and isValid(self._popup):
            self._popup.hide_quietly()
            self._popup.deleteLater()
        if self.tray is not None and isValid(self.tray):
            self.tray.hide()

    def shut(self) -> None:
        """Stop the timer, hide the window and the tray icon (the app is quitting)."""
        self._on_window_gone()


def open_daily_checkin(window: QWidget) -> None:
    """Show the Scores and check-in page at its Daily check-in tab."""
    page = window.go("scores")
    tabs, daily = getattr(page, "tabs", None), getattr(page, "daily", None)
    if tabs is None or daily is None:
        return
    for index in range(tabs.count()):  # by the widget, not the tab's words (they are translated)
        tab = tabs.widget(index)
        if tab is daily or tab.isAncestorOf(daily):
            tabs.setCurrentIndex(index)
            return


def install(context: AppContext, window: QWidget, *, use_tray: bool | None = None) -> ReminderController:
    """Reminders for the main window ``window`` (the one hook in ``gui/app.py``)."""
    return ReminderController(context, window, use_tray=use_tray)

