"""The visit summary's light read of the journal (``storage/repos/journal_lines``, issue 16) gives
the same printed entries as the journal's own entries: every field, ratings and tags in the order
the entry lists them, tags split by kind, entries of other people and other dates left out."""

from __future__ import annotations

from datetime import date, datetime, timezone

from caregiver_app.domain.model import Elevation, MoodLevel, Recorder, SleepQuality, SymptomRating, Tag, TagKind
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.summary import SummaryRequest, build_summary, leave_out_choices


def _clock():
    return datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


def test_printed_entries_match_the_journal_field_by_field(vault, person):
    other = people.add_person(vault, "Robin")
    ratings = (SymptomRating("Pain (lower back)", 7), SymptomRating("Anxiety", 3), SymptomRating("Fatigue", 0))
    tags = (Tag("Walking", TagKind.ACTIVITY), Tag("Work", TagKind.STRESSOR), Tag("Cooking", TagKind.ACTIVITY),
            Tag("Money", TagKind.STRESSOR))
    drafts = [
        EntryDraft(person.id, datetime(2026, 11, 10, 23, 30), zone_name="Asia/Kolkata", mood=MoodLevel.LOW,
                   anxiety=6, energy=2, sleep_hours=5.25, sleep_quality=SleepQuality.POOR, note="Long day",
                   flag_for_visit=True, symptoms=ratings, tags=tags, elevation=Elevation(2)),
        EntryDraft(person.id, datetime(2026, 11, 10, 8, 5), zone_name="America/New_York",
                   recorded_by=Recorder.family("Ana"), note="Seemed calmer", tags=tags[::-1]),
        EntryDraft(person.id, datetime(2026, 11, 12, 9, 0), zone_name="Europe/Berlin", mood=MoodLevel.GOOD),
        EntryDraft(person.id, datetime(2026, 12, 20, 9, 0), zone_name="Europe/Berlin", note="after the range"),
        EntryDraft(other.id, datetime(2026, 11, 11, 9, 0), zone_name="Europe/Berlin", note="someone else"),
    ]
    for draft in drafts:
        journal.save_entry(vault, draft)
    data = build_summary(vault, SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30)),
                         zone_name="America/Chicago", clock=_clock)
    stored = journal.entries_between(vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [e.entry_id for e in data.entries] == [e.id for e in stored] and len(stored) == 3
    first = next(e for e in data.entries if e.note == "Long day")
    assert [(r.symptom, r.severity) for r in first.symptoms] == [("Pain (lower back)", 7), ("Anxiety", 3),
                                                                 ("Fatigue", 0)]
    assert first.tags == ("Walking", "Cooking") and first.stressors == ("Work", "Money")
    assert (first.mood, first.anxiety, first.energy, first.sleep_hours, first.sleep_quality, first.elevation) == (
        MoodLevel.LOW, 6, 2, 5.25, SleepQuality.POOR, 2)
    assert first.local_time.isoformat() == "23:30:00" and first.flagged and not first.observed
    assert first.recorded_by == f"{person.display_name} (self)"
    family = next(e for e in data.entries if e.note == "Seemed calmer")
    assert family.tags == ("Cooking", "Walking") and family.stressors == ("Money", "Work")
    assert family.observed and family.recorded_by == "Ana (family)" and family.local_time.isoformat() == "08:05:00"
    assert family.mood is None and family.symptoms == () and family.elevation is None
    assert data.other_entry_zones == ("America/New_York", "Asia/Kolkata", "Europe/Berlin")
    choices = leave_out_choices(vault, person.id, date(2026, 11, 1), date(2026, 11, 30), zone_name="America/Chicago")
    assert [c.entry_id for c in choices.entries] == [e.id for e in reversed(stored)]
    assert [(c.local_time.isoformat(), c.recorded_by, c.flagged) for c in choices.entries] == [
        ("09:00:00", f"{person.display_name} (self)", False), ("23:30:00", f"{person.display_name} (self)", True),
        ("08:05:00", "Ana (family)", False)]
    assert choices.symptoms == ("Anxiety", "Fatigue", "Pain (lower back)")
    assert choices.tags == ("Cooking", "Money", "Walking", "Work")
