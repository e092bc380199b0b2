"""A date-and-time field for a plain local wall-clock time.

The field shows and returns the time as it reads on the clock (a naive ``datetime``); the services
apply the time zone, with the offset of that date. Qt's own zone handling is kept out of the way
by giving the field UTC, so a date inside a daylight-saving change is never shifted by the widget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QPushButton, QTimeEdit, QWidget

from ...i18n import _
from . import formatting


class TypeOverMixin:
    """Typing digits into a date or time field replaces the part under the cursor.

    Qt inserts a typed digit at the cursor, so clicking into "10:00" and typing "14:30" gives
    "10:30" (the hour refuses "140"). Here the first digit typed into a part (after focus, a
    click, an arrow or a separator) selects that part first, as a Tab into the field does."""

    _fresh = True
    _typing_section = None
    _hour_digit = ""

    def _twenty_four_hour_typed(self, section, digit: str) -> bool:
        """In a 12-hour field, "1" then "4" means 14:00 (2 PM), not a refused keystroke."""
        if section != self.Section.HourSection or "ap" not in self.displayFormat().lower() or not self._hour_digit:
            return False
        hour = int(self._hour_digit + digit)
        if not 13 <= hour <= 23:
            return False
        current = self.dateTime()
        current.setTime(QTime(hour, current.time().minute()))
        self.setDateTime(current)
        self._hour_digit = ""
        self._typing_section = None
        self.setSelectedSection(self.Section.MinuteSection)
        return True

    def _am_pm_typed(self, text: str) -> bool:
        """In a 12-hour field, "a" or "p" (the first letter of the locale's AM or PM word) sets the
        half of the day at once. Qt takes "p" as an unfinished "PM" and keeps the time it had, so
        "8:30p" gave 8:30 AM: a medicine reminder twelve hours off."""
        time_parts = (self.Section.HourSection, self.Section.MinuteSection, self.Section.AmPmSection)
        if "ap" not in self.displayFormat().lower() or len(text) != 1 or self.currentSection() not in time_parts:
            return False  # e.g. "a" typed into a month's name ("Aug") is the month's
        words = (self.locale().amText() + self.locale().pmText()).casefold()
        am, pm = self.locale().amText()[:1].casefold(), self.locale().pmText()[:1].casefold()
        if am == pm or text.casefold() not in (am, pm):
            # the rest of the word ("m" of "pm") once the half of the day is set: nothing to do
            return self.currentSection() == self.Section.AmPmSection and text.casefold() in words and text.isalpha()
        current = self.dateTime()
        hour, minute = current.time().hour() % 12, current.time().minute()
        current.setTime(QTime(hour + (12 if text.casefold() == pm else 0), minute))
        self.setDateTime(current)
        self.setSelectedSection(self.Section.AmPmSection)
        self._fresh = True
        return True

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fresh = True
        super().focusInEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fresh = True
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.text().isdigit():
            section = self.currentSection()
            if (self._fresh or section != self._typing_section) and not self.lineEdit().hasSelectedText():
                self.setSelectedSection(section)
            elif self._twenty_four_hour_typed(section, event.text()):
                return
            self._fresh = False
            self._hour_digit = event.text() if section == self.Section.HourSection else ""
            super().keyPressEvent(event)
            self._typing_section = self.currentSection() if self.currentSection() == section else None
            return
        if self._am_pm_typed(event.text()):
            return
        self._fresh = True
        super().keyPressEvent(event)


class TimeField(TypeOverMixin, QTimeEdit):
    """A time of day (hour and minute) that takes typed times as typed."""


class WallClockEdit(TypeOverMixin, QDateTimeEdit):
    """Date and time to the minute, with a calendar pop-up. ``time_format`` is a Qt time format;
    when empty, the time-format setting in the locale's words (``formatting.time_pattern``)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *, time_format: str = ""):
        super().__init__(parent)
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        shown = time_format or formatting.time_pattern()
        self.setDisplayFormat(f"{formatting.date_pattern(weekday=True)}  {shown}")
        self.setAccessibleName(accessible_name)

    def wall(self) -> datetime:
        """The chosen date and time as a naive wall-clock ``datetime`` (minutes, no seconds)."""
        value = self.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_wall(self, wall: datetime) -> None:
        """Show the naive wall-clock time ``wall`` (seconds are dropped)."""
        self.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute), QTimeZone.utc()))


class NowField(QWidget):
    """A "When" field for something happening now: the :class:`WallClockEdit` plus a **Now**
    button. Until the user changes the time by hand, the field follows the clock: it catches up
    when it is shown and when ``current()`` is read at saving, so a check-in opened at 02:24 and
    saved at 02:31 says 02:31. ``now()`` returns the current naive local wall-clock time."""

    def __init__(self, accessible_name: str, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._now = now
        self._following = True
        self._setting = False
        self.edit = WallClockEdit(accessible_name, self)
        self.edit.dateTimeChanged.connect(self._on_changed)
        self.now_button = QPushButton(_("Now"), self)
        # No Alt letter: every letter of "Now" is taken on the pages that hold this field; Tab
        # from the time reaches it.
        self.now_button.setAccessibleName(_("Set the time to now"))
        self.now_button.setToolTip(_("Set the date and time to now"))
        self.now_button.clicked.connect(self.follow_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.now_button)
        self.setFocusProxy(self.edit)

    @property
    def following(self) -> bool:
        """True while the field shows "now" and has not been changed by hand."""
        return self._following

    def follow_now(self) -> None:
        """Show the current time and keep following the clock."""
        self._put(self._now())
        self._following = True

    def set_wall(self, wall: datetime) -> None:
        """Show a fixed time (an entry being changed); the field stops following the clock."""
        self._put(wall)
        self._following = False

    def current(self) -> datetime:
        """The chosen wall-clock time; the time of this call when the field follows the clock."""
        if self._following:
            self._put(self._now())
        return self.edit.wall()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._following:
            self._put(self._now())
        super().showEvent(event)

    def _put(self, wall: datetime) -> None:
        self._setting = True
        try:
            self.edit.set_wall(wall)
        finally:
            self._setting = False

    def _on_changed(self, _value) -> None:
        if not self._setting:
            self._following = False
