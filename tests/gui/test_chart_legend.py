"""Every chart's legend (gui/common/chart_legend.py) on real pages over a real vault: at 18 points
in an 800 px window no key's words are cut (QtCharts' own legend cut "María Fernanda
Castillo-Rodrí…" and "P…"); one key per measure, in step with its series (renamed, hidden);
the style in words for screen readers; the series' ink in light and dark; one legend class for
the Journal, Patterns and Scores charts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating
from caregiver_app.domain.scores import Instrument
from caregiver_app.gui.common.chart_legend import ChartLegend, LegendKey
from caregiver_app.gui.journal import journal_layout
from caregiver_app.gui.journal.mood_chart import MoodChart
from caregiver_app.gui.journal.patterns_page import PatternsPage
from caregiver_app.gui.journal.scores_page import ScoresPage
from caregiver_app.services import scores
from caregiver_app.services.people import add_person
from caregiver_app.services.scores import ScoreDraft
from support import NOW, add_entry, larger_text

TODAY = date(2026, 11, 30)
LONG_NAME = "María Fernanda Castillo-Rodríguez"
SYMPTOM = "Shortness of breath when walking upstairs"


@pytest.fixture
def points_18(qapp):
    with larger_text(qapp, 18 / qapp.font().pointSizeF()):
        yield


@pytest.fixture
def who(vault):
    person = add_person(vault, LONG_NAME)
    for i in range(0, 40, 3):
        day = TODAY - timedelta(days=i)
        add_entry(vault, person, day, mood=list(MoodLevel)[i % 5], symptoms=(SymptomRating(SYMPTOM, i % 10),))
        add_entry(vault, person, day, 20, mood=MoodLevel.GOOD, recorded_by=Recorder.family("Ana"),
                  symptoms=(SymptomRating(SYMPTOM, 3),))
    for k, day in enumerate((date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1))):
        scores.save_score(vault, ScoreDraft(person.id, Instrument.PHQ9, day, (k % 4,) * 8 + (0,)), clock=lambda: NOW)
        scores.save_score(vault, ScoreDraft(person.id, Instrument.GAD7, day, (1,) * 7), clock=lambda: NOW)
    return person


def patterns_chart(make_page, who, size):
    page = make_page(PatternsPage, size, person=who)
    page.tabs.setCurrentIndex(1)
    page.measure_combo.setCurrentIndex(page.measure_combo.count() - 1)  # the long symptom
    QApplication.processEvents()
    assert SYMPTOM in page.chart.title.text()
    return page.chart


def scores_chart(make_page, who, size):
    page = make_page(ScoresPage, size, person=who)
    QApplication.processEvents()
    return page.chart


def cut(key: LegendKey, chart) -> list[str]:
    """What is cut of a key's words: not all of them, not wrapping, too short or narrow for them
    at its width, or outside the chart panel."""
    problems = []
    if not key.wordWrap():
        problems.append(f"{key.text()!r} does not wrap")
    if key.height() < key.heightForWidth(key.width()):
        problems.append(f"{key.text()!r} {key.height()} px tall < {key.heightForWidth(key.width())}")
    if key.width() < key.minimumSizeHint().width():
        problems.append(f"{key.text()!r} {key.width()} px wide < {key.minimumSizeHint().width()}")
    if not QRect(QPoint(0, 0), chart.size()).contains(QRect(key.mapTo(chart, QPoint(0, 0)), key.size())):
        problems.append(f"{key.text()!r} runs outside the chart")
    return problems


def shown_keys(chart) -> list[LegendKey]:
    return [key for key in chart.legend.keys if key.isVisible()]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("which", [patterns_chart, scores_chart])
def test_at_18_points_in_800_px_no_key_is_cut(qtbot, make_page, who, points_18, which, language, request):
    if language == "es":
        request.getfixturevalue("spanish")
    chart = which(make_page, who, (800, 700))
    assert not chart.chart.legend().isVisible()  # QtCharts' own legend cut the names
    keys = shown_keys(chart)
    assert len(keys) == 2
    for key in keys:
        assert key.font().pointSizeF() == 18
        assert key.text() == key.series.name()  # the whole name, never "…"
        assert cut(key, chart) == []


def test_the_patterns_keys_match_their_series_and_follow_them(qtbot, make_page, who):
    chart = patterns_chart(make_page, who, (1100, 800))
    own, family = chart.legend.keys
    assert [own.text(), family.text()] == [chart.own_name(), chart.family_name()]
    assert own.series is chart.own_segments[0] and family.series is chart.family_dots
    assert own.text() == f"{LONG_NAME}'s own entries (solid line, round dots)"
    # the style in words for a screen reader
    assert own.accessibleName() == own.text() and "solid line, round dots" in own.accessibleName()
    assert "dashed line, triangles" in family.accessibleName()
    chart.family_dots.setName("Family, renamed (dashed line, triangles)")
    assert family.text() == family.accessibleName() == "Family, renamed (dashed line, triangles)"
    chart.family_dots.setVisible(False)
    assert not family.isVisible() and own.isVisible()
    chart.family_dots.setVisible(True)
    assert family.isVisible()
    # a new trend draws new series: the same keys follow them
    chart.set_trend(chart.trend, "Sam")
    assert own.series is chart.own_segments[0] and own.text() == "Sam's own entries (solid line, round dots)"
    assert chart.legend.keys == [own, family]


def test_the_scores_keys_say_their_styles(qtbot, make_page, who, spanish):
    chart = scores_chart(make_page, who, (1300, 900))
    names = [key.accessibleName() for key in shown_keys(chart)]
    assert names == ["PHQ-9 (línea continua, círculos)", "GAD-7 (línea de trazos, cuadrados)"]
    assert [key.series for key in chart.legend.keys] == [chart.lines[Instrument.PHQ9][0], chart.dots[Instrument.GAD7]]


@pytest.mark.parametrize("dark", [False, True])
def test_the_keys_are_drawn_in_their_series_ink_light_and_dark(qtbot, make_page, who, qapp, dark):
    old = qapp.palette()
    if dark:
        palette = QPalette(old)
        palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#f1f1f1"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#4ea8ff"))
        qapp.setPalette(palette)
    try:
        chart = scores_chart(make_page, who, (1300, 900))
        phq, gad = chart.legend.keys
        assert phq._colour == chart.lines[Instrument.PHQ9][0].pen().color() == qapp.palette().color(
            QPalette.ColorRole.Highlight)
        assert gad._colour == chart.dots[Instrument.GAD7].color() == qapp.palette().color(QPalette.ColorRole.WindowText)
        assert gad.palette().color(QPalette.ColorRole.WindowText) == qapp.palette().color(QPalette.ColorRole.WindowText)
    finally:
        qapp.setPalette(old)


def test_one_legend_for_every_chart(qtbot, make_page, who):
    mood = MoodChart()
    qtbot.addWidget(mood)
    for chart in (mood, patterns_chart(make_page, who, (1100, 800)), scores_chart(make_page, who, (1300, 900))):
        assert type(chart.legend) is ChartLegend and not chart.chart.legend().isVisible()
    assert [mood.mood_key.series, mood.sleep_key.series] == [mood.mood_segments[0], mood.sleep_dots]
    assert not hasattr(journal_layout, "LegendKey")  # no copy left beside the journal


def test_keys_stay_whole_when_the_window_narrows_and_widens(qtbot, make_page, who, points_18):
    """The legend's least height is its keys' height at its current width (re-asked on each
    width change), so a narrower window wraps them onto more lines without cutting them."""
    chart = scores_chart(make_page, who, (1400, 800))
    page = chart.window()
    heights = {}  # the chart's width -> the legend's height
    for width in (800, 1400, 1100, 800):  # (at 800 px the chart goes under the form, full width)
        page.resize(width, 800)
        qtbot.waitUntil(lambda: all(cut(key, chart) == [] for key in shown_keys(chart)), timeout=2000)
        heights[chart.width()] = chart.legend.height()
    narrow, wide = min(heights), max(heights)
    assert narrow < wide and heights[narrow] >= heights[wide]  # a narrower chart: as many lines or more
    assert all(cut(key, chart) == [] for key in shown_keys(chart))
