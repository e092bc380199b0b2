"""PHQ-9 and GAD-7 on real widgets and a real vault: entry by number keys, the total and its
published band, the item-9 crisis help shown at once and the score flagged, the list with the
change since the previous score, the chart with gaps, and the daily check-in (not a test)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from support import NOW, mnemonic_clashes

from caregiver_app.domain.model import MoodLevel, SleepQuality
from caregiver_app.domain.scores import Instrument
from caregiver_app.gui.common.ops import CHECKINS, JOURNAL
from caregiver_app.gui.journal.score_chart import SERIES_NAMES
from caregiver_app.gui.journal.scores_page import ScoresPage
from caregiver_app.services import journal, scores
from caregiver_app.services.scores import ScoreDraft


@pytest.fixture
def page(make_page):
    return make_page(ScoresPage, (1300, 900), active=True)


def type_answers(qtbot, page, answers):
    """Type the answers as digits, starting on item 1 (each digit moves on to the next item)."""
    first = page.form._radios[0][0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    for value in answers:
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, str(value))


def saved(ctx, person):
    return scores.list_scores(ctx.vault, person.id)


def list_rows(page):
    return [[page.list.topLevelItem(i).text(c) for c in range(page.list.columnCount())]
            for i in range(page.list.topLevelItemCount())]


def test_names_the_form_says_where_it_is_free_and_cites_the_bands(page):
    about = page.form.about.text()
    assert "Over the last 2 weeks" in about and "phqscreeners.com" in about and "Pfizer" in about
    assert "3 nearly every day" in about
    assert "Kroenke, Spitzer & Williams" in page.form.bands_label.text()
    assert "0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe" in page.form.bands_label.text()
    labels = [label.text() for label in page.form._item_labels]
    # the form's own wording (issue 18, defect 12), so no paper form is needed
    assert labels[0] == "1. Little interest or pleasure in doing things"
    assert labels[8] == "9. Thoughts that you would be better off dead or of hurting yourself in some way"
    page.form.instrument_buttons[Instrument.GAD7].click()
    assert len(page.form._item_labels) == 7
    assert "Spitzer, Kroenke, Williams & Löwe" in page.form.bands_label.text()
    assert "15–21 severe" in page.form.bands_label.text()


def test_phq9_by_number_keys_total_and_band(qtbot, page, ctx, person):
    type_answers(qtbot, page, [2, 2, 1, 2, 1, 1, 1, 0])
    assert page.form.total_label.text() == "Total so far: 10 of 27 (1 item still to answer)"
    assert QApplication.focusWidget() in page.form._radios[8]  # on item 9 now
    qtbot.keyClick(QApplication.focusWidget(), "0")
    assert page.form.total_label.text() == "Total: 10 of 27 — moderate"
    assert not page.form.crisis.isVisible()
    assert page.form.note.hasFocus()  # the last digit moves on to the note
    qtbot.keyClick(page.form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [result] = saved(ctx, person)
    assert (result.instrument, result.answers, result.total, result.flag_for_visit) == (
        Instrument.PHQ9, (2, 2, 1, 2, 1, 1, 1, 0, 0), 10, False)
    assert list_rows(page) == [["30 Nov 2026", "PHQ-9", "10 of 27", "moderate", "first score", "Sam Rivera (self)", ""]]
    assert "Saved: PHQ-9 10 of 27, moderate" in page.status_label.text()
    assert page.form.answers() == (None,) * 9  # ready for the next one


def test_item_nine_above_zero_shows_crisis_help_at_once_and_flags_the_score(qtbot, page, ctx, person):
    shown = []
    page.form.crisis_shown.connect(lambda: shown.append(True))
    page.form.answer(9, 1)  # before anything else: the help shows the moment it is chosen
    assert page.form.crisis.isVisible() and shown == [True]
    text = page.form.crisis.full_text()
    assert "Call or text 988" in text and "call 911" in text and "Thank you" in text
    assert page.form.flag.isChecked() and not page.form.flag.isEnabled()
    page.form.answer(9, 0)
    assert not page.form.crisis.isVisible() and page.form.flag.isEnabled()
    type_answers(qtbot, page, [1, 1, 1, 1, 1, 1, 1, 1, 2])
    assert page.form.crisis.isVisible() and shown == [True, True]
    page.save()
    [result] = saved(ctx, person)
    assert result.needs_crisis_help and result.flag_for_visit
    assert "Please also tell the care team today" in page.status_label.text()
    assert list_rows(page)[0][-1] == "⚑ item 9 above 0"
    trend = scores.scores_in_period(ctx.vault, person.id, date(2026, 11, 1), date(2026, 11, 30))[0]
    assert trend.flagged == (result,)


def test_unanswered_items_are_named_and_nothing_is_saved(qtbot, page, ctx, person):
    page.form.instrument_buttons[Instrument.GAD7].click()
    for item, value in ((1, 1), (2, 2), (4, 1)):
        page.form.answer(item, value)
    page.save()
    assert page.problem_label.isVisible() and "item 3" in page.problem_label.text()
    assert saved(ctx, person) == []


def test_list_shows_change_since_the_previous_score_and_family_recorder(qtbot, page, ctx, person):
    scores.save_score(ctx.vault, ScoreDraft(person.id, Instrument.PHQ9, date(2026, 10, 1), (2,) * 8 + (0,)),
                      clock=lambda: NOW)
    page.reload()
    page.form.family_radio.setChecked(True)
    qtbot.keyClicks(page.form.family_name, "Maria")
    page.form.taken_on.setDate(QDate(2026, 11, 20))
    type_answers(qtbot, page, [1, 1, 1, 1, 1, 1, 1, 1, 0])
    page.save()
    rows = list_rows(page)
    assert rows[0] == ["20 Nov 2026", "PHQ-9", "8 of 27", "mild", "down 8", "Maria (family)", ""]
    assert rows[1][4] == "first score"
    assert "PHQ-9: latest 8 (mild) on 20 Nov 2026, down 8 since 1 Oct 2026." in page.chart.summary.text()


def test_change_and_delete_a_score(qtbot, page, ctx, person, modals):
    scores.save_score(ctx.vault, ScoreDraft(person.id, Instrument.GAD7, date(2026, 11, 2), (1,) * 7), clock=lambda: NOW)
    page.reload()
    page.list.setCurrentItem(page.list.topLevelItem(0))
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.form.instrument is Instrument.GAD7 and page.form.answers() == (1,) * 7
    assert page.cancel_button.isVisible() and page.save_button.text() == "&Save changes"
    page.form.answer(7, 3)
    page.save()
    assert [r.total for r in saved(ctx, person)] == [9]
    page.list.setCurrentItem(page.list.topLevelItem(0))
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete score").click())
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert saved(ctx, person) == [] and page.list.topLevelItemCount() == 0


def test_chart_draws_both_questionnaires_and_breaks_the_line_at_long_gaps(qtbot, page, ctx, person):
    for day, answers in ((date(2026, 3, 1), (2,) * 9), (date(2026, 3, 20), (1,) * 9),
                         (date(2026, 9, 1), (1,) * 8 + (0,)), (date(2026, 9, 15), (0,) * 9)):
        scores.save_score(ctx.vault, ScoreDraft(person.id, Instrument.PHQ9, day, answers), clock=lambda: NOW)
    scores.save_score(ctx.vault, ScoreDraft(person.id, Instrument.GAD7, date(2026, 9, 1), (1,) * 7), clock=lambda: NOW)
    page.reload()
    chart = page.chart
    phq = chart.lines[Instrument.PHQ9]
    assert [[(p.y()) for p in s.points()] for s in phq] == [[18, 9], [8, 0]]  # two runs: a gap, not a line
    assert [p.y() for p in chart.dots[Instrument.GAD7].points()] == [7]
    QApplication.processEvents()
    assert not chart.chart.legend().isVisible()  # the keys under the chart, in words that wrap
    names = [key.text() for key in chart.legend.keys if key.isVisible()]
    assert names == [SERIES_NAMES[Instrument.PHQ9], SERIES_NAMES[Instrument.GAD7]]
    assert "not joined by a line" in chart.summary.text()


def test_daily_checkin_is_not_a_test_and_lands_in_the_journal(qtbot, page, ctx, person):
    changed = []
    ctx.ops.changed.connect(lambda change: changed.append(change.touches(JOURNAL) and change.touches(CHECKINS)))
    page.tabs.setCurrentIndex(1)
    daily = page.daily
    assert any("not a medical test" in label.text() for label in daily.findChildren(type(page.heading)))
    qtbot.keyClick(daily.mood_buttons[4], Qt.Key.Key_Space)
    daily.sleep.setCurrentIndex(daily.sleep.findData(int(SleepQuality.FAIR)))
    daily.worry.setFocus(Qt.FocusReason.TabFocusReason)  # tabbing in selects the "Choose" text
    qtbot.keyClicks(daily.worry, "3")
    daily.energy.setValue(6)
    assert daily.energy.text() == "6" and daily.worry.text() == "3"
    qtbot.keyClick(daily.worry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not daily.problem_label.isVisible(), daily.problem_label.text()
    [entry] = journal.recent_entries(ctx.vault, person.id)
    assert (entry.mood, entry.sleep_quality, entry.anxiety, entry.energy, entry.source) == (
        MoodLevel.GOOD, SleepQuality.FAIR, 3, 6, "checkin")
    assert changed == [True] and "It is in the journal now" in daily.status_label.text()
    daily.save()  # nothing answered now
    assert "at least one question" in daily.problem_label.text()


def test_no_two_controls_share_a_shortcut_letter(page):
    assert mnemonic_clashes(page) == {}
    page.tabs.setCurrentIndex(1)
    assert mnemonic_clashes(page) == {}


def test_lock_clears_scores_and_names(qtbot, page, ctx, person):
    scores.save_score(ctx.vault, ScoreDraft(person.id, Instrument.GAD7, date(2026, 11, 2), (1,) * 7), clock=lambda: NOW)
    page.reload()
    page.form.answer(9, 2) if page.form.instrument is Instrument.PHQ9 else None
    page.clear()
    assert page.list.topLevelItemCount() == 0 and not page.form.crisis.isVisible()
    assert "Sam" not in page.heading.text() and "Sam" not in page.form.person_radio.text()
    assert page.chart.lines[Instrument.PHQ9][0].count() == 0 and not page.isEnabled()


def test_item_nine_help_sits_at_the_top_with_help_and_the_plan_one_click_away(qtbot, ctx, vault, person):
    """Issue 18, defect 12: the item-9 response is at the top of the form, above the items, fully
    in view, and Get help now and the safety plan are one click away."""
    from caregiver_app.gui.app import create_main_window
    from caregiver_app.gui.warning_signs.plans_page import PlansPage

    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    scores = next(p for p in window.page_widgets() if isinstance(p, ScoresPage))
    window.show_page(window.page_widgets().index(scores))
    scores.form.answer(9, 1)
    qtbot.waitUntil(scores.form.crisis.isVisible, timeout=2000)
    assert scores.form.crisis.y() < scores.form.items_box.y()
    viewport = scores.form_scroll.viewport()
    top = scores.form.crisis.mapTo(viewport, scores.form.crisis.rect().topLeft())
    assert top.y() >= 0  # its top is in view after it appears
    qtbot.mouseClick(scores.form.crisis.safety_plan_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.pages.currentWidget(), PlansPage)
    qtbot.mouseClick(scores.form.crisis.get_help_button, Qt.MouseButton.LeftButton)
    assert window.get_help.window is not None and window.get_help.window.isVisible()
    window.get_help.window.close()
