"""Issue 18, defect 6: a tag typed in another case is the same tag ("cleaning" is "Cleaning",
kept as first written), on save and on import; an entry keeps each tag once; old duplicates from
imports can be merged into one, keeping every entry's tags."""

from __future__ import annotations

from datetime import UTC, datetime

from caregiver_app.domain.model import Tag, TagKind
from caregiver_app.services import journal
from caregiver_app.services.journal import EntryDraft
from caregiver_app.storage.repos import journal as repo
from caregiver_app.storage.rows.journal import EntryTagRow, TagRow
from caregiver_app.services.vault import session_of


def save(vault, person, *tags, note="x"):
    return journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 9, 0), note=note,
                                                tags=tuple(Tag(n, TagKind.ACTIVITY) for n in tags)))


def test_a_tag_in_another_case_is_the_same_tag(vault, person):
    save(vault, person, "Cleaning")
    second = save(vault, person, "cleaning", "CLEANING", note="y")
    assert [t.name for t in journal.tag_choices(vault)] == ["Cleaning"]
    assert [t.name for t in journal.get_entry(vault, second.id).tags] == ["Cleaning"]


def test_greek_and_german_case_is_matched_too(vault, person):
    save(vault, person, "Σπίτι", "Straße")
    save(vault, person, "ΣΠΊΤΙ", "STRASSE", note="y")
    assert sorted(t.name for t in journal.tag_choices(vault)) == ["Straße", "Σπίτι"]


def test_old_duplicates_are_merged_keeping_every_entry(vault, person):
    with session_of(vault) as s:  # as an import before this fix left them
        s.add_all([TagRow(name="Cleaning", kind="activity"), TagRow(name="cleaning", kind="activity")])
    with session_of(vault) as s:
        ids = {r.name: r.id for r in s.query(TagRow)}
    one = save(vault, person, "Walk", note="a")
    with session_of(vault) as s:
        s.add_all([EntryTagRow(entry_id=one.id, tag_id=ids["Cleaning"], position=1),
                   EntryTagRow(entry_id=one.id, tag_id=ids["cleaning"], position=2)])
    two = save(vault, person, note="b")
    with session_of(vault) as s:
        s.add(EntryTagRow(entry_id=two.id, tag_id=ids["cleaning"], position=0))
    assert [[t.name for t in g] for g in journal.tag_spelling_groups(vault)] == [["Cleaning", "cleaning"]]
    assert journal.merge_tag_spellings(vault) == 1
    assert journal.tag_spelling_groups(vault) == []
    assert [t.name for t in journal.get_entry(vault, one.id).tags] == ["Walk", "Cleaning"]
    assert [t.name for t in journal.get_entry(vault, two.id).tags] == ["Cleaning"]


def test_imported_entries_reuse_the_tag_in_any_case(vault, person):
    save(vault, person, "Cleaning")
    imported = [journal.entry_from_draft(EntryDraft(person.id, datetime(2026, 11, 28, 9, 0), note=f"i{i}",
                                                    tags=(Tag(name, TagKind.ACTIVITY), Tag("CLEANING", TagKind.ACTIVITY))))
                for i, name in enumerate(["cleaning", "Gardening", "gardening"])]
    with session_of(vault) as s:
        assert repo.bulk_insert_entries(s, imported, datetime(2026, 11, 30, 9, 0, tzinfo=UTC)) == 3
    assert sorted(t.name for t in journal.tag_choices(vault)) == ["Cleaning", "Gardening"]
    notes = {e.note: [t.name for t in e.tags] for e in journal.recent_entries(vault, person.id)}
    assert notes["i0"] == ["Cleaning"] and notes["i2"] == ["Gardening", "Cleaning"]
