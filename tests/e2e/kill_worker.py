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
* ``import TAG PASSPHRASE`` — Daylio imports of :data:`IMPORT_ROWS` rows each, notes ``TAG-n-i``,
  ``ack TAG-n`` after each import returned;
* ``backup PASSPHRASE`` — backups on request, ``ack <file name>`` after each;
* ``restore PASSPHRASE A B`` — restores of the backups named A and B in turn, ``ack <name>``;
* ``export PASSPHRASE DEST`` — vault files written to DEST again and again, ``ack <n>``;
* ``importvault PASSPHRASE FILE`` — "replace with a vault file" from FILE again and again (the
  vault is closed in between), ``ack <n>``;
* ``rotate PASSPHRASE`` — new data keys (the passphrase kept), ``ack <new recovery code>``;
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

from caregiver_app.services import backups, imports, journal, keys, people, rotation, transfer  # noqa: E402
from caregiver_app.services import vault_open
from caregiver_app.services import vault as vault_service  # noqa: E402

START = datetime(2026, 1, 1, 8, 0)
MAX_ROUNDS = 1_000_000
IMPORT_ROWS = 20


def daylio_csv(tag: str, first_day: int) -> bytes:
    """A small Daylio export whose notes are ``TAG-i`` (one row a day from ``first_day``)."""
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    start = datetime(2020, 1, 1) + timedelta(days=first_day)
    for i in range(IMPORT_ROWS):
        day = start + timedelta(days=i)
        lines.append(f"{day:%Y-%m-%d},{day:%b %d},{day:%A},9:00 AM,good,walk,,{tag}-{i}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def do_saves(paths, tag: str, passphrase: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    person = people.list_people(vault)[0]
    for i in range(MAX_ROUNDS):
        note = f"{tag}-{i}"
        draft = journal.EntryDraft(
            person.id, START + timedelta(minutes=i), note=note, anxiety=i % 11, zone_name="UTC"
        )
        journal.save_entry(vault, draft)
        say(f"ack {note}")


def do_rekey(paths, passphrase: str, other: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    current, new = passphrase, other
    for _ in range(MAX_ROUNDS):
        keys.change_passphrase(vault, new, new, current_passphrase=current)
        say(f"ack {new}")
        current, new = new, current


def do_import(paths, tag: str, passphrase: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    for n in range(MAX_ROUNDS):
        day = (n * IMPORT_ROWS) % 30000
        imports.import_daylio(vault, daylio_csv(f"{tag}-{n}", day), "Sam", {}, "UTC")
        say(f"ack {tag}-{n}")


def do_backup(paths, passphrase: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    for _ in range(MAX_ROUNDS):
        made = backups.back_up_now(vault)
        say(f"ack {made.path.name}")


def do_restore(paths, passphrase: str, first: str, second: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    for n in range(MAX_ROUNDS):
        name = (first, second)[n % 2]
        backups.restore_backup(vault, paths.backups / name)
        say(f"ack {name}")


def do_export(paths, passphrase: str, dest: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    for n in range(MAX_ROUNDS):
        transfer.export_vault(vault, Path(dest))
        say(f"ack {n}")


def do_import_vault(paths, passphrase: str, file: str) -> None:
    for n in range(MAX_ROUNDS):
        pending = transfer.open_vault_file(paths, Path(file), passphrase=passphrase)
        try:
            pending.install(replace_existing=True).close()
        finally:
            pending.discard()
        say(f"ack {n}")


def do_rotate(paths, passphrase: str) -> None:
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    for _ in range(MAX_ROUNDS):
        result = rotation.rotate_data_key(vault, current_passphrase=passphrase)
        say(f"ack {result.recovery_code}")


COMMANDS = {"saves": lambda p, w: do_saves(p, w[1], w[2]), "rekey": lambda p, w: do_rekey(p, w[1], w[2]),
            "import": lambda p, w: do_import(p, w[1], w[2]), "backup": lambda p, w: do_backup(p, w[1]),
            "restore": lambda p, w: do_restore(p, w[1], w[2], w[3]), "export": lambda p, w: do_export(p, w[1], w[2]),
            "importvault": lambda p, w: do_import_vault(p, w[1], w[2]), "rotate": lambda p, w: do_rotate(p, w[1])}


def child(paths, words: list[str]) -> None:
    try:
        COMMANDS[words[0]](paths, words)
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
