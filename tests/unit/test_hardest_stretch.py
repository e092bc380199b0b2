"""Page one's "hardest 7-day stretch" in one pass over the days gives exactly what averaging
every stretch gives (the rule as written: lowest mean, at least 4 days with values, earliest on
a tie), including ties, gaps and fractional daily means."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from hypothesis import given, settings
from hypothesis import strategies as st

from caregiver_app.domain.summary_changes import MIN_STRETCH_VALUES, STRETCH_DAYS, _hardest

START = date(2020, 2, 25)  # across a leap day


def every_stretch(daily: dict[date, float], start: date, end: date, higher_is_better: bool):
    """The rule, stretch by stretch."""
    best = None
    day = start
    while day + timedelta(days=STRETCH_DAYS - 1) <= end:
        window = [daily[d] for d in (day + timedelta(days=i) for i in range(STRETCH_DAYS)) if d in daily]
        if len(window) >= MIN_STRETCH_VALUES:
            mean = fmean(window)
            key = mean if higher_is_better else -mean
            if best is None or key < best[0]:
                best = (key, mean, day)
        day += timedelta(days=1)
    return (best[1], best[2]) if best else (None, None)


values = st.one_of(st.integers(0, 10).map(float), st.sampled_from([10 / 3, 2.5, 7.25, 0.1, 1 / 7]))


@settings(max_examples=300, deadline=None)
@given(days=st.dictionaries(st.integers(0, 80), values, max_size=70), length=st.integers(0, 90),
       higher=st.booleans())
def test_one_pass_equals_every_stretch(days, length, higher):
    daily = {START + timedelta(days=offset): value for offset, value in days.items()}
    end = START + timedelta(days=length - 1)
    assert _hardest(daily, START, end, higher) == every_stretch(daily, START, end, higher)


def test_ten_years_of_equal_weeks_pick_the_first():
    daily = {START + timedelta(days=i): 5.0 for i in range(3650)}
    assert _hardest(daily, START, START + timedelta(days=3649), True) == (5.0, START)


def test_values_outside_the_period_are_not_counted():
    daily = {START - timedelta(days=1): 0.0, **{START + timedelta(days=i): 6.0 for i in range(7)}}
    assert _hardest(daily, START, START + timedelta(days=6), True) == (6.0, START)
