"""The Reminders part of the Settings dialog: the daily check-in reminder and its time, medicine
and appointment reminders on or off, how long Later waits, and keeping the app in the tray.
All of it is kept in the settings file: a time of day is not health data (medicine times stay in
the vault)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from ...i18n import _
from ...domain.reminders import parse_time_of_day
from ...settings import MAX_LATER_MINUTES, Settings
from ..common import formatting
from ..common.wall_clock import TimeField
from .tray import tray_available


class ReminderSettings(QGroupBox):
    """Reminder settings shown from ``settings``; :meth:`applied_to` gives them back."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, has_tray: bool | None = None):
        super().__init__(_("Reminders"), parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        daily_row = QHBoxLayout()
        self.daily_check = QCheckBox(_("A daily “&How was today?” reminder at"), self)
        self.daily_check.setAccessibleName(_("A daily check-in reminder"))
        self.daily_time = TimeField(self)
        self.daily_time.setDisplayFormat(formatting.time_pattern())
        self.daily_time.setAccessibleName(_("Time of the daily check-in reminder"))
        at = parse_time_of_day(settings.daily_reminder_time)
        self.daily_time.setTime(QTime(at.hour, at.minute) if at is not None else QTime(20, 0))
        self.daily_check.setChecked(settings.daily_reminder)
        self.daily_time.setEnabled(settings.daily_reminder)
        self.daily_check.toggled.connect(self.daily_time.setEnabled)
        daily_row.addWidget(self.daily_check)
        daily_row.addWidget(self.daily_time)
        daily_row.addStretch(1)
        form.addRow(daily_row)

        self.medicine_check = QCheckBox(_("&Medicine reminders, at the times set for each medicine"), self)
        self.medicine_check.setChecked(settings.medicine_reminders)
        form.addRow(self.medicine_check)
        self.appointment_check = QCheckBox(_("A&ppointment reminders, the day before"), self)
        self.appointment_check.setChecked(settings.appointment_reminders)
        form.addRow(self.appointment_check)

        self.later_spin = QSpinBox(self)
        self.later_spin.setRange(1, MAX_LATER_MINUTES)
        self.later_spin.setSuffix(_(" minutes"))
        self.later_spin.setValue(settings.reminder_later_minutes)
        self.later_spin.setAccessibleName(_("Later reminds again after this many minutes"))
        self.later_spin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        later_label = QLabel(_("“Later” reminds a&gain after"), self)
        later_label.setBuddy(self.later_spin)
        form.addRow(later_label, self.later_spin)

        self.tray_check = QCheckBox(_("&Keep running in the tray when the window closes"), self)
        self.tray_check.setChecked(settings.keep_in_tray)
        self.tray_check.setToolTip(_("Reminders come only while the app runs. Quit from the tray icon's menu."))
        form.addRow(self.tray_check)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if not (tray_available() if has_tray is None else has_tray):
            self.tray_check.setEnabled(False)
            self.note.setText(_("This desktop shows no tray icons, so the app stops when its window closes. "
                              "Reminders still come while it is open."))
        else:
            self.note.setText(_("While the app is locked, reminders say only “Time for your check-in”."))
        form.addRow(self.note)

    def applied_to(self, settings: Settings) -> Settings:
        """``settings`` with the reminder choices of this part."""
        at = self.daily_time.time()
        return replace(settings, daily_reminder=self.daily_check.isChecked(),
                       daily_reminder_time=f"{at.hour():02d}:{at.minute():02d}",
                       medicine_reminders=self.medicine_check.isChecked(),
                       appointment_reminders=self.appointment_check.isChecked(),
                       reminder_later_minutes=self.later_spin.value(),
                       keep_in_tray=self.tray_check.isChecked() if self.tray_check.isEnabled() else settings.keep_in_tray)

    def focus_widgets(self) -> list[QWidget]:
        return [self.daily_check, self.daily_time, self.medicine_check, self.appointment_check, self.later_spin,
                self.tray_check]
