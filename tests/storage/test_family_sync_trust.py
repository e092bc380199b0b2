"""Family sync refuses what it cannot trust (issue 20): tampered, swapped, replayed or cut-short
batches, batches of a removed computer; and it copes with clocks days apart and a computer that
was away for months."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest
from family_support import exports, family, shared_state
from support import add_entry

from caregiver_app.domain.hlc import wall_ms
from caregiver_app.services import family_sync, journal, people
from caregiver_app.services.family_folder import batch_name

DAY_MS = 24 * 3600 * 1000


@pytest.fixture
def three(tmp_path):
    with family(tmp_path, 3) as made:
        yield made


def device_of(vault) -> str:
    return family_sync.family_status(vault).device_id


def one_batch(a, note="a note"):
    sam = people.find_person(a, "Sam Rivera") or people.add_person(a, "Sam Rivera")
    add_entry(a, sam, date(2026, 11, 2), note=note)
    result = family_sync.sync_now(a)
    assert result.sent > 0
    return result


def reasons(result) -> list[str]:
    return sorted(r.reason for r in result.refused)


def test_a_tampered_batch_is_refused_and_reported_never_merged(three):
    (a, b, _c), shared = three
    one_batch(a)
    (path,) = (shared / device_of(a)).glob("batch-*.ccsync")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    result = family_sync.sync_now(b)
    assert reasons(result) == ["unauthentic"] and result.received == 0
    assert people.find_person(b, "Sam Rivera") is None
    assert "trusted" not in result.refused[0].label and result.refused[0].label  # plain words for the window


def test_a_batch_swapped_between_computers_or_numbers_is_refused(three):
    (a, b, c), shared = three
    one_batch(a)
    (path,) = (shared / device_of(a)).glob("batch-*.ccsync")
    shutil.copyfile(path, shared / device_of(c) / batch_name(7))  # c's folder, as if c had written it
    shutil.copyfile(path, shared / device_of(a) / batch_name(5))  # a's folder, renumbered: a replay
    result = family_sync.sync_now(b)
    assert reasons(result) == ["swapped", "swapped"]
    assert result.batches == 1  # the real one is merged
    assert family_sync.sync_now(b).received == 0  # merged once; the copies stay refused
    assert exports(a) == exports(b)


def test_a_batch_cut_short_is_read_again_when_it_has_arrived(three):
    (a, b, _c), shared = three
    one_batch(a)
    (path,) = (shared / device_of(a)).glob("batch-*.ccsync")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])
    assert reasons(family_sync.sync_now(b)) == ["damaged"]
    path.write_bytes(whole)
    result = family_sync.sync_now(b)
    assert result.refused == () and result.batches == 1
    assert exports(a) == exports(b)


def test_a_removed_computer_cannot_read_what_follows_and_its_later_batches_are_refused(three):
    (a, b, c), shared = three
    one_batch(a, "before the removal")
    for vault in (b, c):
        family_sync.sync_now(vault)
    removal = family_sync.remove_computer(a, device_of(c))
    assert removal.name == "computer2"
    one_batch(a, "after the removal")
    assert family_sync.sync_now(b).refused == ()  # b got the new key sealed to it
    result = family_sync.sync_now(c)
    assert "unknown-key" in reasons(result)  # c cannot open what a wrote after removing it
    sam_c = people.find_person(c, "Sam Rivera")
    notes = [e.note for e in journal.entries_between(c, sam_c.id, date(2026, 11, 1), date(2026, 11, 30))]
    assert notes == ["before the removal"]
    # c writes on: its new batches are refused by the others
    add_entry(c, sam_c, date(2026, 11, 5), note="from the removed computer")
    family_sync.sync_now(c)
    for vault in (a, b):
        assert "removed" in reasons(family_sync.sync_now(vault))
        sam = people.find_person(vault, "Sam Rivera")
        assert "from the removed computer" not in [
            e.note for e in journal.entries_between(vault, sam.id, date(2026, 11, 1), date(2026, 11, 30))]
    assert exports(a) == exports(b)


def test_a_computer_days_ahead_does_not_win_over_a_later_edit_that_saw_it(three):
    (a, b, _c), _shared = three
    ahead = lambda: wall_ms() + 9 * DAY_MS  # noqa: E731
    sam = people.add_person(a, "Sam Rivera")
    entry = add_entry(a, sam, date(2026, 11, 2), note="first")
    family_sync.sync_now(a)
    family_sync.sync_now(b, now_ms=ahead)
    sam_b = people.find_person(b, "Sam Rivera")
    (on_b,) = journal.entries_between(b, sam_b.id, date(2026, 11, 1), date(2026, 11, 30))
    journal.set_to(b, replace(on_b, note="edited on the fast computer"))
    family_sync.sync_now(b, now_ms=ahead)
    family_sync.sync_now(a)  # a's clock is right; it now has seen b's edit
    journal.set_to(a, replace(journal.get_entry(a, entry.id), note="edited later on the right clock"))
    family_sync.sync_now(a)
    family_sync.sync_now(b, now_ms=ahead)
    assert journal.get_entry(a, entry.id).note == "edited later on the right clock"
    assert [e.note for e in journal.entries_between(b, sam_b.id, date(2026, 11, 1), date(2026, 11, 30))] == [
        "edited later on the right clock"]
    assert family_sync.conflicts(a) == family_sync.conflicts(b) == []


def test_a_computer_away_for_months_catches_up_with_every_batch(three):
    (a, b, c), _shared = three
    sam = people.add_person(a, "Sam Rivera")
    family_sync.sync_now(a)
    family_sync.sync_now(b)
    sam_b = people.find_person(b, "Sam Rivera")
    for day in range(1, 91):  # three months, a batch a day from one computer or the other
        vault, person = (a, sam) if day % 2 else (b, sam_b)
        add_entry(vault, person, date(2026, 8, 1).fromordinal(date(2026, 8, 1).toordinal() + day), note=f"day {day}")
        family_sync.sync_now(vault)
    family_sync.sync_now(a)
    result = family_sync.sync_now(c)  # c was away all that time
    assert result.batches >= 90 and result.refused == ()
    assert exports(c) == exports(a) and shared_state(c) == shared_state(a)
    assert len(next(iter(exports(c).values()))) == 90
