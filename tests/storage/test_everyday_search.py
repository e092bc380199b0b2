"""Issue 18, defect 5 (part): words with "ß" are found, and an emoji or sign typed with a filter
finds nothing rather than every entry."""

from __future__ import annotations

from datetime import datetime

from caregiver_app.services import journal, search
from caregiver_app.services.journal import EntryDraft


def test_eszett_is_found(vault, person):
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="Spaziergang an der Straße"))
    for typed in ("Straße", "STRAßE", "straße"):
        result = search.search(vault, search.SearchQuery(typed, person_id=person.id))
        assert result.total == 1, typed


def test_emoji_with_a_filter_finds_nothing(vault, person):
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="A calm day"))
    result = search.search(vault, search.SearchQuery("🙂", person_id=person.id))
    assert result.total == 0 and result.hits == () and result.terms == ()
    assert search.search(vault, search.SearchQuery("", person_id=person.id)).total == 1  # an empty box: the filter alone
