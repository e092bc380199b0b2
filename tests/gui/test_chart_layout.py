"""The Scores and Patterns charts at large text and in Spanish, on real pages over a real vault:
at 18 pt in an 800 or 1024 px window the Scores chart goes under the form and its plot keeps a
readable size (it was a 50 px sliver beside the form); the Patterns titles and axis are Spanish
through and through ("(severity 0–10)" and "3 months" stayed English); the dates under a chart
never run into each other ("13 de sep26 de sep" at 18 pt)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCharts import QChart, QDateTimeAxis
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from caregiver_app.gui.journal.patterns_page import PatternsPage
from caregiver_app.gui.journal.scores_page import ScoresPage
from caregiver_app.services import patterns
from test_chart_legend import SYMPTOM, points_18, scores_chart, who  # noqa: F401 (fixtures)

ENGLISH = {"severity", "last", "weeks", "months", "year", "years", "mood", "hours", "sleep", "anxiety", "energy",
           "score", "over", "time", "chart"}


def settle(page) -> None:
    for _ in range(5):
        QApplication.processEvents()


def english_words(text: str) -> set[str]:
    """The words of ``text`` (the person's own symptom name left out) that are English."""
    return {w for w in re.findall(r"\w+", text.replace(SYMPTOM, "").casefold()) if w in ENGLISH}


def placed_labels(chart: QChart, axis) -> list[tuple[str, float]]:
    """The labels under the plot and the x of their centres: a category axis's own labels at
    their values, or a date axis's ticks as QtCharts writes them (the chart's locale, the axis's
    format, ``tickCount`` evenly spaced dates from end to end)."""
    plot = chart.plotArea()
    if isinstance(axis, QDateTimeAxis):
        low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
        count = axis.tickCount()
        return [(chart.locale().toString(QDateTime.fromMSecsSinceEpoch(round(low + i * (high - low) / (count - 1))),
                                         axis.format()), plot.left() + plot.width() * i / (count - 1))
                for i in range(count)]
    span = axis.max() - axis.min()
    return [(label, plot.left() + plot.width() * (axis.endValue(label) - axis.min()) / span)
            for label in axis.categoriesLabels()]


def labels_fit(chart: QChart, axis) -> list[str]:
    """What is wrong with the labels under ``chart``: their widths at the axis font sum to the
    plot's width or more, or two of them overlap."""
    metrics = QFontMetrics(axis.labelsFont())
    placed = [(text, x, metrics.horizontalAdvance(text)) for text, x in placed_labels(chart, axis)]
    texts = [text for text, _x, _w in placed]
    problems = [] if texts else ["no dates under the chart"]
    total = sum(width for _t, _x, width in placed)
    if total >= chart.plotArea().width():
        problems.append(f"{texts} take {total} px of a {chart.plotArea().width():.0f} px plot")
    problems += [f"{a!r} runs into {b!r}" for (a, xa, wa), (b, xb, wb) in zip(placed, placed[1:])
                 if xa + wa / 2 > xb - wb / 2]
    return problems


def patterns_page(make_page, who, width):  # noqa: F811
    page = make_page(PatternsPage, (width, 700), person=who)
    page.tabs.setCurrentIndex(1)
    page.measure_combo.setCurrentIndex(page.measure_combo.count() - 1)  # the symptom
    settle(page)
    return page


@pytest.mark.parametrize("size", [(800, 700), (1024, 700)])
def test_at_18_points_the_scores_chart_goes_under_the_form_with_a_readable_plot(make_page, who, points_18,  # noqa: F811
                                                                               size):
    page = make_page(ScoresPage, size, person=who)
    settle(page)
    assert page.size().toTuple() == size  # the window did not grow
    assert not page.splitter.side_by_side()
    chart = page.chart
    plot, metrics = chart.chart.plotArea(), chart.fontMetrics()
    assert plot.height() >= metrics.height() * 5, plot  # was about 14 px beside the form
    assert plot.width() >= metrics.averageCharWidth() * 22, plot
    assert chart.width() >= page.splitter.width() * 0.9  # the whole width under the form
    form = page.form_scroll
    assert form.viewport().width() >= form.widget().minimumSizeHint().width()  # the form is not cut


def test_the_scores_chart_stays_beside_the_form_in_a_wide_window(make_page, who, points_18):  # noqa: F811
    page = make_page(ScoresPage, (1400, 700), person=who)
    settle(page)
    assert page.splitter.side_by_side()
    assert page.chart.width() >= page.chart.least_width()
    form = page.form_scroll
    assert form.viewport().width() >= form.widget().minimumSizeHint().width()


def test_the_spanish_chart_titles_hold_no_english(make_page, who, spanish, points_18):  # noqa: F811
    for kind in ("mood", "sleep", "anxiety", "energy"):
        for period in patterns.PERIODS:
            title = period.title_for(patterns.Measure(kind))
            assert english_words(title) == set(), title
    page = patterns_page(make_page, who, 1000)
    chart = page.chart
    for key, words in (("2w", "últimas 2 semanas"), ("3m", "últimos 3 meses"), ("1y", "último año"),
                       ("5y", "últimos 5 años")):
        page.period_buttons[key].setChecked(True)
        settle(page)
        assert chart.title.text() == f"{SYMPTOM} (intensidad 0–10), {words}"
        for text in (chart.title.text(), chart.value_axis.titleText(), chart.view.accessibleName(),
                     *chart.x_axis.categoriesLabels()):
            assert english_words(text) == set(), text
    scores = scores_chart(make_page, who, (1400, 700))
    for text in (scores.title.text(), scores.y_axis.titleText()):
        assert english_words(text) == set(), text


@pytest.fixture(params=["en", "es"])
def text_sizes(request, qapp):
    """In English and Spanish, a function that sets the application font to each size in turn:
    the usual one, 18 and 24 points."""
    if request.param == "es":
        request.getfixturevalue("spanish")
    old = qapp.font()

    def sizes():
        for points in (old.pointSizeF(), 18, 24):
            font = qapp.font()
            font.setPointSizeF(points)
            qapp.setFont(font)
            yield points

    yield sizes
    qapp.setFont(old)


def test_the_dates_under_the_patterns_chart_fit_at_any_size(make_page, who, text_sizes):  # noqa: F811
    for points in text_sizes():
        page = patterns_page(make_page, who, 800)
        for key in page.period_buttons:
            page.period_buttons[key].setChecked(True)
            settle(page)
            assert labels_fit(page.chart.chart, page.chart.x_axis) == [], (points, key)
        page.close()


def test_the_dates_under_the_scores_chart_fit_at_any_size(make_page, who, text_sizes):  # noqa: F811
    for points in text_sizes():
        for width in (800, 1400):
            chart = scores_chart(make_page, who, (width, 700))
            settle(chart)
            assert labels_fit(chart.chart, chart.x_axis) == [], (points, width)
            chart.window().close()


def test_at_18_points_in_a_short_window_the_patterns_plot_keeps_five_lines(make_page, who, points_18):  # noqa: F811
    """The title, the legend and the summary had left the plot a 50 px sliver: the tab scrolls."""
    page = patterns_page(make_page, who, 800)
    chart = page.chart
    assert page.height() == 700
    assert chart.chart.plotArea().height() >= chart.fontMetrics().height() * 5, chart.chart.plotArea()
