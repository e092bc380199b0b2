"""The plan dataclasses: plain-words validation, the six Stanley–Brown steps, journal links."""

from __future__ import annotations

import pytest

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.plans import (
    ITEMS_MAX,
    EarlySign,
    LinkKind,
    PlanItem,
    RelapsePlan,
    RelapseSection,
    SafetyPlan,
    SafetyStep,
)


def test_the_six_steps_then_reasons_for_living():
    assert [s.number for s in SafetyStep] == [1, 2, 3, 4, 5, 6, None]
    assert SafetyStep.HELPERS.heading == "Step 4. People I can ask for help"
    assert SafetyStep.REASONS.heading == "My reasons for living"
    assert SafetyStep.ENVIRONMENT.title == "Making the environment safe"
    assert [s for s in SafetyStep if s.has_phone] == [SafetyStep.DISTRACTION, SafetyStep.HELPERS,
                                                      SafetyStep.PROFESSIONALS]
    assert [s.title for s in RelapseSection] == ["Triggers", "My early warning signs", "What helps",
                                                 "What to avoid", "Who to tell"]


def test_items_are_cleaned_and_checked():
    assert PlanItem("  Call   Mom ", " 555 0101 ") == PlanItem("Call Mom", "555 0101")
    with pytest.raises(ValidationError, match="needs some words"):
        PlanItem("   ")
    with pytest.raises(ValidationError, match="500"):
        PlanItem("x" * 501)
    with pytest.raises(ValidationError, match="40"):
        PlanItem("Mom", "5" * 41)
    with pytest.raises(ValidationError, match=f"{ITEMS_MAX}"):
        SafetyPlan(1, coping=tuple(PlanItem(f"thing {i}") for i in range(ITEMS_MAX + 1)))


def test_early_signs_and_their_links():
    plain = EarlySign("Stops calling friends", None, "leftover", 7)
    assert (plain.link_name, plain.min_severity, plain.is_linked) == ("", 1, False)
    sleep = EarlySign("Up all night", LinkKind.SYMPTOM, " Trouble  falling asleep ", 5)
    assert sleep.link_name == "Trouble falling asleep"
    assert sleep.describe_link() == "Symptom: Trouble falling asleep, 5/10 or more"
    money = EarlySign("Money worries pile up", "stressor", "money worries", 9)
    assert money.link_kind is LinkKind.STRESSOR and money.min_severity == 1
    assert money.describe_link() == "Stressor: money worries"
    with pytest.raises(ValidationError, match="choose the journal symptom"):
        EarlySign("Up all night", LinkKind.SYMPTOM, "  ")
    for bad in (0, 11, 2.5, True):
        with pytest.raises(ValidationError, match="1 to 10"):
            EarlySign("Up all night", LinkKind.SYMPTOM, "Trouble falling asleep", bad)


def test_plans_know_when_they_are_empty_and_who_to_call():
    assert RelapsePlan(1).is_empty and SafetyPlan(1).is_empty
    plan = SafetyPlan(
        1,
        helpers=(PlanItem("Mom", "555-0101"),),
        professionals=(PlanItem("Dr. Patel", "555-0150"),),
        distraction=(PlanItem("Cousin Lee", "555-0134"),),
    )
    assert not plan.is_empty
    assert plan.contacts == ((SafetyStep.HELPERS, PlanItem("Mom", "555-0101")),
                             (SafetyStep.PROFESSIONALS, PlanItem("Dr. Patel", "555-0150")))
    relapse = RelapsePlan(1, early_signs=(EarlySign("Up all night"),))
    assert relapse.items(RelapseSection.EARLY_SIGNS) == (EarlySign("Up all night"),)
