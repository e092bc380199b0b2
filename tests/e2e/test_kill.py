"""Crashes lose nothing that was saved: real saves and real passphrase changes in a child process
are killed with SIGKILL at random moments; after every kill the vault opens (its own quick check
passes, and a full integrity check too) and nothing acknowledged is missing. More cycles:
``python scripts/soak_kill.py``."""

from __future__ import annotations

import os
import random
import sys

import pytest
from kill_harness import KillHarness, check_keys, check_saves, run_rekey_kills, run_save_kills

from caregiver_app.services import people
from caregiver_app.services.vault import create_vault

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="the kill worker forks"),
]

FIRST = "kettle-morning-walk-blue"
SECOND = "violet-tractor-sings-quietly"
SAVE_KILLS = 200
REKEY_KILLS = 100


@pytest.fixture
def harnessed(tmp_path):
    paths_dir = tmp_path / "vault"
    from caregiver_app.services.vault import VaultPaths

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
