"""The 30-day mood and sleep chart (QtCharts).

Mood (1–5, named on the axis) is a solid line with round dots; hours of sleep (second axis) a
dashed line with square dots, so the two differ without colour. A day with nothing recorded is a
gap: each run of recorded days is its own line segment, never a drop to zero. Colours and fonts
come from the widget's palette and font, so light, dark and large-text settings carry over.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFontMetrics

from ...domain.model import MoodLevel
from ...domain.summary import DayPoint
from ...i18n import N_, _, ngettext
from ..common import formatting
from ..common.chart_common import ChartPanel, apply_palette, segments
from ..common.chart_legend import SQUARE, KeyStyle, LegendKey

__all__ = ["MoodChart", "segments"]

MOOD_NAME = N_("Mood (solid, dots)")
SLEEP_NAME = N_("Sleep (dashed, squares)")  # the axis says "Hours of sleep"; short enough to fit at 1024 x 700


def _mood_word(value: float) -> str:
    return MoodLevel(min(5, max(1, round(value)))).label


class MoodChart(ChartPanel):
    """Mood and sleep per day over a range of days; call :meth:`set_points` with the
    ``DayPoint`` list from ``services.journal.daily_series``."""

    plot_lines_least = 12  # the five mood words and the hours side by side; the journal's column scrolls
    plot_columns_least = 12  # the plot's least width, in average characters: 30 days stay apart

    def __init__(self, parent=None):
        super().__init__(parent, _("Mood and sleep, last 30 days"),
                         _("Chart of mood and hours of sleep for the last 30 days"), _("Summary of the chart"))
        self._points: list[DayPoint] = []
        self._step = 1
        self.mood_segments: list[QLineSeries] = []
        self.sleep_segments: list[QLineSeries] = []
        self.sleep_dots: QScatterSeries | None = None
        self._build_axes()
        self._rebuild()
        self.chart.plotAreaChanged.connect(self._on_plot_area_changed)
        self.view.installEventFilter(self)

    # --- public -------------------------------------------------------------------------
    def set_points(self, points: Sequence[DayPoint]) -> None:
        """Draw one point per day; ``None`` values are gaps."""
        self._points = list(points)
        if self._points:
            days = len(self._points)
            self.title.setText(ngettext("Mood and sleep, last {count} day", "Mood and sleep, last {count} days",
                                        days).format(count=days))
        self._rebuild()

    def clear(self) -> None:
        """Forget every value (the vault locked)."""
        if not self._points:  # drawn empty already (a page built before the unlock)
            return
        self._points = []
        self._rebuild()

    @property
    def mood_key(self) -> LegendKey:
        return self.legend.keys[0]

    @property
    def sleep_key(self) -> LegendKey:
        return self.legend.keys[1]

    def least_width(self) -> int:
        """The width (pixels, from the fonts in use) below which the plot is too thin to read:
        the axes' words, and :attr:`plot_columns_least` characters of plot."""
        left, _top, right, _bottom = self.plot_room()
        return math.ceil(left + right) + self.fontMetrics().averageCharWidth() * self.plot_columns_least

    def _keep_plot_readable(self) -> None:
        # The legend is under the view (the keys), not in it: around the plot the view needs room
        # for the axes' words only (:meth:`plot_room`: about 4 lines; 5 keeps the plot near its old
        # height at normal text), not ChartPanel's 7, which made the journal's column scroll.
        self.view.setMinimumHeight(self.fontMetrics().height() * (self.plot_lines_least + 5))

    # --- drawing ------------------------------------------------------------------------
    def _build_axes(self) -> None:
        """The three axes live as long as the chart; only their labels and ranges change."""
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.mood_axis = QCategoryAxis()
        self.mood_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.mood_axis.setRange(0.5, 5.5)
        for level in MoodLevel:
            self.mood_axis.append(_("{number} {mood}").format(number=level.value, mood=level.label), level.value)
        # No "Mood" title beside the levels: QtCharts places it by its own guess at the labels'
        # width and, at large text, draws it over "4 good". The levels name themselves, the
        # legend names the line, and the chart's title says "Mood and sleep".
        self.mood_axis.setTitleVisible(False)
        self.sleep_axis = QValueAxis()
        self.sleep_axis.setLabelFormat("%d")
        self.sleep_axis.setTitleText(_("Hours of sleep"))
        self.sleep_axis.setGridLineVisible(False)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.mood_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.sleep_axis, Qt.AlignmentFlag.AlignRight)
        for axis in self.chart.axes():  # words such as "5 very good" must never become "…"
            axis.setTruncateLabels(False)

    def _rebuild(self) -> None:
        """Replace the series and the day labels with ones for ``self._points``."""
        self.chart.removeAllSeries()
        self._label_days()
        max_sleep = max((p.sleep_hours for p in self._points if p.sleep_hours is not None), default=0.0)
        top = max(12, math.ceil(max_sleep / 2) * 2)
        self.sleep_axis.setRange(0, top)
        self.sleep_axis.setTickCount(top // 2 + 1 if top <= 24 else 7)

        self.mood_segments = self.add_runs(segments([p.mood for p in self._points]), _(MOOD_NAME), self.x_axis,
                                           self.mood_axis, points_visible=True)
        self.sleep_segments = self.add_runs(segments([p.sleep_hours for p in self._points]), _(SLEEP_NAME),
                                            self.x_axis, self.sleep_axis, points_visible=False)
        self.sleep_dots = self.add_dots(
            [(i, p.sleep_hours) for i, p in enumerate(self._points) if p.sleep_hours is not None], _(SLEEP_NAME),
            QScatterSeries.MarkerShape.MarkerShapeRectangle, self.x_axis, self.sleep_axis)
        # The legend under the chart, in words that wrap (QtCharts' own cut "Mood (solid, dots)"
        # to "Moo…" in a narrow column or at large text): side by side while they fit.
        self.show_keys(((self.mood_segments[0], KeyStyle()),
                        (self.sleep_dots, KeyStyle(dashed=True, dot=SQUARE, second=True))))
        self._restyle()
        self._update_summary()

    def _label_days(self) -> None:
        """Name the last day, then every ``step`` days back (:meth:`_day_step`)."""
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        days = len(self._points)
        self.x_axis.setRange(-0.5, max(days, 1) - 0.5)
        step = self._step = self._day_step()
        for i in sorted(range(days - 1, -1, -step)):  # the last day, then every step days back
            self.x_axis.append(formatting.medium_date(self._points[i].day, year=False), i)

    def _day_step(self) -> int:
        """7, 2 or 1 by how many days show; more when the day labels would not fit side by side
        (large text, a narrow window) and run into each other."""
        days = len(self._points)
        step = 7 if days > 14 else 2 if days > 6 else 1
        if days:
            metrics = QFontMetrics(self.x_axis.labelsFont())
            room = max(metrics.horizontalAdvance(formatting.medium_date(p.day, year=False)) for p in self._points)
            room += metrics.averageCharWidth() * 2
            width = self.chart.plotArea().width() or self.view.width() * 0.7
            step = max(step, math.ceil(days / max(1, int(width // room))))
        return step

    def _on_plot_area_changed(self, _area) -> None:
        if self._points and self._day_step() != self._step:
            self._label_days()

    def _restyle(self) -> None:
        if not hasattr(self, "x_axis"):  # a style or font change while still being built
            return
        ink = apply_palette(self.chart, self, (self.x_axis, self.mood_axis, self.sleep_axis))
        self.ink_lines(ink, self.mood_segments, self.sleep_segments, self.sleep_dots)
        self.legend.set_ink(ink)
        self._fit_plot_area()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_plot_area(event.size().width(), event.size().height())
        return False

    def plot_room(self) -> tuple[float, float, float, float]:
        """The room (left, top, right, bottom, in pixels) the axes' words and the legend need
        around the plot, from the fonts in use. QtCharts sizes a category axis by guesswork and,
        at large text in a narrow window, squeezes "5 very good" under the "Mood" title."""
        labels, titles = QFontMetrics(self.mood_axis.labelsFont()), QFontMetrics(self.mood_axis.titleFont())
        gap = labels.averageCharWidth()
        margins = self.chart.margins()
        words = max(labels.horizontalAdvance(text) for text in self.mood_axis.categoriesLabels())
        hours = max(labels.horizontalAdvance(str(value)) for value in (0, int(self.sleep_axis.max())))
        legend = self.chart.legend()
        legend_height = legend.effectiveSizeHint(Qt.SizeHint.PreferredSize).height() if legend.isVisible() else 0
        left = margins.left() + words + 2 * gap
        right = margins.right() + titles.height() + hours + 2 * gap
        top = margins.top() + labels.height()
        bottom = margins.bottom() + labels.height() + gap + legend_height + gap
        return left, top, right, bottom

    def _fit_plot_area(self, width: float | None = None, height: float | None = None) -> None:
        """Give the plot what is left once the axes' words and the legend have their room."""
        width = self.view.width() if width is None else width
        height = self.view.height() if height is None else height
        left, top, right, bottom = self.plot_room()
        plot = QRectF(left, top, max(1.0, width - left - right), max(1.0, height - top - bottom))
        if plot != self.chart.plotArea():
            self.chart.setPlotArea(plot)

    def _update_summary(self) -> None:
        points = self._points
        if not points:
            self.summary.setText("")
            self.view.setAccessibleDescription("")
            return
        recorded = [p for p in points if p.entry_count]
        moods = [p.mood for p in points if p.mood is not None]
        sleeps = [p.sleep_hours for p in points if p.sleep_hours is not None]
        parts = [_("Entries on {count} of the last {days} days.").format(count=len(recorded), days=len(points))]
        if moods:
            average = sum(moods) / len(moods)
            parts.append(_("Average mood: {mood} ({number} of 5).").format(mood=_mood_word(average),
                                                                           number=formatting.one_decimal(average)))
        if sleeps:
            parts.append(_("Average sleep: {hours} hours.").format(hours=formatting.one_decimal(sum(sleeps) / len(sleeps))))
        if len(recorded) < len(points):
            parts.append(_("Days with no entry are left blank."))
        text = " ".join(parts)
        self.summary.setText(text)
        self.view.setAccessibleDescription(text)
