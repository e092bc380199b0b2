"""A passing scroll never changes a number or a choice."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from caregiver_app.gui.common.wheel_guard import install_wheel_guard


def wheel(widget: QWidget, steps: int = -1) -> None:
    event = QWheelEvent(
        QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def test_unfocused_fields_ignore_the_wheel_and_the_page_scrolls(qtbot):
    install_wheel_guard(QApplication.instance())
    area = QScrollArea()
    inner = QWidget()
    layout = QVBoxLayout(inner)
    spin, combo = QSpinBox(), QComboBox()
    spin.setRange(0, 10)
    combo.addItems(["1 very low", "2 low", "3 okay"])
    layout.addWidget(spin)
    layout.addWidget(combo)
    layout.addSpacing(3000)
    area.setWidget(inner)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)

    wheel(spin)
    wheel(combo)
    assert spin.value() == 0 and combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0  # the turn scrolled the page instead

    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, steps=1)
    assert spin.value() == 1  # a field the user is in still answers the wheel
