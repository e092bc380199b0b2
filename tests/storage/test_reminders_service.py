"""Reminders from a real encrypted vault: medicine times, answers recorded as doses, refills at
the threshold, appointments the day before, and no reminder twice after a restart."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from caregiver_app.domain.medications import DoseStatus
from caregiver_app.domain.reminders import ReminderKind, pending
from caregiver_app.services import appointments as aps
from caregiver_app.services import medications, reminders
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.reminders import Answer, ReminderOptions
from caregiver_app.services.vault_open import unlock_with_passphrase
from support import PASSPHRASE

UTC = timezone.utc
ZONE = "America/New_York"
# 6 Dec 2026, 08:05 in New York (EST, UTC-5).
NOW = datetime(2026, 12, 6, 13, 5, tzinfo=UTC)


def clock_at(instant):
    return lambda: instant


def add_med(vault, person, **kw):
    draft = MedicationDraft(person.id, "Sertraline", 50, "mg", "once a day", start_date=date(2026, 11, 1),
                            reminder_times=(time(8, 0), time(20, 0)), **kw)
    return medications.add_medication(vault, draft, clock=clock_at(NOW - timedelta(days=1)), zone_name=ZONE)


def due_now(vault, now=NOW, options=ReminderOptions()):
    state = reminders.reminder_state(vault, options, clock=clock_at(now), zone_name=ZONE)
    return pending(list(state.reminders), now, state.answered, {})


def test_reminder_times_and_supply_round_trip(vault, person):
    med = add_med(vault, person, supply_on_hand=30, supply_per_dose=1, refill_at=5)
    again = medications.get_medication(vault, med.id)
    assert again.reminder_times == (time(8), time(20))
    assert again.supply.on_hand == 30 and again.supply.refill_at == 5
    assert medications.supplies_left(vault, person.id) == {med.id: 30}


def test_taken_is_recorded_as_a_dose_and_not_asked_again(vault, person):
    med = add_med(vault, person)
    [due] = due_now(vault)
    assert due.kind is ReminderKind.MEDICINE and due.medication_id == med.id
    assert due.due == datetime(2026, 12, 6, 13, 0, tzinfo=UTC)
    entry = reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(NOW), zone_name=ZONE)
    assert entry.occurred_at == NOW and entry.recorded_by.kind.value == "person"
    assert medications.dose_days_in_period(vault, person.id, date(2026, 12, 6), date(2026, 12, 6)) == [
        ("Sertraline", [(date(2026, 12, 6), DoseStatus.TAKEN)])]
    assert due_now(vault) == []


def test_skipped_is_recorded_as_missed_at_the_due_time(vault, person):
    add_med(vault, person)
    [due] = due_now(vault)
    entry = reminders.answer(vault, due, Answer.SKIPPED, clock=clock_at(NOW), zone_name=ZONE)
    assert entry.occurred_at == due.due
    missed = medications.missed_doses_in_period(vault, person.id, date(2026, 12, 1), date(2026, 12, 31))
    assert [(m.medication, m.count) for m in missed] == [("Sertraline", 1)]


def test_an_answer_survives_a_restart(vault_paths, vault, person):
    add_med(vault, person)
    [due] = due_now(vault)
    reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(NOW), zone_name=ZONE)
    vault.close()
    reopened = unlock_with_passphrase(vault_paths, PASSPHRASE)
    try:
        assert due_now(reopened) == []
        # The evening one still comes.
        evening = NOW + timedelta(hours=12)
        assert [r.due for r in due_now(reopened, evening)] == [datetime(2026, 12, 7, 1, 0, tzinfo=UTC)]
    finally:
        reopened.close()


def test_refill_reminder_at_the_threshold(vault, person):
    med = add_med(vault, person, supply_on_hand=3, supply_per_dose=1, refill_at=2)
    assert [r.kind for r in due_now(vault)] == [ReminderKind.MEDICINE]
    [due] = due_now(vault)
    reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(NOW), zone_name=ZONE)
    [refill] = due_now(vault, NOW + timedelta(minutes=1))
    assert refill.kind is ReminderKind.REFILL and refill.left == 2 and refill.medication_id == med.id
    reminders.answer(vault, refill, Answer.DONE, clock=clock_at(NOW), zone_name=ZONE)
    assert due_now(vault, NOW + timedelta(minutes=2)) == []


def test_recount_keeps_counting_from_the_new_count(vault, person):
    med = add_med(vault, person, supply_on_hand=10, supply_per_dose=2, refill_at=None)
    [due] = due_now(vault)
    reminders.answer(vault, due, Answer.TAKEN, clock=clock_at(NOW), zone_name=ZONE)
    assert medications.supplies_left(vault, person.id) == {med.id: 8}
    same = MedicationDraft(person.id, med.name, start_date=med.start_date, medication_id=med.id,
                           reminder_times=med.reminder_times, supply_on_hand=8, supply_per_dose=2)
    medications.update_medication(vault, same, clock=clock_at(NOW + timedelta(hours=1)))
    assert medications.get_medication(vault, med.id).supply.counted_at < NOW  # unchanged: same count
    recount = MedicationDraft(person.id, med.name, start_date=med.start_date, medication_id=med.id,
                              supply_on_hand=20, supply_per_dose=2)
    changed = medications.update_medication(vault, recount, clock=clock_at(NOW + timedelta(hours=1)))
    assert changed.supply.on_hand == 20 and changed.supply.counted_at == NOW + timedelta(hours=1)
    assert changed.reminder_times == ()


def test_stopped_medicines_do_not_remind(vault, person):
    add_med(vault, person, stop_date=date(2026, 12, 5))
    assert due_now(vault) == []


def test_appointment_reminder_the_day_before(vault, person):
    appt = aps.save_appointment(vault, aps.AppointmentDraft(person.id, date(2026, 12, 7), time(9, 30), ZONE,
                                                            purpose="Check-up"), clock=clock_at(NOW))
    options = ReminderOptions(medicines=False)
    assert due_now(vault, NOW, options) == []
    day_before = datetime(2026, 12, 6, 14, 30, tzinfo=UTC)
    [due] = due_now(vault, day_before, options)
    assert due.kind is ReminderKind.APPOINTMENT and due.appointment_id == appt.id and due.title == "Check-up"


def test_daily_reminder_from_the_chosen_time(vault, person):
    options = ReminderOptions(daily_at=time(8, 0), medicines=False)
    [due] = due_now(vault, NOW, options)
    assert due.kind is ReminderKind.DAILY and due.key == "daily:2026-12-06"


def test_a_reminder_in_the_hour_skipped_in_spring_comes_once_just_after(vault, person):
    draft = MedicationDraft(person.id, "Lithium", 300, "mg", start_date=date(2026, 1, 1), reminder_times=(time(2, 30),))
    medications.add_medication(vault, draft, clock=clock_at(datetime(2026, 3, 1, tzinfo=UTC)), zone_name=ZONE)
    # 8 March 2026 in New York: 01:59 EST is followed by 03:00 EDT.
    morning = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
    [due] = due_now(vault, morning)
    assert due.due == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # 03:00 EDT
    assert due.key == "medicine:1:2026-03-08T02:30"
    # In autumn 01:30 happens twice; the reminder comes once, at the first.
    draft = MedicationDraft(person.id, "Quetiapine", 25, "mg", start_date=date(2026, 1, 1), reminder_times=(time(1, 30),))
    medications.add_medication(vault, draft, clock=clock_at(datetime(2026, 10, 1, tzinfo=UTC)), zone_name=ZONE)
    night = [r for r in due_now(vault, datetime(2026, 11, 1, 8, 0, tzinfo=UTC)) if r.title == "Quetiapine"]
    assert [r.due for r in night] == [datetime(2026, 11, 1, 5, 30, tzinfo=UTC)]


def test_answers_are_not_in_the_settings_file_and_old_ones_are_forgotten(vault, person, vault_paths):
    add_med(vault, person)
    [due] = due_now(vault)
    reminders.answer(vault, due, Answer.DONE, clock=clock_at(NOW), zone_name=ZONE)
    later = NOW + reminders.KEEP_ANSWERS + timedelta(days=1)
    [morning] = due_now(vault, later)
    reminders.answer(vault, morning, Answer.DONE, clock=clock_at(later), zone_name=ZONE)
    state = reminders.reminder_state(vault, ReminderOptions(), clock=clock_at(later), zone_name=ZONE)
    assert due.key not in state.answered and morning.key in state.answered
    for path in vault_paths.folder.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".log", ".txt"):
            assert b"Sertraline" not in path.read_bytes()
