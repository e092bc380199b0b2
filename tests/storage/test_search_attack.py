"""Searches a tester typed on purpose: emoji written with a variation selector (❤️, ☀️, ✔️ are a
symbol and the invisible U+FE0F "show as emoji" mark), and other oddities."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from caregiver_app.services import search
from caregiver_app.services.search import SearchQuery
from support import add_entry


@pytest.fixture
def notes(vault, person):
    add_entry(vault, person, datetime(2026, 5, 1, 9), note="Tired ❤️ but walked the dog ☀️")
    add_entry(vault, person, datetime(2026, 5, 2, 9), note="头痛 ✔️ slept well")
    return person


@pytest.mark.parametrize("typed", ["❤️ tired", "tired ☀️", "✔️头痛", "#️⃣ dog"])
def test_an_emoji_beside_a_word_does_not_hide_the_note(vault, notes, typed):
    found = search.search(vault, SearchQuery(text=typed, person_id=notes.id))
    assert found.total == 1
    assert "\ufe0f" not in "".join(found.terms)


@pytest.mark.parametrize("typed", ["❤️", "✔️ ☀️", "#️⃣", "\u0301"])
def test_emoji_alone_are_not_words(typed):
    # The Search page then says emoji and signs on their own are not searched.
    assert search.search_terms(typed) == ()


@pytest.mark.parametrize(("typed", "terms"), [("café", ("café",)), ("cafe\u0301", ("cafe\u0301",)),
                                              ("ปวดหัว", ("ปวดหัว",)), ("1️⃣", ("1\u20e3",))])
def test_marks_on_letters_stay_in_the_word(typed, terms):
    assert search.search_terms(typed) == terms


# Arabic and Hebrew write "the", "and", "with", "in" joined to the front of the word: الصداع "the
# headache", بصداع "with a headache", הכאב "the pain", ובכאב "and in pain". A word is found inside
# those, not only when no note has it on its own.
ARABIC_HEBREW = {
    1: "عندي صداع اليوم",  # "I have a headache today"
    2: "أشعر بصداع شديد",  # "I feel a strong headache" (b- "with")
    3: "الصداع أفضل بعد النوم",  # "the headache is better after sleep"
    4: "יש לי כאב ראש",  # "I have a headache"
    5: "הכאב חזק היום",  # "the pain is strong today"
    6: "Slept well, no pain",
}


@pytest.fixture
def rtl_notes(vault, person):
    for day, note in ARABIC_HEBREW.items():
        add_entry(vault, person, datetime(2026, 6, day, 9), note=note)
    return person


@pytest.mark.parametrize(("typed", "found"), [
    ("صداع", [3, 2, 1]),
    ("كأس", []),
    ("כאב", [5, 4]),
    ("כאב ראש", [4]),
    ("صداع النوم", [3]),
    ("pain", [6]),
])
def test_arabic_and_hebrew_words_are_found_behind_the_letters_joined_to_them(vault, rtl_notes, typed, found):
    result = search.search(vault, SearchQuery(text=typed, person_id=rtl_notes.id))
    assert [h.local_date.day for h in result.hits] == found
    assert not result.inside_words
    for hit in result.hits:
        assert [text for text, is_match in hit.excerpt if is_match]  # the word is marked


# Swiss German always writes "ss" for "ß" (Strasse, Fuss), and so does anyone without the key.
@pytest.fixture
def sharp_s(vault, person):
    for day, note in {1: "Laute Straße, schlecht geschlafen", 2: "Die Strasse war laut", 3: "Fuß tut weh",
                      4: "Fuss geschwollen", 5: "Sent a message"}.items():
        add_entry(vault, person, datetime(2026, 7, day, 9), note=note)
    return person


@pytest.mark.parametrize(("typed", "found"), [
    ("strasse", [2, 1]), ("Straße", [2, 1]), ("STRASSE laut", [2, 1]), ("fuss", [4, 3]), ("fuß weh", [3]),
    ("message", [5]), ("geschlafen", [1]),
])
def test_ss_and_sharp_s_find_each_other(vault, sharp_s, typed, found):
    result = search.search(vault, SearchQuery(text=typed, person_id=sharp_s.id))
    assert [h.local_date.day for h in result.hits] == found
    assert all(any(is_match for _text, is_match in h.excerpt) for h in result.hits)


# Text pasted from a Mac file name or some imports is decomposed (NFD): 두 is the jamo ᄃ + ᅮ, が is
# か + the voicing mark. A word typed composed (as every keyboard types it) finds it, and back.
@pytest.fixture
def decomposed(vault, person):
    add_entry(vault, person, datetime(2026, 8, 1, 9), note=unicodedata.normalize("NFD", "오늘 편두통이 심했다"))
    add_entry(vault, person, datetime(2026, 8, 2, 9), note=unicodedata.normalize("NFD", "今日もがんばる"))
    add_entry(vault, person, datetime(2026, 8, 3, 9), note="두통 없음, がんばった")
    return person


@pytest.mark.parametrize(("typed", "found"), [
    ("두통", [3, 1]), ("편두통이", [1]), ("がんばる", [2]), ("が", [3, 2]),
    (unicodedata.normalize("NFD", "두통"), [3, 1]), (unicodedata.normalize("NFD", "がんば"), [3, 2]),
])
def test_composed_and_decomposed_letters_find_each_other(vault, decomposed, typed, found):
    result = search.search(vault, SearchQuery(text=typed, person_id=decomposed.id))
    assert [h.local_date.day for h in result.hits] == found
    assert all(any(is_match for _text, is_match in h.excerpt) for h in result.hits)
