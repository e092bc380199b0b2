"""Issue 16 (import write): the bulk insert runs no statement it does not need. New tags go in
with one executemany (not one INSERT ... RETURNING per tag); sync_pending's DELETE runs only when
the table has notes waiting; the link tables' gid trigger, which does nothing for rows that bring
their gid, is set aside while they go in and is back afterwards. What is written is the same
(test_import_rows_golden.py, test_bulk_insert_gids.py)."""

from __future__ import annotations

import contextlib

from sqlalchemy import event, text
from test_bulk_insert import NOW, _mixed, _setup

from caregiver_app.domain.model import Tag
from caregiver_app.services.vault import engine_of, session_of
from caregiver_app.storage.repos import journal as repo


@contextlib.contextmanager
def _statements(vault):
    """The SQL the vault's engine runs inside the block, with, for each INSERT INTO entry_tag,
    whether the gid trigger existed when it ran."""
    seen: list[tuple[str, bool | None]] = []
    engine = engine_of(vault)

    def before(conn, cursor, statement, parameters, context, executemany):
        trigger = None
        if statement.startswith("INSERT INTO entry_tag"):
            found = cursor.connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_entry_tag_gid'").fetchone()
            trigger = found is not None
        seen.append((statement, trigger))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _bulk(vault, person_id, meds, extra_tags=()):
    made = _mixed(person_id, meds)
    entries = [e for e, _d in made]
    if extra_tags:
        from dataclasses import replace

        entries[0] = replace(entries[0], tags=entries[0].tags + tuple(Tag(name) for name in extra_tags))
    with session_of(vault) as s:
        repo.bulk_insert_entries(s, entries, NOW, doses=[d for _e, d in made])


def test_new_tags_go_in_with_one_statement(vault):
    (person_id, meds), _other = _setup(vault)
    with _statements(vault) as seen:
        _bulk(vault, person_id, meds, extra_tags=[f"new {i}" for i in range(20)])
    inserts = [s for s, _t in seen if s.startswith("INSERT INTO tag ")]
    assert len(inserts) == 1 and "RETURNING" not in inserts[0]
    with session_of(vault) as s:
        names = [n for (n,) in s.execute(text("SELECT name FROM tag ORDER BY id"))]
    assert [n for n in names if n.startswith("new ")] == [f"new {i}" for i in range(20)]  # in the order first written


def test_no_delete_of_pending_notes_when_none_wait(vault):
    (person_id, meds), _other = _setup(vault)
    with session_of(vault) as s:  # as after the family batch went
        s.execute(text("DELETE FROM sync_pending"))
    with _statements(vault) as seen:
        _bulk(vault, person_id, meds)
    assert not [s for s, _t in seen if s.startswith("DELETE FROM sync_pending")]
    with session_of(vault) as s:
        noted = s.execute(text("SELECT count(*) FROM sync_pending WHERE tbl = 'entry_tag'")).scalar()
        links = s.execute(text("SELECT count(*) FROM entry_tag")).scalar()
    assert noted == links - 1  # every new link noted all the same (not the first entry's: cleared)


def test_pending_notes_of_the_table_are_replaced(vault):
    (person_id, meds), _other = _setup(vault)  # the first entry's tag link is noted, waiting
    with _statements(vault) as seen:
        _bulk(vault, person_id, meds)
    assert [s for s, _t in seen if s.startswith("DELETE FROM sync_pending WHERE tbl = 'entry_tag'")]


def test_the_gid_trigger_is_set_aside_for_the_links_and_put_back(vault):
    (person_id, meds), _other = _setup(vault)
    with _statements(vault) as seen:
        _bulk(vault, person_id, meds)
    assert [t for s, t in seen if s.startswith("INSERT INTO entry_tag")] == [False]
    with session_of(vault) as s:
        sql = s.execute(text("SELECT sql FROM sqlite_master WHERE name = 'sync_entry_tag_gid'")).scalar()
        # a link written one at a time (no gid given) still gets its gid from the trigger
        entry_id = s.execute(text("SELECT max(id) FROM journal_entry")).scalar()
        tag_id = s.execute(text("SELECT max(id) FROM tag")).scalar()
        s.execute(text("DELETE FROM entry_tag WHERE entry_id = :e"), {"e": entry_id})
        s.execute(text("INSERT INTO entry_tag (entry_id, tag_id, position) VALUES (:e, :t, 0)"),
                  {"e": entry_id, "t": tag_id})
        gid = s.execute(text("SELECT gid FROM entry_tag WHERE entry_id = :e"), {"e": entry_id}).scalar()
    assert sql and "WHEN new.gid IS NULL" in sql
    assert gid
