"""Issue 16: the visit summary page shown again with nothing changed builds no PDF; a change to
what it prints builds it exactly once. Real page, real vault, real PDF builds counted."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from caregiver_app.domain.summary import Section
from caregiver_app.gui.common.ops import DRAFTS, JOURNAL, SUMMARY
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.services import journal
from caregiver_app.services import summary as summary_service
from support import NOW


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Every PDF the page builds, counted (the real builder still runs)."""
    made: list[int] = []
    real = summary_service.summary_pdf_bytes

    def counted(*args, **kwargs):
        pdf = real(*args, **kwargs)
        made.append(len(pdf))
        return pdf

    monkeypatch.setattr(summary_service, "summary_pdf_bytes", counted)
    return made


@pytest.fixture
def page(make_page, ctx, person):
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 28, 9, 0), note="Slept well"),
                       clock=lambda: NOW)
    return make_page(SummaryPage, show_first=True)


def switch_away_and_back(page: SummaryPage) -> None:
    page.hide()  # another page of the window is in front
    page.show()


def test_shown_again_with_nothing_changed_builds_nothing(qtbot, page, builds):
    first = page.pdf_bytes()
    assert first is not None and "1 journal entry on 1 day" in page.preview_label.text()
    builds.clear()
    switch_away_and_back(page)
    switch_away_and_back(page)
    assert builds == []
    assert page.pdf_bytes() is first and page.save_button.isEnabled() and page.print_button.isEnabled()
    page.update_button.click()  # nothing typed since: the preview already is the current one
    assert builds == []


def test_a_changed_entry_builds_once_when_the_page_is_shown_again(qtbot, page, builds, ctx, person, make_page):
    builds.clear()
    page.hide()
    journal_page = make_page(JournalPage, active=True)  # the entry editor saves through ops, as in the window
    editor = journal_page.editor
    qtbot.keyClick(editor.mood_buttons[2], Qt.Key.Key_Space)
    qtbot.keyClicks(editor.note, "A new walk by the river")
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert journal.count_entries(ctx.vault, person.id) == 2
    assert builds == []  # hidden: nothing is built until it is shown
    page.show()
    assert len(builds) == 1
    assert "2 journal entries" in page.preview_label.text()
    switch_away_and_back(page)
    assert len(builds) == 1


def test_a_change_while_shown_builds_once(qtbot, page, builds, ctx, person):
    builds.clear()
    draft = journal.EntryDraft(person.id, datetime(2026, 11, 29, 20, 0), note="Quiet evening")
    ctx.ops.write(page, lambda vault: journal.save_entry(vault, draft, clock=lambda: NOW), changes={JOURNAL},
                  person_id=person.id)
    assert len(builds) == 1 and "2 journal entries" in page.preview_label.text()
    switch_away_and_back(page)
    assert len(builds) == 1


def test_writes_of_what_is_not_printed_build_nothing(qtbot, page, builds, ctx, person):
    builds.clear()
    for concept in (DRAFTS, SUMMARY):
        ctx.ops.write(page, lambda vault: None, changes={concept}, person_id=person.id)
    switch_away_and_back(page)
    assert builds == []


def test_a_new_choice_builds_once_and_going_back_builds_again(qtbot, page, builds):
    builds.clear()
    check = page.section_checks[Section.SYMPTOMS]
    check.setChecked(not check.isChecked())
    assert len(builds) == 1
    switch_away_and_back(page)
    assert len(builds) == 1
    check.setChecked(not check.isChecked())  # one preview is kept: the old choice is built again
    assert len(builds) == 2


def test_a_new_day_builds_again(qtbot, page, builds, ctx):
    """The PDF says when it was prepared and the quick ranges end today: a preview from
    yesterday is not shown as today's."""
    builds.clear()
    later = NOW + timedelta(days=1)
    ctx.clock = lambda: later
    switch_away_and_back(page)
    assert len(builds) == 1
