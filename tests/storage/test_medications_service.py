"""Medications through a real encrypted vault: the list, dose history, doses in entries (saved with
the entry in one transaction), and what the visit summary asks for."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from caregiver_app.domain.errors import NotFoundError, ValidationError
from caregiver_app.domain.medications import ChangeKind, DoseRecord, DoseStatus
from caregiver_app.domain.model import MoodLevel
from caregiver_app.services import journal, medications, people
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.vault import session_of

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def clock():
    return NOW


def add(vault, person, name="Sertraline", amount=25.0, **kw):
    draft = MedicationDraft(person.id, name, amount, kw.pop("unit", "mg"), kw.pop("schedule", "once a day"), **kw)
    return medications.add_medication(vault, draft, clock=clock)


def entry(vault, person, when, doses, **fields):
    draft = journal.EntryDraft(person.id, when, **fields)
    return journal.save_entry(vault, draft, doses=doses, clock=clock)


def test_add_list_and_current_first(vault, person):
    old = add(vault, person, "Lorazepam", 0.5, start_date=date(2025, 1, 1), stop_date=date(2025, 6, 1),
              as_needed=True, schedule="as needed", reason="panic", prescriber="Dr. Okafor")
    new = add(vault, person, "Sertraline", 25, start_date=date(2026, 9, 1), reason="low mood")
    listed = medications.list_medications(vault, person.id)
    assert [m.name for m in listed] == ["Sertraline", "Lorazepam"]
    assert listed[1].as_needed and listed[1].prescriber == "Dr. Okafor" and listed[1].reason == "panic"
    assert new.history[0].effective_from == date(2026, 9, 1)
    assert old.describe() == "Lorazepam 0.5 mg, as needed"
    # without a start date the first dose starts today (local date of the clock)
    undated = add(vault, person, "Vitamin D", 1000, unit="units")
    assert undated.history[0].effective_from == date(2026, 11, 30)


def test_dose_changes_keep_history_and_same_day_is_a_correction(vault, person):
    med = add(vault, person, start_date=date(2026, 9, 1))
    med = medications.change_dose(vault, med.id, date(2026, 10, 1), 50, "mg", "once a day", "still low", clock=clock)
    med = medications.change_dose(vault, med.id, date(2026, 10, 1), 37.5, "mg", "once a day", "typo", clock=clock)
    assert [(c.effective_from, c.dose.amount, c.note) for c in med.history] == [
        (date(2026, 9, 1), 25, ""), (date(2026, 10, 1), 37.5, "typo")]
    med = medications.remove_dose_change(vault, med.id, med.history[1].id, clock=clock)
    assert [c.dose.amount for c in med.history] == [25]
    with pytest.raises(ValidationError, match="at least one dose"):
        medications.remove_dose_change(vault, med.id, med.history[0].id, clock=clock)


def test_update_details_leaves_the_dose_alone(vault, person):
    med = add(vault, person)
    changed = medications.update_medication(
        vault, MedicationDraft(person.id, "Zoloft (sertraline)", reason="depression", prescriber="Dr. Lee",
                               start_date=date(2026, 9, 1), stop_date=date(2026, 11, 1), medication_id=med.id),
        clock=clock)
    assert changed.name == "Zoloft (sertraline)" and changed.stop_date == date(2026, 11, 1)
    assert changed.history == med.history
    with pytest.raises(ValidationError, match="stop date is before"):
        medications.update_medication(vault, MedicationDraft(person.id, "X", start_date=date(2026, 9, 1),
                                                             stop_date=date(2026, 8, 1), medication_id=med.id))


def test_doses_are_saved_with_the_entry_and_replaced_on_edit(vault, person):
    med = add(vault, person)
    prn = add(vault, person, "Ibuprofen", 200, as_needed=True)
    saved = entry(vault, person, datetime(2026, 11, 30, 8, 0),
                  [DoseRecord(med.id, DoseStatus.TAKEN), DoseRecord(prn.id, DoseStatus.EXTRA)])
    assert saved.is_empty  # an entry may hold only doses
    assert {(d.medication_id, d.status) for d in medications.doses_for_entry(vault, saved.id)} == {
        (med.id, DoseStatus.TAKEN), (prn.id, DoseStatus.EXTRA)}
    draft = journal.EntryDraft(person.id, datetime(2026, 11, 30, 8, 0), mood=MoodLevel.OKAY, entry_id=saved.id)
    journal.save_entry(vault, draft, doses=[DoseRecord(med.id, DoseStatus.MISSED)], clock=clock)
    assert medications.doses_for_entry(vault, saved.id) == [DoseRecord(med.id, DoseStatus.MISSED)]
    with pytest.raises(ValidationError, match="a dose"):
        entry(vault, person, datetime(2026, 11, 30, 9, 0), [])


def test_a_failed_dose_save_leaves_no_entry_behind(vault, person):
    other = people.add_person(vault, "Ana")
    theirs = add(vault, other, "Metformin", 500)
    before = journal.count_entries(vault, person.id)
    with pytest.raises(NotFoundError):
        entry(vault, person, datetime(2026, 11, 30, 8, 0), [DoseRecord(theirs.id, DoseStatus.TAKEN)],
              note="a note that must not be half-saved")
    assert journal.count_entries(vault, person.id) == before


def test_deleting_a_medication_removes_its_doses_but_keeps_entries(vault, person):
    med = add(vault, person)
    saved = entry(vault, person, datetime(2026, 11, 30, 8, 0), [DoseRecord(med.id, DoseStatus.TAKEN)], note="ok")
    assert medications.dose_record_count(vault, med.id) == 1
    medications.delete_medication(vault, med.id)
    assert medications.doses_for_entry(vault, saved.id) == []
    assert journal.get_entry(vault, saved.id).note == "ok"
    with session_of(vault) as s:
        assert s.execute(text("SELECT count(*) FROM medication_dose_change")).scalar() == 0


def test_deleting_an_entry_removes_its_doses_and_undo_can_put_them_back(vault, person):
    med = add(vault, person)
    saved = entry(vault, person, datetime(2026, 11, 30, 8, 0), [DoseRecord(med.id, DoseStatus.MISSED)], note="n")
    doses = medications.doses_for_entry(vault, saved.id)
    removed = journal.take_out(vault, saved.id)
    with session_of(vault) as s:
        assert s.execute(text("SELECT count(*) FROM entry_dose")).scalar() == 0
    back = journal.put_back(vault, removed, clock=clock)
    assert medications.doses_for_entry(vault, back.id) == doses
    # the journal list shows them in words
    assert journal.page_older(vault, person.id).doses == medications.dose_texts(vault, [back.id]) != {}


def test_changes_and_missed_doses_in_period(vault, person):
    sert = add(vault, person, start_date=date(2026, 9, 1))
    medications.change_dose(vault, sert.id, date(2026, 11, 5), 50, "mg", "once a day", "low mood persists", clock=clock)
    quet = add(vault, person, "Quetiapine", 25, schedule="at bedtime", start_date=date(2026, 11, 10))
    medications.update_medication(vault, MedicationDraft(person.id, "Quetiapine", start_date=date(2026, 11, 10),
                                                         stop_date=date(2026, 11, 20), medication_id=quet.id))
    for day in (12, 14, 14):
        entry(vault, person, datetime(2026, 11, day, 21, 0), [DoseRecord(quet.id, DoseStatus.MISSED)])
    entry(vault, person, datetime(2026, 11, 15, 8, 0), [DoseRecord(sert.id, DoseStatus.MISSED)])
    entry(vault, person, datetime(2026, 11, 16, 8, 0), [DoseRecord(sert.id, DoseStatus.TAKEN)])
    entry(vault, person, datetime(2026, 10, 16, 8, 0), [DoseRecord(sert.id, DoseStatus.MISSED)])  # before

    changes = medications.changes_in_period(vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [(c.on, c.medication, c.kind) for c in changes] == [
        (date(2026, 11, 5), "Sertraline", ChangeKind.DOSE_CHANGED),
        (date(2026, 11, 10), "Quetiapine", ChangeKind.STARTED),
        (date(2026, 11, 20), "Quetiapine", ChangeKind.STOPPED),
    ]
    assert changes[0].before == "25 mg, once a day" and changes[0].after == "50 mg, once a day"
    assert changes[0].note == "low mood persists"
    missed = medications.missed_doses_in_period(vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert [(m.medication, m.count, m.days) for m in missed] == [
        ("Quetiapine", 3, (date(2026, 11, 12), date(2026, 11, 14))),
        ("Sertraline", 1, (date(2026, 11, 15),)),
    ]
    assert medications.missed_doses_in_period(vault, person.id, date(2026, 12, 1), date(2026, 12, 31)) == []


def test_bad_input_is_refused_in_plain_words(vault, person):
    with pytest.raises(ValidationError, match="dose"):
        medications.add_medication(vault, MedicationDraft(person.id, "Sertraline", None, "mg"))
    with pytest.raises(ValidationError, match="unit"):
        medications.add_medication(vault, MedicationDraft(person.id, "Sertraline", 5, ""))
    with pytest.raises(NotFoundError):
        medications.get_medication(vault, 999)
