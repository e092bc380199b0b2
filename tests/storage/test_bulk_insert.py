"""Issue 16: the bulk insert (imports, long set-ups) stores exactly what saving the same entries one
by one stores: every field, tags (one tag per spelling, matched ignoring case), symptom ratings,
doses, the search index. It keeps one transaction and the unique import key. On a real encrypted
vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from caregiver_app.domain.errors import NotFoundError
from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import Elevation, JournalEntry, MoodLevel, Recorder, SleepQuality, SymptomRating
from caregiver_app.domain.model import Tag, TagKind
from caregiver_app.services import journal, medications, people, search
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.search import SearchQuery
from caregiver_app.services.vault import session_of
from caregiver_app.storage.repos import journal as repo
from caregiver_app.storage.repos import medications as medications_repo
from caregiver_app.storage.rows.journal import EntryRow, TagRow
from caregiver_app.storage.rows.search import FTS_TABLE, TRIGRAM_TABLE

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _mixed(person_id: int, meds: list[int]) -> list[tuple[JournalEntry, list[DoseRecord]]]:
    """Entries that leave different optional fields empty, with tags in several spellings,
    symptoms (starter and custom), a family member's observation, and doses."""
    def at(day: int, hour: int) -> dict:
        return {"occurred_at": datetime(2026, 3, day, hour, 15, tzinfo=UTC), "local_date": date(2026, 3, day)}

    made = [
        (JournalEntry(None, person_id, **at(1, 8), mood=MoodLevel.LOW, note="Slept badly, walked to the bakery",
                      tags=(Tag("Walk"), Tag("money", TagKind.STRESSOR)), symptoms=(SymptomRating("Sadness", 6),)),
         [DoseRecord(meds[0], DoseStatus.TAKEN)]),
        (JournalEntry(None, person_id, **at(1, 20), anxiety=7, energy=2, sleep_hours=5.5,
                      sleep_quality=SleepQuality(1), flag_for_visit=True, elevation=Elevation(2),
                      symptoms=(SymptomRating("Hearing voices", 3), SymptomRating("Knee ache", 9))),
         [DoseRecord(meds[0], DoseStatus.MISSED), DoseRecord(meds[1], DoseStatus.EXTRA)]),
        (JournalEntry(None, person_id, **at(2, 9), recorded_by=Recorder.family("Ana"), note="Quiet day. Straße sonnig.",
                      tags=(Tag("walk"), Tag("WALK"), Tag("Cleaning"))), []),
        (JournalEntry(None, person_id, **at(3, 7), mood=MoodLevel.VERY_GOOD, mood_label="Daylio \u201crad\u201d",
                      source="daylio", import_key="a" * 64, zone_name="Europe/Berlin",
                      note="Im Garten gearbeitet \U0001F33B", tags=(Tag("cleaning"),)),
         [DoseRecord(meds[1], DoseStatus.TAKEN)]),
    ]
    return made


def _setup(vault):
    """Two people with the same two medicines (each their own) and one tag already in the vault."""
    found = []
    for name in ("Sam", "Robin"):
        person = people.add_person(vault, name)
        # a start date of their own: the first dose's date (and so its family-sync id) is not the day the test runs
        meds = [medications.add_medication(vault, MedicationDraft(person.id, m, 5, "mg", "morning",
                                                                   start_date=date(2026, 1, 5))).id
                for m in ("Lithium", "Sertraline")]
        found.append((person.id, meds))
    journal.save_entry(vault, journal.EntryDraft(found[0][0], datetime(2026, 2, 1, 9, 0), note="first",
                                                 tags=(Tag("Walk"),)))
    return found


def _stored(vault, entry_id: int):
    with session_of(vault) as s:
        doses = medications_repo.doses_for_entry(s, entry_id)
    return journal.get_entry(vault, entry_id), doses


def test_bulk_inserted_entries_equal_entries_saved_one_by_one(vault):
    (one_id, one_meds), (bulk_id, bulk_meds) = _setup(vault)
    singles = []
    with session_of(vault) as s:
        for entry, doses in _mixed(one_id, one_meds):
            singles.append(journal.write_entry(s, entry, NOW, doses=doses))
    made = _mixed(bulk_id, bulk_meds)
    with session_of(vault) as s:
        first = s.scalar(select(func.max(EntryRow.id))) + 1
        count = repo.bulk_insert_entries(s, [e for e, _ in made], NOW, doses=[d for _, d in made])
    assert count == len(made)
    bulk = list(range(first, first + count))
    med_of = dict(zip(one_meds, bulk_meds))
    for single_id, bulk_entry_id in zip(singles, bulk):
        single, single_doses = _stored(vault, single_id)
        stored, stored_doses = _stored(vault, bulk_entry_id)
        assert stored.person_id == bulk_id and stored.id == bulk_entry_id
        assert replace(stored, id=None, person_id=0) == replace(single, id=None, person_id=0)
        assert stored_doses == [DoseRecord(med_of[d.medication_id], d.status) for d in single_doses]
    # one tag per spelling, kept as first written; an entry holds each tag once
    assert [t.name for t in journal.tag_choices(vault)] == ["Cleaning", "money", "Walk"]
    assert [t.name for t in journal.get_entry(vault, bulk[2]).tags] == ["Walk", "Cleaning"]
    # the search index knows the bulk-inserted notes, words and trigram parts alike
    for text in ("bakery", "garten", "sonnig"):
        hits = search.search(vault, SearchQuery(text=text, person_id=bulk_id)).hits
        assert [h.entry_id for h in hits] and {h.entry_id for h in hits} <= set(bulk), text


def test_bulk_insert_keeps_one_transaction_and_the_unique_import_key(vault):
    (person_id, meds), _ = _setup(vault)
    made = _mixed(person_id, meds)
    with session_of(vault) as s:
        before = s.scalar(select(func.count()).select_from(EntryRow))
        tags_before = s.scalar(select(func.count()).select_from(TagRow))
    with session_of(vault) as s:
        repo.bulk_insert_entries(s, [made[3][0]], NOW)
    again = [e for e, _ in made]  # the last one carries an import key already stored
    with pytest.raises(IntegrityError), session_of(vault) as s:
        repo.bulk_insert_entries(s, again, NOW, doses=[d for _, d in made])
    with session_of(vault) as s:
        assert s.scalar(select(func.count()).select_from(EntryRow)) == before + 1
        assert s.scalar(select(func.count()).select_from(TagRow)) == tags_before + 1  # only "Cleaning"
    with session_of(vault) as s:  # the import path leaves the known row out instead
        assert journal.write_imported_entries(s, person_id, [made[3][0]], NOW) == (0, 1)


def test_a_dose_of_someone_elses_medicine_stops_the_whole_insert(vault):
    (person_id, _), (_, other_meds) = _setup(vault)
    entry = JournalEntry(None, person_id, NOW, date(2026, 11, 30), note="with a stranger's medicine")
    with pytest.raises(NotFoundError), session_of(vault) as s:
        repo.bulk_insert_entries(s, [entry], NOW, doses=[[DoseRecord(other_meds[0], DoseStatus.TAKEN)]])
    assert journal.count_entries(vault, person_id) == 1


def test_the_import_batch_is_written_into_every_new_entry(vault):
    (person_id, meds), _ = _setup(vault)
    made = _mixed(person_id, meds)
    with session_of(vault) as s:
        first = s.scalar(select(func.max(EntryRow.id))) + 1
        repo.bulk_insert_entries(s, [e for e, _ in made], NOW, import_batch_id=7)
    with session_of(vault) as s:
        batches = s.execute(select(EntryRow.id, EntryRow.import_batch_id).order_by(EntryRow.id)).all()
    assert [b for i, b in batches if i >= first] == [7] * len(made)
    assert [b for i, b in batches if i < first] == [None]


def test_entries_after_a_bulk_insert_get_the_next_ids(vault):
    (person_id, meds), _ = _setup(vault)
    with session_of(vault) as s:
        repo.bulk_insert_entries(s, [e for e, _ in _mixed(person_id, meds)], NOW)
    saved = journal.save_entry(vault, journal.EntryDraft(person_id, datetime(2026, 4, 1, 9, 0), note="later"))
    with session_of(vault) as s:
        assert saved.id == s.scalar(select(func.max(EntryRow.id)))
        assert s.scalar(select(func.count()).select_from(EntryRow)) == 6


def _triggers(vault) -> list[tuple[str, str]]:
    with session_of(vault) as s:
        return s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).all()


def test_the_search_indexes_match_the_notes_and_keep_their_triggers(vault):
    (person_id, meds), _ = _setup(vault)
    triggers = _triggers(vault)
    assert {name for name, _ in triggers} >= {f"{FTS_TABLE}_ai", f"{TRIGRAM_TABLE}_ai"}
    with session_of(vault) as s:
        repo.bulk_insert_entries(s, [e for e, _ in _mixed(person_id, meds)], NOW)
    with pytest.raises(IntegrityError), session_of(vault) as s:  # a failed insert puts them back too
        repo.bulk_insert_entries(s, [e for e, _ in _mixed(person_id, meds)], NOW)
    assert _triggers(vault) == triggers
    later = journal.save_entry(vault, journal.EntryDraft(person_id, datetime(2026, 4, 1, 9, 0), note="lighthouse"))
    with session_of(vault) as s:
        for index in (FTS_TABLE, TRIGRAM_TABLE):  # FTS5 compares its index with the notes, row by row
            s.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))
        found = s.scalars(text(f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH 'ghthou'")).all()
        baked = s.scalars(text(f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH 'akery'")).all()
    assert found == [later.id] and len(baked) == 1
