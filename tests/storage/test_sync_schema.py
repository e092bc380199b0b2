"""Family sync's schema (issue 20, migration 0009): every shared row has a global id and every
write path notes its changes for the next batch, through triggers the services do not know of."""

from __future__ import annotations

import shutil
from datetime import date, datetime

from old_vaults import FILES, FOLDER, PASSPHRASE
from support import add_entry, bulk_add_entries

from caregiver_app.domain.gids import uuid5
from caregiver_app.domain.model import SymptomRating, Tag, TagKind
from caregiver_app.services import checkins, journal, vault_open
from caregiver_app.services.vault import VaultPaths, engine_of, session_of
from caregiver_app.storage.repos import journal as journal_repo
from caregiver_app.storage.sync_tables import NOT_SHARED, SHARED


def pending(vault) -> set[tuple[str, str, int]]:
    with engine_of(vault).connect() as conn:
        return {tuple(r) for r in conn.exec_driver_sql("SELECT tbl, gid, deleted FROM sync_pending")}


def clear_pending(vault) -> None:
    with engine_of(vault).begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_pending")


def gid_of(vault, table: str, row_id: int) -> str:
    with engine_of(vault).connect() as conn:
        return conn.exec_driver_sql(f"SELECT gid FROM {table} WHERE id = ?", (row_id,)).scalar_one()


def test_an_old_vault_gets_a_gid_on_every_shared_row_and_all_of_them_pending(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    for name in FILES:
        shutil.copy2(FOLDER / "0008_everyday" / name, folder / name)
    vault = vault_open.unlock_with_passphrase(VaultPaths(folder), PASSPHRASE)
    try:
        with engine_of(vault).connect() as conn:
            total = 0
            for spec in SHARED:
                gids = [r[0] for r in conn.exec_driver_sql(f"SELECT gid FROM {spec.table}")]
                assert gids and None not in gids, spec.table  # the old vault has rows in every table
                total += len(gids)
            symptoms = dict(conn.exec_driver_sql("SELECT name_key, gid FROM symptom").fetchall())
            for table in NOT_SHARED:
                assert "gid" not in [c[1] for c in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
        assert symptoms["kettle worry"] == uuid5("symptom:kettle worry")
        assert len(pending(vault)) == total and all(deleted == 0 for _t, _g, deleted in pending(vault))
    finally:
        vault.close()


def test_the_editor_the_bulk_insert_and_cascades_are_all_noted(vault, person):
    clear_pending(vault)
    entry = add_entry(vault, person, date(2026, 11, 2), note="first", symptoms=(SymptomRating("Headache", 4),),
                      tags=(Tag("walk", TagKind.ACTIVITY),))
    tables = {t for t, _g, _d in pending(vault)}
    assert tables == {"journal_entry", "symptom", "tag", "symptom_rating", "entry_tag"}
    entry_gid = gid_of(vault, "journal_entry", entry.id)
    assert gid_of(vault, "symptom", 1) == uuid5("symptom:headache")  # two computers agree on "Headache"

    clear_pending(vault)
    added = bulk_add_entries(vault, [journal.EntryDraft(person.id, datetime(2026, 11, 3 + i, 9), note=f"bulk {i}",
                                                        mood=3) for i in range(5)])
    assert added == 5
    noted = pending(vault)
    assert len([1 for t, g, d in noted if t == "journal_entry" and d == 0 and g]) == 5

    clear_pending(vault)
    with session_of(vault) as s:
        journal_repo.delete_entry(s, entry.id)
    noted = pending(vault)
    assert ("journal_entry", entry_gid, 1) in noted
    assert {t for t, _g, d in noted if d == 1} == {"journal_entry", "symptom_rating", "entry_tag"}  # the cascade


def test_the_caregivers_own_checkin_is_never_noted(vault):
    clear_pending(vault)
    checkins.save_caregiver_checkin(vault, checkins.CaregiverCheckinDraft(datetime(2026, 11, 2, 21), stress=4, needs="a walk"))
    assert pending(vault) == set()


def test_nothing_is_noted_while_a_merge_applies(vault, person):
    clear_pending(vault)
    with engine_of(vault).begin() as conn:
        conn.exec_driver_sql("INSERT INTO sync_applying (id) VALUES (1)")
        conn.exec_driver_sql("UPDATE person SET notes = 'from the family' WHERE id = ?", (person.id,))
        conn.exec_driver_sql("DELETE FROM sync_applying")
    assert pending(vault) == set()
    with engine_of(vault).begin() as conn:
        conn.exec_driver_sql("UPDATE person SET notes = 'typed here' WHERE id = ?", (person.id,))
    assert pending(vault) == {("person", gid_of(vault, "person", person.id), 0)}
