"""Issue 16: the bulk insert gives each new row the family-sync id (gid) that the table's insert
trigger would have given it (storage/sync_tables.py), so the trigger's per-row UPDATE is skipped,
and notes the new rows in ``sync_pending`` with one statement per table instead of a trigger run
per row; what lands in the tables and in ``sync_pending`` is the same as with the triggers:
the same UUIDv5 for a natural key, a UUIDv7 where there is none (a person without a gid) or where
the UUIDv5 is taken already, and every row noted once for the next family batch."""

from __future__ import annotations

import contextlib
from dataclasses import replace

import pytest
from sqlalchemy import text
from test_bulk_insert import NOW, _mixed, _setup

from caregiver_app.services.vault import VaultPaths, session_of
from caregiver_app.services.vault_open import create_vault
from caregiver_app.storage.repos import journal as repo
from support import PASSPHRASE

KEYS = {"journal_entry": "id", "entry_tag": "entry_id, tag_id", "symptom_rating": "entry_id, symptom_id",
        "entry_dose": "entry_id, medication_id", "tag": "id", "symptom": "id", "person": "id", "medication": "id"}


def _snapshot(vault):
    with session_of(vault) as s:
        tables = {t: s.execute(text(f"SELECT {k}, gid FROM {t} ORDER BY {k}")).all() for t, k in KEYS.items()}
        pending = s.execute(text("SELECT tbl, gid, deleted FROM sync_pending ORDER BY rowid")).all()  # in order
    return tables, pending


def _vault(folder, monkeypatch):
    """A new vault whose UUIDv7s (from the triggers and from the bulk insert alike) are counted
    1, 2, 3... instead of random, so two vaults filled the same way have the same ids."""
    from caregiver_app.storage import engine

    count = iter(range(1, 10**6))

    def counted() -> str:
        return f"00000000-0000-7000-8000-{next(count):012d}"

    monkeypatch.setattr(engine, "uuid7", counted)  # read when a connection opens
    monkeypatch.setattr(repo, "uuid7", counted)
    return create_vault(VaultPaths(folder), PASSPHRASE).vault


def _fill(folder, monkeypatch, *, by_triggers: bool, prepare=None):
    """Set up the people, then bulk-insert the mixed entries plus imported ones and return what
    the tables and sync_pending hold; ``by_triggers``: rows come without gids, as before. The
    fill's own patches end with it (the test's, such as its time zone, stay)."""
    with pytest.MonkeyPatch.context() as local:
        vault = _vault(folder, local)
        try:
            (person_id, meds), _other = _setup(vault)
            if prepare:
                with session_of(vault) as s:
                    prepare(s, person_id)
            made = _mixed(person_id, meds)
            made += [(replace(e, import_key=f"Key {i}", source="daylio"), d) for i, (e, d) in enumerate(made[:3])]
            if by_triggers:
                local.setattr(repo, "_shared_gids", lambda _session, _table, naturals: [None] * len(naturals))
                local.setattr(repo, "_noted_for_family_after", lambda *_args: contextlib.nullcontext())
            with session_of(vault) as s:
                repo.bulk_insert_entries(s, [e for e, _d in made], NOW, doses=[d for _e, d in made])
            return _snapshot(vault)
        finally:
            vault.close()


def test_the_bulk_insert_gives_the_ids_the_triggers_give(tmp_path, monkeypatch):
    ours = _fill(tmp_path / "a", monkeypatch, by_triggers=False)
    theirs = _fill(tmp_path / "b", monkeypatch, by_triggers=True)
    assert ours == theirs
    tables, pending = ours
    assert all(g is not None for rows in tables.values() for *_k, g in rows)
    assert all(g[14] == "5" for _id, g in tables["journal_entry"][-3:])  # an imported entry's id is its key's UUIDv5
    assert all(g[14] == "5" for *_k, g in tables["entry_tag"])
    for table in ("journal_entry", "entry_tag", "symptom_rating", "entry_dose"):  # each noted for the family, once
        assert sorted(g for t, g, _d in pending if t == table) == sorted(g for *_k, g in tables[table])


def test_a_taken_natural_id_and_a_person_without_an_id_get_new_ids_as_with_the_triggers(tmp_path, monkeypatch):
    from caregiver_app.domain.gids import uuid5

    def prepare(s, person_id):
        person_gid = s.execute(text("SELECT gid FROM person WHERE id = :p"), {"p": person_id}).scalar_one()
        # an older row already holds the id the first imported entry would get (an old vault's clash)
        s.execute(text("UPDATE journal_entry SET gid = :g WHERE id = (SELECT min(id) FROM journal_entry)"),
                  {"g": uuid5(f"entry:{person_gid}:Key 0")})
        # the second was imported before and undone: its deletion waits to be sent, and is replaced
        s.execute(text("INSERT INTO sync_pending (tbl, gid, deleted) VALUES ('journal_entry', :g, 1)"),
                  {"g": uuid5(f"entry:{person_gid}:Key 1")})

    ours = _fill(tmp_path / "a", monkeypatch, by_triggers=False, prepare=prepare)
    theirs = _fill(tmp_path / "b", monkeypatch, by_triggers=True, prepare=prepare)
    assert ours == theirs
    imported = [g for _id, g in ours[0]["journal_entry"]][-3:]
    assert imported[0][14] == "7" and imported[1][14] == "5"
    assert ("journal_entry", imported[1], 0) in ours[1] and ("journal_entry", imported[1], 1) not in ours[1]


def test_nothing_is_noted_while_a_merge_applies_received_changes(tmp_path, monkeypatch):
    def prepare(s, _person_id):
        s.execute(text("INSERT INTO sync_applying DEFAULT VALUES"))

    ours = _fill(tmp_path / "a", monkeypatch, by_triggers=False, prepare=prepare)
    theirs = _fill(tmp_path / "b", monkeypatch, by_triggers=True, prepare=prepare)
    assert ours == theirs
    noted = {g for _t, g, _d in ours[1]}
    assert not noted & {g for _id, g in ours[0]["journal_entry"][1:]}  # the one saved before the merge began is
    assert not noted & {g for *_k, g in ours[0]["entry_dose"]}


def test_an_entry_of_a_person_without_an_id_gets_a_new_id_as_with_the_triggers(tmp_path, monkeypatch):
    def prepare(s, person_id):
        s.execute(text("UPDATE person SET gid = NULL WHERE id = :p"), {"p": person_id})

    ours = _fill(tmp_path / "a", monkeypatch, by_triggers=False, prepare=prepare)
    theirs = _fill(tmp_path / "b", monkeypatch, by_triggers=True, prepare=prepare)
    assert ours == theirs
    assert [g[14] for _id, g in ours[0]["journal_entry"]][-3:] == ["7"] * 3
