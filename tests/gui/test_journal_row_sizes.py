"""The journal list measures each row once per width (issue 16: measuring every loaded row at every
layout pass was the largest part of showing the journal after unlock), and the sizes still follow
the words and the list's width."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.journal.entry_delegate import EntryDelegate
from caregiver_app.gui.journal.journal_model import FIRST_PAGE
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal
from support import bulk_add_entries

LONG = "A long walk by the river with my sister, then soup and an early night. " * 4


def _count_measures(monkeypatch) -> list[int]:
    measured: list[int] = []
    original = EntryDelegate._measure

    def measure(self, option, index, width, style):
        measured.append(index.row())
        return original(self, option, index, width, style)

    monkeypatch.setattr(EntryDelegate, "_measure", measure)
    return measured


def _fill(ctx, person, count: int) -> None:
    start = datetime(2026, 11, 30, 21, 0)
    bulk_add_entries(ctx.vault, [journal.EntryDraft(person.id, start - timedelta(hours=9 * i), mood=MoodLevel.OKAY,
                                                    note=LONG if i == 0 else f"day {i}") for i in range(count)])


def _height(page: JournalPage, row: int) -> int:
    return page.list_view.visualRect(page.model.index(row)).height()


def test_each_row_is_measured_once_while_a_long_journal_appears(qtbot, monkeypatch, make_page, ctx, person):
    _fill(ctx, person, 120)  # more than the list can show: the scroll bar comes in
    measured = _count_measures(monkeypatch)
    page = make_page(JournalPage, (900, 700))
    for _ in range(5):
        QApplication.processEvents()
    assert page.list_view.verticalScrollBar().isVisible()
    rows = page.model.rowCount()
    assert page.model.loaded_entry_count() == FIRST_PAGE and rows > FIRST_PAGE  # entries and day headings
    assert sorted(measured) == list(range(rows))  # once each, although the list laid them out more than once


def test_sizes_follow_the_words_and_the_width(qtbot, monkeypatch, make_page, ctx, person):
    _fill(ctx, person, 3)
    page = make_page(JournalPage, (1200, 700))
    QApplication.processEvents()
    long_row, short_row = 1, 3  # under the first day's heading: the long note; the next entry is short
    assert "A long walk" in page.model.index(long_row).data() and "Note: day " in page.model.index(short_row).data()
    wide = _height(page, long_row)
    assert wide > _height(page, short_row)
    measured = _count_measures(monkeypatch)
    # narrower (the list still beside the form; narrower still, it would go under the form, full
    # width): the long note wraps onto more lines, every row is measured again
    page.resize(700, 700)
    qtbot.waitUntil(lambda: _height(page, long_row) > wide)
    assert set(measured) == set(range(page.model.rowCount()))
    measured.clear()
    page.model.reload()  # read again: the rows are measured again, once
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.list_view.doItemsLayout()
    assert sorted(measured) == list(range(page.model.rowCount()))


def test_the_page_reads_a_screenful_first_and_the_rest_as_the_list_scrolls(qtbot, make_page, ctx, person):
    _fill(ctx, person, 250)
    page = make_page(JournalPage, (900, 700))
    assert page.model.loaded_entry_count() == FIRST_PAGE  # a smaller first read: the journal shows sooner
    bar = page.list_view.verticalScrollBar()
    for _ in range(10):  # scrolling to the end reads the following pages, a full page at a time
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        if page.model.loaded_entry_count() == 250:
            break
    assert page.model.loaded_entry_count() == 250
    assert not page.model.canFetchMore()
