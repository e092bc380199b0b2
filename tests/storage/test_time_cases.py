"""Time is local and exact, through the services and a real vault, in fixed zones: entries just
after midnight, the clock changes (missing hour refused with the next valid time, repeated hour
taken as the first), a computer that moves to another zone, 29 February and impossible dates."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from caregiver_app.domain import timeutil
from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel
from caregiver_app.services import journal, patterns, search
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.search import SearchQuery

UTC = timezone.utc

# zone, (just after midnight -> UTC), (skipped -> first valid), (repeated -> UTC of the first one)
ZONES = [
    ("America/New_York",
     (datetime(2026, 11, 30, 0, 5), datetime(2026, 11, 30, 5, 5, tzinfo=UTC)),
     (datetime(2026, 3, 8, 2, 30), datetime(2026, 3, 8, 3, 0)),
     (datetime(2026, 11, 1, 1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC))),
    ("Europe/Berlin",
     (datetime(2026, 7, 1, 0, 5), datetime(2026, 6, 30, 22, 5, tzinfo=UTC)),
     (datetime(2026, 3, 29, 2, 30), datetime(2026, 3, 29, 3, 0)),
     (datetime(2026, 10, 25, 2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC))),
    ("Pacific/Auckland",
     (datetime(2026, 11, 30, 0, 5), datetime(2026, 11, 29, 11, 5, tzinfo=UTC)),
     (datetime(2026, 9, 27, 2, 30), datetime(2026, 9, 27, 3, 0)),
     (datetime(2026, 4, 5, 2, 30), datetime(2026, 4, 4, 13, 30, tzinfo=UTC))),
]


def save(vault, person, when: datetime, zone: str, **fields):
    return journal.save_entry(vault, EntryDraft(person.id, when, zone_name=zone, mood=MoodLevel.OKAY, **fields))


@pytest.mark.parametrize("zone, midnight, skipped, repeated", ZONES, ids=[z[0] for z in ZONES])
def test_entries_keep_their_local_day_and_exact_instant(vault, person, zone, midnight, skipped, repeated):
    wall, instant = midnight
    entry = save(vault, person, wall, zone)
    assert (entry.local_date, entry.occurred_at, entry.zone_name) == (wall.date(), instant, zone)
    assert patterns.month_marks(vault, person.id, wall.year, wall.month)[wall.date()].entries == 1
    assert journal.entries_between(vault, person.id, wall.date(), wall.date()) == [entry]

    wall, first_valid = skipped
    with pytest.raises(timeutil.SkippedTimeError) as refused:
        save(vault, person, wall, zone)
    assert refused.value.next_valid == first_valid
    assert "clocks went forward" in str(refused.value) and f"{first_valid:%H:%M}" in str(refused.value)
    moved = save(vault, person, refused.value.next_valid, zone)
    assert moved.local_date == wall.date()

    wall, first_instant = repeated
    assert timeutil.is_repeated(wall, timeutil.zone(zone))
    twice = save(vault, person, wall, zone)
    assert twice.occurred_at == first_instant and twice.local_date == wall.date()


def test_a_computer_that_moves_to_another_zone_keeps_entries_on_their_day(vault, person, monkeypatch):
    entry = save(vault, person, datetime(2026, 3, 5, 23, 30), "America/New_York", note="late evening")
    assert entry.occurred_at.astimezone(UTC).date() == date(2026, 3, 6)  # already the 6th in UTC
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the computer now says Berlin (05:30 on the 6th there)
    assert journal.get_entry(vault, entry.id).local_date == date(2026, 3, 5)
    assert list(patterns.month_marks(vault, person.id, 2026, 3)) == [date(2026, 3, 5)]
    hits = search.search(vault, SearchQuery(text="evening", start=date(2026, 3, 5), end=date(2026, 3, 5))).hits
    assert [h.entry_id for h in hits] == [entry.id] and hits[0].zone_name == "America/New_York"
    local = timeutil.utc_to_local(entry.occurred_at, timeutil.zone_or(entry.zone_name, timeutil.zone("UTC")))
    assert (local.hour, local.minute) == (23, 30)  # shown as the clock read where it was written
    # Changing it keeps its zone when the form says so (the editor passes the entry's own zone).
    again = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 3, 5, 23, 30), note="changed",
                                                 zone_name=entry.zone_name, entry_id=entry.id))
    assert (again.local_date, again.occurred_at) == (entry.local_date, entry.occurred_at)
    new = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 3, 6, 8, 0), note="in Berlin"))
    assert new.zone_name == "Europe/Berlin"


def test_29_february_and_impossible_dates(vault, person):
    for zone in ("America/New_York", "Europe/Berlin", "Pacific/Auckland"):
        entry = save(vault, person, datetime(2028, 2, 29, 0, 1), zone)
        assert entry.local_date == date(2028, 2, 29)
    assert patterns.month_marks(vault, person.id, 2028, 2)[date(2028, 2, 29)].entries == 3
    assert search.search(vault, SearchQuery(person_id=person.id, start=date(2028, 2, 29), end=date(2028, 2, 29))).total == 3
    year = patterns.trend(vault, person.id, patterns.Measure("mood"), patterns.period("1y"), date(2028, 3, 1))
    assert sum(p.own_values for p in year.points) == 3
    assert timeutil.check_calendar_date(2028, 2, 29) == date(2028, 2, 29)
    for y, m, d in ((2027, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 2, 30)):
        with pytest.raises(ValidationError, match="not a real date"):
            timeutil.check_calendar_date(y, m, d)
    with pytest.raises(ValidationError):
        patterns.month_marks(vault, person.id, 2026, 0)


def test_the_next_valid_time_for_long_and_odd_jumps():
    samoa = timeutil.zone("Pacific/Apia")  # skipped all of 30 December 2011
    assert timeutil.next_valid_wall_time(datetime(2011, 12, 30, 12, 0), samoa) == datetime(2011, 12, 31, 0, 0)
    lord_howe = timeutil.zone("Australia/Lord_Howe")  # clocks move only half an hour
    assert timeutil.next_valid_wall_time(datetime(2026, 10, 4, 2, 10), lord_howe) == datetime(2026, 10, 4, 2, 30)
    assert timeutil.next_valid_wall_time(datetime(2026, 10, 4, 2, 30), lord_howe) is None
    assert not timeutil.is_repeated(datetime(2026, 3, 8, 2, 30), timeutil.zone("America/New_York"))
    assert timeutil.zone_place("America/Argentina/Buenos_Aires") == "Buenos Aires"
    assert timeutil.zone_or("Mars/Olympus", samoa) is samoa and timeutil.zone_or("", samoa) is samoa
