"""Stop the mouse wheel from silently changing values.

Over a spin box or drop-down that the user has not clicked into, a wheel turn scrolls the page
around it instead of changing the number or choice (a value changed by a passing scroll would be
saved and printed without anyone meaning it). Once the field has focus, the wheel works as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

from .app_filters import install_once


class WheelGuard(QObject):
    """An application-wide event filter; install once with :func:`install_wheel_guard`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, (QAbstractSpinBox, QComboBox)):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event.clone())
        return True  # never let an unfocused field take the turn


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` (idempotent) and return it."""
    return install_once(app, WheelGuard)
