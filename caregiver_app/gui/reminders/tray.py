"""The system-tray icon: Open, Lock and Quit in its menu, a click opens the window, and the short
reminder message through the desktop's notifications. Only made where the desktop has a tray
(``QSystemTrayIcon.isSystemTrayAvailable()``); elsewhere the reminder window stands alone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QWidget

from ...i18n import _
from ... import APP_NAME


def tray_available() -> bool:
    """True when the desktop shows tray icons (False offscreen and on some Linux desktops)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QSystemTrayIcon):
    """The tray icon over ``window``; ``on_open``, ``on_lock`` and ``on_quit`` run from its menu,
    ``on_message`` when the user clicks a reminder's message."""

    def __init__(self, window: QWidget, *, on_open: Callable[[], None], on_lock: Callable[[], None],
                 on_quit: Callable[[], None], on_message: Callable[[], None]):
        icon = window.windowIcon()
        if icon.isNull():
            icon = QApplication.windowIcon()
        if icon.isNull():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        super().__init__(QIcon(icon), window)
        self.setToolTip(APP_NAME)
        self.menu = QMenu(window)
        self.open_action = QAction(_("&Open Caregiver Companion"), self.menu)
        self.open_action.triggered.connect(on_open)
        self.lock_action = QAction(_("&Lock"), self.menu)
        self.lock_action.triggered.connect(on_lock)
        self.quit_action = QAction(_("&Quit"), self.menu)
        self.quit_action.triggered.connect(on_quit)
        for action in (self.open_action, self.lock_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.setContextMenu(self.menu)
        self.activated.connect(
            lambda reason: on_open() if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                                                   QSystemTrayIcon.ActivationReason.DoubleClick) else None)
        self.messageClicked.connect(on_message)

    def say(self, text: str) -> None:
        """The short message through the desktop's notifications. The desktop keeps them, so
        callers pass only generic words ("Time for your check-in"), never a health detail."""
        self.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
