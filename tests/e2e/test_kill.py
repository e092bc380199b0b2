"""Crashes lose nothing that was saved: real saves, passphrase changes, Daylio imports, backups,
restores, vault files written and put in place, and key rotations in a child process are killed
with SIGKILL at random moments; after every kill the vault opens (its own checks pass, and a full
integrity check too), nothing acknowledged is missing, nothing is half-written and no
interrupted swap is left. 200 kills in all. More cycles: ``python scripts/soak_kill.py``."""

from __future__ import annotations

import os
import random
import sys

import pytest
from kill_harness import (
    KillHarness,
    check_backups,
    check_imports,
    check_keys,
    check_saves,
    open_and_check,
    run_kills,
    run_rekey_kills,
    run_save_kills,
)

from support import add_entries

from caregiver_app.services import backups, people, transfer
from caregiver_app.services import vault as vs
from caregiver_app.services.vault import VaultPaths, create_vault
from caregiver_app.storage import backup as store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="the kill worker forks"),
]

FIRST = "kettle-morning-walk-blue"
SECOND = "violet-tractor-sings-quietly"
SAVE_KILLS = 75
REKEY_KILLS = 25
IMPORT_KILLS = 20
BACKUP_KILLS = 15
RESTORE_KILLS = 15
EXPORT_KILLS = 15
IMPORT_VAULT_KILLS = 20
ROTATE_KILLS = 15


@pytest.fixture
def harnessed(tmp_path):
    paths_dir = tmp_path / "vault"
    paths = VaultPaths(paths_dir)
    created = create_vault(paths, FIRST)
    people.add_person(created.vault, "Sam")
    created.vault.close()
    with KillHarness(paths_dir) as harness:
        yield harness, paths, created.recovery_code


@pytest.mark.timeout(300)
def test_kills_during_saves_lose_no_acknowledged_entry(harnessed):
    harness, paths, _code = harnessed
    seed = int.from_bytes(os.urandom(4), "big")
    try:
        acked, hits = run_save_kills(harness, paths, FIRST, SAVE_KILLS, random.Random(seed))
    except AssertionError as exc:
        raise AssertionError(f"{exc} (seed {seed})") from None
    # The kills really landed while work was going on, and real saves were acknowledged.
    assert hits >= SAVE_KILLS * 0.9
    assert acked > SAVE_KILLS
    assert check_saves(paths, FIRST, set()) >= acked


@pytest.mark.timeout(300)
def test_kills_during_passphrase_changes_always_leave_a_way_in(harnessed):
    harness, paths, code = harnessed
    seed = int.from_bytes(os.urandom(4), "big")
    try:
        changes, hits = run_rekey_kills(harness, paths, FIRST, SECOND, code, REKEY_KILLS, random.Random(seed))
    except AssertionError as exc:
        raise AssertionError(f"{exc} (seed {seed})") from None
    assert hits >= REKEY_KILLS * 0.9
    assert changes > REKEY_KILLS // 2
    # Whatever state the last kill left, saving still works afterwards.
    opened = check_keys(paths, [FIRST, SECOND], code)
    result = harness.cycle(f"saves after {opened}", 3, 0)
    assert len(result.acks) >= 3
    check_saves(paths, opened, set(result.acks))


def _seeded(run):
    seed = int.from_bytes(os.urandom(4), "big")
    try:
        return run(random.Random(seed))
    except AssertionError as exc:
        raise AssertionError(f"{exc} (seed {seed})") from None


@pytest.mark.timeout(300)
def test_kills_during_daylio_imports_leave_each_import_whole_or_absent(harnessed):
    harness, paths, _code = harnessed
    tags = iter(range(IMPORT_KILLS))

    def check(result):
        check_imports(paths, FIRST, f"i{next(tags)}", result)

    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"import i{n} {FIRST}", check, IMPORT_KILLS,
                                                 rng, max_acks=2, max_delay=0.05))
    assert hits >= IMPORT_KILLS * 0.8 and acked >= IMPORT_KILLS // 2


@pytest.mark.timeout(300)
def test_kills_during_backups_leave_only_whole_backups(harnessed):
    harness, paths, _code = harnessed
    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"backup {FIRST}",
                                                 lambda r: check_backups(paths, FIRST, r), BACKUP_KILLS, rng,
                                                 max_acks=2, max_delay=0.03))
    assert hits >= BACKUP_KILLS * 0.8 and acked >= BACKUP_KILLS // 2


@pytest.mark.timeout(300)
def test_kills_during_restores_leave_one_whole_state(harnessed):
    harness, paths, _code = harnessed
    vault = vs.unlock_with_passphrase(paths, FIRST)
    sam = people.list_people(vault)[0]
    add_entries(vault, sam.id, 3, note="first")
    a = backups.back_up_now(vault).path.name
    add_entries(vault, sam.id, 4, start_day=10, note="second")
    b = backups.back_up_now(vault).path.name
    vault.close()
    states = {frozenset(open_and_check(paths, FIRST)[0])}
    for name in (a, b):
        states.add(frozenset(_notes_of(paths.backups / name, paths)))
    before = {"notes": frozenset(open_and_check(paths, FIRST)[0])}

    def check(result):
        now = frozenset(open_and_check(paths, FIRST)[0])
        assert now in states | {before["notes"]}, "the vault holds a mix of two states"
        before["notes"] = now

    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"restore {FIRST} {a} {b}", check,
                                                 RESTORE_KILLS, rng, max_acks=2, max_delay=0.05))
    assert hits >= RESTORE_KILLS * 0.8 and acked >= RESTORE_KILLS // 2


def _notes_of(path, paths) -> set[str]:
    vault = vs.unlock_with_passphrase(paths, FIRST)
    key = vault.data_key()
    vault.close()
    conn = store._connect_copy(path, key)
    try:
        return {r[0] for r in conn.execute("SELECT note FROM journal_entry").fetchall()}
    finally:
        conn.close()


@pytest.mark.timeout(300)
def test_kills_while_writing_vault_files_never_leave_a_broken_one(harnessed, tmp_path):
    harness, paths, _code = harnessed
    dest = tmp_path / "out" / "moving.ccvault"
    dest.parent.mkdir()

    def check(result):
        open_and_check(paths, FIRST)
        if dest.exists():  # a vault file is whole or not there at all
            pending = transfer.open_vault_file(VaultPaths(tmp_path / "probe"), dest, passphrase=FIRST)
            pending.discard()

    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"export {FIRST} {dest}", check,
                                                 EXPORT_KILLS, rng, max_acks=2, max_delay=0.03))
    assert hits >= EXPORT_KILLS * 0.8 and acked >= EXPORT_KILLS // 2


@pytest.mark.timeout(300)
def test_kills_while_replacing_with_a_vault_file_always_leave_a_vault(harnessed, tmp_path):
    harness, paths, _code = harnessed
    other = VaultPaths(tmp_path / "laptop")
    made = create_vault(other, FIRST)
    ana = people.add_person(made.vault, "Ana")
    add_entries(made.vault, ana.id, 5, note="moved in")
    file = transfer.export_vault(made.vault, tmp_path / "moving").path
    made.vault.close()
    states = {frozenset(open_and_check(paths, FIRST)[0]), frozenset(f"moved in {i}" for i in range(5))}

    def check(result):
        assert vs.vault_exists(paths)
        now = frozenset(open_and_check(paths, FIRST)[0])
        assert now in states, "neither the old vault nor the new one"

    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"importvault {FIRST} {file}", check,
                                                 IMPORT_VAULT_KILLS, rng, max_acks=2, max_delay=0.03))
    assert hits >= IMPORT_VAULT_KILLS * 0.8 and acked >= IMPORT_VAULT_KILLS // 2


@pytest.mark.timeout(300)
def test_kills_during_key_rotations_keep_the_vault_and_its_backups_readable(harnessed):
    harness, paths, _code = harnessed
    vault = vs.unlock_with_passphrase(paths, FIRST)
    add_entries(vault, people.list_people(vault)[0].id, 5, note="kept")
    backups.back_up_now(vault)
    vault.close()
    expected = open_and_check(paths, FIRST)[0]

    def check(result):
        notes, _key = open_and_check(paths, FIRST)  # every backup opens with the current key too
        assert notes == expected

    acked, hits = _seeded(lambda rng: run_kills(harness, lambda n: f"rotate {FIRST}", check,
                                                 ROTATE_KILLS, rng, max_acks=1, max_delay=0.05))
    assert hits >= ROTATE_KILLS * 0.8 and acked >= 1
