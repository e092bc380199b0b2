"""Searches a tester typed on purpose: emoji written with a variation selector (❤️, ☀️, ✔️ are a
symbol and the invisible U+FE0F "show as emoji" mark), and other oddities."""

from __future__ import annotations

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
