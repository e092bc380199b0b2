"""How the Journal page holds together at any text size and window size: the legend keys of its
chart (words that wrap), the list panel whose least height follows its wrapped words, and the
splitter that puts the chart-and-list column under the entry form when the width cannot hold both.

QtCharts' own legend never wraps: at large text, or in a narrow column, it cut "Mood (solid,
dots)" to "Moo…". And a splitter asks its window for the sum of its panes' least widths, so
keeping the chart readable beside the form would have made the window wider than the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSplitter, QWidget


class LegendKey(QLabel):
    """One legend entry: a short sample of the line (solid or dashed, with its round or square
    dot) drawn in the room left of the words, then the words, which wrap. The words say the
    style too ("solid, dots"), so nothing rests on colour; a screen reader reads the words."""

    def __init__(self, parent: QWidget, *, dashed: bool, square: bool):
        super().__init__(parent)
        self.setWordWrap(True)
        self._dashed, self._square = dashed, square
        self._colour, self._line_width, self._marker = QColor(), 2.0, 6.0
        self._make_room()

    def set_ink(self, colour: QColor, line_width: float, marker: float) -> None:
        """The series' colour and sizes (from the chart's palette and font)."""
        self._colour, self._line_width, self._marker = QColor(colour), line_width, marker
        self._make_room()
        self.update()

    def _sample_width(self) -> int:
        return self.fontMetrics().height() * 2  # in font units: it grows with the text

    def _make_room(self) -> None:
        gap = self.fontMetrics().averageCharWidth()
        self.setContentsMargins(self._sample_width() + gap, 0, 2 * gap, 0)  # a gap before the next key

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        # The words on one line: a wrapping label's own hint is a guess at a balanced shape, which
        # broke "Sleep (dashed, squares)" in two where the line had room for it.
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 2
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._make_room()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._colour.isValid():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle = self.contentsRect().top() + self.fontMetrics().height() / 2  # beside the first line
        width = self._sample_width()
        style = Qt.PenStyle.DashLine if self._dashed else Qt.PenStyle.SolidLine
        painter.setPen(QPen(self._colour, self._line_width, style))
        painter.drawLine(QPointF(2, middle), QPointF(width - 2, middle))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        side = min(self._marker, self.fontMetrics().height())
        dot = QRectF(width / 2 - side / 2, middle - side / 2, side, side)
        if self._square:
            painter.drawRect(dot)
        else:
            painter.drawEllipse(dot)
        painter.end()


class WrappingPanel(QWidget):
    """A panel whose least height is what its wrapped words need at its width: a splitter only
    asks for the least height, which counts a wrapped heading as one line and let the list run
    over it at large text."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        if self.width() > 0 and self.layout() is not None:
            hint.setHeight(max(hint.height(), self.layout().minimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class TurningSplitter(QSplitter):
    """``first`` (the entry form) and ``second`` (the chart and the list) side by side while the
    width holds the form's least width plus ``second_least()`` (the chart's, in font units);
    otherwise ``second`` goes under ``first``, full width. Its least width is the stacked one, so
    it never makes the window wider; side by side, ``second`` cannot be dragged narrower than
    ``second_least()``."""

    def __init__(self, first: QWidget, second: QWidget, second_least: Callable[[], int], parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._second_least = second_least
        self.addWidget(first)
        self.addWidget(second)
        self.setStretchFactor(0, 1)  # the form as wide as the list and chart together need
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)

    def side_by_side(self) -> bool:
        return self.orientation() == Qt.Orientation.Horizontal

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        hint.setWidth(max(self.widget(i).minimumSizeHint().width() for i in range(self.count())))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._turn(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange) and self.width() > 0:
            self._turn(self.width(), self.height())

    def _turn(self, width: int, height: int) -> None:
        least = self._second_least()
        wide = width >= self.widget(0).minimumSizeHint().width() + least + self.handleWidth()
        self.widget(1).setMinimumWidth(least if wide else 0)
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.orientation():
            self.setOrientation(orientation)
            half = (width if wide else height) // 2
            self.setSizes([half, half])
