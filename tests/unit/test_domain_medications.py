"""Medications in the domain: doses, history, active dates and the changes in a period."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.medications import (
    ChangeKind,
    Dose,
    DoseChange,
    DoseRecord,
    DoseStatus,
    Medication,
    medication_changes,
)


def med(*steps, start=None, stop=None, name="Sertraline") -> Medication:
    history = tuple(DoseChange(None, day, Dose(amount, "mg"), "once a day") for day, amount in steps)
    return Medication(None, 1, name, history, start_date=start, stop_date=stop)


def test_dose_text_has_no_needless_decimals():
    assert Dose(50, "mg").text == "50 mg"
    assert Dose(0.5, " mg ").text == "0.5 mg"
    assert DoseChange(None, date(2026, 1, 1), Dose(1, "tablet"), "at bedtime").text == "1 tablet, at bedtime"


@pytest.mark.parametrize(("amount", "unit", "message"), [
    (0, "mg", "more than 0"), (-1, "mg", "more than 0"), (float("nan"), "mg", "a number"),
    (5, "  ", "unit"), (True, "mg", "a number"),
])
def test_bad_doses_are_refused(amount, unit, message):
    with pytest.raises(ValidationError, match=message):
        Dose(amount, unit)


def test_history_is_sorted_and_dose_on_a_date():
    m = med((date(2026, 3, 1), 50), (date(2026, 1, 1), 25))
    assert [c.dose.amount for c in m.history] == [25, 50]
    assert m.current.dose.amount == 50
    assert m.dose_on(date(2025, 12, 1)).dose.amount == 25  # before any change: the first dose
    assert m.dose_on(date(2026, 2, 28)).dose.amount == 25
    assert m.dose_on(date(2026, 3, 1)).dose.amount == 50


def test_stop_before_start_and_same_day_changes_are_refused():
    with pytest.raises(ValidationError, match="stop date is before the start date"):
        med((date(2026, 1, 1), 25), start=date(2026, 2, 1), stop=date(2026, 1, 15))
    with pytest.raises(ValidationError, match="same day"):
        med((date(2026, 1, 1), 25), (date(2026, 1, 1), 50))
    with pytest.raises(ValidationError, match="name"):
        med((date(2026, 1, 1), 25), name="   ")


def test_active_on():
    m = med((date(2026, 1, 1), 25), start=date(2026, 1, 1), stop=date(2026, 1, 31))
    assert not m.is_active_on(date(2025, 12, 31))
    assert m.is_active_on(date(2026, 1, 1)) and m.is_active_on(date(2026, 1, 31))
    assert not m.is_active_on(date(2026, 2, 1))


def test_changes_in_a_period():
    m = med((date(2026, 1, 10), 25), (date(2026, 2, 10), 50), (date(2026, 3, 10), 100),
            start=date(2026, 1, 10), stop=date(2026, 4, 1))
    changes = medication_changes(m, date(2026, 2, 1), date(2026, 4, 30))
    assert [(c.on, c.kind) for c in changes] == [
        (date(2026, 2, 10), ChangeKind.DOSE_CHANGED),
        (date(2026, 3, 10), ChangeKind.DOSE_CHANGED),
        (date(2026, 4, 1), ChangeKind.STOPPED),
    ]
    assert changes[0].describe() == "Sertraline: 25 mg, once a day → 50 mg, once a day"
    assert changes[2].describe() == "Stopped Sertraline"
    started = medication_changes(m, date(2026, 1, 1), date(2026, 1, 31))
    assert [c.describe() for c in started] == ["Started Sertraline 25 mg, once a day"]


@given(st.lists(st.dates(date(2020, 1, 1), date(2030, 1, 1)), min_size=1, max_size=6, unique=True),
       st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 400))
def test_changes_always_fall_inside_the_period(days, start, length):
    m = med(*[(d, i + 1) for i, d in enumerate(days)])
    end = date.fromordinal(start.toordinal() + length)
    for change in medication_changes(m, start, end):
        assert start <= change.on <= end


def test_dose_record_status_words():
    assert DoseRecord(3, "missed").status is DoseStatus.MISSED
    assert DoseStatus.EXTRA.label == "extra (as needed)"
    with pytest.raises(ValidationError):
        DoseRecord(3, "skipped")


def test_a_suggested_schedule_reads_in_spanish_and_is_kept_as_its_english_key():
    from caregiver_app import i18n
    from caregiver_app.domain.medications import schedule_key, schedule_label

    i18n.set_language("es")
    try:
        shown = schedule_label("once a day")
        assert shown != "once a day"
        assert schedule_key(shown) == "once a day"
        assert schedule_label("one after lunch") == "one after lunch"
        assert schedule_key("one after lunch") == "one after lunch"
    finally:
        i18n.set_language("en")
    assert schedule_label("once a day") == "once a day"
