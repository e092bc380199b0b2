"""A realistic 90-day story built through the services, for the visit summary's second edition.

Sam (born 14 Mar 1971) worsens through September and early October, has a crisis day on
17 Oct 2026 (his wife Ana flags "we would all be better off without him"), then recovers. Ana
observes every third day. Sertraline 50 mg daily goes up to 100 mg after the crisis and misses
cluster in one week; propranolol is taken as needed. PHQ-9 and GAD-7 every two weeks (one PHQ-9
with item 9 answered 2). The relapse plan has a sign linked to the stressor "Money worries".
Dates are local calendar dates in New York.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating, Tag, TagKind
from caregiver_app.domain.network import PhoneKind, Role
from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan, SafetyPlan
from caregiver_app.domain.scores import Instrument
from caregiver_app.services import journal, medications, people, plans, scores
from caregiver_app.services import network as contacts
from caregiver_app.services.journal import EntryDraft

NY = "America/New_York"
START, END = date(2026, 9, 2), date(2026, 11, 30)
CRISIS_DAY = date(2026, 10, 17)
DOSE_CHANGE_DAY = date(2026, 10, 20)
ITEM9_DAY = date(2026, 10, 16)
MISS_WEEK = [date(2026, 10, 5) + timedelta(days=i) for i in (0, 1, 3, 5)]
DOSE_REASON = "after the crisis on 17 Oct Dr. Li raised the dose because the low mood had lasted six weeks"
WIFE_NOTE = "He said we would all be better off without him. I took the car keys and stayed home with him."
QUESTIONS = (
    "Is 100 mg of sertraline the right dose now?",
    "What should we do if he talks about not being here again?",
    "Can he go back to work part time?",
    "Is the propranolol safe with the sertraline?",
    "Who do we call on a weekend?",
)
BIRTH = date(1971, 3, 14)


def fixed_clock():
    return datetime(2026, 11, 30, 17, 0, tzinfo=timezone.utc)


def _mood_for(offset: int) -> int:
    """Worsening to the crisis (day 45), then recovery."""
    if offset < 45:
        return max(1, 3 - offset // 15)
    if offset == 45:
        return 1
    return min(4, 2 + (offset - 45) // 15)


@dataclass
class Story:
    person_id: int
    sertraline_id: int
    propranolol_id: int


def _answers(total: int, count: int, item9: int = 0) -> tuple[int, ...]:
    answers = [0] * count
    remaining = total - item9
    index = 0
    while remaining > 0:
        if index != 8 or count != 9:
            step = min(3 - answers[index], remaining)
            answers[index] += step
            remaining -= step
        index = (index + 1) % count
    if count == 9:
        answers[8] = item9
    return tuple(answers)


def build_story(vault, *, days: int = 90, end: date = END) -> Story:
    """Fill ``vault`` with the story; ``days`` long (ending on ``end``) plus 40 days before it."""
    start = end - timedelta(days=days - 1)
    person = people.add_person(vault, "Sam Rivera", BIRTH)
    people.set_preparer_name(vault, "Ana Rivera")
    sertraline = medications.add_medication(vault, medications.MedicationDraft(
        person.id, "Sertraline", 50, "mg", "once a day", reason="depression", start_date=start - timedelta(days=120)))
    propranolol = medications.add_medication(vault, medications.MedicationDraft(
        person.id, "Propranolol", 10, "mg", "as needed", as_needed=True, reason="shaky hands",
        start_date=start - timedelta(days=60)))
    medications.change_dose(vault, sertraline.id, DOSE_CHANGE_DAY, 100, "mg", "once a day", DOSE_REASON)
    plans.save_relapse_plan(vault, RelapsePlan(person.id, early_signs=(
        EarlySign("Worries about money keep him awake", LinkKind.STRESSOR, "Money worries"),
        EarlySign("Feels hopeless", LinkKind.SYMPTOM, "Hopelessness", 6),
    )))
    plans.save_safety_plan(vault, SafetyPlan(person.id, warning_signs=(PlanItem("Stops answering texts"),),
                                             helpers=(PlanItem("Ana", "+1 212 555 0100"),)),
                           clock=lambda: datetime(2026, 10, 19, 15, 0, tzinfo=timezone.utc))
    contacts.save_contact(vault, contacts.contact_from_draft(contacts.ContactDraft(
        person.id, "Dr. Ana Li", Role.PSYCHIATRIST, "Riverside Community Mental Health Clinic",
        phones=(("+1 212 555 0199", PhoneKind.WORK),),
        email="ana.li.outpatient-psychiatry@riverside-community-mental-health.example.org",
        availability="Weekdays 9-5; after hours see https://riverside-community-mental-health.example.org/after-hours-help",
    ), "US"))
    for offset in range(-40, days):
        day = start + timedelta(days=offset)
        scale = offset * 90 // days  # the same shape whatever the length
        mood = 4 if offset < 0 else _mood_for(scale)
        low = 5 - mood
        tags = (Tag("walk"),) if mood >= 3 else ()
        if offset >= 0 and scale % 6 in (1, 2) and scale < 60:
            tags += (Tag("Money worries", TagKind.STRESSOR),)
        symptoms = (SymptomRating("Low mood", min(10, 2 * low + 1)),)
        if scale >= 30 and scale <= 50:
            symptoms += (SymptomRating("Hopelessness", 9 if scale == 45 else 6),)
        doses = []
        if offset >= 0:
            missed = day in MISS_WEEK or (days != 90 and scale in (5, 6, 8, 10))
            doses.append(DoseRecord(sertraline.id, DoseStatus.MISSED if missed else DoseStatus.TAKEN))
            if scale % 9 == 4:
                doses.append(DoseRecord(propranolol.id, DoseStatus.EXTRA))
        # After the dose went up he was irritable for a while (rated apart from mood).
        elevation = (1 if scale % 3 else 2) if 52 <= scale <= 62 else (0 if offset >= 0 and scale % 10 == 0 else None)
        note = "Stayed in bed most of the day." if mood <= 1 else ("Good walk by the river." if mood >= 4 else "")
        journal.save_entry(vault, EntryDraft(
            person.id, datetime.combine(day, datetime.min.time()).replace(hour=9), zone_name=NY,
            mood=MoodLevel(mood), anxiety=min(10, 2 + 2 * low), energy=max(0, 2 * mood - 1),
            sleep_hours=4.5 + 0.75 * mood, symptoms=symptoms, tags=tags, note=note, elevation=elevation,
        ), doses=doses)
        if offset % 3 == 0 or scale == 45:
            crisis = scale == 45 and offset >= 0
            journal.save_entry(vault, EntryDraft(
                person.id, datetime.combine(day, datetime.min.time()).replace(hour=20), zone_name=NY,
                recorded_by=Recorder.family("Ana"), mood=MoodLevel(max(1, mood - 1)),
                sleep_hours=4.0 + 0.75 * mood,
                symptoms=(SymptomRating("Hopelessness", 9),) if crisis else (),
                note=WIFE_NOTE if crisis else "Quiet evening.", flag_for_visit=crisis,
            ), doses=[])
    for offset in range(-40, days, 14):
        day = start + timedelta(days=offset)
        scale = max(offset, 0) * 90 // days
        mood = 4 if offset < 0 else _mood_for(scale)
        item9 = 2 if day == ITEM9_DAY or (days != 90 and 40 <= scale < 45 and offset % 28 == 0) else 0
        scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.PHQ9, day,
                                                   _answers(3 + (5 - mood) * 5, 9, item9)))
        scores.save_score(vault, scores.ScoreDraft(person.id, Instrument.GAD7, day, _answers(2 + (5 - mood) * 3, 7)))
    return Story(person.id, sertraline.id, propranolol.id)
