"""Old vaults kept as files, one per past schema revision (as electrum keeps old wallet files).

``scripts/make_old_vaults.py`` builds them into ``tests/fixtures/old_vaults/<revision>/`` and
``tests/storage/test_old_vaults.py`` opens them. Both take their rows from here, so the data the
files hold and the data the tests expect back cannot drift apart.

Each vault is a real one (key file + SQLCipher database, passphrase ``PASSPHRASE``, the tests'
cheap Argon2 parameters kept in the key file) whose schema stops at its revision, with rows in
every table that revision has, written with SQL that fits that revision's columns (not with
today's ORM, which knows only the newest schema). Values are raw SQL values: text for dates
(``YYYY-MM-DD``) and instants (``UTCDateTime``'s ``YYYY-MM-DDTHH:MM:SS.ffffffZ``), 0/1 for booleans.
"""

from __future__ import annotations

import json
from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine, text

FOLDER = Path(__file__).resolve().parent / "fixtures" / "old_vaults"
PASSPHRASE = "old kettle, older garden"
FILES = ("vault.db", "vault.keys", "vault.keys.prev")
"""The vault's files as the app leaves them (database, key file and its second copy)."""

REVISIONS = (
    "0001_journal",
    "0002_journal_complete",
    "0003_warning_signs",
    "0004_support_network",
    "0005_search_drafts",
    "0006_imported_mood_label",
    "0007_summary_second_edition",
    "0008_everyday",
)
"""Every revision before the head, oldest first: one old vault each."""

_T = "2026-03-01T12:00:00.000000Z"  # created/updated instants of every row

# (table, the revision that made it, rows in insertion order; the first column is the key)
TABLES: tuple[tuple[str, str, tuple[dict, ...]], ...] = (
    ("person", "0001_journal", (
        {"id": 1, "display_name": "Sam Rivera", "birth_date": "1990-04-12", "notes": "likes the garden",
         "created_at": _T},
        {"id": 2, "display_name": "Ana Li", "birth_date": None, "notes": "", "created_at": _T},
    )),
    ("vault_setting", "0001_journal", (
        {"key": "last_person_id", "value": "1"},
        {"key": "archived_people", "value": "[2]"},
    )),
    ("symptom", "0001_journal", (
        {"id": 1, "name": "Trouble falling asleep", "name_key": "trouble falling asleep", "custom": 0},
        {"id": 2, "name": "Kettle worry", "name_key": "kettle worry", "custom": 1},
    )),
    ("tag", "0001_journal", (
        {"id": 1, "name": "walk", "kind": "activity"},
        {"id": 2, "name": "money worries", "kind": "stressor"},
    )),
    ("journal_entry", "0001_journal", (
        {"id": 1, "person_id": 1, "occurred_at": "2026-03-02T14:30:00.000000Z", "local_date": "2026-03-02",
         "recorded_by_kind": "person", "recorded_by_name": "", "mood": 4, "anxiety": 3, "energy": 6,
         "sleep_hours": 7.5, "sleep_quality": 2, "note": "Walked by the lighthouse before breakfast",
         "flag_for_visit": 1, "source": "manual", "import_key": None, "created_at": _T, "updated_at": _T},
        {"id": 2, "person_id": 1, "occurred_at": "2026-03-03T01:15:00.000000Z", "local_date": "2026-03-02",
         "recorded_by_kind": "family", "recorded_by_name": "Maria", "mood": 2, "anxiety": None, "energy": None,
         "sleep_hours": None, "sleep_quality": None, "note": "Quiet evening; the kettle worry again",
         "flag_for_visit": 0, "source": "daylio", "import_key": "3f2a9c", "created_at": _T, "updated_at": _T},
    )),
    ("symptom_rating", "0001_journal", (
        {"id": 1, "entry_id": 1, "symptom_id": 1, "severity": 6, "position": 0},
        {"id": 2, "entry_id": 2, "symptom_id": 2, "severity": 4, "position": 0},
    )),
    ("entry_tag", "0001_journal", (
        {"entry_id": 1, "tag_id": 1, "position": 0},
        {"entry_id": 2, "tag_id": 2, "position": 0},
    )),
    ("medication", "0002_journal_complete", (
        {"id": 1, "person_id": 1, "name": "Sertraline", "reason": "low mood", "prescriber": "Dr. Okafor",
         "prescriber_contact_id": None, "start_date": "2026-01-10", "stop_date": None, "as_needed": 0,
         "created_at": _T, "updated_at": _T},
    )),
    ("medication_dose_change", "0002_journal_complete", (
        {"id": 1, "medication_id": 1, "effective_from": "2026-01-10", "amount": 50.0, "unit": "mg",
         "schedule": "once a day", "note": "", "recorded_at": _T},
    )),
    ("entry_dose", "0002_journal_complete", (
        {"id": 1, "entry_id": 1, "medication_id": 1, "status": "taken"},
    )),
    ("score_result", "0002_journal_complete", (
        {"id": 1, "person_id": 1, "instrument": "PHQ-9", "taken_on": "2026-03-01", "answers": "121101100",
         "total": 7, "recorded_by_kind": "person", "recorded_by_name": "", "note": "before the visit",
         "flag_for_visit": 1, "created_at": _T, "updated_at": _T},
    )),
    ("caregiver_checkin", "0002_journal_complete", (
        {"id": 1, "occurred_at": "2026-03-02T22:00:00.000000Z", "local_date": "2026-03-02", "caregiver_name": "Maria",
         "stress": 6, "sleep_hours": 5.5, "sleep_quality": 2, "needs": "an afternoon off", "created_at": _T,
         "updated_at": _T},
    )),
    ("warning_plan", "0003_warning_signs", (
        {"id": 1, "person_id": 1, "kind": "relapse", "updated_at": _T},
        {"id": 2, "person_id": 1, "kind": "safety", "updated_at": _T},
    )),
    ("warning_plan_item", "0003_warning_signs", (
        {"id": 1, "plan_id": 1, "section": "early_signs", "position": 0, "text": "Up most of the night", "phone": "",
         "link_kind": "symptom", "link_name": "Trouble falling asleep", "min_severity": 5},
        {"id": 2, "plan_id": 2, "section": "helpers", "position": 0, "text": "Maria", "phone": "+1 212 555 0100",
         "link_kind": None, "link_name": "", "min_severity": 1},
    )),
    ("contact", "0004_support_network", (
        {"id": 1, "person_id": 1, "name": "Dr. Ana Okafor", "role": "psychiatrist", "organisation": "Riverside Clinic",
         "email": "clinic@example.org", "address": "12 Mill Road", "availability": "weekdays", "notes": "",
         "last_in_touch": "2026-02-20", "strength": "strong", "direction": "to_person", "map_x": None, "map_y": None,
         "created_at": _T, "updated_at": _T},
    )),
    ("contact_phone", "0004_support_network", (
        {"id": 1, "contact_id": 1, "position": 0, "kind": "work", "number": "+12125550100", "region": "US"},
    )),
    ("contact_support", "0004_support_network", (
        {"contact_id": 1, "support_type": "information"},
    )),
    ("appointment", "0004_support_network", (
        {"id": 1, "person_id": 1, "contact_id": 1, "starts_at": "2026-03-10T14:00:00.000000Z",
         "local_date": "2026-03-10", "zone_name": "America/New_York", "all_day": 0, "duration_minutes": 30,
         "place": "Riverside Clinic", "video_link": "", "purpose": "Medication review", "notes_after": "",
         "created_at": _T, "updated_at": _T},
    )),
    ("appointment_question", "0004_support_network", (
        {"id": 1, "appointment_id": 1, "position": 0, "text": "Is the dose right?", "answered": 0, "answer": "",
         "carried_over": 0, "moved_on": 0},
    )),
    ("entry_draft", "0005_search_drafts", (
        {"id": 1, "draft_key": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "person_id": 1, "entry_id": None,
         "payload": json.dumps({"version": 1, "when": "2026-03-04T08:00:00", "zone_name": "America/New_York",
                                "mood": 3, "note": "Half-written: the garden bench", "symptoms": []}),
         "saved_at": _T},
    )),
    ("summary_choice", "0007_summary_second_edition", (
        {"person_id": 1, "payload": json.dumps({"sections": ["charts", "medications"], "entry_ids": [2],
                                                "symptoms": [], "tags": ["money worries"],
                                                "questions": ["Is the dose right?"]}),
         "saved_at": _T},
    )),
    ("import_batch", "0008_everyday", (
        {"id": 1, "person_id": 1, "source": "daylio", "file_name": "daylio_export.csv",
         "summary": json.dumps({"new": 0, "skipped": 1}), "new_entries": 0, "imported_at": _T, "undone_at": None},
    )),
)

# Columns added to an existing table later: (table, column, the revision that added it, {key: value}).
ADDED_COLUMNS: tuple[tuple[str, str, str, dict], ...] = (
    ("journal_entry", "zone_name", "0005_search_drafts", {1: "America/New_York", 2: "America/New_York"}),
    ("journal_entry", "mood_label", "0006_imported_mood_label", {1: "", 2: "Daylio “meh”"}),
    ("journal_entry", "elevation", "0007_summary_second_edition", {1: None, 2: 2}),
    ("journal_entry", "import_batch_id", "0008_everyday", {1: None, 2: None}),
    ("medication", "reminder_times", "0008_everyday", {1: "08:00"}),
    ("medication", "supply_on_hand", "0008_everyday", {1: 30.0}),
    ("medication", "supply_counted_at", "0008_everyday", {1: _T}),
    ("medication", "supply_per_dose", "0008_everyday", {1: 1.0}),
    ("medication", "refill_at", "0008_everyday", {1: 7.0}),
)


def _at_or_after(revision: str, since: str) -> bool:
    return REVISIONS.index(since) <= REVISIONS.index(revision) if revision in REVISIONS else True


def rows_at(revision: str) -> list[tuple[str, dict]]:
    """``(table, row)`` for every row a vault at ``revision`` holds, in insertion order, with
    exactly the columns that revision has."""
    out = []
    for table, since, rows in TABLES:
        if not _at_or_after(revision, since):
            continue
        for row in rows:
            row = dict(row)
            for added_table, column, added_in, values in ADDED_COLUMNS:
                if added_table == table and _at_or_after(revision, added_in):
                    row[column] = values[row["id"]]
            out.append((table, row))
    return out


def insert_rows(engine: Engine, revision: str) -> None:
    """Write the rows of ``revision`` with plain SQL, in one transaction."""
    with engine.begin() as conn:
        for table, row in rows_at(revision):
            columns = ", ".join(row)
            marks = ", ".join(f":{c}" for c in row)
            conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), row)


def rows_missing(engine: Engine, revision: str) -> list[str]:
    """The rows written at ``revision`` that the database no longer holds as written (checked
    column by column, by the row's first column); empty when every row is still there."""
    missing = []
    with engine.connect() as conn:
        for table, row in rows_at(revision):
            key, value = next(iter(row.items()))
            found = conn.execute(text(f"SELECT {', '.join(row)} FROM {table} WHERE {key} = :v AND "
                                      + " AND ".join(f"{c} IS :{c}" for c in row)), {"v": value, **row}).first()
            if found is None:
                missing.append(f"{table} {key}={value!r}")
    return missing


def unfilled(engine: Engine, revision: str) -> list[str]:
    """Tables of the database with no row written at ``revision`` and columns no row wrote
    (``"table"`` or ``"table.column"``); empty when the rows cover the whole schema. The search
    index (``journal_fts*``, built from the entries) and Alembic's own table do not count."""
    written: dict[str, set[str]] = {}
    for table, row in rows_at(revision):
        written.setdefault(table, set()).update(row)
    gaps = []
    with engine.connect() as conn:
        tables = [name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'journal_fts%' AND name != 'alembic_version' ORDER BY name")]
        for table in tables:
            if table not in written:
                gaps.append(table)
                continue
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            gaps += [f"{table}.{c}" for c in columns if c not in written[table]]
    return gaps


def alembic_config() -> Config:
    """An Alembic configuration over the app's own migration scripts."""
    from caregiver_app.storage import migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_path()))
    return cfg


def open_engine(folder: Path, passphrase: str = PASSPHRASE) -> Engine:
    """An engine over the vault database in ``folder``, keyed from its key file by ``passphrase``,
    WITHOUT the app's open path (which would upgrade the schema to the head at once)."""
    from caregiver_app.security.keyfile import read_keyfile, unwrap_with_passphrase
    from caregiver_app.services.vault import VaultPaths
    from caregiver_app.storage.engine import make_engine

    paths = VaultPaths(Path(folder))
    key = unwrap_with_passphrase(read_keyfile(paths.keyfile), passphrase)
    return make_engine(paths.db, key)
