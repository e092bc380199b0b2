#!/usr/bin/env python3
"""Soak test: many more SIGKILLs during vault work than the test suite runs.

Usage: ``python scripts/soak_kill.py [--saves 2000] [--rekeys 1000] [--others 100] [--seed N] [--keep DIR]``

Makes a fresh vault in a temporary folder (cheap Argon2 parameters, set for this run only), then
kills a child process doing real saves ``--saves`` times and one doing real passphrase changes
``--rekeys`` times, checking after every kill that the vault opens with a clean integrity check,
that no acknowledged entry is missing, and that the old or the new passphrase — and the recovery
code — still open it; then ``--others`` kills each during Daylio imports, backups, restores,
vault files, replacing the vault with a vault file and key rotations (see tests/e2e/kill_harness.py
for what each checks). Exits 0 when every check held, 1 otherwise. POSIX only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tests"))  # support.py: the shared test helpers the harness uses

from caregiver_app.security import kdf  # noqa: E402

kdf.set_default_params(kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1))

from kill_harness import (  # noqa: E402
    KillHarness,
    check_keys,
    run_backup_kills,
    run_export_kills,
    run_import_kills,
    run_import_vault_kills,
    run_rekey_kills,
    run_restore_kills,
    run_rotate_kills,
    run_save_kills,
)

from caregiver_app.services import people  # noqa: E402
from caregiver_app.services.vault import VaultPaths  # noqa: E402
from caregiver_app.services.vault_open import create_vault  # noqa: E402

FIRST = "kettle-morning-walk-blue"
SECOND = "violet-tractor-sings-quietly"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=2000, help="kills during saves (default 2000)")
    parser.add_argument("--rekeys", type=int, default=1000, help="kills during passphrase changes (default 1000)")
    parser.add_argument("--others", type=int, default=100,
                        help="kills during each of: imports, backups, restores, vault files, replacing with a vault "
                             "file, key rotations (default 100 each)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one, printed)")
    parser.add_argument("--keep", type=Path, default=None, help="make the vault in this folder and keep it")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    print(f"seed {seed}", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = (args.keep or Path(scratch)) / "vault"
        paths = VaultPaths(folder)
        created = create_vault(paths, FIRST)
        people.add_person(created.vault, "Sam")
        created.vault.close()
        started = time.monotonic()
        try:
            with KillHarness(folder) as harness:
                acked, hits = run_save_kills(harness, paths, FIRST, args.saves, rng)
                print(f"saves: {args.saves} cycles, {hits} kills of a running child, {acked} acknowledged entries, "
                      "none lost", flush=True)
                changes, hits = run_rekey_kills(harness, paths, FIRST, SECOND, created.recovery_code, args.rekeys, rng)
                print(f"passphrase changes: {args.rekeys} cycles, {hits} kills of a running child, {changes} "
                      "acknowledged changes, a way in every time", flush=True)
                now = check_keys(paths, [FIRST, SECOND], created.recovery_code)  # whichever the changes left
                others = [("imports", lambda: run_import_kills(harness, paths, now, args.others, rng)),
                          ("backups", lambda: run_backup_kills(harness, paths, now, args.others, rng)),
                          ("restores", lambda: run_restore_kills(harness, paths, now, args.others, rng)),
                          ("vault files", lambda: run_export_kills(harness, paths, now, Path(scratch) / "x",
                                                                   args.others, rng)),
                          ("replace with a vault file", lambda: run_import_vault_kills(
                              harness, paths, now, Path(scratch) / "y", args.others, rng)),
                          ("key rotations", lambda: run_rotate_kills(harness, paths, now, args.others, rng))]
                for name, run in others:
                    done, hits = run()
                    print(f"{name}: {args.others} cycles, {hits} kills of a running child, {done} acknowledged, "
                          "every check held", flush=True)
        except AssertionError as exc:
            print(f"FAILED (seed {seed}): {exc}", file=sys.stderr)
            return 1
        print(f"all checks held in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
