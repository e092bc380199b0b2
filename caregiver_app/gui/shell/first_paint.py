"""Work that waits until the first window is on screen (issue 16).

An application-wide event filter written in Python is called for every event of every object
in the app. PySide then has to give each watched object its Python class; for an object of a
class Qt keeps private (the animation timer, a combo box's popup frame) it looks the class up by
creating every Qt class not yet made in Python, with their enums: 15-20 ms, once per process. So
the app's own filters (input for the idle lock, the wheel guard, the screen-reader names) go in
just after the first window is painted, while the person reads it: the window shows sooner, and
nothing they can do in that moment needs them (see :func:`after_first_paint`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AT_LATEST_MS = 300
"""Run the work after this long even when no paint came (a window started hidden or minimized)."""


def after_first_paint(window: QWidget, then: Callable[[], None], *, at_latest_ms: int = AT_LATEST_MS) -> None:
    """Call ``then()`` once: on the turn of the event loop right after ``window``'s first paint,
    or ``at_latest_ms`` after this call, whichever comes first; never when ``window`` is gone
    by then."""
    _FirstPaint(window, then, at_latest_ms)


class _FirstPaint(QObject):
    """Watches only ``window``'s own events (a filter on one widget of a class PySide knows)."""

    def __init__(self, window: QWidget, then: Callable[[], None], at_latest_ms: int):
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint has reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self.parent().removeEventFilter(self)
        self.deleteLater()
        then()
