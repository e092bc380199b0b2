"""A date-and-time field for a plain local wall-clock time.

The field shows and returns the time as it reads on the clock (a naive ``datetime``); the services
apply the time zone, with the offset of that date. Qt's own zone handling is kept out of the way
by giving the field UTC, so a date inside a daylight-saving change is never shifted by the widget.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from . import formatting


class WallClockEdit(QDateTimeEdit):
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
