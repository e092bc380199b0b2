"""Issue 10, item 18: the duplicate check of a vCard import is near-linear (cards are compared only
with contacts that share a name key or a phone number) and finds exactly what the every-pair
check found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from caregiver_app.domain.network import Contact, Phone, PhoneKind, Role
from caregiver_app.importers.vcard import CardCandidate
from caregiver_app.services import vcards
from caregiver_app.services.vcards import DuplicatePair, _match_reasons, find_duplicates


def contact(i: int, name: str, numbers=()) -> Contact:
    return Contact(i, 1, name, Role.FRIEND, phones=tuple(Phone(n, PhoneKind.MOBILE) for n in numbers))


def card(name: str, numbers=()) -> CardCandidate:
    return CardCandidate(position=1, contact=contact(None, name, numbers))


def every_pair(existing, cards) -> list[DuplicatePair]:
    """What the check did before: compare each card with every contact and earlier card."""
    pairs = []
    for i, c in enumerate(cards):
        found = None
        for other in existing:
            if reasons := _match_reasons(c.contact, other):
                found = DuplicatePair(i, other, None, reasons)
                break
        if found is None:
            for j in range(i):
                if reasons := _match_reasons(c.contact, cards[j].contact):
                    found = DuplicatePair(i, None, j, reasons)
                    break
        if found is not None:
            pairs.append(found)
    return pairs


NAMES = st.sampled_from(["Ana Ruiz", "ruiz, ana", "Jürgen Müller", "jurgen muller", "Bo", "Sam Lee", "Lee Sam", "--", "Ｂｏ"])
NUMBERS = st.lists(st.sampled_from(["+15550101", "+15550102", "+4930123", "+4930124"]), max_size=2, unique=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(NAMES, NUMBERS), max_size=6), st.lists(st.tuples(NAMES, NUMBERS), max_size=8))
def test_the_same_pairs_as_the_every_pair_check(kept, read):
    existing = [contact(i + 1, n, p) for i, (n, p) in enumerate(kept)]
    cards = [card(n, p) for n, p in read]
    assert find_duplicates(existing, cards) == every_pair(existing, cards)


def test_cards_are_compared_only_with_likely_matches(monkeypatch):
    calls = {"n": 0}
    real = vcards._match_reasons

    def counting(a, b):
        calls["n"] += 1
        return real(a, b)

    monkeypatch.setattr(vcards, "_match_reasons", counting)
    existing = [contact(i, f"Kept Person {i}", [f"+1555{i:07d}"]) for i in range(1, 1001)]
    cards = [card(f"New Person {i}", [f"+1666{i:07d}"]) for i in range(2000)]
    cards.append(card("Kept Person 7"))  # one real duplicate
    pairs = find_duplicates(existing, cards)
    assert [(p.candidate_index, p.existing.id) for p in pairs] == [(2000, 7)]
    assert calls["n"] <= 2 * len(pairs)  # today: about 4 million comparisons
