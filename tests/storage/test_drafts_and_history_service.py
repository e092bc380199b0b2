"""Drafts kept in the vault (save, overwrite, list, delete, unreadable payloads) and the units of
work behind undo (take out and put back exactly, doses included; set back an edit)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from caregiver_app.domain.errors import NotFoundError
from caregiver_app.domain.medications import DoseRecord, DoseStatus
from caregiver_app.domain.model import MoodLevel, Tag
from caregiver_app.services import drafts, journal, medications, people
from caregiver_app.services import journal as entry_history
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault import session_of

NOW = datetime(2026, 11, 30, 15, tzinfo=timezone.utc)


def test_a_draft_is_kept_overwritten_listed_and_deleted(vault, person):
    state = drafts.DraftState(person.id, when=datetime(2026, 11, 30, 9, 5), zone_name="America/New_York", mood=2,
                              symptoms=(("Headache", 6), ("Half typed", None)), note="Couldn't sleep.\nWoke at 3.",
                              recorder_kind="family", recorder_name="Ana", extra={"doses": [[1, "taken"]]})
    drafts.save_draft(vault, "key-1", state, clock=lambda: NOW)
    drafts.save_draft(vault, "key-1", drafts.DraftState(person.id, note="Couldn't sleep. More."), clock=lambda: NOW)
    drafts.save_draft(vault, "key-2", state, clock=lambda: NOW.replace(hour=16))
    kept = drafts.list_drafts(vault)
    assert [d.key for d in kept] == ["key-2", "key-1"]  # newest first
    assert kept[0].state == state and kept[0].person_name == "Sam Rivera"
    assert kept[1].state.note == "Couldn't sleep. More."
    assert drafts.delete_drafts(vault, "key-1", "missing") == 1
    assert [d.key for d in drafts.list_drafts(vault, person.id)] == ["key-2"]
    other = people.add_person(vault, "Ruth")
    assert drafts.list_drafts(vault, other.id) == []


def test_an_unreadable_draft_keeps_its_words_as_the_note(vault, person):
    with session_of(vault) as s:
        from caregiver_app.storage.repos.drafts import upsert_draft

        upsert_draft(s, "broken", person.id, None, "not json {", NOW)
    (kept,) = drafts.list_drafts(vault)
    assert kept.state.note == "not json {"


def test_an_empty_form_has_no_words():
    assert not drafts.DraftState(1, when=datetime(2026, 1, 1)).has_words
    assert drafts.DraftState(1, note=" x").has_words and drafts.DraftState(1, anxiety=0).has_words
    assert drafts.DraftState.from_json(drafts.DraftState(1, sleep_hours=7.25).to_json(), 1, None).sleep_hours == 7.25


def test_take_out_and_put_back_keeps_the_id_and_the_doses(vault, person):
    med = medications.add_medication(vault, medications.MedicationDraft(person.id, "Sertraline", 50, "mg", "morning"))
    gone = medications.add_medication(vault, medications.MedicationDraft(person.id, "Melatonin", 3, "mg", "night"))
    doses = (DoseRecord(med.id, DoseStatus.TAKEN), DoseRecord(gone.id, DoseStatus.MISSED))
    entry = journal.save_entry(
        vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), mood=MoodLevel.OKAY, note="x", tags=(Tag("walk"),)),
        doses=doses)
    removed = entry_history.take_out(vault, entry.id)
    assert removed.entry == entry and set(removed.doses) == set(doses)
    with pytest.raises(NotFoundError):
        journal.get_entry(vault, entry.id)
    medications.delete_medication(vault, gone.id)  # deleted meanwhile: its dose stays out
    back = entry_history.put_back(vault, removed, clock=lambda: NOW)
    assert back == entry
    assert medications.doses_for_entry(vault, back.id) == [DoseRecord(med.id, DoseStatus.TAKEN)]


def test_put_back_takes_a_new_id_when_the_old_one_was_reused(vault, person):
    first = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="first"))
    removed = entry_history.take_out(vault, first.id)
    reused = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 9), note="second"))
    assert reused.id == first.id  # SQLite hands out the highest free id again
    back = entry_history.put_back(vault, removed)
    assert back.id != first.id and back.note == "first"
    assert {e.note for e in journal.recent_entries(vault, person.id)} == {"first", "second"}


def test_set_to_puts_an_edit_back(vault, person):
    before = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 8), note="before", mood=MoodLevel.LOW))
    after = journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 28, 8), note="after", entry_id=before.id))
    assert after.local_date != before.local_date
    assert entry_history.set_to(vault, before) == before
    with pytest.raises(NotFoundError):
        entry_history.take_out(vault, 9999)
