"""Issue 10, item 19: two units of work in one process, each reading before it writes, both
succeed (write transactions begin IMMEDIATE and wait through the busy timeout)."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

from sqlalchemy import text

from caregiver_app.services import journal
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault import session_of


def test_two_threads_that_read_then_write_both_commit(vault, person):
    both_read = threading.Barrier(2, timeout=1)
    errors: list[BaseException] = []

    def unit_of_work(n: int) -> None:
        try:
            with session_of(vault) as s:
                s.execute(text("SELECT count(*) FROM journal_entry")).scalar_one()
                try:
                    both_read.wait()  # both have read inside their transactions (when they can)
                except threading.BrokenBarrierError:
                    pass  # the other is waiting for the write lock: reads are already serialised
                s.execute(
                    text("INSERT INTO person (display_name, notes, created_at) VALUES (:n, '', :t)"),
                    {"n": f"Person {n}", "t": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")},
                )
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=unit_of_work, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, [type(e).__name__ + ": " + str(e)[:80] for e in errors]
    with session_of(vault) as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar_one() == 3


def test_saving_from_two_threads_at_once(vault, person):
    errors: list[BaseException] = []
    start = threading.Barrier(4, timeout=10)

    def save(n: int) -> None:
        try:
            start.wait()
            for i in range(5):
                journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 3, 1 + n, 9, i), zone_name="UTC",
                                                     note=f"thread {n} entry {i}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, [type(e).__name__ for e in errors]
    assert journal.count_entries(vault, person.id) == 20
