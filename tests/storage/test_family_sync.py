"""Family sync between real vaults through one shared folder (issue 20)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from family_support import exports, family, shared_state
from support import add_entry

from caregiver_app.domain.model import Recorder, RecorderKind, SymptomRating
from caregiver_app.security.family_keys import InvitationError
from caregiver_app.services import family_sync, journal, people
from caregiver_app.services.vault import engine_of


@pytest.fixture
def two(tmp_path):
    with family(tmp_path, 2) as made:
        yield made


def round_trip(*vaults):
    return [family_sync.sync_now(v) for v in vaults]


def sam_on_both(a, b):
    """Sam, added on ``a`` and synced to ``b``: (Sam on a, Sam on b)."""
    sam = people.add_person(a, "Sam Rivera")
    round_trip(a, b)
    return sam, people.find_person(b, "Sam Rivera")


def test_an_entry_written_on_one_computer_arrives_on_the_other_with_its_author(two):
    (a, b), _shared = two
    sam = people.add_person(a, "Sam Rivera")
    add_entry(a, sam, date(2026, 11, 2), note="Slept badly", symptoms=(SymptomRating("Headache", 6),),
              recorded_by=Recorder(RecorderKind.FAMILY, "Maria"))
    sent, received = round_trip(a, b)
    assert sent.sent > 0 and sent.batches == 0
    assert received.tables == {"person", "journal_entry", "symptom", "symptom_rating"}
    assert family_sync.sync_now(b).received == 0  # nothing new
    (entry,) = journal.entries_between(b, people.find_person(b, "Sam Rivera").id, date(2026, 11, 1), date(2026, 11, 30))
    assert (entry.note, entry.recorded_by.name, [(r.symptom, r.severity) for r in entry.symptoms]) == (
        "Slept badly", "Maria", [("Headache", 6)])
    assert exports(a) == exports(b) and shared_state(a) == shared_state(b)


def test_both_computers_create_headache_and_it_stays_one_symptom(two):
    (a, b), _shared = two
    sam, sam_b = sam_on_both(a, b)
    add_entry(a, sam, date(2026, 11, 2), note="a", symptoms=(SymptomRating("Headache", 3),))
    add_entry(b, sam_b, date(2026, 11, 3), note="b", symptoms=(SymptomRating("headache ", 5),))
    round_trip(a, b, a)
    for vault in (a, b):
        with engine_of(vault).connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM symptom").scalar_one() == 1
    assert exports(a) == exports(b)


def test_edits_delete_and_undo_travel(two):
    (a, b), _shared = two
    sam = people.add_person(a, "Sam Rivera")
    entry = add_entry(a, sam, date(2026, 11, 2), note="first words", mood=2)
    round_trip(a, b)
    sam_b = people.find_person(b, "Sam Rivera")
    (on_b,) = journal.entries_between(b, sam_b.id, date(2026, 11, 1), date(2026, 11, 30))
    journal.set_to(b, replace(on_b, note="better words"))
    round_trip(b, a)
    assert journal.get_entry(a, entry.id).note == "better words"
    journal.take_out(a, entry.id)
    round_trip(a, b)
    assert journal.entries_between(b, sam_b.id, date(2026, 11, 1), date(2026, 11, 30)) == []
    ((table, gid),) = [d for d in family_sync.deleted_rows(b) if d[0] == "journal_entry"]
    assert family_sync.bring_back(b, table, gid)
    round_trip(b, a)
    (back,) = journal.entries_between(a, sam.id, date(2026, 11, 1), date(2026, 11, 30))
    assert back.note == "better words"
    assert exports(a) == exports(b) and shared_state(a) == shared_state(b)


def test_two_edits_of_one_note_made_apart_keep_both(two):
    (a, b), _shared = two
    sam, sam_b = sam_on_both(a, b)
    with engine_of(a).begin() as conn:
        conn.exec_driver_sql("UPDATE person SET notes = 'likes the garden' WHERE id = ?", (sam.id,))
    with engine_of(b).begin() as conn:
        conn.exec_driver_sql("UPDATE person SET notes = 'afraid of the kettle' WHERE id = ?", (sam_b.id,))
    round_trip(a, b, a)
    kept = {people.get_person(a, sam.id).notes, people.get_person(b, sam_b.id).notes}
    assert len(kept) == 1
    for vault in (a, b):
        (conflict,) = family_sync.conflicts(vault)
        assert {conflict.kept, conflict.other} == {"likes the garden", "afraid of the kettle"}
    (conflict,) = family_sync.conflicts(a)
    family_sync.resolve_conflict(a, conflict.conflict_id, keep_other=True)
    round_trip(a, b)
    assert people.get_person(b, sam_b.id).notes == conflict.other == people.get_person(a, sam.id).notes
    assert family_sync.conflicts(a) == []


def test_the_same_batch_twice_changes_nothing(two, tmp_path):
    (a, b), shared = two
    sam = people.add_person(a, "Sam Rivera")
    add_entry(a, sam, date(2026, 11, 2), note="once")
    family_sync.sync_now(a)
    assert family_sync.sync_now(b).received > 0
    before = shared_state(b)
    assert family_sync.sync_now(b).received == 0
    assert shared_state(b) == before


def test_a_wrong_or_used_up_invitation_is_refused(two, tmp_path):
    (a, _b), shared = two
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    third = create_vault(VaultPaths(tmp_path / "third"), "another long passphrase").vault
    try:
        with pytest.raises(InvitationError, match="typo"):
            family_sync.join_family(third, shared, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
        code = family_sync.new_invitation(a)
        family_sync.join_family(third, shared, code)
        family_sync.sync_now(third)
        family_sync.sync_now(a)  # a sees the new computer: its waiting invitations are used up
        assert not list(shared.glob("*/invite-*"))
    finally:
        third.close()


def test_medicine_history_keeps_every_dose_change_and_a_concurrent_different_dose_is_set_aside(two):
    from caregiver_app.services import medications

    (a, b), _shared = two
    sam, sam_b = sam_on_both(a, b)
    med = medications.add_medication(a, medications.MedicationDraft(sam.id, "Sertraline", amount=50, unit="mg",
                                                                     first_dose_from=date(2026, 11, 1)))
    round_trip(a, b)
    (med_b,) = medications.list_medications(b, sam_b.id)
    # each computer records the same change day differently, without seeing the other
    for vault, med_id, amount in ((a, med.id, 75.0), (b, med_b.id, 100.0)):
        with engine_of(vault).begin() as conn:
            conn.exec_driver_sql("UPDATE medication_dose_change SET amount = ? WHERE medication_id = ?", (amount, med_id))
    round_trip(a, b, a)
    amounts = {medications.list_medications(v, p.id)[0].current.dose.amount for v, p in ((a, sam), (b, sam_b))}
    assert len(amounts) == 1
    for vault in (a, b):
        (conflict,) = family_sync.conflicts(vault)
        assert (conflict.what, conflict.column, {conflict.kept, conflict.other}) == (
            "medication_dose_change", "amount", {75.0, 100.0})


def test_a_folder_given_as_a_relative_path_is_kept_whole_so_sync_from_elsewhere_finds_it(tmp_path, monkeypatch):
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault
    from family_support import PASSPHRASE

    (tmp_path / "shared").mkdir()
    vault = create_vault(VaultPaths(tmp_path / "computer0"), PASSPHRASE).vault
    try:
        monkeypatch.chdir(tmp_path)
        family_sync.create_family(vault, "shared", name="computer0")
        elsewhere = tmp_path / "elsewhere"
        (elsewhere / "shared").mkdir(parents=True)
        monkeypatch.chdir(elsewhere)
        people.add_person(vault, "Sam Rivera")
        assert family_sync.family_status(vault).folder == tmp_path / "shared"
        assert family_sync.sync_now(vault).sent
        assert list((tmp_path / "shared").glob("*/batch-*.ccsync"))
        assert not list((elsewhere / "shared").iterdir())
    finally:
        vault.close()


def test_sync_with_the_shared_folder_gone_or_emptied_refuses_and_keeps_the_changes_waiting(two, tmp_path):
    import shutil

    (a, b), shared = two
    people.add_person(a, "Sam Rivera")
    moved = tmp_path / "away"
    shared.rename(moved)
    with pytest.raises(family_sync.FolderUnreachableError, match=str(shared)):
        family_sync.sync_now(a)
    shared.mkdir()  # an unplugged drive's empty mount point, or a sync tool that starts afresh
    with pytest.raises(family_sync.FolderUnreachableError):
        family_sync.sync_now(a)
    assert not any(shared.iterdir())  # nothing sent into the wrong place
    assert family_sync.family_status(a).waiting_to_send
    shared.rmdir()
    shutil.move(moved, shared)
    round_trip(a, b)
    assert people.find_person(b, "Sam Rivera")


def test_an_invitation_works_once_even_before_the_inviting_computer_syncs_again(two, tmp_path):
    (a, _b), shared = two
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    third = create_vault(VaultPaths(tmp_path / "third"), "another long passphrase").vault
    fourth = create_vault(VaultPaths(tmp_path / "fourth"), "another long passphrase").vault
    try:
        code = family_sync.new_invitation(a)
        family_sync.join_family(third, shared, code)
        with pytest.raises(InvitationError):
            family_sync.join_family(fourth, shared, code)
    finally:
        third.close()
        fourth.close()


def test_a_stray_file_with_a_huge_number_in_a_computers_folder_does_not_hide_its_next_batches(two):
    (a, b), shared = two
    mine = shared / family_sync.family_status(a).device_id
    (mine / "batch-999999999999.ccsync").write_bytes(b"not ours")
    people.add_person(a, "Sam Rivera")
    round_trip(a, b)
    assert people.find_person(b, "Sam Rivera")


def test_invitations_waiting_when_a_computer_is_removed_are_used_up(tmp_path):
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    with family(tmp_path, 3) as ((a, b, c), shared):
        round_trip(a, b, c)
        code_a = family_sync.new_invitation(a)
        code_b = family_sync.new_invitation(b)
        c_id = family_sync.family_status(c).device_id
        family_sync.remove_computer(a, c_id)
        family_sync.sync_now(b)  # b takes the new family key
        late = create_vault(VaultPaths(tmp_path / "late"), "another long passphrase").vault
        try:
            # They held only the old key: a computer joining with one could never read what follows.
            for code in (code_a, code_b):
                with pytest.raises(InvitationError):
                    family_sync.join_family(late, shared, code)
        finally:
            late.close()


def test_starting_a_second_family_in_a_folder_a_family_already_uses_is_refused(two, tmp_path):
    from caregiver_app.domain.errors import ValidationError
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    (_a, _b), shared = two
    other = create_vault(VaultPaths(tmp_path / "other"), "another long passphrase").vault
    try:
        with pytest.raises(ValidationError, match="Join"):
            family_sync.create_family(other, shared)
        assert family_sync.family_status(other) is None
        assert len(list(shared.iterdir())) == 2
    finally:
        other.close()


def test_a_computer_whose_own_subfolder_was_deleted_writes_it_again_with_its_card(two, tmp_path):
    import shutil

    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.services.vault_open import create_vault

    (a, b), shared = two
    round_trip(a, b)
    shutil.rmtree(shared / family_sync.family_status(a).device_id)  # someone "cleaned up" the folder
    people.add_person(a, "Sam Rivera")
    round_trip(a, b)
    assert people.find_person(b, "Sam Rivera")
    late = create_vault(VaultPaths(tmp_path / "late"), "another long passphrase").vault
    try:  # a computer joining later can still trust a's files: its card is back
        family_sync.join_family(late, shared, family_sync.new_invitation(b))
        family_sync.sync_now(late)
        assert len(family_sync.family_status(late).members) == 3
    finally:
        late.close()


def test_a_full_disk_under_the_shared_folder_is_named_as_that_folder(two, monkeypatch):
    import errno

    from caregiver_app.services import family_folder
    from caregiver_app.storage.errors import DiskFullError

    (a, _b), shared = two
    people.add_person(a, "Sam Rivera")

    def full(path, data, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(family_folder, "write_private", full)
    with pytest.raises(DiskFullError, match="shared folder"):
        family_sync.sync_now(a)
    assert family_sync.family_status(a).waiting_to_send


def test_the_status_of_a_removed_computer_says_so_on_that_computer(two, tmp_path):
    import io

    import caregiver_app.cli  # noqa: F401  (cli_share is loaded through it)
    from caregiver_app.cli_share import _print_status
    from caregiver_app.services.vault import VaultPaths

    (a, b), _shared = two
    round_trip(a, b)
    family_sync.remove_computer(a, family_sync.family_status(b).device_id)
    round_trip(a, b)
    out = io.StringIO()
    _print_status(family_sync.family_status(b), out, VaultPaths(tmp_path / "computer1"))
    assert "removed" in out.getvalue().splitlines()[2]
