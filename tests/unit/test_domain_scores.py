"""PHQ-9 and GAD-7 scoring: totals, the published bands, item 9, and our own item labels.

Bands: PHQ-9 per Kroenke, Spitzer & Williams 2001; GAD-7 per Spitzer et al. 2006."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.scores import (
    SELF_HARM_ITEM,
    Instrument,
    ScoreResult,
    band_for,
    change_text,
    check_answers,
    instrument_from_name,
    needs_crisis_help,
    total_score,
)

PHQ9_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 19, "moderately severe"), (20, 27, "severe")]
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]


def answers_for(instrument: Instrument):
    return st.lists(st.integers(0, 3), min_size=instrument.item_count, max_size=instrument.item_count)


@pytest.mark.parametrize(("instrument", "published"), [(Instrument.PHQ9, PHQ9_BANDS), (Instrument.GAD7, GAD7_BANDS)])
def test_bands_are_exactly_the_published_ones(instrument, published):
    assert [(b.low, b.high, b.label) for b in instrument.bands] == published
    assert instrument.max_total == published[-1][1]


@pytest.mark.parametrize("instrument", list(Instrument))
def test_band_edges(instrument):
    for band in instrument.bands:
        assert band_for(instrument, band.low) == band
        assert band_for(instrument, band.high) == band
    with pytest.raises(ValidationError):
        band_for(instrument, -1)
    with pytest.raises(ValidationError):
        band_for(instrument, instrument.max_total + 1)


@given(st.sampled_from(list(Instrument)).flatmap(lambda i: st.tuples(st.just(i), answers_for(i))))
def test_total_is_the_sum_and_falls_in_exactly_one_band(case):
    instrument, answers = case
    total = total_score(instrument, answers)
    assert total == sum(answers)
    assert 0 <= total <= instrument.max_total
    assert sum(band.contains(total) for band in instrument.bands) == 1
    assert band_for(instrument, total).contains(total)


@given(st.sampled_from(list(Instrument)).flatmap(lambda i: st.tuples(st.just(i), answers_for(i))))
def test_bands_never_go_down_as_the_total_rises(case):
    instrument, answers = case
    order = [b.label for b in instrument.bands]
    total = sum(answers)
    if total < instrument.max_total:
        assert order.index(band_for(instrument, total + 1).label) >= order.index(band_for(instrument, total).label)


@given(answers_for(Instrument.PHQ9))
def test_item_nine_above_zero_needs_crisis_help_and_is_flagged(answers):
    result = ScoreResult(None, 1, Instrument.PHQ9, date(2026, 11, 30), tuple(answers))
    assert result.needs_crisis_help == (answers[SELF_HARM_ITEM - 1] > 0)
    if result.needs_crisis_help:
        assert result.flag_for_visit


def test_item_nine_is_read_from_partial_answers():
    partial = [None] * 8 + [1]
    assert needs_crisis_help(Instrument.PHQ9, partial)
    assert not needs_crisis_help(Instrument.PHQ9, [3] * 8 + [0])
    assert not needs_crisis_help(Instrument.PHQ9, [None] * 9)
    assert not needs_crisis_help(Instrument.GAD7, [3] * 7)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([1] * 8, "has 9 items"),
        ([1] * 8 + [None], "item 9"),
        ([1] * 3 + [4] + [1] * 5, "Item 4 must be a whole number from 0 to 3"),
        ([1] * 8 + [-1], "Item 9"),
        ([True] + [1] * 8, "Item 1"),
    ],
)
def test_bad_answers_are_refused_in_plain_words(answers, message):
    with pytest.raises(ValidationError, match=message):
        check_answers(Instrument.PHQ9, answers)


def test_describe_and_change_words():
    result = ScoreResult(None, 1, Instrument.GAD7, date(2026, 11, 30), (2, 2, 2, 2, 1, 1, 1))
    assert result.describe() == "GAD-7 11 of 21, moderate"
    assert change_text(None) == "first score"
    assert change_text(3) == "up 3"
    assert change_text(-5) == "down 5"
    assert change_text(0) == "no change"


def test_instrument_names_and_sources():
    assert instrument_from_name("phq9") is Instrument.PHQ9
    assert instrument_from_name(" GAD-7 ") is Instrument.GAD7
    with pytest.raises(ValidationError):
        instrument_from_name("PHQ-2")
    assert "Kroenke" in Instrument.PHQ9.source and "2001" in Instrument.PHQ9.source
    assert "Spitzer" in Instrument.GAD7.source and "2006" in Instrument.GAD7.source


# Words of the official questionnaires that must not appear in our item labels (we refer to items
# by number with a short topic of our own).
FORM_PHRASES = [
    "little interest or pleasure", "down, depressed, or hopeless", "falling or staying asleep",
    "better off dead", "hurting yourself", "feeling nervous, anxious", "not being able to stop",
    "so restless that it is hard", "easily annoyed", "something awful might happen",
    "not at all", "several days", "more than half the days", "nearly every day",
]


@pytest.mark.parametrize("instrument", list(Instrument))
def test_item_labels_are_short_and_our_own(instrument):
    assert len(instrument.topics) == instrument.item_count
    for topic in instrument.topics:
        assert len(topic.split()) <= 6
        assert not any(phrase in topic.lower() for phrase in FORM_PHRASES), topic


@pytest.mark.parametrize("instrument", list(Instrument))
def test_the_forms_own_wording_is_there_for_each_item(instrument):
    """Issue 18, defect 12: the items' wording is shown (the forms' notice allows it)."""
    assert len(instrument.wording) == instrument.item_count
    assert all(len(text.split()) >= 2 for text in instrument.wording)
