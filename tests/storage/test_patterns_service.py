"""Patterns from a real encrypted vault: month marks, trends over 2 weeks / 3 months / 1 year with
gaps and the two voices apart, and mood on days with and without each tag or symptom."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, RecorderKind, SymptomRating, Tag, TagKind
from caregiver_app.services import patterns
from support import add_entry

ANA = Recorder.family("Ana")
TODAY = date(2026, 11, 30)


def test_month_marks_average_each_day_and_keep_the_voices_apart(vault, person):
    add_entry(vault, person, date(2026, 3, 3), 8, mood=MoodLevel.GOOD)
    add_entry(vault, person, date(2026, 3, 3), 20, mood=MoodLevel.VERY_GOOD)
    add_entry(vault, person, date(2026, 3, 3), 21, mood=MoodLevel.LOW, recorded_by=ANA, flag_for_visit=True)
    add_entry(vault, person, date(2026, 3, 9), note="no mood today")
    add_entry(vault, person, date(2026, 4, 1), mood=MoodLevel.VERY_LOW)  # another month
    marks = patterns.month_marks(vault, person.id, 2026, 3)
    assert sorted(marks) == [date(2026, 3, 3), date(2026, 3, 9)]
    day = marks[date(2026, 3, 3)]
    assert day.entries == 3 and day.mood == pytest.approx(11 / 3)
    assert day.level is MoodLevel.GOOD  # 3.67 rounds to 4
    assert (day.own_entries, day.own_mood, day.family_entries, day.family_mood) == (2, 4.5, 1, 2.0)
    assert day.flagged
    quiet = marks[date(2026, 3, 9)]
    assert quiet.entries == 1 and quiet.mood is None and quiet.level is None and not quiet.flagged
    with pytest.raises(ValidationError):
        patterns.month_marks(vault, person.id, 2026, 13)


def test_mood_level_rounds_halves_up():
    assert [patterns.mood_level(v) for v in (1.0, 1.49, 1.5, 2.5, 3.5, 4.5, 5.0)] == [1, 1, 2, 3, 4, 5, 5]


def test_two_weeks_one_point_a_day_with_gaps_and_two_voices(vault, person):
    add_entry(vault, person, TODAY, mood=MoodLevel.GOOD)
    add_entry(vault, person, TODAY, 20, mood=MoodLevel.OKAY)
    add_entry(vault, person, TODAY - timedelta(days=1), mood=MoodLevel.LOW, recorded_by=ANA)
    add_entry(vault, person, TODAY - timedelta(days=13), mood=MoodLevel.VERY_GOOD)
    add_entry(vault, person, TODAY - timedelta(days=14), mood=MoodLevel.VERY_LOW)  # outside the 2 weeks
    add_entry(vault, person, TODAY - timedelta(days=5), note="a note, no mood")
    trend = patterns.trend(vault, person.id, patterns.Measure("mood"), patterns.period("2w"), TODAY)
    assert len(trend.points) == 14 and trend.start == TODAY - timedelta(days=13) and trend.end == TODAY
    assert [p.start for p in trend.points] == [TODAY - timedelta(days=13 - i) for i in range(14)]
    own = [p.own for p in trend.points]
    family = [p.family for p in trend.points]
    assert own == [5.0] + [None] * 12 + [3.5]  # nothing recorded is a gap, never 0
    assert family == [None] * 12 + [2.0, None]
    assert (trend.own_mean, trend.own_days, trend.family_mean, trend.family_days) == (pytest.approx(4.0), 2, 2.0, 1)


def test_one_year_is_52_weeks_ending_today(vault, person):
    add_entry(vault, person, TODAY, sleep_hours=8)
    add_entry(vault, person, TODAY - timedelta(days=6), sleep_hours=6)  # same week as today
    add_entry(vault, person, TODAY - timedelta(days=7), sleep_hours=4)  # the week before
    add_entry(vault, person, TODAY - timedelta(days=363), sleep_hours=9)  # the first week
    add_entry(vault, person, TODAY - timedelta(days=364), sleep_hours=1)  # just outside the year
    trend = patterns.trend(vault, person.id, patterns.Measure("sleep"), patterns.period("1y"), TODAY)
    assert len(trend.points) == 52 and trend.start == TODAY - timedelta(days=363)
    last, before = trend.points[-1], trend.points[-2]
    assert (last.start, last.end, last.own, last.own_values) == (TODAY - timedelta(days=6), TODAY, 7.0, 2)
    assert before.own == 4.0
    assert trend.points[0].own == 9.0
    assert sum(p.own is None for p in trend.points) == 49
    assert patterns.period("3m").days == 91 and patterns.period("3m").bucket_days == 1


def test_a_symptom_is_charted_by_its_severity(vault, person):
    add_entry(vault, person, TODAY, symptoms=(SymptomRating("Headache", 6),))
    add_entry(vault, person, TODAY, 20, symptoms=(SymptomRating("headache", 2),))
    add_entry(vault, person, TODAY - timedelta(days=1), symptoms=(SymptomRating("Nausea", 9),))
    measure = patterns.Measure("symptom", "HEADACHE")
    trend = patterns.trend(vault, person.id, measure, patterns.period("2w"), TODAY)
    assert trend.points[-1].own == 4.0 and trend.points[-2].own is None
    assert measure.label == "HEADACHE (severity 0–10)" and measure.value_range == (0.0, 10.0)
    assert patterns.recorded_symptoms(vault, person.id) == ["Headache", "Nausea"]
    with pytest.raises(ValidationError):
        patterns.Measure("symptom", " ")
    with pytest.raises(ValidationError):
        patterns.Measure("blood pressure")


def build_walk_days(vault, person):
    """12 days with a mood: 6 with a walk (mood 4), 6 without (mood 2); 'music' on only 4 days."""
    start = date(2026, 10, 1)
    for i in range(12):
        day = start + timedelta(days=i)
        walk = i % 2 == 0
        tags = (Tag("walk"),) if walk else (Tag("work", TagKind.STRESSOR),)
        if i < 4:
            tags += (Tag("music"),)
        symptoms = (SymptomRating("Headache", 5 if not walk else 0),)
        add_entry(vault, person, day, mood=MoodLevel.GOOD if walk else MoodLevel.LOW, tags=tags, symptoms=symptoms)
    add_entry(vault, person, start + timedelta(days=20), tags=(Tag("walk"),), note="a walk without a mood")
    return start, start + timedelta(days=30)


def test_mood_with_and_without_each_tag_and_symptom(vault, person):
    start, end = build_walk_days(vault, person)
    result = patterns.mood_comparisons(vault, person.id, start, end)
    assert result.days_with_mood == 12 and result.min_days == 5
    by_name = {c.name: c for c in result.shown}
    walk = by_name["walk"]
    assert (walk.kind, walk.with_mean, walk.with_days, walk.without_mean, walk.without_days) == (
        "activity", 4.0, 6, 2.0, 6)
    assert walk.sentence() == "On days with “walk” (activity), mood averaged 4.0 (6 days) vs 2.0 without (6 days)."
    headache = by_name["Headache"]  # a rating of 0 means "none": only the 6 days rated above 0 count
    assert (headache.kind, headache.with_days, headache.with_mean, headache.without_mean) == ("symptom", 6, 2.0, 4.0)
    assert by_name["work"].kind == "stressor"
    assert "music" not in by_name and result.hidden == 1  # 4 days with it: too few to say anything
    assert [abs(c.difference) for c in result.shown] == sorted((abs(c.difference) for c in result.shown), reverse=True)


def test_comparisons_make_no_causal_claims(vault, person):
    start, end = build_walk_days(vault, person)
    text = " ".join(c.sentence() for c in patterns.mood_comparisons(vault, person.id, start, end).shown).lower()
    for word in ("because", "cause", "led to", "leads to", "makes", "made", "improve", "worsen", "due to", "effect"):
        assert word not in text


def test_comparisons_need_enough_days_on_both_sides(vault, person):
    start, end = build_walk_days(vault, person)
    assert patterns.mood_comparisons(vault, person.id, start, end, min_days=7).shown == ()
    assert patterns.mood_comparisons(vault, person.id, start, start + timedelta(days=3)).shown == ()
    only_family = patterns.mood_comparisons(vault, person.id, start, end, recorder=RecorderKind.FAMILY)
    assert only_family.days_with_mood == 0 and only_family.shown == ()
    with pytest.raises(ValidationError):
        patterns.mood_comparisons(vault, person.id, end, start)
    assert patterns.first_entry_date(vault, person.id) == start
