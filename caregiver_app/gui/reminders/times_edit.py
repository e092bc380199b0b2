"""The medicine editor's "Remind at": a few times of day, each in the time format of the window
(12- or 24-hour, by the setting), with Add a time and a remove button per time."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ...domain.medications import MAX_REMINDER_TIMES, clean_reminder_times
from ..common import formatting
from ..common.wall_clock import TimeField

DEFAULT_TIMES = (time(8, 0), time(13, 0), time(20, 0))
"""The time offered for the first, second and third reminder (then one hour after the last)."""


class ReminderTimesEdit(QWidget):
    """Times of day for a medicine's reminders. ``times()`` gives them sorted, without repeats."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[tuple[QWidget, TimeField, QPushButton]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._list)
        bottom = QHBoxLayout()
        self.add_button = QPushButton(_("Add a reminder time"), self)
        self.add_button.setAccessibleName(_("Add a reminder time"))
        self.add_button.setToolTip(_("A reminder at this time every day, with Taken, Skipped and Later"))
        self.add_button.clicked.connect(lambda: self.add_time(focus=True))
        self.none_label = QLabel(_("No reminders"), self)
        bottom.addWidget(self.none_label)
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        outer.addLayout(bottom)
        self._update()

    def times(self) -> tuple[time, ...]:
        """The chosen times of day (naive wall-clock times), sorted, each once."""
        return clean_reminder_times(time(f.time().hour(), f.time().minute()) for _row, f, _b in self._rows)

    def set_times(self, times: tuple[time, ...]) -> None:
        while self._rows:
            self._remove(self._rows[-1][0], focus=False)
        for at in times:
            self.add_time(at)
        self._update()

    def add_time(self, at: time | None = None, *, focus: bool = False) -> None:
        """Add a row with ``at`` (else a sensible next time); at most MAX_REMINDER_TIMES rows."""
        if len(self._rows) >= MAX_REMINDER_TIMES:
            return
        if at is None:
            taken = self.times()
            at = DEFAULT_TIMES[len(taken)] if len(taken) < len(DEFAULT_TIMES) else time((taken[-1].hour + 1) % 24)
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        field = TimeField(row)
        field.setDisplayFormat(formatting.time_pattern())
        field.setTime(QTime(at.hour, at.minute))
        field.setAccessibleName(_("Reminder time {number}").format(number=len(self._rows) + 1))
        field.timeChanged.connect(lambda _t: self.changed.emit())
        remove = QPushButton(_("Remove"), row)
        remove.setAccessibleName(_("Remove reminder time {number}").format(number=len(self._rows) + 1))
        remove.setToolTip(_("No reminder at this time any more"))
        remove.clicked.connect(lambda: self._remove(row, focus=True))
        layout.addWidget(field)
        layout.addWidget(remove)
        layout.addStretch(1)
        self._list.addWidget(row)
        self._rows.append((row, field, remove))
        self._update()
        self.changed.emit()
        if focus:
            field.setFocus()

    def focus_widgets(self) -> list[QWidget]:
        """The controls in Tab order (for the page's chain)."""
        return [w for _row, field, remove in self._rows for w in (field, remove)] + [self.add_button]

    def _remove(self, row: QWidget, *, focus: bool) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        self._list.removeWidget(row)
        row.deleteLater()
        for number, (_row, field, remove) in enumerate(self._rows, start=1):
            field.setAccessibleName(_("Reminder time {number}").format(number=number))
            remove.setAccessibleName(_("Remove reminder time {number}").format(number=number))
        self._update()
        self.changed.emit()
        if focus:
            self.add_button.setFocus()

    def _update(self) -> None:
        self.none_label.setVisible(not self._rows)
        self.add_button.setEnabled(len(self._rows) < MAX_REMINDER_TIMES)
        self.add_button.setText(_("Add a reminder time") if not self._rows else _("Add another time"))
