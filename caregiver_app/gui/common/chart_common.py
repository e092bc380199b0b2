"""What every QtCharts chart in the app shares: a quiet chart in a view, a text summary beside it
for screen readers, colours and fonts taken from the system palette (light or dark) and the
widget's font, so a chart follows the user's theme and text size, and (:class:`ChartPanel`) the
title/chart/legend/summary widget with the line runs, dots and legend keys every chart draws the
same way (the legend is :mod:`.chart_legend`'s, under the chart: QtCharts' own is hidden)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .chart_legend import ChartLegend, KeyStyle


def make_chart(parent: QWidget, accessible_name: str) -> tuple[QChart, QChartView]:
    """A chart without animation or rounded corners, in an anti-aliased view reachable with Tab.
    QtCharts' own legend is hidden: it never wraps and cut long names ("Moo…"); the
    :class:`~.chart_legend.ChartLegend` under the view says them whole."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
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


def segments(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Runs of consecutive days that have a value, as ``(day index, value)`` pairs. A ``None``
    (or NaN) ends a run, so an empty day becomes a gap between segments."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for i, value in enumerate(values):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            if current:
                runs.append(current)
                current = []
        else:
            current.append((i, float(value)))
    if current:
        runs.append(current)
    return runs


# --- how many labels fit under a chart -------------------------------------------------------
# Labels under the plot are centred on their points: when their words (at the axis font, in the
# language in force) are wider than the room between points they print over each other ("13 de
# sep26 de sep" in Spanish at 18 pt). Each label gets its own width plus a gap of two characters.


def plot_width(chart: QChart, view: QWidget) -> float:
    """The plot's width in pixels; before QtCharts has laid the chart out, a guess from the view."""
    return chart.plotArea().width() or view.width() * 0.7


def category_step(labels: Sequence[str], font: QFont, width: float, least: int = 1) -> int:
    """Every how many points (``labels``: one per point, oldest first) a category axis can name
    in ``width`` pixels without the labels running into each other: at least ``least``."""
    if not labels:
        return least
    metrics = QFontMetrics(font)
    room = max(metrics.horizontalAdvance(text) for text in labels) + metrics.averageCharWidth() * 2
    step = max(1, least)
    while step < len(labels) and math.ceil(len(labels) / step) * room > width:
        step += 1
    return step


def date_tick_count(chart: QChart, axis: QDateTimeAxis, width: float, most: int) -> int:
    """How many dates (2 to ``most``) ``axis`` can print side by side in ``width`` pixels: the
    labels are made as QtCharts makes them (the chart's locale, the axis's format)."""
    metrics = QFontMetrics(axis.labelsFont())
    gap = metrics.averageCharWidth() * 2
    low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
    for count in range(most, 2, -1):
        ticks = (QDateTime.fromMSecsSinceEpoch(round(low + i * (high - low) / (count - 1))) for i in range(count))
        if sum(metrics.horizontalAdvance(chart.locale().toString(t, axis.format())) + gap for t in ticks) <= width:
            return count
    return 2


_RESTYLE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange,
                   QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange)


class ChartPanel(QWidget):
    """A bold title, the chart, its legend (``legend``: keys whose words wrap) and the chart said in
    words (``summary``), restyled whenever the palette, font or style changes. Subclasses build
    their axes, then draw their series with :meth:`add_runs` and :meth:`add_dots`, name one series
    per key with :meth:`show_keys` and colour them in :meth:`_restyle` with :meth:`ink_lines`.
    ``lines_tall``/``lines_least``: the preferred and least height, in lines of text;
    ``plot_lines_least``: the least height of the plot itself (inside the axes), in lines of text,
    for a chart on a page that scrolls when the window is shorter (0: none)."""

    lines_tall = 18
    lines_least = 14
    plot_lines_least = 0

    def __init__(self, parent: QWidget | None, title: str, view_name: str, summary_name: str):
        super().__init__(parent)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.chart, self.view = make_chart(self, view_name)
        self.legend = ChartLegend(self)
        self.summary = make_summary_label(self, summary_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        self._keep_plot_readable()

    def _keep_plot_readable(self) -> None:
        # The axis labels and the chart's margins take their room first and the plot gets what is
        # left, so a short window squashed it to a few pixels. The view keeps room for them (about
        # 7 lines of text, at any text size, as when QtCharts' legend was inside it) and a plot of
        # ``plot_lines_least`` lines; below that the page scrolls instead.
        if self.plot_lines_least:
            self.view.setMinimumHeight(self.fontMetrics().height() * (self.plot_lines_least + 7))
        else:
            # The chart's least height is ``lines_least`` lines (:meth:`minimumSizeHint`) and the
            # view takes what the words around it leave: with its own least height (a scroll
            # area's 68 px) the legend's wrapped lines were added on top, and at 1.6 times the
            # text the Scores page no longer fitted a 700 px tall window.
            self.view.setMinimumHeight(self.fontMetrics().height())

    def sizeHint(self):  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        hint.setHeight(max(hint.height(), self.fontMetrics().height() * self.lines_tall))
        return hint

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        least = self.fontMetrics().height() * self.lines_least
        if self.width() > 0:  # the title and the summary wrap: as many lines as this width needs
            least = max(least, self.layout().minimumHeightForWidth(self.width()))
        hint.setHeight(max(hint.height(), least))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width may wrap the words onto more or fewer lines

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() in _RESTYLE_EVENTS:
            self._restyle()
            self._keep_plot_readable()
        super().changeEvent(event)

    def _restyle(self) -> None:
        """Colours from the palette, fonts from the widget, sizes in step with the text."""

    def add_runs(self, runs: Iterable[Sequence[tuple[float, float]]], name: str, x_axis: QAbstractAxis,
                 y_axis: QAbstractAxis, *, points_visible: bool) -> list[QLineSeries]:
        """One line series per run of ``(x, y)`` points; no run at all still makes one empty
        series, which a legend key can stand for."""
        made = []
        for run in list(runs) or [[]]:
            series = QLineSeries()
            series.setPointsVisible(points_visible)
            made.append(self._add(series, name, run, x_axis, y_axis))
        return made

    def add_dots(self, points: Iterable[tuple[float, float]], name: str, shape: QScatterSeries.MarkerShape,
                 x_axis: QAbstractAxis, y_axis: QAbstractAxis) -> QScatterSeries:
        """Dots of ``shape`` (told apart from the other series without colour)."""
        dots = QScatterSeries()
        dots.setMarkerShape(shape)
        return self._add(dots, name, points, x_axis, y_axis)

    def _add(self, series, name: str, points: Iterable[tuple[float, float]], x_axis: QAbstractAxis,
             y_axis: QAbstractAxis):
        series.setName(name)
        series.replace([QPointF(x, y) for x, y in points])
        self.chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        return series

    def show_keys(self, entries: Sequence[tuple[QAbstractSeries, KeyStyle]]) -> None:
        """One legend key per measure, each standing for one of its series (the other segments of
        the same line share it), drawn in its style."""
        self.legend.show_series(entries)

    @staticmethod
    def ink_lines(ink: ChartInk, solid: Iterable[QLineSeries], dashed: Iterable[QLineSeries],
                  dots: QScatterSeries | None, *, dot_factor: float = 1.0) -> None:
        """The solid line (with round dots) in the first colour, the dashed line and its own dots
        in the second. (The legend's keys take the same ink: :meth:`ChartLegend.set_ink`.)"""
        for series in solid:
            series.setPen(QPen(ink.first, ink.line_width, Qt.PenStyle.SolidLine))
            series.setMarkerSize(ink.marker / 2)  # a line series draws its dots with this as the radius
        for series in dashed:
            series.setPen(QPen(ink.second, ink.line_width, Qt.PenStyle.DashLine))
        if dots is not None:
            dots.setMarkerSize(ink.marker * dot_factor)
            dots.setColor(ink.second)
            dots.setBorderColor(ink.second)
