"""Kill tests of family sync (issue 20): a computer killed at random moments while saving, writing
a batch or merging never loses an acknowledged entry, never leaves a batch that cannot be
trusted, and the family still ends with the same journal."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from family_support import PASSPHRASE, computers, exports, shared_state

from caregiver_app.services import family_sync, people
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import unlock_with_passphrase

WORKER = Path(__file__).with_name("family_kill_worker.py")
CYCLES = 4


def kill_after(folder: Path, mode: str, start: int, seconds: float) -> list[str]:
    """Start the worker, SIGKILL it ``seconds`` after it opened the vault; its acknowledgements."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="UTC")
    proc = subprocess.Popen([sys.executable, str(WORKER), str(folder), PASSPHRASE, mode, str(start)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "open", proc.stderr.read()
        time.sleep(seconds)
    finally:
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=60)
    return out.splitlines()


def test_kills_while_writing_and_merging_batches_lose_nothing_and_the_family_converges(tmp_path):
    vaults, shared = computers(tmp_path, 2)
    a, b = vaults
    people.add_person(a, "Sam Rivera")
    family_sync.sync_now(a)
    family_sync.sync_now(b)
    folders = [VaultPaths(tmp_path / f"computer{i}").folder for i in range(2)]
    for vault in vaults:
        vault.close()  # the children open them
    rng = random.Random(20)
    acknowledged: set[str] = set()
    start = 0
    for _cycle in range(CYCLES):
        for line in kill_after(folders[0], "write", start, rng.uniform(0.2, 1.5)):
            if line.startswith("saved "):
                acknowledged.add(f"kill note {line.split()[1]}")
        start += 1000
        kill_after(folders[1], "merge", 0, rng.uniform(0.05, 0.6))
    a, b = (unlock_with_passphrase(VaultPaths(f), PASSPHRASE) for f in folders)
    try:
        for _round in range(2):
            for vault in (a, b):
                result = family_sync.sync_now(vault)
                assert result.refused == ()  # no half-written batch was ever left under a batch name
        assert acknowledged and exports(a) == exports(b) and shared_state(a) == shared_state(b)
        notes = {row[-1] for row in exports(b)["Sam Rivera"]}
        assert acknowledged <= notes  # every saved entry reached the other computer
    finally:
        a.close()
        b.close()
