"""Driving tests/e2e/kill_worker.py: start real work in a child process, SIGKILL it at a random
moment, and check that the vault lost nothing that was acknowledged (used by tests/e2e/test_kill.py
and scripts/soak_kill.py)."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from caregiver_app.services import vault_open
from caregiver_app.services import vault as vault_service
from caregiver_app.services.vault import data_key_of, session_of

WORKER = Path(__file__).with_name("kill_worker.py")


@dataclass
class Cycle:
    """One start-and-kill: what the child acknowledged and whether it was still running when the
    kill came (``killed`` False means it had already stopped)."""

    acks: list[str] = field(default_factory=list)
    killed: bool = False
    status: int = 0


class KillHarness:
    """A running kill_worker.py over the vault in ``data_dir``."""

    def __init__(self, data_dir: Path, *, env: dict[str, str] | None = None):
        environment = dict(os.environ if env is None else env)
        environment.setdefault("TZ", "UTC")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self._lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self._lines.put(None)

    def _next(self, timeout: float = 60.0) -> str:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the kill worker stopped answering") from None
        if line is None:
            err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
            raise AssertionError(f"the kill worker ended: {err[-2000:]}")
        if line.startswith("error "):
            raise AssertionError(f"the worker's child failed: {line}")
        return line

    def cycle(self, command: str, acks_before_kill: int, extra_delay: float) -> Cycle:
        """Send ``command``; once the child acknowledged ``acks_before_kill`` items, wait
        ``extra_delay`` seconds and SIGKILL it. Returns everything it acknowledged."""
        assert self.proc.stdin is not None
        self.proc.stdin.write((command + "\n").encode("utf-8"))
        self.proc.stdin.flush()
        first = self._next()
        assert first.startswith("pid "), first
        pid = int(first.split()[1])
        result = Cycle()
        done = False
        while len(result.acks) < acks_before_kill:
            line = self._next()
            if line.startswith("ack "):
                result.acks.append(line[4:])
            elif line.startswith("dead "):
                done = True
                result.status = int(line.split()[2])
                break
        if not done:
            if extra_delay:
                time.sleep(extra_delay)
            try:
                os.kill(pid, signal.SIGKILL)
                result.killed = True
            except ProcessLookupError:
                pass
            while True:
                line = self._next()
                if line.startswith("ack "):
                    result.acks.append(line[4:])
                elif line.startswith("dead "):
                    result.status = int(line.split()[2])
                    break
        return result

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write(b"quit\n")
                self.proc.stdin.flush()
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> "KillHarness":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def check_saves(paths, passphrase: str, acked: set[str]) -> int:
    """Open the vault (its own checks run), run a full ``integrity_check`` and make sure every
    acknowledged note is there. Returns how many entries the vault holds."""
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    try:
        with session_of(vault) as s:
            integrity = s.execute(text("PRAGMA integrity_check")).all()
            notes = set(s.scalars(text("SELECT note FROM journal_entry")).all())
        assert [tuple(r) for r in integrity] == [("ok",)], integrity
        missing = acked - notes
        assert not missing, f"{len(missing)} acknowledged entries lost, e.g. {sorted(missing)[:3]}"
        return len(notes)
    finally:
        vault.close()


def check_keys(paths, candidates: list[str], recovery_code: str) -> str:
    """At least one of ``candidates`` (the last acknowledged passphrase first) must open the
    vault, and the recovery code must too. Returns the passphrase that opened."""
    opened = None
    for phrase in candidates:
        try:
            vault = vault_open.unlock_with_passphrase(paths, phrase)
        except vault_service.WrongSecretError:
            continue
        except vault_service.CaregiverError as exc:
            raise AssertionError(f"the vault did not open: {exc}") from None
        vault.close()
        opened = phrase
        break
    assert opened is not None, "neither the old nor the new passphrase opens the vault"
    try:
        by_code = vault_open.unlock_with_recovery_code(paths, recovery_code)
    except vault_service.CaregiverError as exc:
        raise AssertionError(f"the recovery code no longer opens the vault: {exc}") from None
    by_code.close()
    return opened


def run_save_kills(harness: KillHarness, paths, passphrase: str, cycles: int, rng: random.Random,
                   *, max_acks: int = 4, max_delay: float = 0.004) -> tuple[int, int]:
    """``cycles`` kills during saves, each checked. Returns (acknowledged saves, kills that hit a
    running child)."""
    acked: set[str] = set()
    hits = 0
    for n in range(cycles):
        result = harness.cycle(f"saves s{n} {passphrase}", rng.randint(0, max_acks), rng.uniform(0, max_delay))
        hits += result.killed
        acked.update(result.acks)
        check_saves(paths, passphrase, acked)
    return len(acked), hits


def run_rekey_kills(harness: KillHarness, paths, first: str, second: str, recovery_code: str, cycles: int,
                    rng: random.Random, *, max_acks: int = 3, max_delay: float = 0.003) -> tuple[int, int]:
    """``cycles`` kills during passphrase changes between ``first`` and ``second``, each checked
    (the last acknowledged passphrase or the next one opens; the recovery code always does).
    Returns (acknowledged changes, kills that hit a running child)."""
    current = first
    changes = hits = 0
    for _ in range(cycles):
        other = second if current == first else first
        result = harness.cycle(f"rekey {current} {other}", rng.randint(0, max_acks), rng.uniform(0, max_delay))
        hits += result.killed
        changes += len(result.acks)
        last = result.acks[-1] if result.acks else current
        following = second if last == first else first
        current = check_keys(paths, [last, following], recovery_code)
    return changes, hits


# --- the other kinds of vault work (issue 10): import, backup, restore, vault files, rotation ----

IMPORT_ROWS = 20


def open_and_check(paths, passphrase: str) -> tuple[set[str], bytes]:
    """Open the vault (its own checks and any finishing of interrupted work run), run a full
    integrity check, and make sure nothing half-done is left: no staged or temporary files in the
    vault folder or the backups, and every backup opens with the vault's key and passes its
    check. Returns the notes in the vault and the data key (for further checks)."""
    from caregiver_app.services import vault_swap
    from caregiver_app.storage import backup as store

    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    try:
        with session_of(vault) as s:
            integrity = s.execute(text("PRAGMA integrity_check")).all()
            notes = set(s.scalars(text("SELECT note FROM journal_entry")).all())
        assert [tuple(r) for r in integrity] == [("ok",)], integrity
        key = data_key_of(vault)
    finally:
        vault.close()
    assert not vault_swap.needs_attention(paths.folder), "an interrupted swap was left unfinished"
    stray = [p.name for folder in (paths.folder, paths.backups) if folder.exists() for p in folder.iterdir()
             if p.name.endswith((".tmp", ".incoming")) or p.name.startswith(".vault")]
    assert not stray, f"half-done files left: {stray}"
    for b in store.list_backups(paths.backups):
        store.verify_backup(b.path, key)
    return notes, key


def run_kills(harness: KillHarness, command, check, cycles: int, rng: random.Random,
              *, max_acks: int, max_delay: float) -> tuple[int, int]:
    """``cycles`` kills of ``command(n)`` (a worker command line), each followed by
    ``check(result)``. Returns (acknowledged items, kills that hit a running child)."""
    acked = hits = 0
    for n in range(cycles):
        result = harness.cycle(command(n), rng.randint(0, max_acks), rng.uniform(0, max_delay))
        hits += result.killed
        acked += len(result.acks)
        check(result)
    return acked, hits


def check_imports(paths, passphrase: str, tag: str, result: Cycle) -> None:
    """Each import of the cycle tagged ``tag`` is in the vault whole or not at all, and every
    acknowledged one is there."""
    notes, _key = open_and_check(paths, passphrase)
    counts: dict[str, int] = {}
    for note in notes:
        if note.startswith(f"{tag}-"):
            batch = note.rsplit("-", 1)[0]
            counts[batch] = counts.get(batch, 0) + 1
    assert all(n == IMPORT_ROWS for n in counts.values()), f"a half-written import: {counts}"
    missing = [a for a in result.acks if counts.get(a) != IMPORT_ROWS]
    assert not missing, f"acknowledged imports lost: {missing}"
    _check_import_batches(paths, passphrase)


def _check_import_batches(paths, passphrase: str) -> None:
    """Each import's row in the list of past imports went in with its entries, or neither did:
    every imported entry names an import whose count of new entries is its number of entries."""
    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    try:
        with session_of(vault) as s:
            batches = dict(s.execute(text("SELECT id, new_entries FROM import_batch")).all())
            marked = dict(s.execute(text("SELECT import_batch_id, count(*) FROM journal_entry "
                                         "WHERE source = 'daylio' GROUP BY import_batch_id")).all())
    finally:
        vault.close()
    assert None not in marked, "imported entries without their import"
    assert all(marked.get(b, 0) == n for b, n in batches.items()), f"an import row without its entries: {batches}"
    assert set(marked) <= set(batches), "entries of an import that has no row"


def check_backups(paths, passphrase: str, result: Cycle) -> None:
    """Every acknowledged backup is there and passes its check (open_and_check checks all)."""
    open_and_check(paths, passphrase)
    # Older ones may be pruned by design (10 made on request are kept): the newest must be there.
    missing = [name for name in result.acks[-1:] if not (paths.backups / name).exists()]
    assert not missing, f"the acknowledged backup is missing: {missing}"


def _notes_in_copy(path: Path, key: bytes) -> set[str]:
    from caregiver_app.storage import backup as store

    conn = store._connect_copy(path, key)
    try:
        return {r[0] for r in conn.execute("SELECT note FROM journal_entry").fetchall()}
    finally:
        conn.close()


def run_import_kills(harness, paths, passphrase, cycles, rng) -> tuple[int, int]:
    """Kills during Daylio imports: each import whole or absent, acknowledged ones present."""
    tags = iter(range(cycles))
    return run_kills(harness, lambda n: f"import i{n} {passphrase}",
                     lambda r: check_imports(paths, passphrase, f"i{next(tags)}", r),
                     cycles, rng, max_acks=2, max_delay=0.05)


def run_backup_kills(harness, paths, passphrase, cycles, rng) -> tuple[int, int]:
    """Kills during backups on request: only whole backups, the acknowledged one present."""
    return run_kills(harness, lambda n: f"backup {passphrase}", lambda r: check_backups(paths, passphrase, r),
                     cycles, rng, max_acks=2, max_delay=0.03)


def run_restore_kills(harness, paths, passphrase, cycles, rng) -> tuple[int, int]:
    """Kills during restores of two backups in turn: the vault always holds one whole state (as
    before the cycle, or one of the two backups)."""
    from support import add_entries

    from caregiver_app.services import backups, people

    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    person = people.list_people(vault)[0]
    add_entries(vault, person.id, 3, note="first")
    a = backups.back_up_now(vault).path.name
    add_entries(vault, person.id, 4, start_day=10, note="second")
    b = backups.back_up_now(vault).path.name
    vault.close()
    notes, key = open_and_check(paths, passphrase)
    states = {frozenset(_notes_in_copy(paths.backups / name, key)) for name in (a, b)}
    before = {"notes": frozenset(notes)}

    def check(result: Cycle) -> None:
        now = frozenset(open_and_check(paths, passphrase)[0])
        assert now in states | {before["notes"]}, "the vault holds a mix of two states"
        before["notes"] = now

    return run_kills(harness, lambda n: f"restore {passphrase} {a} {b}", check, cycles, rng,
                     max_acks=2, max_delay=0.05)


def run_export_kills(harness, paths, passphrase, scratch: Path, cycles, rng) -> tuple[int, int]:
    """Kills while writing vault files: the file is whole (it opens and checks) or not there."""
    from caregiver_app.services import transfer

    dest = scratch / "out" / "moving.ccvault"
    dest.parent.mkdir(parents=True, exist_ok=True)

    def check(result: Cycle) -> None:
        open_and_check(paths, passphrase)
        if dest.exists():
            transfer.open_vault_file(vault_service.VaultPaths(scratch / "probe"), dest, passphrase=passphrase).discard()

    return run_kills(harness, lambda n: f"export {passphrase} {dest}", check, cycles, rng, max_acks=2, max_delay=0.03)


def run_import_vault_kills(harness, paths, passphrase, scratch: Path, cycles, rng) -> tuple[int, int]:
    """Kills during "replace with a vault file": there is always a vault, and it is the old one
    or the new one, whole."""
    from support import add_entries

    from caregiver_app.services import people, transfer

    other = vault_service.VaultPaths(scratch / "laptop")
    made = vault_open.create_vault(other, passphrase)
    ana = people.add_person(made.vault, "Ana")
    add_entries(made.vault, ana.id, 5, note="moved in")
    file = transfer.export_vault(made.vault, scratch / "moving").path
    made.vault.close()
    states = {frozenset(open_and_check(paths, passphrase)[0]), frozenset(f"moved in {i}" for i in range(5))}

    def check(result: Cycle) -> None:
        assert vault_service.vault_exists(paths), "the folder looks empty"
        assert frozenset(open_and_check(paths, passphrase)[0]) in states, "neither the old vault nor the new one"

    return run_kills(harness, lambda n: f"importvault {passphrase} {file}", check, cycles, rng,
                     max_acks=2, max_delay=0.03)


def run_rotate_kills(harness, paths, passphrase, cycles, rng) -> tuple[int, int]:
    """Kills during key rotations (passphrase kept): the vault opens with the passphrase, holds
    what it held, and every backup opens with the vault's current key."""
    from support import add_entries

    from caregiver_app.services import backups, people

    vault = vault_open.unlock_with_passphrase(paths, passphrase)
    add_entries(vault, people.list_people(vault)[0].id, 5, note="kept")
    backups.back_up_now(vault)
    vault.close()
    expected = open_and_check(paths, passphrase)[0]

    def check(result: Cycle) -> None:
        assert open_and_check(paths, passphrase)[0] == expected

    return run_kills(harness, lambda n: f"rotate {passphrase}", check, cycles, rng, max_acks=1, max_delay=0.05)
