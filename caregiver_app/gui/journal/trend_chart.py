"""A chart of one measure over 2 weeks, 3 months or 1 year (QtCharts).

The person's own entries are a solid line with round dots; a family member's observations a
dashed line with triangles — the legend says so in words, so nothing depends on colour. A day
(or week) with nothing recorded is a gap: each run of recorded points is its own line segment.
Colours and fonts come from the palette and the widget's font (light, dark and large text).
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtWidgets import QWidget

from ...domain.model import MoodLevel
from ...services.patterns import Trend, mood_level
from ..common import formatting
from ..common.chart_common import ChartPanel, apply_palette, segments

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


class TrendChart(ChartPanel):
    """Call :meth:`set_trend` with a ``services.patterns.Trend``."""

    lines_tall = 20

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, "", "Chart", "The chart in words")
        self._trend: Trend | None = None
        self._person_name = ""
        self.own_segments: list[QLineSeries] = []
        self.family_segments: list[QLineSeries] = []
        self.family_dots: QScatterSeries | None = None
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

        self.own_segments = self.add_runs(segments([p.own for p in points]), self.own_name(), self.x_axis, y_axis,
                                          points_visible=True)
        self.family_segments = self.add_runs(segments([p.family for p in points]), self.family_name(), self.x_axis,
                                             y_axis, points_visible=False)
        self.family_dots = self.add_dots([(i, p.family) for i, p in enumerate(points) if p.family is not None],
                                         self.family_name(), QScatterSeries.MarkerShape.MarkerShapeTriangle,
                                         self.x_axis, y_axis)
        self.hide_from_legend(self.own_segments[1:] + self.family_segments)
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

    def _restyle(self) -> None:
        if not hasattr(self, "x_axis"):  # a style or font change while still being built
            return
        ink = apply_palette(self.chart, self, (self.x_axis, self.mood_axis, self.value_axis), marker_factor=0.7)
        half_label = self.fontMetrics().horizontalAdvance("Mar 2026") // 2 + 4
        self.chart.setMargins(QMargins(4, 4, half_label, 4))  # room for the newest day's label
        self.ink_lines(ink, self.own_segments, self.family_segments, self.family_dots, dot_factor=1.2)
