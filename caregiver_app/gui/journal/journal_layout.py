"""How the Journal page holds together at any text size and window size: the list panel whose
least height follows its wrapped words, and the splitter that puts the chart-and-list column
under the entry form when the width cannot hold both (the chart's legend keys, words that wrap,
are every chart's: gui/common/chart_legend.py).

A splitter asks its window for the sum of its panes' least widths, so keeping the chart readable
beside the form would have made the window wider than the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QSplitter, QWidget


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

    def event(self, event: QEvent) -> bool:
        # A pane's least width can grow after the last resize (the Scores form grows by a long
        # person's name once the person is chosen): side by side, the form was then squeezed
        # below its least width and cut at the right.
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:
            self._turn(self.width(), self.height())
        return super().event(event)

    def _turn(self, width: int, height: int) -> None:
        least = self._second_least()
        wide = width >= self.widget(0).minimumSizeHint().width() + least + self.handleWidth()
        self.widget(1).setMinimumWidth(least if wide else 0)
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.orientation():
            self.setOrientation(orientation)
            half = (width if wide else height) // 2
            self.setSizes([half, half])
