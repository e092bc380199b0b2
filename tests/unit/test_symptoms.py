"""The starter symptom list covers the issue's list, each with a plain description; Pain asks where."""

from __future__ import annotations

from caregiver_app.domain.symptoms import (
    COMMON_ACTIVITIES,
    COMMON_STRESSORS,
    STARTER_SYMPTOMS,
    asks_where,
    split_location,
    with_location,
)

ISSUE_LIST = [
    "low mood", "hopelessness", "anxiety", "panic", "irritability", "racing thoughts",
    "hearing or seeing things", "confusion", "memory problems", "agitation", "trouble falling asleep",
    "waking at night", "waking too early", "nightmares", "sleeping too much", "fatigue", "low appetite",
    "pain", "headache", "dizziness", "nausea", "falls", "shortness of breath", "cravings",
    "withdrawing from others",
]


def test_every_symptom_of_the_issue_is_offered_with_a_description():
    names = {s.name.casefold(): s for s in STARTER_SYMPTOMS}
    for wanted in ISSUE_LIST:
        assert wanted in names, wanted
        assert len(names[wanted].description.split()) >= 3


def test_pain_asks_where_and_round_trips():
    assert asks_where("Pain") and asks_where(" pain ") and not asks_where("Headache")
    assert with_location("Pain", " lower  back ") == "Pain (lower back)"
    assert with_location("Pain", "") == "Pain"
    assert with_location("Pain", "knee (left)") == "Pain (knee left)"
    assert split_location("Pain (lower back)") == ("Pain", "lower back")
    assert split_location("Headache") == ("Headache", "")


def test_common_tags_of_the_issue():
    assert set(COMMON_STRESSORS) == {"family pressure", "work", "money", "loneliness", "poor sleep",
                                     "missed appointment"}
    assert set(COMMON_ACTIVITIES) == {"exercise", "time outside", "talked with someone"}
