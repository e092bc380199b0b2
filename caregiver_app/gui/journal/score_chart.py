"""PHQ-9 and GAD-7 totals over time (QtCharts): PHQ-9 a solid line with round dots, GAD-7 a dashed
line with square dots, so they differ without colour. Results more than eight weeks apart are not
joined (a gap is shown as a gap). Colours and fonts follow the widget's palette and font."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from ...domain.scores import (
    MAX_GAP_DAYS,
    Instrument,
    ScoreResult,
    change_text,
    score_segments,
)
from ...i18n import N_, _, ngettext
from ..common import formatting
from ..common.chart_common import ChartPanel, apply_palette, date_tick_count, plot_width
from ..common.chart_legend import SQUARE, KeyStyle

SERIES_NAMES = {
    Instrument.PHQ9: N_("PHQ-9 (solid line, round dots)"),
    Instrument.GAD7: N_("GAD-7 (dashed line, square dots)"),
}


def _msecs(day: date) -> float:
    return float(QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch())


def trend_sentence(instrument: Instrument, results: list[ScoreResult]) -> str:
    """``"PHQ-9: latest 8 (mild) on 25 Nov 2026, down 5 since 2 Nov 2026."`` or ``""``."""
    if not results:
        return ""
    latest = results[-1]
    words = {"name": instrument.value, "total": latest.total, "band": latest.band.label,
             "date": formatting.medium_date(latest.taken_on)}
    if len(results) > 1:
        previous = results[-2]
        return _("{name}: latest {total} ({band}) on {date}, {change} since {previous}.").format(
            change=change_text(latest.total - previous.total), previous=formatting.medium_date(previous.taken_on),
            **words)
    return _("{name}: latest {total} ({band}) on {date}.").format(**words)


class ScoreChart(ChartPanel):
    """Call :meth:`set_results` with every result of the person (both questionnaires)."""

    lines_least = 12
    plot_lines_least = 5  # the plot itself never a sliver: the page's column scrolls instead
    plot_columns_least = 22  # the plot's least width beside the form, in average characters

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, _("PHQ-9 and GAD-7 over time"), _("Chart of PHQ-9 and GAD-7 totals over time"),
                         _("Summary of the score chart"))
        self._results: list[ScoreResult] = []
        self.lines: dict[Instrument, list[QLineSeries]] = {i: [] for i in Instrument}
        self.dots: dict[Instrument, QScatterSeries] = {}
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("d MMM yy")
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 27)
        self.y_axis.setTickCount(10)
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(_("Total score"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for axis in self.chart.axes():  # words such as "5 very good" must never become "…"
            axis.setTruncateLabels(False)
        self._rebuild()
        self.chart.plotAreaChanged.connect(self._fit_date_ticks)

    def set_results(self, results: list[ScoreResult]) -> None:
        self._results = sorted(results, key=lambda r: r.taken_on)
        self._rebuild()

    def clear(self) -> None:
        self._results = []
        self._rebuild()

    # --- drawing ------------------------------------------------------------------------
    def _by_instrument(self, instrument: Instrument) -> list[ScoreResult]:
        return [r for r in self._results if r.instrument is instrument]

    def _rebuild(self) -> None:
        self.chart.removeAllSeries()
        self.lines = {i: [] for i in Instrument}
        self.dots = {}
        days = [r.taken_on for r in self._results]
        if days:
            first, last = min(days), max(days)
            pad = max(7, (last - first).days // 20)
            start, end = first - timedelta(days=pad), last + timedelta(days=pad)
        else:
            end = date.today()
            start = end - timedelta(days=90)
        self.x_axis.setRange(QDateTime(datetime.combine(start, time(0))), QDateTime(datetime.combine(end, time(0))))
        self._fit_date_ticks()
        for instrument in Instrument:
            results = self._by_instrument(instrument)
            runs = [[(_msecs(r.taken_on), r.total) for r in run] for run in score_segments(results)]
            self.lines[instrument] = self.add_runs(runs, _(SERIES_NAMES[instrument]), self.x_axis, self.y_axis,
                                                   points_visible=instrument is Instrument.PHQ9)
            if instrument is Instrument.GAD7:
                self.dots[instrument] = self.add_dots(
                    [(_msecs(r.taken_on), r.total) for r in results], _(SERIES_NAMES[instrument]),
                    QScatterSeries.MarkerShape.MarkerShapeRectangle, self.x_axis, self.y_axis)
        # one legend key per questionnaire: the first PHQ-9 line and the GAD-7 square dots
        self.show_keys(((self.lines[Instrument.PHQ9][0], KeyStyle()),
                        (self.dots[Instrument.GAD7], KeyStyle(dashed=True, dot=SQUARE, second=True))))
        self._restyle()
        self._update_summary()

    def least_width(self) -> int:
        """The width (pixels, from the fonts in use) below which the plot is too thin to read
        beside the form: the total axis's words and :attr:`plot_columns_least` characters of plot."""
        labels, title = QFontMetrics(self.y_axis.labelsFont()), QFontMetrics(self.y_axis.titleFont())
        gap = labels.averageCharWidth()
        margins = self.chart.margins()
        left = labels.horizontalAdvance("27") + title.height() + gap * 4  # the totals, their title
        right = labels.horizontalAdvance("29 Sep 26") / 2 + gap * 2  # the last date's overhang
        frame = self.view.frameWidth() * 2 + margins.left() + margins.right()
        return math.ceil(left + right + frame) + gap * self.plot_columns_least

    def _fit_date_ticks(self, _area=None) -> None:
        """At most five dates under the chart, fewer when their words (the language's month names,
        the text size) would print over each other in the plot's width."""
        count = date_tick_count(self.chart, self.x_axis, plot_width(self.chart, self.view), most=5)
        if count != self.x_axis.tickCount():
            self.x_axis.setTickCount(count)

    def _restyle(self) -> None:
        if not hasattr(self, "x_axis"):  # a style or font change while still being built
            return
        ink = apply_palette(self.chart, self, (self.x_axis, self.y_axis))
        self.ink_lines(ink, self.lines[Instrument.PHQ9], self.lines[Instrument.GAD7], self.dots.get(Instrument.GAD7))
        self.legend.set_ink(ink)

    def _update_summary(self) -> None:
        parts = [trend_sentence(i, self._by_instrument(i)) for i in Instrument]
        parts = [p for p in parts if p]
        if not parts:
            text = _("No scores yet. When you save a PHQ-9 or GAD-7 result, it shows here.")
        else:
            weeks = MAX_GAP_DAYS // 7
            text = " ".join(parts) + " " + ngettext("Results more than {count} week apart are not joined by a line.",
                                                    "Results more than {count} weeks apart are not joined by a line.",
                                                    weeks).format(count=weeks)
        self.summary.setText(text)
        self.view.setAccessibleDescription(text)
