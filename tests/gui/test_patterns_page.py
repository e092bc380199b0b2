"""The Patterns page on real widgets over a real vault: the month calendar (marks that are not
colour alone, keyboard moves, Enter opens the day in the journal), the charts (2 weeks, 3 months,
1 year; gaps; the two voices told apart without colour) and mood on days with and without."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating, Tag
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.journal.month_calendar import LEGEND, MarkRole, add_months
from caregiver_app.gui.common.ops import JOURNAL
from caregiver_app.gui.journal.patterns_page import PatternsPage
from caregiver_app.services import journal
from support import NOW, add_entry, bulk_add_entries

TODAY = date(2026, 11, 30)


@pytest.fixture
def page(make_page):
    return make_page(PatternsPage, (1100, 800))


def key(qtbot, widget, k, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, k)


def test_calendar_marks_each_day_with_a_number_word_and_shape(qtbot, ctx, vault, person, make_page):
    add_entry(vault, person, TODAY - timedelta(days=2), mood=MoodLevel.VERY_LOW)
    add_entry(vault, person, TODAY - timedelta(days=1), mood=MoodLevel.VERY_GOOD, flag_for_visit=True)
    add_entry(vault, person, TODAY - timedelta(days=1), 20, mood=MoodLevel.GOOD, recorded_by=Recorder.family("Ana"))
    page = make_page(PatternsPage, (1100, 800))
    calendar = page.calendar
    assert calendar.shown_month == (2026, 11) and calendar.selected_date == TODAY
    model = calendar.model
    low, high = model.index_of(TODAY - timedelta(days=2)), model.index_of(TODAY - timedelta(days=1))
    assert model.data(low, MarkRole).level is MoodLevel.VERY_LOW
    spoken = model.data(high, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Sunday 29 November 2026: 2 entries. Mood 5, very good.")
    assert "Sam Rivera's own entries: 5 (very good); family observations: 4 (good)" in spoken
    assert "flagged for the next visit" in spoken
    assert "nothing recorded" in model.data(model.index_of(TODAY - timedelta(days=5)), Qt.ItemDataRole.AccessibleTextRole)
    assert "fuller for a better mood" in calendar.legend.text() and "number" in calendar.legend.text()
    assert calendar.legend.text() == LEGEND
    # The bar is a shape: a day of mood 5 paints far more of its cell in the text colour than mood 1.
    QApplication.processEvents()
    image = calendar.grid.viewport().grab().toImage()
    ink = calendar.grid.palette().color(QPalette.ColorRole.Text)

    def inked(index) -> int:
        rect = calendar.grid.visualRect(index)
        return sum(
            QColor(image.pixel(x, y)) == ink
            for x in range(rect.left(), rect.left() + rect.width() // 3)
            for y in range(rect.top() + rect.height() // 2, rect.bottom())
        )

    assert inked(high) > 2 * inked(low) > 0


def test_calendar_keys_move_days_weeks_and_months_and_load_marks(qtbot, page, vault, person):
    add_entry(vault, person, date(2026, 10, 2), mood=MoodLevel.GOOD)
    grid = page.calendar.grid
    grid.setFocus()
    key(qtbot, grid, Qt.Key.Key_Left)
    assert page.calendar.selected_date == date(2026, 11, 29)
    key(qtbot, grid, Qt.Key.Key_Up)
    assert page.calendar.selected_date == date(2026, 11, 22)
    key(qtbot, grid, Qt.Key.Key_PageUp)
    assert page.calendar.selected_date == date(2026, 10, 22) and page.calendar.shown_month == (2026, 10)
    assert page.calendar.title.text() == "October 2026"
    key(qtbot, grid, Qt.Key.Key_Home)
    assert page.calendar.selected_date == date(2026, 10, 1)
    key(qtbot, grid, Qt.Key.Key_Right)
    assert "Mood 4, good" in page.calendar.details.text()  # the new month's marks were loaded
    key(qtbot, grid, Qt.Key.Key_End)
    assert page.calendar.selected_date == date(2026, 10, 31)
    key(qtbot, grid, Qt.Key.Key_Right)  # across the month's end
    assert page.calendar.selected_date == date(2026, 11, 1) and page.calendar.shown_month == (2026, 11)
    key(qtbot, grid, Qt.Key.Key_PageDown, 2)
    assert page.calendar.selected_date == date(2027, 1, 1)
    assert grid.model().date_at(grid.currentIndex()) == date(2027, 1, 1)
    qtbot.mouseClick(page.calendar.today_button, Qt.MouseButton.LeftButton)
    assert page.calendar.selected_date == TODAY


def test_months_of_different_lengths():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_enter_on_a_day_opens_its_entries_in_the_journal(qtbot, ctx, vault, person):
    from journal_generator import generate_entries

    # about 500 entries over a year: the day is far beyond the first page
    bulk_add_entries(vault, generate_entries(person.id, TODAY, years=1, per_day=2))
    target = date(2026, 2, 14)
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    patterns = window.page_widgets()[window.page_titles().index("Patterns")]
    window.show_page(window.page_titles().index("Patterns"))
    patterns.calendar.set_selected_date(target)
    patterns.calendar.grid.setFocus()
    qtbot.keyClick(patterns.calendar.grid, Qt.Key.Key_Return)
    journal_page = window.page_widgets()[0]
    assert window.pages.currentWidget() is journal_page
    chosen = journal_page.current_entry()
    assert chosen is not None and chosen.local_date == target
    newest_that_day = max((e for e in journal.entries_between(vault, person.id, target, target)),
                          key=lambda e: e.occurred_at)
    assert chosen.id == newest_that_day.id
    assert journal_page.jump_bar.isVisible() and "Saturday 14 February 2026" in journal_page.jump_label.text()
    # Scrolling to the top brings the newer entries in above, one page at a time.
    before = journal_page.model.loaded_entry_count()
    journal_page.list_view.verticalScrollBar().setValue(10)
    journal_page.list_view.verticalScrollBar().setValue(0)
    assert journal_page.model.loaded_entry_count() > before
    assert journal_page.current_entry().id == chosen.id  # still chosen
    journal_page.show_newest()
    assert journal_page.model.index(0).data() == "Monday 30 November 2026"


def test_enter_on_an_empty_day_stays_and_says_so(qtbot, page):
    opened = []
    page.day_chosen.connect(opened.append)
    page.calendar.grid.setFocus()
    qtbot.keyClick(page.calendar.grid, Qt.Key.Key_Return)
    assert opened == []
    assert "nothing recorded, so there are no entries to show" in page.calendar.details.text()


def chart_page(qtbot, page, period: str):
    page.tabs.setCurrentIndex(1)
    page.period_buttons[period].setChecked(True)
    return page.chart


def test_charts_over_three_periods_with_gaps_and_two_voices(qtbot, page, vault, person):
    for back, mood in ((0, MoodLevel.GOOD), (1, MoodLevel.OKAY), (3, MoodLevel.LOW), (40, MoodLevel.VERY_GOOD)):
        add_entry(vault, person, TODAY - timedelta(days=back), mood=mood)
    add_entry(vault, person, TODAY - timedelta(days=1), 20, mood=MoodLevel.VERY_LOW, recorded_by=Recorder.family("Ana"))
    add_entry(vault, person, TODAY - timedelta(days=200), mood=MoodLevel.OKAY)
    chart = chart_page(qtbot, page, "2w")
    assert chart.title.text() == "Mood, last 2 weeks"
    assert [s.count() for s in chart.own_segments] == [1, 2]  # day -3 | days -1 and 0: a gap between
    assert [p.y() for s in chart.own_segments for p in s.points()] == [2, 3, 4]
    assert chart.family_dots.count() == 1 and chart.family_dots.points()[0].y() == 1
    # Told apart without colour: line style, dot shape and the words in the legend.
    assert chart.own_segments[0].pen().style() == Qt.PenStyle.SolidLine and chart.own_segments[0].pointsVisible()
    assert chart.family_segments[0].pen().style() == Qt.PenStyle.DashLine
    assert chart.family_dots.markerShape() == chart.family_dots.MarkerShape.MarkerShapeTriangle
    QApplication.processEvents()
    assert not chart.chart.legend().isVisible()  # the keys under the chart, in words that wrap
    legend = [key.text() for key in chart.legend.keys if key.isVisible()]
    assert legend == ["Sam Rivera's own entries (solid line, round dots)", "Family observations (dashed line, triangles)"]
    assert "A day with nothing recorded is left blank." in chart.summary.text()
    assert "Family observations: average 1 of 5 (very low) over 1 day." in chart.summary.text()
    assert chart.view.accessibleDescription() == chart.summary.text()

    chart = chart_page(qtbot, page, "3m")
    assert len(chart.trend.points) == 91 and chart.trend.own_days == 4
    chart = chart_page(qtbot, page, "1y")
    assert len(chart.trend.points) == 52 and chart.trend.own_days == 5
    assert "Each point is a week's average." in chart.summary.text()


def test_a_symptom_or_sleep_can_be_charted(qtbot, page, vault, person):
    add_entry(vault, person, TODAY, symptoms=(SymptomRating("Headache", 7),), sleep_hours=6.5)
    page.refresh()
    chart = chart_page(qtbot, page, "2w")
    combo = page.measure_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Mood", "Hours of sleep", "Anxiety", "Energy", "Headache (symptom)"]
    combo.setCurrentIndex(4)
    assert chart.title.text() == "Headache (severity 0–10), last 2 weeks"
    assert chart.own_segments[-1].points()[-1].y() == 7
    assert chart.value_axis.isVisible() and not chart.mood_axis.isVisible()
    combo.setCurrentIndex(1)
    assert chart.own_segments[-1].points()[-1].y() == 6.5 and "6.5 hours" in chart.summary.text()


def test_mood_on_days_with_and_without(qtbot, page, vault, person):
    for i in range(12):
        walk = i % 2 == 0
        add_entry(vault, person, TODAY - timedelta(days=i), mood=MoodLevel.GOOD if walk else MoodLevel.LOW,
            tags=(Tag("walk"),) if walk else (), symptoms=(SymptomRating("Headache", 4),) if i < 3 else ())
    page.tabs.setCurrentIndex(2)
    items = [page.compare_list.item(i).text() for i in range(page.compare_list.count())]
    assert items == ["On days with “walk” (activity), mood averaged 4.0 (6 days) vs 2.0 without (6 days)."]
    assert "1 more tag or symptom is not listed because there are too few days" in page.compare_note.text()
    assert "at least 5 days with it and 5 days without it" in page.rule_label.text()
    assert "not the reason for a change" in page.rule_label.text()
    assert "12 days with a mood recorded" in page.compare_intro.text()
    page.whose_combo.setCurrentIndex(2)  # family observations only: none
    assert page.compare_list.count() == 0 and "Nothing to compare yet" in page.compare_note.text()


def test_clear_drops_every_name_and_number(qtbot, page, vault, person):
    add_entry(vault, person, TODAY, mood=MoodLevel.GOOD, symptoms=(SymptomRating("Private ache", 3),))
    page.refresh()
    page.tabs.setCurrentIndex(1)
    page.clear()
    texts = [page.heading.text(), page.calendar.details.text(), page.chart.summary.text(), page.compare_intro.text()]
    texts += [page.measure_combo.itemText(i) for i in range(page.measure_combo.count())]
    assert not any("Sam" in t or "Private ache" in t for t in texts)
    assert page.calendar.model.mark(TODAY) is None and page.chart.trend is None
    assert not page.tabs.isEnabled()


def test_every_control_has_a_name(qtbot, page):
    from test_journal_page import unnamed_controls

    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert unnamed_controls(page) == []


def test_five_years_reach_imported_history(qtbot, page, vault, person):
    """Issue 18, defect 4: charts reach back five years, not one."""
    add_entry(vault, person, TODAY - timedelta(days=4 * 365), mood=MoodLevel.LOW)
    add_entry(vault, person, TODAY, mood=MoodLevel.GOOD)
    page.refresh()
    chart = chart_page(qtbot, page, "1y")
    assert chart.trend.own_days == 1
    chart = chart_page(qtbot, page, "5y")
    assert len(chart.trend.points) == 65 and chart.trend.own_days == 2
    assert chart.trend.start <= TODAY - timedelta(days=4 * 365)
    assert "Each point is the average of 4 weeks." in chart.summary.text()
    assert "A 4-week stretch with nothing recorded is left blank." in chart.summary.text()


def test_a_journal_change_anywhere_refreshes_the_shown_page(qtbot, page, ctx, vault, person):
    """No page-to-page wiring: the page follows ops.changed (JOURNAL) for its person only."""
    add_entry(vault, person, TODAY, mood=MoodLevel.GOOD)
    assert page.calendar.model.mark(TODAY) is None  # nothing said the journal changed yet
    ctx.ops.write(None, lambda v: None, changes={JOURNAL}, person_id=person.id + 1)  # someone else's
    assert page.calendar.model.mark(TODAY) is None
    ctx.ops.write(None, lambda v: None, changes={JOURNAL}, person_id=person.id)
    assert page.calendar.model.mark(TODAY).entries == 1


def test_a_new_day_is_read_when_the_page_is_shown_again(qtbot, ctx, vault, person, make_page):
    ctx.clock = lambda: NOW - timedelta(days=1)
    page = make_page(PatternsPage)
    page.hide()
    add_entry(vault, person, TODAY, mood=MoodLevel.GOOD)  # written today, by nothing the page hears of
    ctx.clock = lambda: NOW
    page.show()
    qtbot.waitExposed(page)
    assert page.calendar.model.mark(TODAY).entries == 1
