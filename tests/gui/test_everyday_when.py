"""Issue 18, defect 2: the "When" of a check-in is the time it is saved, not the time the page was
built. The field follows the clock until the user changes it by hand, refreshes when shown, and
has a Now button. Real widgets over a real vault; only the clock is moved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from caregiver_app.domain.model import MoodLevel, SleepQuality
from caregiver_app.gui.journal.caregiver_checkin import CaregiverCheckinPage
from caregiver_app.gui.journal.daily_checkin import DailyCheckinForm
from caregiver_app.services import checkins, journal
from caregiver_app.services.vault import session_of

BUILT = datetime(2026, 11, 30, 2, 24, tzinfo=UTC)
SAVED = datetime(2026, 11, 30, 2, 31, tzinfo=UTC)


class MovingClock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = MovingClock(BUILT)
    context.settings.time_zone = "UTC"
    return context


def test_daily_checkin_is_saved_at_the_time_of_saving(qtbot, ctx, person):
    form = DailyCheckinForm(ctx)
    qtbot.addWidget(form)
    form.set_person(person)
    form.show()
    ctx.clock.moment = SAVED
    form.mood_buttons[int(MoodLevel.OKAY)].setChecked(True)
    form.sleep.setCurrentIndex(form.sleep.findData(int(SleepQuality.FAIR)))
    form.save()
    assert not form.problem_label.isVisible(), form.problem_label.text()
    [entry] = journal.recent_entries(ctx.vault, person.id)
    assert entry.occurred_at.astimezone(UTC) == SAVED


def test_when_catches_up_on_show_and_stops_once_changed_by_hand(qtbot, ctx, person):
    form = DailyCheckinForm(ctx)
    qtbot.addWidget(form)
    form.set_person(person)
    form.show()
    assert form.when_edit.wall() == datetime(2026, 11, 30, 2, 24)
    form.hide()
    ctx.clock.moment = SAVED
    form.show()
    assert form.when_edit.wall() == datetime(2026, 11, 30, 2, 31)
    # A time typed by hand is kept, even when the page is shown again later.
    form.when_edit.setFocus()
    form.when_edit.setCurrentSection(form.when_edit.Section.HourSection)
    qtbot.keyClick(form.when_edit, Qt.Key.Key_Down)
    assert form.when_edit.wall() == datetime(2026, 11, 30, 1, 31)
    ctx.clock.moment = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
    form.hide()
    form.show()
    assert form.when_edit.wall() == datetime(2026, 11, 30, 1, 31)
    # Now puts it back to the clock.
    qtbot.mouseClick(form.when_field.now_button, Qt.MouseButton.LeftButton)
    assert form.when_edit.wall() == datetime(2026, 11, 30, 3, 0)
    assert form.when_field.following


def test_caregiver_checkin_is_saved_at_the_time_of_saving(qtbot, ctx, person):
    page = CaregiverCheckinPage(ctx)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    ctx.clock.moment = SAVED
    page.stress.setValue(4)
    page.save()
    assert not page.problem_label.isVisible(), page.problem_label.text()
    [saved] = checkins.recent_caregiver_checkins(ctx.vault)
    assert saved.occurred_at.astimezone(UTC) == SAVED


def test_split_tags_keeps_one_spelling():
    """Issue 18, defect 6 in the editor: "Walk, walk" is one tag, as first written."""
    from caregiver_app.gui.journal.entry_fields import split_tags

    assert split_tags("Walk, walk , WALK, Cooking") == ["Walk", "Cooking"]


def test_search_offers_to_merge_tags_written_two_ways(qtbot, ctx, person):
    """Issue 18, defect 6: "Cleaning" and "cleaning" left by an old import are offered as one."""
    from caregiver_app.domain.model import Tag
    from caregiver_app.gui.journal.search_panel import SearchPanel
    from caregiver_app.services.journal import EntryDraft
    from caregiver_app.storage.rows.journal import EntryTagRow, TagRow

    entry = journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="tidy",
                                                     tags=(Tag("Cleaning"),)))
    other = journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 11, 28, 9), note="more"))
    with session_of(ctx.vault) as s:  # as an import made before tags were matched ignoring case
        row = TagRow(name="cleaning", kind="activity")
        s.add(row)
        s.flush()
        s.add(EntryTagRow(entry_id=other.id, tag_id=row.id, position=0))
    panel = SearchPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_person(person)
    panel.show()
    assert panel.merge_button.isVisible()
    assert "“Cleaning” and “cleaning”" in panel.spelling_label.text()
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    assert not panel.merge_button.isVisible()
    assert [t.name for t in journal.get_entry(ctx.vault, other.id).tags] == ["Cleaning"]
    assert [t.name for t in journal.get_entry(ctx.vault, entry.id).tags] == ["Cleaning"]
    assert [panel.tag_combo.itemText(i) for i in range(panel.tag_combo.count())] == ["Any tag", "Cleaning (activity)"]


def test_search_says_emoji_alone_are_not_searched(qtbot, ctx, person):
    """Issue 18, defect 5: an emoji typed with a filter said nothing useful and listed everything."""
    from caregiver_app.gui.journal.search_panel import SearchPanel
    from caregiver_app.services.journal import EntryDraft

    journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="calm"))
    panel = SearchPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_person(person)
    panel.show()
    panel.query_edit.setText("🙂")
    panel.run_search()
    assert panel.model.rowCount() == 0
    assert "Emoji and signs on their own are not searched" in panel.result_label.text()


def test_search_points_a_tag_word_to_the_tag_filter(qtbot, ctx, person):
    """Issue 18, defect 5: a tag typed in the box found nothing and said nothing useful."""
    from caregiver_app.domain.model import Tag
    from caregiver_app.gui.journal.search_panel import SearchPanel
    from caregiver_app.services.journal import EntryDraft

    journal.save_entry(ctx.vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="tidy", tags=(Tag("Gardening"),)))
    panel = SearchPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_person(person)
    panel.show()
    panel.query_edit.setText("gardening")
    panel.run_search()
    assert "“Gardening” is a tag. Choose it under Tag" in panel.result_label.text()


def test_search_shows_more_than_the_newest_200(qtbot, ctx, person):
    """Issue 18, defect 5: only the newest 200 hits were reachable, with no "show more"."""
    from caregiver_app.gui.journal.search_panel import SearchPanel
    from caregiver_app.services.journal import EntryDraft, entry_from_draft
    from caregiver_app.storage.repos import journal as repo

    entries = [entry_from_draft(EntryDraft(person.id, datetime(2025, 1, 1, 9) + timedelta(days=i), note=f"walk {i}"))
               for i in range(250)]
    with session_of(ctx.vault) as s:
        repo.bulk_insert_entries(s, entries, datetime(2026, 1, 1, tzinfo=UTC))
    panel = SearchPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_person(person)
    panel.show()
    panel.query_edit.setText("walk")
    panel.run_search()
    assert panel.model.rowCount() == 200 and panel.more_button.isVisible()
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 250 and not panel.more_button.isVisible()
    assert "250 entries found" in panel.result_label.text()
    panel.query_edit.setText("walk 1")  # a new search starts with one page again
    panel.run_search()
    assert panel.model.rowCount() <= 200
