"""Plans in a real encrypted vault: saving and reading both plans, and the journal checked against
a person's own early warning signs on a fixture journal."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caregiver_app.domain.errors import NotFoundError, ValidationError
from caregiver_app.domain.model import SymptomRating, Tag, TagKind
from caregiver_app.domain.plans import EarlySign, LinkKind, PlanItem, RelapsePlan, SafetyPlan
from caregiver_app.services import journal, people, plans, warning_signs

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def clock():
    return NOW


def add(vault, person, day: date, hour: int = 9, *, symptoms=(), tags=(), note=""):
    when = datetime(day.year, day.month, day.day, hour, 0)
    draft = journal.EntryDraft(person.id, when, symptoms=tuple(symptoms), tags=tuple(tags), note=note or "entry")
    return journal.save_entry(vault, draft, clock=clock)


SLEEP = EarlySign("Up most of the night", LinkKind.SYMPTOM, "trouble falling ASLEEP", 5)
ALONE = EarlySign("Stays in his room", LinkKind.SYMPTOM, "Withdrawing from others")
MONEY = EarlySign("Money worries", LinkKind.STRESSOR, "Money Worries")
SKIPS = EarlySign("Skips the walk group", LinkKind.ACTIVITY, "skipped walk")
TALKS_FAST = EarlySign("Talks very fast")  # not linked: never counted
VOICES = EarlySign("Hears voices again", LinkKind.SYMPTOM, "Hearing or seeing things")  # never recorded


@pytest.fixture
def sam_plan(vault, person):
    plan = RelapsePlan(
        person.id,
        triggers=(PlanItem("Anniversary of Dad's death"),),
        early_signs=(SLEEP, ALONE, MONEY, SKIPS, TALKS_FAST, VOICES),
        helps=(PlanItem("A walk with Ana"),),
        avoid=(PlanItem("Arguing about chores"),),
        tell=(PlanItem("Ana", "555-0101"), PlanItem("Dr. Patel", "555-0150")),
    )
    return plans.save_relapse_plan(vault, plan, clock=clock)


@pytest.fixture
def fixture_journal(vault, person, sam_plan):
    """Two weeks of Sam's journal, plus another person's entries that must never count."""
    add(vault, person, date(2026, 11, 17), symptoms=[SymptomRating("Trouble falling asleep", 8)])  # before the range
    add(vault, person, date(2026, 11, 24), symptoms=[SymptomRating("Trouble falling asleep", 4)])  # too mild
    add(vault, person, date(2026, 11, 25), symptoms=[SymptomRating("Trouble falling asleep", 5)])  # counts
    add(vault, person, date(2026, 11, 25), 20, symptoms=[SymptomRating("Trouble falling asleep", 9)])  # same day
    add(vault, person, date(2026, 11, 26), symptoms=[SymptomRating("Withdrawing from others", 0)])  # 0 is none
    add(vault, person, date(2026, 11, 27), symptoms=[SymptomRating("Withdrawing from others", 2)])
    add(vault, person, date(2026, 11, 28), tags=[Tag("money worries", TagKind.STRESSOR)])
    add(vault, person, date(2026, 11, 29), tags=[Tag("skipped walk", TagKind.STRESSOR)])  # wrong kind
    add(vault, person, date(2026, 11, 30), symptoms=[SymptomRating("Trouble falling asleep", 6)],
        tags=[Tag("Money worries", TagKind.STRESSOR)])
    other = people.add_person(vault, "Jordan Lee")
    add(vault, other, date(2026, 11, 26), symptoms=[SymptomRating("Trouble falling asleep", 10)],
        tags=[Tag("skipped walk", TagKind.ACTIVITY)])
    return person


def test_relapse_plan_round_trip(vault, person, sam_plan):
    assert sam_plan.updated_at == NOW
    again = plans.get_relapse_plan(vault, person.id)
    assert again == sam_plan
    assert again.early_signs[0].link_name == "trouble falling ASLEEP" and again.early_signs[0].min_severity == 5
    assert again.tell[1] == PlanItem("Dr. Patel", "555-0150")


def test_saving_replaces_the_plan_and_keeps_the_order(vault, person, sam_plan):
    shorter = RelapsePlan(person.id, early_signs=(VOICES, SLEEP))
    saved = plans.save_relapse_plan(vault, shorter, clock=clock)
    assert saved.early_signs == (VOICES, SLEEP) and saved.triggers == () and saved.tell == ()


def test_safety_plan_round_trip_and_empty_plans(vault, person):
    assert plans.get_safety_plan(vault, person.id) == SafetyPlan(person.id)
    assert plans.get_relapse_plan(vault, person.id).updated_at is None
    plan = SafetyPlan(
        person.id,
        warning_signs=(PlanItem("Can't sleep two nights running"),),
        helpers=(PlanItem("Ana", "555-0101"), PlanItem("Jordan")),
        reasons=(PlanItem("My daughter Mia"),),
    )
    saved = plans.save_safety_plan(vault, plan, clock=clock)
    assert saved.helpers == plan.helpers and saved.reasons == plan.reasons and saved.updated_at == NOW
    assert plans.get_relapse_plan(vault, person.id).is_empty  # the two plans are separate


def test_plans_of_two_people_stay_apart(vault, person, sam_plan):
    other = people.add_person(vault, "Jordan Lee")
    assert plans.get_relapse_plan(vault, other.id).is_empty


def test_a_missing_person_is_a_plain_error(vault):
    with pytest.raises(NotFoundError, match="no longer in this vault"):
        plans.get_safety_plan(vault, 999)
    with pytest.raises(NotFoundError):
        plans.save_relapse_plan(vault, RelapsePlan(999, triggers=(PlanItem("x"),)), clock=clock)
    with pytest.raises(NotFoundError):
        warning_signs.personal_signs_seen(vault, 999, date(2026, 11, 1), date(2026, 11, 30))


def test_personal_signs_seen_on_the_fixture_journal(vault, fixture_journal):
    seen = warning_signs.personal_signs_seen(vault, fixture_journal.id, date(2026, 11, 24), date(2026, 11, 30))
    assert [(s.sign.text, s.dates) for s in seen] == [
        ("Up most of the night", (date(2026, 11, 25), date(2026, 11, 30))),
        ("Stays in his room", (date(2026, 11, 27),)),
        ("Money worries", (date(2026, 11, 28), date(2026, 11, 30))),
    ]


def test_the_range_is_inclusive_and_checked(vault, fixture_journal):
    seen = warning_signs.personal_signs_seen(vault, fixture_journal.id, date(2026, 11, 17), date(2026, 11, 17))
    assert [(s.sign.text, s.dates) for s in seen] == [("Up most of the night", (date(2026, 11, 17),))]
    assert warning_signs.personal_signs_seen(vault, fixture_journal.id, date(2026, 12, 1), date(2026, 12, 31)) == []
    with pytest.raises(ValidationError, match="before the start"):
        warning_signs.personal_signs_seen(vault, fixture_journal.id, date(2026, 11, 30), date(2026, 11, 1))


def test_the_weekly_check_counts_what_the_banner_says(vault, fixture_journal):
    start, end = warning_signs.recent_range(date(2026, 11, 30))
    assert (start, end) == (date(2026, 11, 24), date(2026, 11, 30))
    check = warning_signs.check_personal_signs(vault, fixture_journal.id, start, end)
    assert len(check.seen) == 3 and check.linked == 5 and check.total == 6


def test_no_plan_means_nothing_seen(vault, person):
    add(vault, person, date(2026, 11, 30), symptoms=[SymptomRating("Trouble falling asleep", 9)])
    assert warning_signs.personal_signs_seen(vault, person.id, date(2026, 11, 1), date(2026, 11, 30)) == []
    check = warning_signs.check_personal_signs(vault, person.id, date(2026, 11, 1), date(2026, 11, 30))
    assert (check.seen, check.linked, check.total) == ((), 0, 0)


def test_a_symptom_link_covers_the_symptom_with_a_place(vault, person):
    plan = RelapsePlan(person.id, early_signs=(EarlySign("Back pain flares", LinkKind.SYMPTOM, "Pain", 3),
                                               EarlySign("50% worse", LinkKind.SYMPTOM, "100%_sure")))
    plans.save_relapse_plan(vault, plan, clock=clock)
    add(vault, person, date(2026, 11, 29), symptoms=[SymptomRating("Pain (lower back)", 4)])
    add(vault, person, date(2026, 11, 30), symptoms=[SymptomRating("Painful memories", 9),
                                                     SymptomRating("100x_sure", 5)])
    seen = warning_signs.personal_signs_seen(vault, person.id, date(2026, 11, 24), date(2026, 11, 30))
    assert [(s.sign.text, s.dates) for s in seen] == [("Back pain flares", (date(2026, 11, 29),))]
