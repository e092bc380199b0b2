"""The journal page at large text and in narrow windows (task largetext): at 18 pt in a 1100 x 800
window, and in Spanish at 1200 x 800, the 30-day chart was squeezed into a strip beside the entry
form (a plot 1-38 px wide), its legend cut to "Moo…"/"Slee…" and the window grew past its size.
Now the chart keeps a width in font units, the column goes under the form when both do not fit,
and the legend's words wrap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.app import create_main_window
from support import add_entry


@pytest.fixture
def points_18(qapp):
    app = QApplication.instance()
    normal = QFont(app.font())
    large = QFont(normal)
    large.setPointSizeF(18)
    app.setFont(large)
    yield
    app.setFont(normal)


def journal_at(qtbot, ctx, person, size):
    for i in range(30):
        add_entry(ctx.vault, person, date(2026, 11, 1) + timedelta(days=i), mood=list(MoodLevel)[i % 5],
                  sleep_hours=6 + i % 4)
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = window.go("journal")
    qtbot.waitUntil(lambda: page.chart.summary.text() != "", timeout=2000)
    qtbot.wait(20)
    return window, page


def whole(label: QLabel, inside) -> list[str]:
    """What is cut of ``label``'s words: too narrow or short for them, or outside ``inside``."""
    problems = []
    if label.width() < label.minimumSizeHint().width():
        problems.append(f"{label.text()!r} {label.width()} px wide < {label.minimumSizeHint().width()}")
    if label.height() < label.heightForWidth(label.width()):
        problems.append(f"{label.text()!r} {label.height()} px tall < {label.heightForWidth(label.width())}")
    if not QRect(QPoint(0, 0), inside.size()).contains(QRect(label.mapTo(inside, QPoint(0, 0)), label.size())):
        problems.append(f"{label.text()!r} runs outside the chart")
    return problems


def readable(page) -> list[str]:
    chart = page.chart
    em = chart.fontMetrics().averageCharWidth()
    problems = []
    if chart.width() < 30 * em:
        problems.append(f"the chart is {chart.width()} px wide, {chart.width() / em:.0f} characters")
    if chart.chart.plotArea().width() < 12 * em:  # about 5 px a day at 18 points
        problems.append(f"the plot is {chart.chart.plotArea().width()} px wide")
    if chart.chart.legend().isVisible():  # QtCharts' own legend cuts its words to "Moo…" and never wraps
        problems.append("the legend is QtCharts' own")
    keys = [getattr(chart, name) for name in ("mood_key", "sleep_key") if hasattr(chart, name)]
    for label in (*keys, chart.summary, chart.title):
        problems += whole(label, chart)
    return problems


@pytest.mark.parametrize("size, language", [((1100, 800), "en"), ((1200, 800), "es")])
def test_at_18_points_the_chart_its_legend_and_its_summary_are_whole(qtbot, ctx, person, points_18, size, language,
                                                                     request):
    if language == "es":
        request.getfixturevalue("spanish")
    window, page = journal_at(qtbot, ctx, person, size)
    assert readable(page) == []
    assert window.size().toTuple() == size  # the window did not grow to keep the two side by side
    assert page.splitter.orientation() == Qt.Orientation.Vertical  # the column is under the form
    assert page.editor.body.width() >= page.editor.body.minimumSizeHint().width()  # the form has its width
    assert page.right_scroll.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [(1100, 800), (800, 600)])
def test_at_normal_text_the_chart_stays_beside_the_form_and_whole(qtbot, ctx, person, size):
    _window, page = journal_at(qtbot, ctx, person, size)
    assert page.splitter.orientation() == Qt.Orientation.Horizontal
    chart = page.chart
    assert chart.width() >= chart.least_width()
    for label in (chart.mood_key, chart.sleep_key, chart.summary, chart.title):
        assert whole(label, chart) == []
    if size == (1100, 800):  # as before: the legend on one line under the chart
        assert chart.mood_key.y() == chart.sleep_key.y()


def test_the_column_goes_back_beside_the_form_when_the_window_widens(qtbot, ctx, person, points_18):
    window, page = journal_at(qtbot, ctx, person, (1100, 800))
    assert page.splitter.orientation() == Qt.Orientation.Vertical
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Horizontal, timeout=2000)
    qtbot.wait(20)
    assert page.right_scroll.width() >= page.chart.least_width()
    assert readable(page) == []
    # beside the form, the column cannot be dragged narrower than the chart's least width
    page.splitter.moveSplitter(page.splitter.width() - 50, 1)
    assert page.right_scroll.width() >= page.chart.least_width()


def test_the_legend_says_the_line_styles_in_words_and_keeps_them_for_screen_readers(qtbot, ctx, person):
    _window, page = journal_at(qtbot, ctx, person, (1100, 800))
    chart = page.chart
    assert "solid" in chart.mood_key.text() and "dots" in chart.mood_key.text()
    assert "dashed" in chart.sleep_key.text() and "squares" in chart.sleep_key.text()
    assert chart.view.accessibleName() == "Chart of mood and hours of sleep for the last 30 days"
    assert chart.summary.accessibleName() == "Summary of the chart"
