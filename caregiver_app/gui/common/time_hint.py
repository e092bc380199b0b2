"""A line under the entry's date and time that speaks up when the clock time is unusual: a time
skipped when the clocks went forward (refused, with a button for the first time that exists), a
time that happens twice when they went back (the first one is used), or an entry written in
another time zone (its time is shown in that zone)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain import timeutil
from ...domain.errors import ValidationError
from ...i18n import _
from ..journal.journal_model import day_heading, time_text


def skipped_text(wall: datetime, first: datetime) -> str:
    """Plain words for a wall-clock time the clocks jumped over."""
    return _("{time} did not happen on {day}: the clocks went forward that night, so the first time after "
             "the change is {first}. Please choose another time.").format(
        time=time_text(wall), day=day_heading(wall.date()), first=time_text(first))


def repeated_text(wall: datetime) -> str:
    """Plain words for a wall-clock time that happened twice."""
    return _("{time} happened twice on {day}, because the clocks went back that night. This entry uses the "
             "first {time}, before the change.").format(time=time_text(wall), day=day_heading(wall.date()))


class TimeHint(QWidget):
    """Hidden while the time is ordinary. ``use_time(datetime)`` offers the first valid time."""

    use_time = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._next: datetime | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(_("About this time"))
        self.button = QPushButton(self)
        self.button.clicked.connect(lambda: self._next is not None and self.use_time.emit(self._next))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.button.hide()
        self.hide()

    @property
    def suggested(self) -> datetime | None:
        """The first valid time offered (None when the time is fine)."""
        return self._next

    def check(self, wall: datetime, zone_name: str, current_zone: str = "") -> None:
        """Look at the naive wall-clock ``wall`` in ``zone_name``; ``current_zone`` is the zone new
        entries use, to say so when this entry was written elsewhere."""
        try:
            tz = timeutil.zone(zone_name)
        except ValidationError:
            self._show("", None)
            return
        first = timeutil.next_valid_wall_time(wall, tz)
        parts = []
        if first is not None:
            parts.append(skipped_text(wall, first))
        elif timeutil.is_repeated(wall, tz):
            parts.append(repeated_text(wall))
        if current_zone and zone_name != current_zone:
            parts.append(_("This entry was written in {place} time, so its time is shown as the clock read "
                           "there.").format(place=timeutil.zone_place(zone_name)))
        self._show(" ".join(parts), first)

    def _show(self, text: str, first: datetime | None) -> None:
        self._next = first
        self.label.setText(text)
        if first is not None:
            self.button.setText(_("Use {time}").format(time=time_text(first)))
            self.button.setAccessibleName(_("Use {time} instead").format(time=time_text(first)))
        self.button.setVisible(first is not None)
        self.setVisible(bool(text))
