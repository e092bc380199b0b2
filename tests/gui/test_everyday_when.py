"""Issue 18, defect 2: the "When" of a check-in is the time it is saved, not the time the page was
built. The field follows the clock until the user changes it by hand, refreshes when shown, and
has a Now button. Real widgets over a real vault; only the clock is moved."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from caregiver_app.domain.model import MoodLevel, SleepQuality
from caregiver_app.gui.caregiver_checkin import CaregiverCheckinPage
from caregiver_app.gui.daily_checkin import DailyCheckinForm
from caregiver_app.services import checkins, journal

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
