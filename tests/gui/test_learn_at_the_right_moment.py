"""The journal and the warning signs: a saved entry links to the pages about its symptoms and shows
urgent actions at once; the journal page says when the person's own early warning signs were
recorded this week; both lead to the right place in the main window."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from caregiver_app.domain.model import SymptomRating, Tag, TagKind
from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal, plans
from caregiver_app.services import warning_signs as library
from caregiver_app.services.warning_signs import Tier

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 10:00 on Monday 30 November in New York


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    return context


@pytest.fixture
def page(qtbot, ctx, person):
    widget = JournalPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.set_person(person)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def save_with_symptom(qtbot, page: JournalPage, name: str, severity: int) -> None:
    editor = page.editor
    row = editor.add_symptom_row(focus=True)
    row.set_value(name, severity)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.problem_label.isVisible(), editor.problem_label.text()
    assert editor.symptom_rows == [] and "Saved the entry" in editor.status_label.text()


def test_hearing_or_seeing_things_shows_a_calm_link_to_the_page(qtbot, page):
    save_with_symptom(qtbot, page, "Hearing or seeing things", 4)
    hints = page.editor.learn_hints
    assert hints.isVisible()
    words = hints.text()
    assert "Learn more about what you recorded" in words
    assert 'href="page:early-psychosis">Early signs of psychosis</a>' in words
    assert any("Hearing or seeing things" in label.text() for label in hints.link_labels)


def test_a_crisis_tier_symptom_shows_the_action_at_once(qtbot, page):
    save_with_symptom(qtbot, page, "Hopelessness", 6)
    hints = page.editor.learn_hints
    words = hints.text()
    us = library.help_words("US")  # the context's country
    assert f"<b>{Tier.CRISIS.label_for(us)}</b>" in words and Tier.CRISIS.action_for(us) in words
    assert "988" in words
    assert "They feel hopeless or trapped" in words
    assert hints.help_buttons and hints.help_buttons[0].text() == "Get help now"
    icons = [label for label in hints.findChildren(type(hints.link_labels[0])) if label.pixmap() and
             not label.pixmap().isNull()]
    assert icons and icons[0].accessibleName() == Tier.CRISIS.label_for(us)  # an icon, with words for screen readers


def test_a_mild_rating_shows_a_gentle_link_and_no_banner(qtbot, page):
    save_with_symptom(qtbot, page, "Hopelessness", 1)
    hints = page.editor.learn_hints
    words = hints.text()
    assert hints.isVisible() and "Learn more about what you recorded" in words and "Suicide risk" in words
    assert not hints.help_buttons
    assert all(t.label not in words for t in (Tier.EMERGENCY, Tier.CRISIS))


def test_a_calm_symptom_shows_no_urgent_action_and_the_next_entry_starts_clean(qtbot, page):
    save_with_symptom(qtbot, page, "Nightmares", 5)
    hints = page.editor.learn_hints
    assert "Sleep changes" in hints.text() and not hints.help_buttons
    assert "Emergency:" not in hints.text() and "Crisis line:" not in hints.text()
    save_with_symptom(qtbot, page, "Itchy elbow", 5)  # no page covers it
    assert not hints.isVisible() and hints.hints.is_empty


def test_links_and_buttons_go_to_the_page_and_to_get_help(qtbot, ctx, person):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    journal_page = window.page_widgets()[window.page_titles().index("Journal")]
    window.show_page(window.page_titles().index("Journal"))
    save_with_symptom(qtbot, journal_page, "Hopelessness", 6)
    hints = journal_page.editor.learn_hints
    hints.link_labels[0].linkActivated.emit("page:suicide-risk")
    library_index = window.page_titles().index("Warning signs")
    assert window.nav.currentRow() == library_index
    assert window.page_widgets()[library_index].current_page_id == "suicide-risk"
    qtbot.mouseClick(hints.help_buttons[0], Qt.MouseButton.LeftButton)
    assert window.get_help.window is not None and window.get_help.window.isVisible()
    window.get_help.close()
    window.lock()
    assert not hints.isVisible() and hints.text() == ""


# --- the person's own early warning signs -----------------------------------------------------------


@pytest.fixture
def sam_plan(ctx, person):
    plan = RelapsePlan(
        person.id,
        early_signs=(
            EarlySign("Up most of the night", LinkKind.SYMPTOM, "Trouble falling asleep", 5),
            EarlySign("Stays in his room", LinkKind.SYMPTOM, "Withdrawing from others"),
            EarlySign("Money worries", LinkKind.STRESSOR, "money worries"),
            EarlySign("Talks very fast"),
        ),
        helps=(PlanItem("A walk with Ana"),),
    )
    return plans.save_relapse_plan(ctx.vault, plan, clock=lambda: NOW)


def add(ctx, person, day: date, **fields):
    draft = journal.EntryDraft(person.id, datetime(day.year, day.month, day.day, 9, 0), **fields)
    journal.save_entry(ctx.vault, draft, clock=lambda: NOW)


def test_the_banner_counts_this_weeks_personal_signs(qtbot, ctx, person, sam_plan):
    add(ctx, person, date(2026, 11, 20), symptoms=(SymptomRating("Withdrawing from others", 8),))  # last week
    add(ctx, person, date(2026, 11, 25), symptoms=(SymptomRating("Trouble falling asleep", 7),))
    add(ctx, person, date(2026, 11, 26), symptoms=(SymptomRating("Trouble falling asleep", 2),))  # too mild
    add(ctx, person, date(2026, 11, 28), tags=(Tag("money worries", TagKind.STRESSOR),))
    page = JournalPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    banner = page.signs_banner
    assert banner.isVisible()
    assert "2 of Sam Rivera's own early warning signs were recorded this week" in banner.text()
    assert "Up most of the night (Wed 25 Nov)" in banner.text() and "Money worries (Sat 28 Nov)" in banner.text()
    assert "Stays in his room" not in banner.text()

    # A new entry updates the banner at once.
    save_with_symptom(qtbot, page, "Withdrawing from others", 3)
    assert "3 of Sam Rivera's own early warning signs were recorded this week" in banner.text()
    page.clear()
    assert not banner.isVisible() and banner.text() == "" and banner.check is None


def test_no_signs_recorded_means_no_banner(qtbot, ctx, person, sam_plan):
    add(ctx, person, date(2026, 11, 29), symptoms=(SymptomRating("Trouble falling asleep", 4),))
    page = JournalPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    assert not page.signs_banner.isVisible()
    assert page.signs_banner.check is not None and page.signs_banner.check.linked == 3


def test_the_banner_links_to_the_plan(qtbot, ctx, person, sam_plan):
    add(ctx, person, date(2026, 11, 30), symptoms=(SymptomRating("Trouble falling asleep", 9),))
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    journal_page = window.page_widgets()[window.page_titles().index("Journal")]
    banner = journal_page.signs_banner
    assert "1 of Sam Rivera's own early warning signs was recorded this week" in banner.text()
    banner.label.linkActivated.emit("plan:relapse")
    plans_page = window.pages.currentWidget()
    assert window.page_titles()[window.nav.currentRow()] == "My plans" and plans_page.tabs.currentIndex() == 0


def test_the_notes_can_be_hidden_and_go_with_the_next_entry(qtbot, page):
    save_with_symptom(qtbot, page, "Cravings", 6)
    hints = page.editor.learn_hints
    assert "Substance use relapse" in hints.text()
    hide = next(b for b in hints.findChildren(type(page.editor.save_button)) if b.accessibleName() == "Hide these notes")
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert not hints.isVisible() and hints.hints is None
    save_with_symptom(qtbot, page, "Cravings", 2)
    assert hints.isVisible()
    page.editor.add_symptom_row()
    page.editor.reset()  # a new entry starts without the last entry's notes
    assert not hints.isVisible()
