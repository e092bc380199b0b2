"""Time is local and exact in the entry editor and the list: the missing hour is refused in plain
words with a button for the first valid time, the repeated hour is explained and means the first
one, an entry written in another zone keeps its day and clock time, just after midnight in
Auckland, 29 February, and a date that does not exist cannot be chosen."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.journal_model import DAY, ENTRY, KindRole, time_text
from caregiver_app.services import journal
from caregiver_app.services.journal import EntryDraft


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, (1200, 800), active=True)


def choose_time(editor, wall: datetime) -> None:
    """What picking a date and time in the field does (it holds a plain wall-clock time)."""
    editor.when_edit.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute),
                                           QTimeZone.utc()))


def save_by_keyboard(qtbot, editor) -> None:
    qtbot.keyClick(editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def entry_texts(page) -> list[str]:
    return [page.model.index(i).data() for i in range(page.model.rowCount())
            if page.model.index(i).data(KindRole) == ENTRY]


def test_the_missing_hour_is_refused_and_the_next_valid_time_offered(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Up in the night")
    choose_time(editor, datetime(2026, 3, 8, 2, 30))
    hint = editor.time_hint
    assert hint.isVisible() and hint.button.isVisible()
    three = datetime(2026, 3, 8, 3, 0)
    assert f"{time_text(datetime(2026, 3, 8, 2, 30))} did not happen on Sunday 8 March 2026" in hint.label.text()
    assert "the clocks went forward" in hint.label.text()
    assert hint.button.text() == f"Use {time_text(three)}"
    save_by_keyboard(qtbot, editor)
    assert editor.problem_label.isVisible()
    assert "clocks went forward" in editor.problem_label.text() and "03:00" in editor.problem_label.text()
    assert journal.count_entries(ctx.vault, person.id) == 0
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert editor.when() == three and not hint.isVisible()
    save_by_keyboard(qtbot, editor)
    (entry,) = journal.recent_entries(ctx.vault, person.id)
    assert entry.local_date == date(2026, 3, 8) and entry.occurred_at == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)


def test_the_repeated_hour_is_explained_and_means_the_first_one(qtbot, page, ctx, person):
    editor = page.editor
    qtbot.keyClicks(editor.note, "Which 1:30?")
    choose_time(editor, datetime(2026, 11, 1, 1, 30))
    hint = editor.time_hint
    assert hint.isVisible() and not hint.button.isVisible()
    assert "happened twice on Sunday 1 November 2026" in hint.label.text()
    assert "uses the first" in hint.label.text()
    save_by_keyboard(qtbot, editor)
    (entry,) = journal.recent_entries(ctx.vault, person.id)
    assert entry.occurred_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 1:30 EDT, before the change
    choose_time(editor, datetime(2026, 11, 1, 3, 30))
    assert not hint.isVisible()


def test_an_entry_from_another_zone_keeps_its_day_and_clock_time(qtbot, page, ctx, person):
    entry = journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 3, 5, 23, 30), note="Late in New York",
                                                     mood=MoodLevel.OKAY, zone_name="America/New_York"))
    ctx.settings.time_zone = "Europe/Berlin"  # the computer now lives in Berlin (05:30 on the 6th there)
    page.set_person(None)
    page.set_person(person)
    listing = [(page.model.index(i).data(KindRole), page.model.index(i).data()) for i in range(page.model.rowCount())]
    assert listing[0] == (DAY, "Thursday 5 March 2026")
    late = time_text(datetime(2026, 3, 5, 23, 30))
    assert listing[1][1].startswith(f"{late} (New York time) · ")
    page.list_view.setFocus()
    page.list_view.setCurrentIndex(page.model.index(1))
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    editor = page.editor
    assert editor.when() == datetime(2026, 3, 5, 23, 30)
    assert "written in New York time" in editor.time_hint.label.text()
    assert f"Thursday 5 March 2026, {late}" in editor.heading.text()
    qtbot.keyClick(editor.mood_buttons[4], Qt.Key.Key_Space)
    save_by_keyboard(qtbot, editor)
    again = journal.get_entry(ctx.vault, entry.id)
    assert (again.local_date, again.occurred_at, again.zone_name) == (entry.local_date, entry.occurred_at, entry.zone_name)
    assert again.mood is MoodLevel.GOOD
    # A new entry is written in the computer's zone now.
    assert editor.entry_zone_name == "Europe/Berlin" and not editor.time_hint.isVisible()


def test_just_after_midnight_in_auckland_and_29_february(qtbot, page, ctx, person):
    ctx.settings.time_zone = "Pacific/Auckland"
    editor = page.editor
    for wall, note in ((datetime(2026, 11, 30, 0, 5), "Just after midnight"), (datetime(2028, 2, 29, 0, 1), "Leap day")):
        qtbot.keyClicks(editor.note, note)
        choose_time(editor, wall)
        save_by_keyboard(qtbot, editor)
    saved = {e.note: e for e in journal.recent_entries(ctx.vault, person.id)}
    assert saved["Just after midnight"].local_date == date(2026, 11, 30)
    assert saved["Just after midnight"].occurred_at == datetime(2026, 11, 29, 11, 5, tzinfo=UTC)
    assert saved["Leap day"].local_date == date(2028, 2, 29)
    headers = [page.model.index(i).data() for i in range(page.model.rowCount()) if page.model.index(i).data(KindRole) == DAY]
    assert headers == ["Tuesday 29 February 2028", "Monday 30 November 2026"]


def test_a_date_that_does_not_exist_cannot_be_chosen(qtbot, page):
    editor = page.editor
    choose_time(editor, datetime(2027, 2, 28, 9, 0))
    editor.when_edit.setDate(QDate(2027, 2, 29))  # no such day: the field keeps a real date
    assert editor.when() == datetime(2027, 2, 28, 9, 0)
    editor.when_edit.setFocus()
    editor.when_edit.setCurrentSection(editor.when_edit.Section.DaySection)
    qtbot.keyClick(editor.when_edit, Qt.Key.Key_Up)
    assert editor.when().date() == date(2027, 2, 28)  # the last real day of that February
    choose_time(editor, datetime(2028, 2, 28, 9, 0))
    qtbot.keyClick(editor.when_edit, Qt.Key.Key_Up)
    assert editor.when().date() == date(2028, 2, 29)  # a leap year has it
