"""A worker for the kill tests: real saves and real passphrase changes in processes that get
SIGKILL at random moments (tests/e2e/test_kill.py, scripts/soak_kill.py).

Test-only. It sets cheap Argon2 parameters with ``kdf.set_default_params`` before calling the
services (never a production switch), imports everything once and then, for each command on
standard input, forks a child that does the work. Forking from a warmed-up process keeps each
cycle to milliseconds, so hundreds of kills fit in a test run. This process itself never opens
the vault.

Commands (one per line) and what appears on standard output (one line each, written with a
single ``os.write`` so lines from different processes never interleave):

* ``saves TAG PASSPHRASE`` — the child unlocks the vault and saves journal entries whose notes are
  ``TAG-0``, ``TAG-1``, … for the first person, printing ``ack <note>`` after each save returned;
* ``rekey PASSPHRASE OTHER`` — the child unlocks with PASSPHRASE and then changes the passphrase
  to OTHER, back, and so on, printing ``ack <new passphrase>`` after each change returned;
* ``quit``.

For each command the worker prints ``pid <child pid>`` first and ``dead <child pid> <status>``
once the child has ended (killed or not).

Usage: ``python kill_worker.py DATA_DIR`` (POSIX only: it needs ``fork``).
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime, timedelta
from pathlib import Path

from caregiver_app.security import kdf

kdf.set_default_params(kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1))

from caregiver_app.services import journal, keys, people  # noqa: E402  (after the test-only params)
from caregiver_app.services import vault as vault_service  # noqa: E402

START = datetime(2026, 1, 1, 8, 0)
MAX_ROUNDS = 1_000_000


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def do_saves(paths, tag: str, passphrase: str) -> None:
    vault = vault_service.unlock_with_passphrase(paths, passphrase)
    person = people.list_people(vault)[0]
    for i in range(MAX_ROUNDS):
        note = f"{tag}-{i}"
        draft = journal.EntryDraft(
            person.id, START + timedelta(minutes=i), note=note, anxiety=i % 11, zone_name="UTC"
        )
        journal.save_entry(vault, draft)
        say(f"ack {note}")


def do_rekey(paths, passphrase: str, other: str) -> None:
    vault = vault_service.unlock_with_passphrase(paths, passphrase)
    current, new = passphrase, other
    for _ in range(MAX_ROUNDS):
        keys.change_passphrase(vault, new, new, current_passphrase=current)
        say(f"ack {new}")
        current, new = new, current


def child(paths, words: list[str]) -> None:
    try:
        if words[0] == "saves":
            do_saves(paths, words[1], words[2])
        elif words[0] == "rekey":
            do_rekey(paths, words[1], words[2])
        status = 0
    except BaseException:  # noqa: BLE001 - report and leave without touching the parent's state
        say("error " + traceback.format_exc().replace("\n", " | "))
        status = 3
    os._exit(status)


def main() -> int:
    paths = vault_service.VaultPaths(Path(sys.argv[1]))
    for raw in sys.stdin:
        words = raw.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        sys.stdout.flush()
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(ready_w)
            os.read(ready_r, 1)  # start only once "pid" is out, so it always comes first
            os.close(ready_r)
            child(paths, words)
        os.close(ready_r)
        say(f"pid {pid}")
        try:
            os.write(ready_w, b"x")
        except BrokenPipeError:  # killed before it even started
            pass
        os.close(ready_w)
        _, status = os.waitpid(pid, 0)
        say(f"dead {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
