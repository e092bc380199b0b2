"""Learn at the right moment: which pages and urgent signs a journal entry's symptoms point to."""

from __future__ import annotations

import pytest

from caregiver_app.domain.model import SymptomRating
from caregiver_app.domain.symptoms import STARTER_SYMPTOM_NAMES
from caregiver_app.services import warning_signs as library
from caregiver_app.services.warning_signs import Tier


def hints(*pairs, note=""):
    return library.entry_hints([SymptomRating(name, severity) for name, severity in pairs], note=note)


@pytest.mark.parametrize("name", STARTER_SYMPTOM_NAMES)
def test_every_starter_symptom_links_to_a_page(name):
    found = hints((name, 5))
    assert [s.symptom for s in found.symptoms] == [name]
    assert found.symptoms[0].pages, name
    for link in found.symptoms[0].pages:
        assert library.page(link.page_id).title == link.title


def test_every_page_is_reached_from_some_starter_symptom_or_link():
    reached = {p.page_id for name in STARTER_SYMPTOM_NAMES for s in hints((name, 5)).symptoms for p in s.pages}
    linked = {target for pg in library.load_pages() for target in library.links(pg)}
    assert {pg.id for pg in library.load_pages()} <= reached | linked


def test_hearing_or_seeing_things_links_to_early_psychosis_first():
    found = hints(("Hearing or seeing things", 8))
    pages = found.symptoms[0].pages
    assert pages[0].page_id == "early-psychosis"  # it has the most signs about this symptom
    assert len(pages) == 3 and found.symptoms[0].more == len(library.pages_for_symptom("Hearing or seeing things")) - 3
    emergency = [u for u in found.urgent if u.tier is Tier.EMERGENCY]
    assert any(u.text.startswith("They are a danger to themselves or others") for u in emergency)


def test_hopelessness_shows_the_crisis_line_action():
    found = hints(("Hopelessness", 6))
    assert found.urgent_tiers() == [Tier.CRISIS]
    suicide = [u for u in found.urgent if u.page_id == "suicide-risk"]
    assert len(suicide) == 1 and "hopeless" in suicide[0].text and suicide[0].tier is Tier.CRISIS
    assert found.urgent[0] == suicide[0]
    us, gb = library.help_words("US"), library.help_words("GB")
    assert "988" in Tier.CRISIS.action_for(us) and "988" in Tier.CRISIS.label_for(us)
    assert "116 123" in Tier.CRISIS.action_for(gb) and "988" not in Tier.CRISIS.action_for(gb)
    gb_hints = library.entry_hints([SymptomRating("Hopelessness", 6)], gb)
    assert [u.text for u in gb_hints.urgent] == [u.text for u in found.urgent]


def _every_symptom_name():
    names = set(STARTER_SYMPTOM_NAMES)
    for pg in library.load_pages():
        names.update(pg.symptoms)
    return sorted(names)


@pytest.mark.parametrize("note", ["", "A quiet day. Slept badly, ate a little soup."])
def test_a_rating_of_1_never_shows_a_crisis_or_emergency_sign(note):
    for name in _every_symptom_name():
        found = hints((name, 1), note=note)
        assert found.urgent == (), name
    everything = hints(*((name, 1) for name in STARTER_SYMPTOM_NAMES), note=note)
    assert everything.urgent == () and everything.symptoms  # the gentle "learn more" links stay


def test_the_rating_that_makes_a_sign_urgent_comes_from_the_page():
    suicide = library.page("suicide-risk")
    assert suicide.urgent_at == 6
    assert not [u for u in hints(("Hopelessness", 5)).urgent if u.page_id == "suicide-risk"]
    assert [u.tier for u in hints(("Hopelessness", 6)).urgent if u.page_id == "suicide-risk"] == [Tier.CRISIS]
    assert hints(("Hopelessness", 2)).urgent == ()
    assert hints(("Confusion", 6)).urgent == ()
    assert Tier.EMERGENCY in hints(("Confusion", 9)).urgent_tiers()


def test_the_words_of_the_note_can_make_a_sign_urgent_at_any_rating():
    found = hints(("Hopelessness", 1), note="He said he wants to die.")
    assert found.urgent and found.urgent[0].tier is Tier.CRISIS and found.urgent[0].page_id == "suicide-risk"
    curly = hints(("Confusion", 2), note="Dad was so hard to wake this morning and couldn’t say where he was")
    assert Tier.EMERGENCY in curly.urgent_tiers()
    # Whole words only: "planet" is not "plan", "gunther" is not "gun".
    assert hints(("Hopelessness", 2), note="We talked about the planet and his friend Gunther.").urgent == ()
    # A symptom rated 0 is not there at all, whatever the note says.
    assert hints(("Hopelessness", 0), note="wants to die").is_empty


def test_calm_symptoms_show_links_only():
    found = hints(("Nightmares", 6), ("Cravings", 7), ("Racing thoughts", 2))
    assert found.urgent == ()
    assert [s.symptom for s in found.symptoms] == ["Nightmares", "Cravings", "Racing thoughts"]


def test_none_and_unknown_symptoms_point_nowhere():
    assert hints(("Hopelessness", 0)).is_empty
    assert hints(("Itchy elbow", 8)).is_empty
    assert library.entry_hints([]).is_empty


def test_urgent_signs_are_not_repeated_and_most_urgent_first():
    found = hints(("Confusion", 7), ("Dizziness", 5), ("Hopelessness", 8))
    texts = [u.text for u in found.urgent]
    assert len(texts) == len(set(texts)) > 3
    tiers = [u.tier for u in found.urgent]
    assert tiers == sorted(tiers, key=lambda t: t.rank) and set(tiers) == {Tier.EMERGENCY, Tier.CRISIS}


def test_the_most_fitting_urgent_sign_comes_first():
    assert hints(("Hopelessness", 8)).urgent[0].page_id == "suicide-risk"  # its page is about crises
    assert hints(("Hearing or seeing things", 8)).urgent[0].page_id == "early-psychosis"


def test_signs_about_uses_the_pages_own_tags():
    page = library.page("early-psychosis")
    about = library.signs_about(page, "hearing or seeing things")
    assert [s.tier for s in about] == [Tier.CALL_SOON, Tier.CRISIS, Tier.EMERGENCY]


def test_a_symptom_with_a_place_points_to_the_pages_of_the_symptom():
    found = hints(("Pain (lower back)", 6))
    assert found.symptoms[0].symptom == "Pain (lower back)"
    assert [p.page_id for p in found.symptoms[0].pages] == [p.page_id for p in hints(("Pain", 6)).symptoms[0].pages]
    assert hints(("Itchy (elbow)", 6)).is_empty


@pytest.mark.parametrize(
    ("rated", "note"),
    [(("Agitation", 4), "He hit me and he has a knife"), (("Irritability", 3), "She hit me today")],
)
def test_violence_in_the_note_shows_the_emergency_not_no_one_is_in_danger(rated, note):
    """The note says someone was hit: the first thing shown is the emergency sign (weapon,
    violence), never only the crisis-line sign that says "no one is in danger yet"."""
    found = hints(rated, note=note)
    assert found.urgent[0].tier is Tier.EMERGENCY and found.urgent[0].page_id == "aggression"
    assert "violence" in found.urgent[0].text


def test_the_sign_that_matches_the_note_comes_first():
    found = hints(("Falls", 2), note="Hit her head on the table. She takes warfarin.")
    assert found.urgent[0].tier is Tier.EMERGENCY
    assert "hit their head" in found.urgent[0].text


@pytest.mark.parametrize("place", ["knee", "left foot", "toe"])
def test_pain_in_a_place_no_urgent_sign_names_raises_no_banner(place):
    """Knee pain at 7 of 10 is real pain, but "Emergency: ... chest pain" is not about it."""
    found = hints((f"Pain ({place})", 8))
    assert found.symptoms and found.urgent == ()


@pytest.mark.parametrize(("place", "words"), [("chest", "Chest pain"), ("stomach", "belly"), ("lower back", "back")])
def test_pain_in_a_place_an_urgent_sign_names_still_shows_it(place, words):
    found = hints((f"Pain ({place})", 8))
    assert found.urgent and found.urgent[0].tier is Tier.EMERGENCY
    assert words.casefold() in found.urgent[0].text.casefold()


@pytest.mark.parametrize("severity", [2, 4, 6])
def test_chest_pain_at_any_rating_above_1_shows_the_heart_attack_emergency(severity):
    """Chest pain that lasts minutes is an emergency however strong it feels (facts file, topic 2):
    the place of a pain counts like the words of the note, as "chest pain"."""
    found = hints(("Pain (chest)", severity))
    assert found.urgent and found.urgent[0].tier is Tier.EMERGENCY and found.urgent[0].page_id == "heart-attack"
    assert found.urgent[0].text.startswith("Chest pain or pressure")


def test_chest_pain_rated_1_still_raises_no_banner():
    assert hints(("Pain (chest)", 1)).urgent == ()
