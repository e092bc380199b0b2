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
from ...i18n import N_, _, ngettext
from ...services.patterns import Trend, mood_level
from ..common import formatting
from ..common.chart_common import ChartPanel, apply_palette, category_step, plot_width, segments
from ..common.chart_legend import TRIANGLE, KeyStyle

OWN_STYLE = N_("solid line, round dots")
FAMILY_STYLE = N_("dashed line, triangles")


def _number(value: float) -> str:
    return formatting.decimal_text(value, 1)


def _value_words(trend: Trend, value: float) -> str:
    if trend.measure.kind == "mood":
        return _("{number} of 5 ({mood})").format(number=_number(value), mood=mood_level(value).label)
    if trend.measure.kind == "sleep":
        return _("{number} hours").format(number=_number(value))
    return _("{number} of 10").format(number=_number(value))


def trend_summary(trend: Trend, person_name: str) -> str:
    """The chart in words (shown under it and read by screen readers)."""
    bucket = trend.period.bucket_days
    parts = []
    if trend.own_mean is not None:
        value, days = _value_words(trend, trend.own_mean), trend.own_days
        if person_name:
            parts.append(ngettext("{name}'s own entries: average {value} over {count} day.",
                                  "{name}'s own entries: average {value} over {count} days.", days).format(
                name=person_name, value=value, count=days))
        else:
            parts.append(ngettext("Own entries: average {value} over {count} day.",
                                  "Own entries: average {value} over {count} days.", days).format(value=value, count=days))
    else:
        parts.append(_("{name}'s own entries: nothing recorded.").format(name=person_name) if person_name
                     else _("Own entries: nothing recorded."))
    if trend.family_mean is not None:
        value, days = _value_words(trend, trend.family_mean), trend.family_days
        parts.append(ngettext("Family observations: average {value} over {count} day.",
                              "Family observations: average {value} over {count} days.", days).format(
            value=value, count=days))
    else:
        parts.append(_("Family observations: nothing recorded."))
    if bucket == 7:
        parts.append(_("Each point is a week's average."))
    elif bucket == 28:
        parts.append(_("Each point is the average of 4 weeks."))
    if any(p.own is None or p.family is None for p in trend.points):
        parts.append(_("A week with nothing recorded is left blank.") if bucket == 7
                     else _("A 4-week stretch with nothing recorded is left blank.") if bucket == 28
                     else _("A day with nothing recorded is left blank."))
    return " ".join(parts)


class TrendChart(ChartPanel):
    """Call :meth:`set_trend` with a ``services.patterns.Trend``."""

    lines_tall = 20
    plot_lines_least = 5  # the plot itself never a sliver: the Charts tab scrolls instead

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, "", _("Chart"), _("The chart in words"))
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
            self.mood_axis.append(_("{number} {mood}").format(number=level.value, mood=level.label), level.value)
        self.mood_axis.setRange(0.5, 5.5)
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.mood_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        for axis in self.chart.axes():  # words such as "5 very good" must never become "…"
            axis.setTruncateLabels(False)
        self._step = 0
        self._rebuild()
        self.chart.plotAreaChanged.connect(self._label_points)

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
        if self._person_name:
            return _("{name}'s own entries ({style})").format(name=self._person_name, style=_(OWN_STYLE))
        return _("Own entries ({style})").format(style=_(OWN_STYLE))

    @staticmethod
    def family_name() -> str:
        return _("Family observations ({style})").format(style=_(FAMILY_STYLE))

    # --- drawing ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        trend = self._trend
        self.chart.removeAllSeries()
        self._step = 0  # new points: label them afresh
        points = list(trend.points) if trend is not None else []
        count = len(points)
        self.x_axis.setRange(-0.5, max(count, 1) - 0.5)
        self._label_points()
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
        y_title = trend.measure.label if trend is not None else _("Mood")
        y_axis.setTitleText(y_title)

        self.own_segments = self.add_runs(segments([p.own for p in points]), self.own_name(), self.x_axis, y_axis,
                                          points_visible=True)
        self.family_segments = self.add_runs(segments([p.family for p in points]), self.family_name(), self.x_axis,
                                             y_axis, points_visible=False)
        self.family_dots = self.add_dots([(i, p.family) for i, p in enumerate(points) if p.family is not None],
                                         self.family_name(), QScatterSeries.MarkerShape.MarkerShapeTriangle,
                                         self.x_axis, y_axis)
        self.show_keys(((self.own_segments[0], KeyStyle()),
                        (self.family_dots, KeyStyle(dashed=True, dot=TRIANGLE, second=True))))
        if trend is not None:
            self.title.setText(trend.period.title_for(trend.measure))
            text = trend_summary(trend, self._person_name)
        else:
            self.title.setText(_("Chart"))
            text = ""
        self.summary.setText(text)
        self.view.setAccessibleName(_("Chart of {what}").format(what=self.title.text().lower()) if trend is not None
                                    else _("Chart"))
        self.view.setAccessibleDescription(text)
        self._restyle()

    def _point_words(self) -> list[str]:
        """Each point's label, oldest first: its month when a point is a week or more, else its day."""
        trend = self._trend
        if trend is None:
            return []
        weekly = trend.period.bucket_days >= 7
        return [formatting.month_year(p.end.year, p.end.month, short=True) if weekly
                else formatting.medium_date(p.end, year=False) for p in trend.points]

    def _label_points(self, _area=None) -> None:
        """Name the newest point, then every ``step`` points back: about 7 labels, fewer when their
        words (the language's, at the text size) would run into each other in the plot's width."""
        words = self._point_words()
        step = category_step(words, self.x_axis.labelsFont(), plot_width(self.chart, self.view),
                             least=max(1, math.ceil(len(words) / 7)))
        if step == self._step:  # (a new trend sets 0)
            return
        self._step = step
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        for i in sorted(range(len(words) - 1, -1, -step)):  # the newest point, then every step back
            self.x_axis.append(words[i], i)

    def _restyle(self) -> None:
        if not hasattr(self, "x_axis"):  # a style or font change while still being built
            return
        ink = apply_palette(self.chart, self, (self.x_axis, self.mood_axis, self.value_axis), marker_factor=0.7)
        newest = (self._point_words() or ["Mar 2026"])[-1]  # in the language in force ("30 de nov")
        half_label = max(self.fontMetrics().horizontalAdvance(text) for text in ("Mar 2026", newest)) // 2 + 4
        self.chart.setMargins(QMargins(4, 4, half_label, 4))  # room for the newest day's label
        self.ink_lines(ink, self.own_segments, self.family_segments, self.family_dots, dot_factor=1.2)
        self.legend.set_ink(ink)
