"""Full-text search (FTS5 inside the encrypted vault): words and word endings, any typed text is
safe, every filter, highlighted excerpts, the index kept in step with edits, deletes and undo,
the migration building it for old rows, and no note text in the files."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregiver_app.domain.errors import ValidationError
from caregiver_app.domain.model import MoodLevel, Recorder, RecorderKind, SymptomRating, Tag, TagKind
from caregiver_app.services import journal, people, search
from caregiver_app.services import journal as entry_history
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.search import SearchQuery
from caregiver_app.services.vault import engine_of


def add(vault, person, when: datetime, note: str = "", **fields):
    return journal.save_entry(vault, EntryDraft(person.id, when, note=note, **fields))


def found(vault, **query) -> list[str]:
    """Notes of the entries found, newest first."""
    result = search.search(vault, SearchQuery(**query))
    notes = {e.id: e.note for e in journal.entries_between(vault, result.hits[0].person_id, date.min, date.max)} if result.hits else {}
    return [notes.get(h.entry_id, h.entry_id) for h in result.hits]


@pytest.fixture
def journal_of_sam(vault, person):
    add(vault, person, datetime(2026, 3, 1, 9), "Walked to the park with Ana; felt calm.", mood=MoodLevel.GOOD,
        tags=(Tag("walk"),))
    add(vault, person, datetime(2026, 3, 2, 9), "Worried about money and sleep. Headache after lunch.",
        mood=MoodLevel.LOW, recorded_by=Recorder.family("Ana"), symptoms=(SymptomRating("Headache", 6),),
        tags=(Tag("money", TagKind.STRESSOR),))
    add(vault, person, datetime(2026, 3, 3, 9), "Walking again, no headache today.", mood=MoodLevel.OKAY,
        symptoms=(SymptomRating("Headache", 0),), flag_for_visit=True)
    add(vault, person, datetime(2026, 3, 4, 9), "Café visit <b>not bold</b> & “quotes”.", mood=MoodLevel.OKAY)
    return person


def test_words_word_endings_and_prefixes_are_found(vault, journal_of_sam):
    assert found(vault, text="walk") == ["Walking again, no headache today.", "Walked to the park with Ana; felt calm."]
    assert found(vault, text="worry") == ["Worried about money and sleep. Headache after lunch."]
    assert len(found(vault, text="head")) == 2  # typing as it goes: "head" finds "headache"
    assert found(vault, text="walked calm") == ["Walked to the park with Ana; felt calm."]  # every word must be there
    assert found(vault, text="WALK   park") == ["Walked to the park with Ana; felt calm."]
    assert found(vault, text="cafe") == ["Café visit <b>not bold</b> & “quotes”."]  # accents do not matter


TRICKY = ['"', '""', "'", "AND", "OR", "NOT", "NEAR(walk calm)", "walk OR", "NOT walk", "*", "walk*", "^walk",
          "note:walk", "(", ")", "-walk", "+walk", "a\\b", "\x00", "walk\nmoney", "{walk}", "walk: park", "“quotes”",
          "<b>", "&", "🙂", "%", "_", "x" * 300]


@pytest.mark.parametrize("text", TRICKY)
def test_any_typed_text_is_searched_safely(vault, journal_of_sam, text):
    result = search.search(vault, SearchQuery(text=text))
    assert result.total == len(result.hits)  # nothing raised; a plain answer


def test_fts_operators_are_plain_words(vault, journal_of_sam):
    assert found(vault, text="and") == ["Worried about money and sleep. Headache after lunch."]
    assert found(vault, text="AND") == found(vault, text="and")
    assert found(vault, text="NOT walk") == []  # "not" is a word to find, not an operator
    assert found(vault, text="not bold") == ["Café visit <b>not bold</b> & “quotes”."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_no_text_at_all_can_break_the_search(vault, journal_of_sam, text):
    search.search(vault, SearchQuery(text=text, person_id=journal_of_sam.id))


def test_match_expression_quotes_every_word():
    assert search.match_expression('walk "calm" AND NEAR(') == '"walk"* "calm"* "and"* "near"*'
    assert search.match_expression(" ,;:()*^ ") is None
    assert len(search.search_terms(" ".join(f"w{i}" for i in range(50)))) == search.MAX_TERMS


def test_filters_each_narrow_the_result(vault, journal_of_sam):
    other = people.add_person(vault, "Ruth")
    add(vault, other, datetime(2026, 3, 2, 10), "Walked with the dog.", tags=(Tag("walk"),))
    sam = journal_of_sam.id
    assert search.search(vault, SearchQuery(text="walk")).total == 3  # everyone
    assert search.search(vault, SearchQuery(text="walk", person_id=sam)).total == 2
    assert search.search(vault, SearchQuery(text="walk", person_id=other.id)).total == 1
    family = search.search(vault, SearchQuery(person_id=sam, recorded_by=RecorderKind.FAMILY))
    assert [h.recorded_by for h in family.hits] == [Recorder.family("Ana")]
    assert search.search(vault, SearchQuery(person_id=sam, recorded_by=RecorderKind.PERSON)).total == 3
    assert search.search(vault, SearchQuery(tag=Tag("walk"))).total == 2  # both people
    assert search.search(vault, SearchQuery(tag=Tag("money", TagKind.STRESSOR))).total == 1
    assert search.search(vault, SearchQuery(tag=Tag("money", TagKind.ACTIVITY))).total == 0
    headache = search.search(vault, SearchQuery(symptom=" headache "))  # rated above 0 only
    assert [h.local_date for h in headache.hits] == [date(2026, 3, 2)]
    flagged = search.search(vault, SearchQuery(flagged_only=True))
    assert [h.local_date for h in flagged.hits] == [date(2026, 3, 3)] and flagged.hits[0].flagged
    between = search.search(vault, SearchQuery(person_id=sam, start=date(2026, 3, 2), end=date(2026, 3, 3)))
    assert [h.local_date for h in between.hits] == [date(2026, 3, 3), date(2026, 3, 2)]
    assert search.search(vault, SearchQuery(text="walk", person_id=sam, start=date(2026, 3, 2))).total == 1
    with pytest.raises(ValidationError, match="before the start"):
        search.search(vault, SearchQuery(start=date(2026, 3, 3), end=date(2026, 3, 2)))


def test_excerpts_mark_the_matching_words(vault, journal_of_sam):
    hit = search.search(vault, SearchQuery(text="money head")).hits[0]
    assert [t for t, matched in hit.excerpt if matched] == ["money", "Headache"]
    assert "".join(t for t, _m in hit.excerpt) == "Worried about money and sleep. Headache after lunch."
    assert hit.person_name == "Sam Rivera" and hit.mood is MoodLevel.LOW
    plain = search.search(vault, SearchQuery(flagged_only=True)).hits[0]
    assert plain.excerpt == (("Walking again, no headache today.", False),)  # no words: the note's start


def test_newest_first_or_best_match_and_a_limit(vault, person):
    for day in range(1, 11):
        add(vault, person, datetime(2026, 4, day, 9), "tea " * (11 - day) + "biscuits")
    newest = search.search(vault, SearchQuery(text="tea", limit=3))
    assert newest.total == 10 and newest.truncated
    assert [h.local_date.day for h in newest.hits] == [10, 9, 8]
    best = search.search(vault, SearchQuery(text="tea", best_first=True, limit=3))
    assert [h.local_date.day for h in best.hits] == [1, 2, 3]  # the note with "tea" ten times first


def test_the_index_follows_edits_deletes_and_undo(vault, person):
    entry = add(vault, person, datetime(2026, 3, 1, 9), "pelican morning")
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 3, 1, 9), note="heron evening", entry_id=entry.id))
    assert search.search(vault, SearchQuery(text="pelican")).total == 0
    assert [h.entry_id for h in search.search(vault, SearchQuery(text="heron")).hits] == [entry.id]
    removed = entry_history.take_out(vault, entry.id)
    assert search.search(vault, SearchQuery(text="heron")).total == 0
    back = entry_history.put_back(vault, removed)
    assert back.id == entry.id  # the same id again, so results and history still point at it
    assert [h.entry_id for h in search.search(vault, SearchQuery(text="heron")).hits] == [entry.id]


def test_the_migration_builds_the_index_for_entries_already_there(vault, person):
    from alembic import command

    from caregiver_app.storage import migrate

    cfg = migrate._config()
    with engine_of(vault).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004_support_network")
        conn.exec_driver_sql(
            "INSERT INTO journal_entry (person_id, occurred_at, local_date, recorded_by_kind, recorded_by_name, note, "
            "flag_for_visit, source, created_at, updated_at) VALUES (?, '2020-01-01T14:00:00.000000Z', '2020-01-01', "
            "'person', '', 'An old note about the lighthouse', 0, 'manual', '2020-01-01T14:00:00.000000Z', "
            "'2020-01-01T14:00:00.000000Z')",
            (person.id,),
        )
    assert migrate.upgrade(engine_of(vault)) is True
    hits = search.search(vault, SearchQuery(text="lighthouse")).hits
    assert [h.local_date for h in hits] == [date(2020, 1, 1)]
    assert hits[0].zone_name == ""  # written before zones were kept


def test_search_words_never_reach_the_files_in_plain_text(vault_paths):
    from support import PASSPHRASE

    from caregiver_app.services.vault_open import create_vault

    created = create_vault(vault_paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam")
    add(created.vault, sam, datetime(2026, 3, 1, 9), "Quokkaflute zebrawhistle")
    assert search.search(created.vault, SearchQuery(text="quokkaflute")).total == 1
    created.vault.close()
    for path in vault_paths.folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            assert b"quokkaflute" not in data and b"zebrawhistl" not in data, path.name


def test_jumping_the_list_to_an_entry_or_a_day(vault, person):
    entries = [add(vault, person, datetime(2026, 1, 1 + i, 9), f"day {i}") for i in range(20)]
    anchor = journal.anchor_for_entry(vault, entries[10].id)
    page = journal.page_at(vault, anchor, limit=3, newer_limit=3)
    assert [e.id for e in page.entries] == [entries[10].id, entries[9].id, entries[8].id]
    assert [e.id for e in page.newer] == [entries[13].id, entries[12].id, entries[11].id]
    above = journal.page_newer(vault, person.id, page.newer[0], 3)
    assert [e.id for e in above.entries] == [entries[16].id, entries[15].id, entries[14].id]
    below = journal.page_older(vault, person.id, after=page.entries[-1], limit=2)
    assert [e.id for e in below.entries] == [entries[7].id, entries[6].id]
    by_day = journal.page_at(vault, journal.anchor_for_day(person.id, date(2026, 1, 5)), limit=2, newer_limit=1)
    assert [e.local_date for e in by_day.entries] == [date(2026, 1, 5), date(2026, 1, 4)]
    assert [e.local_date for e in by_day.newer] == [date(2026, 1, 6)]
    empty_day = journal.page_at(vault, journal.anchor_for_day(person.id, date(2025, 12, 31)), limit=2, newer_limit=2)
    assert empty_day.entries == [] and empty_day.newer == []
    from caregiver_app.domain.errors import NotFoundError

    journal.take_out(vault, entries[0].id)
    with pytest.raises(NotFoundError):
        journal.anchor_for_entry(vault, entries[0].id)
