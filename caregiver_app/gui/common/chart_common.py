"""What every QtCharts chart in the app shares: a quiet chart in a view, a text summary beside it
for screen readers, and colours and fonts taken from the system palette (light or dark) and the
widget's font, so a chart follows the user's theme and text size."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCharts import QAbstractAxis, QChart, QChartView, QLegend
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def make_chart(parent: QWidget, accessible_name: str) -> tuple[QChart, QChartView]:
    """A chart without animation or rounded corners, its legend at the bottom with the series'
    own marker shapes, in an anti-aliased view reachable with Tab."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    view.setAccessibleName(accessible_name)
    view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return chart, view


def make_summary_label(parent: QWidget, accessible_name: str) -> QLabel:
    """The chart said in words: wraps, can be selected and reached by keyboard."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    label.setAccessibleName(accessible_name)
    return label


@dataclass(frozen=True)
class ChartInk:
    """Colours and sizes for the series: ``first`` for the solid line, ``second`` for the dashed
    one (text colour, so the two differ in lightness as well as in style); ``line_width`` in
    pixels and ``marker`` (a dot's width) grow with the text size."""

    text: QColor
    grid: QColor
    first: QColor
    second: QColor
    line_width: float
    marker: float


def apply_palette(chart: QChart, widget: QWidget, axes: Iterable[QAbstractAxis], *, marker_factor: float = 0.6) -> ChartInk:
    """Style ``chart`` and ``axes`` from ``widget``'s palette and font; returns the ink for the
    series (which each chart applies to its own lines)."""
    palette = widget.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    theme = QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
    if chart.theme() != theme:
        chart.setTheme(theme)
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = palette.color(QPalette.ColorRole.Mid)
    chart.setBackgroundBrush(QBrush(palette.color(QPalette.ColorRole.Window)))
    chart.setPlotAreaBackgroundBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
    chart.setPlotAreaBackgroundVisible(True)
    font = widget.font()
    chart.legend().setFont(font)
    chart.legend().setLabelColor(text)
    for axis in axes:
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
        axis.setLabelsBrush(QBrush(text))
        axis.setTitleBrush(QBrush(text))
        axis.setLinePenColor(grid)
        axis.setGridLineColor(grid)
    line_width = max(2.0, font.pointSizeF() / 5) if font.pointSizeF() > 0 else 2.0
    marker = max(6.0, widget.fontMetrics().height() * marker_factor)
    return ChartInk(text, grid, palette.color(QPalette.ColorRole.Highlight), QColor(text), line_width, marker)
