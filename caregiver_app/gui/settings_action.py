"""Edit ▸ Settings…, the action alone: the main window makes it at start, and the dialog
(:mod:`.settings_dialog`, with the country, language and reminder parts) is imported when it first
opens, not with the unlock screen (issue 16)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..i18n import _


def make_settings_action(parent: QWidget, slot) -> QAction:
    """The Settings… action, calling ``slot`` (macOS moves it to the application menu as
    Preferences…)."""
    action = QAction(_("Se&ttings…"), parent)
    action.triggered.connect(slot)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setShortcut("Ctrl+,")
    action.setToolTip(_("Country, language, time format, paper, locking, time zone and reminders"))
    return action
