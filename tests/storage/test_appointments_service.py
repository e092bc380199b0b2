"""Appointments through a real vault: time zones, lists, questions moving on, iCalendar round
trips (timed and all-day, Copenhagen and Los Angeles) and the "prepare for this visit" range."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.network import Contact, Question, Role
from caregiver_app.reports.formatting import report_format
from caregiver_app.services import appointments as aps
from caregiver_app.services import network as cs

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 10:00 in New York


def clock():
    return NOW


@pytest.fixture
def doctor(vault, person):
    return cs.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST))


def plan(vault, person, day, at=time(10, 0), zone="America/New_York", **kw):
    return aps.save_appointment(vault, aps.AppointmentDraft(person.id, day, at, zone, **kw), clock=clock)


def test_timed_appointments_store_the_instant_and_the_zone(vault, person, doctor):
    appt = plan(vault, person, date(2026, 3, 29), time(10, 30), "Europe/Copenhagen", contact_id=doctor.id,
                duration_minutes=45, video_link="meet.example.org/room-1")
    # 29 March 2026 is the day Denmark moves to summer time: 10:30 CEST is 08:30 UTC.
    assert appt.starts_at == datetime(2026, 3, 29, 8, 30, tzinfo=UTC)
    assert (appt.zone_name, appt.local_date, appt.all_day) == ("Europe/Copenhagen", date(2026, 3, 29), False)
    assert appt.video_link == "https://meet.example.org/room-1"
    assert aps.when_text(appt, "Europe/Copenhagen") == "Sun, 29 Mar 2026, 10:30\u00a0am–11:15\u00a0am"
    assert aps.when_text(appt, "America/New_York") == \
        "Sun, 29 Mar 2026, 10:30\u00a0am–11:15\u00a0am Europe/Copenhagen time (Sun, 29 Mar, 4:30\u00a0am here)"
    de = report_format("de_DE", "system")
    assert aps.when_text(appt, "Europe/Copenhagen", de) == "So., 29. März 2026, 10:30–11:15"
    us24 = report_format("en_US", "24h")
    assert aps.when_text(appt, "Europe/Copenhagen", us24) == "Sun, Mar 29, 2026, 10:30–11:15"


def test_bad_input_is_refused_in_plain_words(vault, person, doctor):
    with pytest.raises(ValidationError, match="clocks went forward"):
        plan(vault, person, date(2026, 3, 8), time(2, 30))  # skipped hour in New York
    with pytest.raises(ValidationError, match="time zone"):
        plan(vault, person, date(2026, 3, 8), zone="Mars/Olympus")
    with pytest.raises(ValidationError, match="web address"):
        plan(vault, person, date(2026, 3, 8), video_link="not a link")
    with pytest.raises(ValidationError, match="question"):
        Question("  ")


def test_upcoming_and_past(vault, person, doctor):
    earlier = plan(vault, person, date(2026, 11, 2), contact_id=doctor.id)
    today_all_day = plan(vault, person, date(2026, 11, 30), None)
    this_morning = plan(vault, person, date(2026, 11, 30), time(9, 30), duration_minutes=60)  # until 10:30
    finished = plan(vault, person, date(2026, 11, 30), time(8, 0), duration_minutes=30)
    later = plan(vault, person, date(2026, 12, 8), contact_id=doctor.id)
    lists = aps.list_appointments(vault, person.id, clock=clock)
    assert [a.id for a in lists.upcoming] == [today_all_day.id, this_morning.id, later.id]
    assert [a.id for a in lists.past] == [finished.id, earlier.id]


def test_open_questions_move_on_to_the_next_visit_with_the_same_provider(vault, person, doctor):
    other = cs.save_contact(vault, Contact(None, person.id, "Jordan", Role.THERAPIST))
    first = plan(vault, person, date(2026, 11, 2), contact_id=doctor.id, questions=(
        Question("Morning dose?", answered=True), Question("Is the tiredness a side effect?"), Question("Blood test?")))
    plan(vault, person, date(2026, 11, 20), contact_id=other.id, questions=(Question("Sleep plan?"),))
    nxt = plan(vault, person, date(2026, 12, 8), contact_id=doctor.id, questions=(Question("Blood test?"),))
    assert [(q.text, q.carried_over) for q in nxt.questions] == [
        ("Blood test?", False), ("Is the tiredness a side effect?", True)]
    # Only once: listing and saving again do not copy them a second time.
    aps.list_appointments(vault, person.id, clock=clock)
    again = aps.save_appointment(vault, aps.AppointmentDraft(person.id, date(2026, 12, 8), time(10, 0), "America/New_York",
                                                             contact_id=doctor.id, questions=nxt.questions,
                                                             appointment_id=nxt.id), clock=clock)
    assert [q.text for q in again.questions] == ["Blood test?", "Is the tiredness a side effect?"]
    assert [q.text for q in aps.get_appointment(vault, first.id).questions] == [
        "Morning dose?", "Is the tiredness a side effect?", "Blood test?"]
    # A visit still ahead keeps its questions to itself.
    future_first = plan(vault, person, date(2026, 12, 20), contact_id=other.id, questions=(Question("Group times?"),))
    future_next = plan(vault, person, date(2027, 1, 20), contact_id=other.id)
    assert aps.get_appointment(vault, future_next.id).questions == ()
    assert future_first.questions[0].text == "Group times?"


def test_prepare_for_this_visit_range(vault, person, doctor):
    plan(vault, person, date(2026, 10, 12), contact_id=doctor.id, questions=(Question("Dose?"),))
    visit = plan(vault, person, date(2026, 12, 8), contact_id=doctor.id, questions=(
        Question("Sleep?"), Question("Done already", answered=True)))
    start, end, questions = aps.visit_preparation(vault, visit.id, clock=clock, zone_name="America/New_York")
    # Since the last visit with this provider, up to today (the visit is still ahead).
    assert (start, end) == (date(2026, 10, 12), date(2026, 11, 30))
    assert questions == ["Sleep?", "Dose?"]


def test_prepare_without_a_previous_visit_uses_the_last_30_days(vault, person, doctor):
    visit = plan(vault, person, date(2026, 11, 20), contact_id=doctor.id)
    start, end, questions = aps.visit_preparation(vault, visit.id, clock=clock)
    assert (start, end, questions) == (date(2026, 10, 22), date(2026, 11, 20), [])
    no_provider = plan(vault, person, date(2026, 12, 3))
    assert aps.visit_preparation(vault, no_provider.id, clock=clock)[:2] == (date(2026, 11, 1), date(2026, 11, 30))
    # The previous visit is itself still ahead: fall back to the last 30 days.
    plan(vault, person, date(2026, 12, 10), contact_id=doctor.id)
    later = plan(vault, person, date(2026, 12, 20), contact_id=doctor.id)
    assert aps.visit_preparation(vault, later.id, clock=clock)[:2] == (date(2026, 11, 1), date(2026, 11, 30))


def _events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


@pytest.mark.parametrize("zone", ["Europe/Copenhagen", "America/Los_Angeles"])
def test_icalendar_round_trip_timed_and_all_day(vault, person, doctor, zone, monkeypatch):
    monkeypatch.setenv("TZ", zone)
    timed = plan(vault, person, date(2026, 3, 29), time(10, 30), zone, contact_id=doctor.id, duration_minutes=40,
                 purpose="Medication check", place="Riverside Clinic", questions=(Question("Dose?"),))
    all_day = plan(vault, person, date(2026, 12, 31), None, zone, purpose="Day programme")
    data = aps.export_calendar(vault, person.id, clock=clock, include_questions=True)
    cal = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == [zone]
    by_summary = {str(e["SUMMARY"]): e for e in _events(data)}
    event = by_summary["Visit with Dr. Ana Li"]
    assert event["DTSTART"].params["TZID"] == zone
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 3, 29, 10, 30, tzinfo=ZoneInfo(zone))
    assert start.astimezone(UTC) == timed.starts_at
    assert event.decoded("DTEND") - start == timedelta(minutes=40)
    assert "Dose?" in str(event["DESCRIPTION"]) and str(event["LOCATION"]) == "Riverside Clinic"
    day_event = by_summary["Day programme"]
    assert day_event["DTSTART"].params.get("VALUE") == "DATE"
    assert day_event.decoded("DTSTART") == date(2026, 12, 31)  # the same date in any time zone
    assert day_event.decoded("DTEND") == date(2027, 1, 1)
    assert b"DTSTART;VALUE=DATE:20261231" in data
    # One appointment alone; UIDs stay the same from one export to the next.
    single = aps.export_calendar(vault, person.id, [all_day.id], clock=clock)
    (only,) = _events(single)
    assert str(only["UID"]) == str(day_event["UID"])


def test_icalendar_in_utc_uses_z(vault, person):
    plan(vault, person, date(2026, 6, 1), time(12, 0), "UTC")
    data = aps.export_calendar(vault, person.id, clock=clock)
    assert b"DTSTART:20260601T120000Z" in data and b"VTIMEZONE" not in data


def test_nothing_to_export(vault, person):
    with pytest.raises(ValidationError, match="no appointments"):
        aps.export_calendar(vault, person.id, clock=clock)


def test_deleting_a_provider_keeps_the_appointment(vault, person, doctor):
    appt = plan(vault, person, date(2026, 12, 8), contact_id=doctor.id)
    cs.delete_contact(vault, doctor.id)
    assert aps.get_appointment(vault, appt.id).contact_id is None
