"""A chart of one measure over 2 weeks, 3 months or 1 year (QtCharts).

The person's own entries are a solid line with round dots; a family member's observations a
dashed line with triangles — the legend says so in words, so nothing depends on colour. A day
(or week) with nothing recorded is a gap: each run of recorded points is its own line segment.
Colours and fonts come from the palette and the widget's font (light, dark and large text).
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QCategoryAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.model import MoodLevel
from ...services.patterns import Trend, mood_level
from ..common import formatting
from ..common.chart_common import apply_palette, make_chart, make_summary_label
from .mood_chart import segments

OWN_STYLE = "solid line, round dots"
FAMILY_STYLE = "dashed line, triangles"


def _number(value: float) -> str:
    return formatting.decimal_text(value, 1)


def _value_words(trend: Trend, value: float) -> str:
    if trend.measure.kind == "mood":
        return f"{_number(value)} of 5 ({mood_level(value).label})"
    if trend.measure.kind == "sleep":
        return f"{_number(value)} hours"
    return f"{_number(value)} of 10"


def trend_summary(trend: Trend, person_name: str) -> str:
    """The chart in words (shown under it and read by screen readers)."""
    own = f"{person_name}'s own entries" if person_name else "Own entries"
    unit = {7: "week", 28: "4-week stretch"}.get(trend.period.bucket_days, "day")
    parts = []
    if trend.own_mean is not None:
        parts.append(f"{own}: average {_value_words(trend, trend.own_mean)} over {_count(trend.own_days, 'day')}.")
    else:
        parts.append(f"{own}: nothing recorded.")
    if trend.family_mean is not None:
        parts.append(
            f"Family observations: average {_value_words(trend, trend.family_mean)} over "
            f"{_count(trend.family_days, 'day')}."
        )
    else:
        parts.append("Family observations: nothing recorded.")
    if unit == "week":
        parts.append("Each point is a week's average.")
    elif unit != "day":
        parts.append("Each point is the average of 4 weeks.")
    if any(p.own is None or p.family is None for p in trend.points):
        parts.append(f"A {unit} with nothing recorded is left blank.")
    return " ".join(parts)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class TrendChart(QWidget):
    """Call :meth:`set_trend` with a ``services.patterns.Trend``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._trend: Trend | None = None
        self._person_name = ""
        self.own_segments: list[QLineSeries] = []
        self.family_segments: list[QLineSeries] = []
        self.family_dots: QScatterSeries | None = None

        self.title = QLabel(self)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.chart, self.view = make_chart(self, "Chart")
        self.summary = make_summary_label(self, "The chart in words")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.mood_axis = QCategoryAxis()
        self.mood_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for level in MoodLevel:
            self.mood_axis.append(f"{level.value} {level.label}", level.value)
        self.mood_axis.setRange(0.5, 5.5)
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.mood_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        for axis in self.chart.axes():  # words such as "5 very good" must never become "…"
            axis.setTruncateLabels(False)
        self._rebuild()

    # --- public -------------------------------------------------------------------------
    @property
    def trend(self) -> Trend | None:
        return self._trend

    def set_trend(self, trend: Trend, person_name: str = "") -> None:
        self._trend = trend
        self._person_name = person_name
        self._rebuild()

    def clear(self) -> None:
        """Forget every value and name (the vault locked)."""
        self._trend = None
        self._person_name = ""
        self._rebuild()

    def own_name(self) -> str:
        who = f"{self._person_name}'s own entries" if self._person_name else "Own entries"
        return f"{who} ({OWN_STYLE})"

    @staticmethod
    def family_name() -> str:
        return f"Family observations ({FAMILY_STYLE})"

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(max(hint.height(), self.fontMetrics().height() * 20))
        return hint

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setHeight(max(hint.height(), self.fontMetrics().height() * 14))
        return hint

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange,
                            QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange):
            self._restyle()
        super().changeEvent(event)

    # --- drawing ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        trend = self._trend
        self.chart.removeAllSeries()
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        points = list(trend.points) if trend is not None else []
        count = len(points)
        self.x_axis.setRange(-0.5, max(count, 1) - 0.5)
        weekly = trend is not None and trend.period.bucket_days >= 7  # label points by month
        step = max(1, math.ceil(count / 7))
        for i in sorted(range(count - 1, -1, -step)):  # the newest point, then every step back
            day = points[i].end
            self.x_axis.append(formatting.month_year(day.year, day.month, short=True) if weekly
                               else formatting.medium_date(day, year=False), i)
        is_mood = trend is None or trend.measure.kind == "mood"
        y_axis = self.mood_axis if is_mood else self.value_axis
        self.mood_axis.setVisible(is_mood)
        self.value_axis.setVisible(not is_mood)
        if trend is not None and not is_mood:
            low, high = trend.measure.value_range
            if trend.measure.kind == "sleep":
                seen = [v for p in points for v in (p.own, p.family) if v is not None]
                high = max(12.0, math.ceil(max(seen, default=0.0) / 2) * 2)
            self.value_axis.setRange(low, high)
            self.value_axis.setTickCount(int(high - low) // 2 + 1 if high - low <= 24 else 7)
        y_title = trend.measure.label if trend is not None else "Mood"
        y_axis.setTitleText(y_title)

        self.own_segments = self._add_runs([p.own for p in points], self.own_name(), y_axis, dashed=False)
        self.family_segments = self._add_runs([p.family for p in points], self.family_name(), y_axis, dashed=True)
        dots = QScatterSeries()
        dots.setName(self.family_name())
        dots.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        for i, p in enumerate(points):
            if p.family is not None:
                dots.append(QPointF(i, p.family))
        self.chart.addSeries(dots)
        dots.attachAxis(self.x_axis)
        dots.attachAxis(y_axis)
        self.family_dots = dots
        for series in self.own_segments[1:] + self.family_segments:
            for legend_marker in self.chart.legend().markers(series):
                legend_marker.setVisible(False)
        if trend is not None:
            self.title.setText(f"{trend.measure.label}, last {trend.period.label}")
            text = trend_summary(trend, self._person_name)
        else:
            self.title.setText("Chart")
            text = ""
        self.summary.setText(text)
        self.view.setAccessibleName(f"Chart of {self.title.text().lower()}" if trend is not None else "Chart")
        self.view.setAccessibleDescription(text)
        self._restyle()

    def _add_runs(self, values, name: str, y_axis, *, dashed: bool) -> list[QLineSeries]:
        made = []
        for run in segments(values) or [[]]:  # an empty series keeps the legend entry
            series = QLineSeries()
            series.setName(name)
            series.setPointsVisible(not dashed)
            series.replace([QPointF(i, v) for i, v in run])
            self.chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(y_axis)
            made.append(series)
        return made

    def _restyle(self) -> None:
        if not hasattr(self, "x_axis"):
            return
        ink = apply_palette(self.chart, self, (self.x_axis, self.mood_axis, self.value_axis), marker_factor=0.7)
        own_colour, family_colour, width, marker = ink.first, ink.second, ink.line_width, ink.marker
        half_label = self.fontMetrics().horizontalAdvance("Mar 2026") // 2 + 4
        self.chart.setMargins(QMargins(4, 4, half_label, 4))  # room for the newest day's label
        for series in self.own_segments:
            series.setPen(QPen(own_colour, width, Qt.PenStyle.SolidLine))
            series.setMarkerSize(marker / 2)
        for series in self.family_segments:
            series.setPen(QPen(family_colour, width, Qt.PenStyle.DashLine))
        if self.family_dots is not None:
            self.family_dots.setMarkerSize(marker * 1.2)
            self.family_dots.setColor(family_colour)
            self.family_dots.setBorderColor(family_colour)
