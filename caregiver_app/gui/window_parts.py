"""Small parts of the main window: the page list and the idle watcher that drives auto-lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QListWidget

MAX_PAGE_SHORTCUTS = 9
"""Ctrl+1 … Ctrl+9 go to the first nine pages."""


class NavigationList(QListWidget):
    """The page list on the left, exactly as wide as its longest title (at any font size)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        widest = max(self.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("M" * 8))
        frame = 2 * self.frameWidth() + self.fontMetrics().averageCharWidth() * 3
        return QSize(widest + frame, super().sizeHint().height())


class IdleWatcher(QObject):
    """An application-wide event filter: any keyboard, mouse or touch input restarts the timer."""

    INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TabletPress,
        }
    )

    def __init__(self, timer: QTimer, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in self.INPUT and self._timer.isActive():
            self._timer.start()
        return False
