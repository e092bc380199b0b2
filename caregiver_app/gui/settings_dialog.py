"""Edit ▸ Settings… (Preferences on macOS): country, language, time format, paper, idle lock,
time zone and reminders, saved in the settings file of the data folder in use.

The country decides the emergency and crisis numbers everywhere, the paper when it follows the
country, and how phone numbers are read. Nothing personal is kept in settings.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CaregiverError
from ..services.clock import local_zone_name
from ..i18n import N_, _
from ..settings import Settings, effective_country, paper_for, time_zones
from ..settings import save_in_folder
from .common import formatting
from .context import AppContext
from .common.country import system_locale_name
from .warning_signs.crisis_numbers import add_country_row, add_problem_and_buttons, country_name, show_problem
from .common.errors import show_error
from .language_choice import fill_language_combo
from .reminders.settings_part import ReminderSettings
from .settings_action import make_settings_action  # noqa: F401  (re-exported: the action lives apart, see there)

TITLE = N_("Settings")
MAX_IDLE_MINUTES = 24 * 60


class SettingsDialog(QDialog):
    """The settings, shown from ``context.settings``; OK saves them atomically and updates the
    context. ``saved`` is emitted with the new settings after a save."""

    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        settings = context.settings
        layout = QVBoxLayout(self)
        intro = QLabel(_("These settings are kept on this computer with this journal. They hold nothing "
                       "personal."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.country_combo = add_country_row(form, self, settings.country)
        system = effective_country(Settings(), system_locale_name())
        if system:
            self.country_combo.setItemText(0, _("Not chosen (this computer says {country})").format(
                country=country_name(system)))
        self.country_combo.currentIndexChanged.connect(self._update_hints)
        self.country_hint = QLabel(self)
        self.country_hint.setWordWrap(True)
        form.addRow("", self.country_hint)

        self.language_combo = QComboBox(self)
        fill_language_combo(self.language_combo, settings.language)
        form.addRow(_("&Language"), self.language_combo)

        self.time_combo = QComboBox(self)
        self.time_combo.setAccessibleName(_("Time format"))
        system_24h = formatting.locale_uses_24_hours()
        self.time_combo.addItem(_("Follow this computer ({example})").format(
            example="21:15" if system_24h else _("9:15 PM")), "system")
        self.time_combo.addItem(_("12-hour (9:15 PM)"), "12h")
        self.time_combo.addItem(_("24-hour (21:15)"), "24h")
        self.time_combo.setCurrentIndex(max(self.time_combo.findData(settings.time_format), 0))
        form.addRow(_("&Time format"), self.time_combo)

        self.paper_combo = QComboBox(self)
        self.paper_combo.setAccessibleName(_("Paper size for printing"))
        self.paper_combo.addItem("", "auto")
        self.paper_combo.addItem(_("Letter (8.5 × 11 in)"), "letter")
        self.paper_combo.addItem(_("A4 (210 × 297 mm)"), "a4")
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(settings.paper), 0))
        form.addRow(_("&Paper"), self.paper_combo)

        self.idle_spin = QSpinBox(self)
        self.idle_spin.setAccessibleName(_("Lock after this many idle minutes (0 means never)"))
        self.idle_spin.setRange(0, MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(_(" minutes"))
        self.idle_spin.setSpecialValueText(_("Never"))
        self.idle_spin.setValue(settings.idle_lock_minutes)
        form.addRow(_("Lock when &idle for"), self.idle_spin)

        self.zone_combo = QComboBox(self)
        self.zone_combo.setAccessibleName(_("Time zone"))
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.addItem(_("This computer's ({zone})").format(zone=local_zone_name()), "")
        for zone in sorted(time_zones()):
            self.zone_combo.addItem(zone, zone)
        completer = QCompleter([self.zone_combo.itemText(i) for i in range(self.zone_combo.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.setCompleter(completer)
        self.zone_combo.setCurrentIndex(max(self.zone_combo.findData(settings.time_zone), 0))
        form.addRow(_("Time &zone"), self.zone_combo)
        layout.addLayout(form)
        self.reminders = ReminderSettings(settings, self)
        layout.addWidget(self.reminders)

        self.problem_label = add_problem_and_buttons(self, layout, _("&Save"))
        self._update_hints()
        self.country_combo.setFocus()

    @classmethod
    def ask(cls, context: AppContext, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the user saved (``context.settings`` is then the new one)."""
        dialog = cls(context, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def chosen(self) -> Settings:
        """The settings as the dialog shows them. Raises :class:`CaregiverError` for a time zone
        that is not a known one."""
        zone = self._chosen_zone()
        return self.reminders.applied_to(replace(
            self._context.settings,
            country=self.country_combo.currentData() or "",
            language=self.language_combo.currentData() or "",
            time_format=self.time_combo.currentData() or "system",
            paper=self.paper_combo.currentData() or "auto",
            idle_lock_minutes=self.idle_spin.value(),
            time_zone=zone,
        ))

    def accept(self) -> None:
        try:
            settings = self.chosen()
        except CaregiverError as exc:
            show_problem(self.problem_label, str(exc))
            self.zone_combo.setFocus()
            return
        try:
            save_in_folder(settings, self._context.settings_path, self._context.paths.folder)
        except OSError:
            show_error(self, CaregiverError(
                _("The settings could not be saved, so they will be gone after you quit. They work for now.")),
                _("Not saved"))
        self._context.settings = settings
        self.saved.emit(settings)
        super().accept()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Tall enough for the wrapped hints at this width (Qt sizes a dialog without them, which
        clipped them at large text)."""
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    # --- private ------------------------------------------------------------------------
    def _chosen_zone(self) -> str:
        text = self.zone_combo.currentText().strip()
        index = self.zone_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.zone_combo.itemData(index) or ""
        if not text:
            return ""
        raise CaregiverError(_("“{text}” is not a time zone this app knows. Choose one from the list, "
                               "such as Europe/London or America/Chicago.").format(text=text[:60]))

    def _update_hints(self) -> None:
        code = self.country_combo.currentData() or effective_country(Settings(), system_locale_name())
        paper = paper_for(Settings(paper="auto"), code)
        self.paper_combo.setItemText(0, _("Follow the country ({paper})").format(
            paper=_("Letter") if paper == "letter" else "A4"))
        if code:
            self.country_hint.setText(_("Emergency and crisis numbers, phone numbers and paper follow "
                                        "{country}.").format(country=country_name(code)))
        else:
            self.country_hint.setText(_("Choose your country, so the app can show its emergency number and "
                                      "crisis lines. Until then it says “your local emergency number”."))
