"""Issue 18, defect 7: status lines that had gone stale. "Saved the entry …" goes once a new entry
is being written, on New entry and after Undo; a "no entries on …" line goes when the calendar
jumps to a day that has entries."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal
from caregiver_app.services.journal import EntryDraft
from support import bulk_add_entries


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, (1100, 760))


def save_by_keyboard(qtbot, page, text):
    qtbot.keyClicks(page.editor.note, text)
    qtbot.keyClick(page.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_saved_line_goes_when_a_new_entry_is_written(qtbot, page):
    save_by_keyboard(qtbot, page, "Slept well")
    assert page.editor.status_label.isVisible() and "Saved" in page.editor.status_label.text()
    qtbot.keyClicks(page.editor.note, "Next one")
    assert not page.editor.status_label.isVisible()


def test_saved_line_goes_on_new_entry(qtbot, page):
    save_by_keyboard(qtbot, page, "Slept well")
    page.new_entry()
    assert not page.editor.status_label.isVisible()


def test_saved_line_goes_after_undo(qtbot, page, ctx, person):
    save_by_keyboard(qtbot, page, "Slept well")
    page.history.undo_action.trigger()
    assert journal.recent_entries(ctx.vault, person.id) == []
    assert not page.editor.status_label.isVisible()


def test_no_entries_line_goes_when_the_calendar_finds_a_day(qtbot, page, ctx, person):
    old = [EntryDraft(person.id, datetime(2024, 1, day, 9), note=f"old {day}") for day in range(1, 29)]
    new = [EntryDraft(person.id, datetime(2026, 9 + day // 28, 1 + day % 28, 9), note=f"new {day}") for day in range(1, 80)]
    bulk_add_entries(ctx.vault, old + new)
    page.reload()
    page.show_day(date(2024, 2, 5))  # nothing that day
    qtbot.waitUntil(lambda: "no entries on" in page.jump_label.text(), timeout=3000)
    page.show_day(date(2024, 1, 20))  # already loaded below
    assert "no entries" not in page.jump_label.text()


def test_end_in_the_list_reaches_the_oldest_entry(qtbot, ctx, person):
    """Issue 18, defect 4: End in the journal list used to stop at the last page loaded."""
    from caregiver_app.gui.journal.journal_page import JournalPage

    bulk_add_entries(ctx.vault, [EntryDraft(person.id, datetime(2025, month, day, 9), note=f"{month}/{day}")
                                 for day in range(1, 29) for month in (1, 2, 3)])
    page = JournalPage(ctx)
    page.model._page_size = 10  # small pages, so End has several to load
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    assert page.model.canFetchMore()
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_End)
    assert not page.model.canFetchMore()
    assert page.current_entry().note == "1/1"
