"""The person's daily check-in (a journal entry) and the caregiver's own check-in (kept apart)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, SleepQuality
from caregiver_app.services import checkins, journal, summary
from caregiver_app.services.checkins import CaregiverCheckinDraft, DailyCheckin

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def test_daily_checkin_becomes_a_journal_entry(vault, person):
    saved = checkins.save_daily_checkin(
        vault, DailyCheckin(person.id, datetime(2026, 11, 30, 20, 0), mood=MoodLevel.GOOD,
                            sleep_quality=SleepQuality.FAIR, worry=3, energy=6), clock=lambda: NOW)
    assert saved.source == "checkin"
    entry = journal.get_entry(vault, saved.id)
    assert (entry.mood, entry.sleep_quality, entry.anxiety, entry.energy) == (MoodLevel.GOOD, SleepQuality.FAIR, 3, 6)
    assert entry.local_date == date(2026, 11, 30)
    with pytest.raises(ValidationError, match="at least one question"):
        checkins.save_daily_checkin(vault, DailyCheckin(person.id, datetime(2026, 11, 30, 20, 0)))


CAREGIVER_WORDS = "I need one evening off this week — Ηλίας could cover"


def test_caregiver_checkin_is_kept_apart_from_the_persons_record(vault, person):
    saved = checkins.save_caregiver_checkin(
        vault, CaregiverCheckinDraft(datetime(2026, 11, 30, 21, 30), 8, 5.5, SleepQuality.POOR, CAREGIVER_WORDS,
                                     caregiver_name="Maria"), clock=lambda: NOW)
    assert (saved.stress, saved.sleep_hours, saved.needs, saved.caregiver_name) == (8, 5.5, CAREGIVER_WORDS, "Maria")
    assert checkins.recent_caregiver_checkins(vault) == [saved]
    # nothing of it reaches the person's journal or visit summary
    assert journal.count_entries(vault, person.id) == 0
    data = summary.build_summary(vault, summary.SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30)))
    assert CAREGIVER_WORDS not in repr(data) and "Maria" not in repr(data)


def test_caregiver_checkin_needs_a_stress_rating_and_can_be_corrected_deleted_restored(vault):
    with pytest.raises(ValidationError, match="how stressed"):
        checkins.save_caregiver_checkin(vault, CaregiverCheckinDraft(datetime(2026, 11, 30, 9, 0), None))
    with pytest.raises(ValidationError, match="0 to 10"):
        checkins.save_caregiver_checkin(vault, CaregiverCheckinDraft(datetime(2026, 11, 30, 9, 0), 11))
    saved = checkins.save_caregiver_checkin(vault, CaregiverCheckinDraft(datetime(2026, 11, 29, 9, 0), 4))
    fixed = checkins.save_caregiver_checkin(
        vault, CaregiverCheckinDraft(datetime(2026, 11, 29, 9, 0), 5, checkin_id=saved.id))
    assert fixed.id == saved.id and fixed.stress == 5
    old = checkins.delete_caregiver_checkin(vault, saved.id)
    assert checkins.recent_caregiver_checkins(vault) == []
    back = checkins.restore_caregiver_checkin(vault, old)
    assert back.stress == 5
