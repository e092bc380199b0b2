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
    check_keys,
    check_saves,
    run_backup_kills,
    run_export_kills,
    run_import_kills,
    run_import_vault_kills,
    run_rekey_kills,
    run_restore_kills,
    run_rotate_kills,
    run_save_kills,
)

from caregiver_app.services import people
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

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


KINDS = {
    "imports": (IMPORT_KILLS, lambda h, p, tmp, n, rng: run_import_kills(h, p, FIRST, n, rng)),
    "backups": (BACKUP_KILLS, lambda h, p, tmp, n, rng: run_backup_kills(h, p, FIRST, n, rng)),
    "restores": (RESTORE_KILLS, lambda h, p, tmp, n, rng: run_restore_kills(h, p, FIRST, n, rng)),
    "vault files": (EXPORT_KILLS, lambda h, p, tmp, n, rng: run_export_kills(h, p, FIRST, tmp, n, rng)),
    "replace with a vault file": (IMPORT_VAULT_KILLS,
                                  lambda h, p, tmp, n, rng: run_import_vault_kills(h, p, FIRST, tmp, n, rng)),
    "key rotations": (ROTATE_KILLS, lambda h, p, tmp, n, rng: run_rotate_kills(h, p, FIRST, n, rng)),
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("kind", list(KINDS))
def test_kills_during_other_vault_work_leave_it_whole(harnessed, tmp_path, kind):
    """Imports whole or absent; only whole backups; one whole state after a restore; a vault file
    whole or absent; always a vault (old or new) when replacing; backups readable after a key
    rotation; and after every kill no half-done file and no unfinished swap."""
    harness, paths, _code = harnessed
    cycles, run = KINDS[kind]
    acked, hits = _seeded(lambda rng: run(harness, paths, tmp_path, cycles, rng))
    assert hits >= cycles * 0.8  # the kills landed while work was going on
    assert acked >= 1
