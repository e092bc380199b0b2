"""The legend every chart in the app draws under its plot: one key per series, each a short
sample of the line (solid or dashed, with its round, square or triangle dot) and the series' name
in words that WRAP.

QtCharts' own legend (QLegend) never wraps: at large text, in Spanish or in a narrow window it cut
"Mood (solid, dots)" to "Moo…" and a person's long name to "María Fernanda Castillo-Rodrí…". The
names carry the line's style in words ("solid line, round dots"), so nothing rests on colour and a
screen reader hears the style (each key's accessible name is its words). A key follows its series:
a series renamed renames its key, a series hidden hides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCharts import QAbstractSeries
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from .building import wrapping_row

if TYPE_CHECKING:
    from .chart_common import ChartInk

ROUND, SQUARE, TRIANGLE, NO_DOT = "round", "square", "triangle", ""


@dataclass(frozen=True)
class KeyStyle:
    """How a series is drawn: ``dashed`` or solid, its ``dot`` (:data:`ROUND`, :data:`SQUARE`,
    :data:`TRIANGLE` or :data:`NO_DOT`), in the chart's ``second`` ink (else the first)."""

    dashed: bool = False
    dot: str = ROUND
    second: bool = False


class LegendKey(QLabel):
    """One legend entry: a short sample of the line (and its dot) drawn in the room left of the
    words, then the words, which wrap. :meth:`follow` ties it to the series it stands for."""

    def __init__(self, parent: QWidget, style: KeyStyle = KeyStyle()):
        super().__init__(parent)
        self.setWordWrap(True)
        self.style_ = style
        self.series: QAbstractSeries | None = None
        self._colour, self._line_width, self._marker = QColor(), 2.0, 6.0
        self._make_room()

    def follow(self, series: QAbstractSeries, style: KeyStyle) -> None:
        """Stand for ``series`` drawn in ``style``: its name and visibility, now and as they change."""
        if self.series is not None and isValid(self.series):  # a series the chart kept: let go of it
            self.series.nameChanged.disconnect(self._sync)
            self.series.visibleChanged.disconnect(self._sync)
        self.series, self.style_ = series, style
        series.nameChanged.connect(self._sync)
        series.visibleChanged.connect(self._sync)
        self._sync()
        self.update()

    def _sync(self) -> None:
        if self.series is None or not isValid(self.series):
            return
        self.setText(self.series.name())
        self.setAccessibleName(self.series.name())  # the words hold the style ("dashed line, triangles")
        self.setVisible(self.series.isVisible())

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
        style = Qt.PenStyle.DashLine if self.style_.dashed else Qt.PenStyle.SolidLine
        painter.setPen(QPen(self._colour, self._line_width, style))
        painter.drawLine(QPointF(2, middle), QPointF(width - 2, middle))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        side = min(self._marker, self.fontMetrics().height())
        dot = QRectF(width / 2 - side / 2, middle - side / 2, side, side)
        if self.style_.dot == SQUARE:
            painter.drawRect(dot)
        elif self.style_.dot == TRIANGLE:
            painter.drawPolygon(QPolygonF([QPointF(dot.center().x(), dot.top()), dot.bottomRight(), dot.bottomLeft()]))
        elif self.style_.dot == ROUND:
            painter.drawEllipse(dot)
        painter.end()


class ChartLegend(QWidget):
    """The keys side by side while they fit, on more lines when they do not (a wrapping row);
    :meth:`show_series` after each rebuild of the chart's series, :meth:`set_ink` after each restyle."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.keys: list[LegendKey] = []
        self._row = wrapping_row(())
        self._row.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self._row)

    def show_series(self, entries: Sequence[tuple[QAbstractSeries, KeyStyle]]) -> None:
        """One key per ``(series, style)``, in that order (the keys are kept and re-tied, so the
        legend does not flicker when a chart redraws)."""
        while len(self.keys) < len(entries):
            key = LegendKey(self)
            self._row.addWidget(key)
            self.keys.append(key)
        for key, (series, style) in zip(self.keys, entries):
            key.follow(series, style)
        for key in self.keys[len(entries):]:
            key.hide()

    # The keys' height at the legend's CURRENT width, not a height-for-width: a window asks the
    # layouts around for their least height at its least width, where the chart is a sliver and
    # each key wraps a word a line; that made the Scores page ask for 938 px at 1.6 times the
    # text (a 700 px screen). Re-asked whenever the width changes, so the words are never cut.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = self._row.minimumSize()
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # laid out: not the 100 px of a new widget
            hint.setHeight(max(hint.height(), self._row.heightForWidth(self.width())))
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self._row.sizeHint().expandedTo(self.minimumSizeHint())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the keys may wrap onto more or fewer lines

    def set_ink(self, ink: ChartInk) -> None:
        for key in self.keys:
            colour = ink.second if key.style_.second else ink.first
            key.set_ink(colour, ink.line_width, ink.marker)
