"""Journal entries saved to and read from a real encrypted vault."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caregiver_app.domain.errors import NotFoundError, ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, SleepQuality, SymptomRating, Tag, TagKind
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft


def draft(person, when, **kw):
    return EntryDraft(person.id, when, zone_name="America/New_York", **kw)


def test_save_edit_delete_restore(vault, person):
    saved = journal.save_entry(
        vault,
        draft(
            person,
            datetime(2026, 11, 3, 21, 15),
            recorded_by=Recorder.family("Ana"),
            mood=MoodLevel.LOW,
            anxiety=7,
            sleep_hours=5.25,
            sleep_quality=SleepQuality.POOR,
            note="Pacing at night.\nWould not eat.",
            flag_for_visit=True,
            symptoms=(SymptomRating("Agitation", 7), SymptomRating("My own symptom", 3)),
            tags=(Tag("money", TagKind.STRESSOR), Tag("walk")),
        ),
    )
    assert saved.id and saved.local_date == date(2026, 11, 3)
    assert saved.recorded_by.describe("Sam") == "Ana (family)"
    assert [s.symptom for s in saved.symptoms] == ["Agitation", "My own symptom"]
    assert "My own symptom" in journal.symptom_choices(vault)
    edited = journal.save_entry(
        vault, draft(person, datetime(2026, 11, 3, 22, 0), mood=MoodLevel.OKAY, note="Calmer later.", entry_id=saved.id)
    )
    assert edited.id == saved.id and edited.mood is MoodLevel.OKAY and edited.symptoms == ()
    gone = journal.take_out(vault, saved.id)
    assert journal.count_entries(vault, person.id) == 0
    with pytest.raises(NotFoundError):
        journal.get_entry(vault, saved.id)
    back = journal.put_back(vault, gone)
    assert back.note == "Calmer later." and journal.count_entries(vault, person.id) == 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({}, "empty"),
        ({"anxiety": 11}, "0 to 10"),
        ({"sleep_hours": 25.0}, "between 0 and 24"),
        ({"symptoms": (SymptomRating("Headache", 2), SymptomRating("headache", 3))}, "twice"),
    ],
)
def test_bad_entries_get_plain_messages_and_save_nothing(vault, person, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        journal.save_entry(vault, draft(person, datetime(2026, 11, 3, 9, 0), **kwargs))
    assert journal.count_entries(vault, person.id) == 0


def test_severity_out_of_range_is_refused():
    with pytest.raises(ValidationError, match="0 to 10"):
        SymptomRating("Headache", 12)


def test_pages_newest_first_without_gaps_or_repeats(vault, person):
    for day in range(1, 29):
        for hour in (8, 20):
            journal.save_entry(vault, draft(person, datetime(2026, 2, day, hour, 0), mood=MoodLevel.OKAY))
    seen, after = [], None
    while True:
        page = journal.recent_entries(vault, person.id, limit=10, after=after)
        if not page:
            break
        seen.extend(page)
        after = page[-1]
    assert len(seen) == 56 == len({e.id for e in seen})
    assert [e.occurred_at for e in seen] == sorted((e.occurred_at for e in seen), reverse=True)


def test_daily_series_has_gaps_not_zeros(vault, person):
    journal.save_entry(vault, draft(person, datetime(2026, 11, 1, 8, 0), mood=MoodLevel.LOW, sleep_hours=6))
    journal.save_entry(vault, draft(person, datetime(2026, 11, 1, 20, 0), mood=MoodLevel.GOOD))
    journal.save_entry(vault, draft(person, datetime(2026, 11, 3, 8, 0), note="no mood today"))
    points = journal.daily_series(vault, person.id, date(2026, 11, 1), date(2026, 11, 4))
    assert [(p.mood, p.sleep_hours, p.entry_count) for p in points] == [
        (3.0, 6.0, 2),
        (None, None, 0),
        (None, None, 1),
        (None, None, 0),
    ]


def test_people_names_are_unique_ignoring_case(vault):
    people.add_person(vault, "Sam Rivera")
    with pytest.raises(ValidationError, match="already someone"):
        people.add_person(vault, "  sam   rivera ")
    assert people.find_person(vault, "SAM RIVERA").display_name == "Sam Rivera"
    people.set_preparer_name(vault, "  Ana   Rivera ")
    assert people.preparer_name(vault) == "Ana Rivera"
