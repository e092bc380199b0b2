"""Issue 16: the bulk insert of a long journal and the command-line Daylio import, each measured
beside its floor in the same run (paired, alternating, medians of several rounds), printing the
ratio and its spread. They measure; they never fail on time.

Run: ``python -m pytest tests/bench/test_bench_import.py --benchmark-only -s``.

* Bulk insert: :func:`~caregiver_app.storage.repos.journal.bulk_insert_entries` of generated
  entries (optional fields, tags, symptom ratings, doses) against a bare ``sqlcipher3``
  ``executemany`` of the same rows, already turned into tuples, on the same kind of vault (same
  schema and FTS triggers, same connection settings, one transaction each), at 10, 20 and 30
  years: the ratio staying flat shows the insert is linear.
* CLI import: ``caregiver-app import daylio_a.csv`` in a fresh process against a bare script in a
  fresh process that parses the file with :mod:`csv`, inserts its rows with ``sqlcipher3`` and
  derives one Argon2id key with the vault's parameters.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bench_support import END, PASS, paired, report
from journal_generator import generate_doses, generate_entries

import support

from caregiver_app.security import kdf
from caregiver_app.services import medications, people
from caregiver_app.services.medications import MedicationDraft
from caregiver_app.services.vault import VaultPaths, session_of
from caregiver_app.services.vault_open import create_vault
from caregiver_app.storage.repos import journal as repo
from caregiver_app.storage.rows.search import FTS_CREATE, FTS_TABLE, FTS_TRIGGERS, TRIGRAM_CREATE, TRIGRAM_TABLE, TRIGRAM_TRIGGERS
from caregiver_app.storage.types import UTCDateTime

SAMPLES = Path(os.environ.get("CAREGIVER_DAYLIO_SAMPLES", "") or support.SAMPLES)
"""The shared Daylio samples (beside the repository; ``CAREGIVER_DAYLIO_SAMPLES`` for a worktree)."""
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def _fresh(folder: Path):
    """A new vault (cheap key parameters: the key is not what is measured) with one person and
    two medicines. Returns ``(vault, person id, medication ids)``."""
    vault = create_vault(VaultPaths(folder), PASS, remember=False).vault
    person = people.add_person(vault, "Sam")
    meds = [medications.add_medication(vault, MedicationDraft(person.id, name, 50, "mg", "morning")).id
            for name in ("Sertraline", "Lithium")]
    return vault, person.id, meds


def _floor_rows(entries, doses):
    """The rows a bare script would insert: entries with ids 1..n, tag and symptom names, links,
    ratings and doses, as tuples (built before the clock starts)."""
    instant = UTCDateTime().process_bind_param
    made = instant(NOW, None)
    tags = sorted({(t.name, t.kind.value) for e in entries for t in e.tags})
    tag_id = {tag: i for i, tag in enumerate(tags, start=1)}
    symptoms = sorted({r.symptom for e in entries for r in e.symptoms})
    symptom_id = {name: i for i, name in enumerate(symptoms, start=1)}
    rows = [(i, e.person_id, instant(e.occurred_at, None), e.local_date.isoformat(), e.recorded_by.kind.value,
             e.recorded_by.name, e.mood and int(e.mood), e.anxiety, e.energy, e.sleep_hours,
             e.sleep_quality and int(e.sleep_quality), e.note, e.flag_for_visit, e.source, e.import_key, e.zone_name,
             None, e.mood_label, made, made) for i, e in enumerate(entries, start=1)]
    links = [(i, tag_id[(t.name, t.kind.value)], p) for i, e in enumerate(entries, start=1) for p, t in enumerate(e.tags)]
    ratings = [(i, symptom_id[r.symptom], r.severity, p) for i, e in enumerate(entries, start=1)
               for p, r in enumerate(e.symptoms)]
    given = [(i, d.medication_id, d.status.value) for i, ds in enumerate(doses, start=1) for d in ds]
    return tags, symptoms, rows, links, ratings, given


def _floor_insert(vault, entries, doses, index_after: bool = False) -> float:
    """The bare ``executemany`` of the rows; ``index_after`` sets the search indexes' insert
    triggers aside and fills the indexes in one statement each, as the bulk insert does."""
    tags, symptoms, rows, links, ratings, given = _floor_rows(entries, doses)
    start = time.perf_counter()
    with session_of(vault) as s:
        cursor = s.connection().connection.driver_connection.cursor()
        kept = cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
                              (f"{FTS_TABLE}_ai", f"{TRIGRAM_TABLE}_ai")).fetchall() if index_after else []
        for name, _sql in kept:
            cursor.execute(f"DROP TRIGGER {name}")
        cursor.executemany("INSERT INTO tag (name, kind) VALUES (?, ?)", tags)
        cursor.executemany("INSERT OR IGNORE INTO symptom (name, name_key, custom) VALUES (?, ?, 0)",
                           [(n, n.casefold()) for n in symptoms])
        cursor.executemany(
            "INSERT INTO journal_entry (id, person_id, occurred_at, local_date, recorded_by_kind, recorded_by_name, "
            "mood, anxiety, energy, sleep_hours, sleep_quality, note, flag_for_visit, source, import_key, zone_name, "
            "elevation, mood_label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?)", rows)
        cursor.executemany("INSERT INTO entry_tag (entry_id, tag_id, position) VALUES (?, ?, ?)", links)
        cursor.executemany("INSERT INTO symptom_rating (entry_id, symptom_id, severity, position) VALUES (?, ?, ?, ?)",
                           ratings)
        cursor.executemany("INSERT INTO entry_dose (entry_id, medication_id, status) VALUES (?, ?, ?)", given)
        for name, sql in kept:
            cursor.execute(f"INSERT INTO {name.removesuffix('_ai')}(rowid, note) SELECT id, note FROM journal_entry")
            cursor.execute(sql)
    return time.perf_counter() - start


def _our_insert(vault, entries, doses) -> float:
    start = time.perf_counter()
    with session_of(vault) as s:
        assert repo.bulk_insert_entries(s, entries, NOW, doses=doses) == len(entries)
    return time.perf_counter() - start


@pytest.mark.parametrize("years", [10, 20, 30])
def test_bulk_insert_beside_a_bare_executemany(benchmark, tmp_path, years):
    count = iter(range(100))

    def measure(insert):
        def run() -> float:
            vault, person_id, meds = _fresh(tmp_path / f"v{next(count)}")
            try:
                entries = generate_entries(person_id, END, years)
                return insert(vault, entries, generate_doses(entries, meds))
            finally:
                vault.close()
        return run

    indexed: list[float] = []
    bulk_indexed = measure(lambda vault, entries, doses: _floor_insert(vault, entries, doses, index_after=True))

    def floor() -> float:
        took = measure(_floor_insert)()
        # not the floor: the bare executemany indexing the notes the way the bulk insert does
        indexed.append(bulk_indexed())
        return took

    figures = benchmark.pedantic(lambda: paired(measure(_our_insert), floor, 5 if years < 30 else 3),
                                 rounds=1, iterations=1)
    figures["floor_indexing_in_bulk"] = statistics.median(indexed)
    benchmark.extra_info.update(figures)
    print("\n" + report(f"bulk insert, {years} years", figures))
    print(f"  the bare executemany indexing the notes in one statement per index: "
          f"{figures['floor_indexing_in_bulk']:.3f} s (ours is {figures['ours'] / figures['floor_indexing_in_bulk']:.2f}x that)")


FLOOR_SCRIPT = """
import csv, os, sys
import sqlcipher3
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


def floor(source, database, iterations, memory, lanes, passphrase, schema=()):
    key = Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=lanes,
                   memory_cost=memory).derive(passphrase.encode())
    with open(source, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    conn = sqlcipher3.connect(database, isolation_level=None)
    conn.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE journal_entry "
                 "(id INTEGER PRIMARY KEY, full_date, date, weekday, time, mood, activities, note_title, note)")
    for statement in schema:
        conn.execute(statement)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO journal_entry (full_date, date, weekday, time, mood, activities, note_title, note) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(r + [""] * 8)[:8] for r in rows])
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    floor(sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6]), sys.stdin.readline().strip())
"""
"""The floor of the CLI import: :mod:`csv`, ``sqlcipher3`` and one Argon2id derivation, nothing
else (run as a script in a fresh process, or its ``floor`` function in this one)."""

SCHEMA_SCRIPT = """
import csv, os, pickle, sys
import sqlcipher3
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


def write_rows(source, database, iterations, memory, lanes, passphrase, rows_file):
    Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=lanes,
             memory_cost=memory).derive(passphrase.encode())
    with open(source, encoding="utf-8-sig", newline="") as fh:
        list(csv.reader(fh))
    with open(rows_file, "rb") as fh:
        key, tables = pickle.load(fh)
    conn = sqlcipher3.connect(database, isolation_level=None)
    conn.execute(f"PRAGMA key = \\"x'{key}'\\"")
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "foreign_keys = ON"):
        conn.execute("PRAGMA " + pragma)
    conn.execute("BEGIN IMMEDIATE")
    for table, columns, rows in tables:
        conn.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                         f"VALUES ({', '.join('?' * len(columns))})", rows)
    for index in ("journal_fts", "journal_fts_tri"):
        conn.execute(f"INSERT INTO {index}(rowid, note) SELECT id, note FROM journal_entry")
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    write_rows(sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6]), sys.stdin.readline().strip(), sys.argv[6])
"""
"""Not the floor: a bare script (no app code, no checks, no backup) that derives one key, reads
the file with :mod:`csv` and writes exactly the rows the import wrote (taken from a real import
beforehand) into a copy of a fresh vault with the triggers dropped, the two search indexes filled
in one statement each: what this data model's own rows (family-sync ids on every tag link and
their notes for the next family batch, two search indexes) cost SQLite, whatever writes them."""

MOOD_MAP = ("--mood-map", "okay=3", "--mood-map", "Solid=4", "--mood-map", "almost Rad=5")


def _schema_without_app(template: Path, imported: Path, into: Path) -> Path:
    """For :data:`SCHEMA_SCRIPT`: ``into`` gets a copy of the vault ``template`` with every trigger
    dropped, and ``into/rows.pickle`` the data key and the rows the import made in ``imported``
    (a copy of ``template`` after the import), table by table in the database's order."""
    import pickle

    import sqlcipher3

    from caregiver_app.services.vault import data_key_of
    from caregiver_app.services.vault_open import unlock_with_passphrase

    vault = unlock_with_passphrase(VaultPaths(imported), PASS)
    key = data_key_of(vault).hex()
    vault.close()
    shutil.copytree(template, into)

    def connect(folder: Path):
        conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        return conn

    before, after, schema = connect(template), connect(imported), connect(into)
    tables = []
    names = [n for (n,) in after.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    for name in names:
        if name.startswith(("journal_fts", "sqlite_")):
            continue
        columns = [c[1] for c in after.execute(f"PRAGMA table_info({name})")]
        old = set(before.execute(f"SELECT * FROM {name}"))
        rows = [r for r in after.execute(f"SELECT * FROM {name} ORDER BY rowid") if r not in old]
        if rows:
            tables.append((name, columns, rows))
    for (name,) in schema.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        schema.execute(f'DROP TRIGGER "{name}"')
    schema.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for conn in (before, after, schema):
        conn.close()
    with open(into / "rows.pickle", "wb") as fh:
        pickle.dump((key, tables), fh)
    assert sum(len(rows) for _n, _c, rows in tables) > 30_000, "the import wrote fewer rows than it should"
    return into / "rows.pickle"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="UTC", LANG="en_GB.UTF-8")
    return env


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared Daylio samples are not on this machine")
def test_cli_import_of_daylio_a_beside_a_bare_script(benchmark, tmp_path):
    source = SAMPLES / "daylio_a.csv"
    params = kdf.RFC9106_SECOND
    previous = kdf.default_params()
    kdf.set_default_params(params)  # the real key derivation on both sides
    try:
        create_vault(VaultPaths(tmp_path / "template"), PASS, remember=False).vault.close()
    finally:
        kdf.set_default_params(previous)
    script = tmp_path / "floor.py"
    script.write_text(FLOOR_SCRIPT, encoding="utf-8")
    schema_script = tmp_path / "schema.py"
    schema_script.write_text(SCHEMA_SCRIPT, encoding="utf-8")
    count = iter(range(100))

    def ours() -> float:
        folder = tmp_path / f"v{next(count)}"
        shutil.copytree(tmp_path / "template", folder)
        command = [sys.executable, "-m", "caregiver_app", "--data-dir", str(folder), "import", str(source),
                   "--person", "Sam", *MOOD_MAP, "--timezone", "America/New_York", "--passphrase-stdin"]
        start = time.perf_counter()
        done = subprocess.run(command, input=PASS + "\n", capture_output=True, text=True, env=_env())
        took = time.perf_counter() - start
        assert done.returncode == 0 and "1500 new, 0 already present" in done.stdout, done.stderr
        return took

    def floor() -> float:
        command = [sys.executable, str(script), str(source), str(tmp_path / f"f{next(count)}.db"),
                   str(params.iterations), str(params.memory_kib), str(params.lanes)]
        start = time.perf_counter()
        subprocess.run(command, input=PASS + "\n", check=True, capture_output=True, text=True, env=_env())
        took = time.perf_counter() - start
        folder = tmp_path / f"s{next(count)}"
        shutil.copytree(tmp_path / "schema", folder)
        command = [sys.executable, str(schema_script), str(source), str(folder / "vault.db"),
                   str(params.iterations), str(params.memory_kib), str(params.lanes), str(rows)]
        start = time.perf_counter()
        subprocess.run(command, input=PASS + "\n", check=True, capture_output=True, text=True, env=_env())
        in_schema.append(time.perf_counter() - start)
        return took

    ours()  # a first run (also the rows the schema script writes)
    rows = _schema_without_app(tmp_path / "template", tmp_path / "v0", tmp_path / "schema")
    in_schema: list[float] = []
    figures = benchmark.pedantic(lambda: paired(ours, floor, 7), rounds=1, iterations=1)
    figures["rows_in_schema_without_app"] = statistics.median(in_schema)
    benchmark.extra_info.update(figures)
    print("\n" + report("CLI import of daylio_a (1,500 rows), fresh processes", figures))
    print(f"  not the floor: the bare script writing the same rows into the app's schema (no app code): "
          f"{figures['rows_in_schema_without_app']:.3f} s = "
          f"{figures['rows_in_schema_without_app'] / figures['floor']:.2f}x the floor "
          f"(ours is {figures['ours'] / figures['rows_in_schema_without_app']:.2f}x that)")


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared Daylio samples are not on this machine")
def test_cli_import_of_daylio_a_in_process_beside_the_bare_work(benchmark, tmp_path, monkeypatch):
    """The same pair with the modules already loaded (both sides in this process): the command's
    own work, from reading the file to printing the counts, against the floor's."""
    import io

    from caregiver_app import cli

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    source = SAMPLES / "daylio_a.csv"
    params = kdf.RFC9106_SECOND
    previous = kdf.default_params()
    kdf.set_default_params(params)
    try:
        create_vault(VaultPaths(tmp_path / "template"), PASS, remember=False).vault.close()
    finally:
        kdf.set_default_params(previous)
    namespace: dict = {}
    exec(FLOOR_SCRIPT, namespace)
    count = iter(range(100))

    def ours() -> float:
        folder = tmp_path / f"v{next(count)}"
        shutil.copytree(tmp_path / "template", folder)
        out = io.StringIO()
        start = time.perf_counter()
        code = cli.main(["--data-dir", str(folder), "import", str(source), "--person", "Sam", *MOOD_MAP,
                         "--timezone", "America/New_York", "--passphrase-stdin"],
                        stdin=io.StringIO(PASS + "\n"), out=out, err=io.StringIO())
        took = time.perf_counter() - start
        assert code == 0 and "1500 new, 0 already present" in out.getvalue()
        return took

    indexed: list[float] = []

    def floor() -> float:
        start = time.perf_counter()
        namespace["floor"](str(source), str(tmp_path / f"f{next(count)}.db"), params.iterations, params.memory_kib,
                           params.lanes, PASS)
        took = time.perf_counter() - start
        # not the floor: the same with the journal's two search indexes, for how much of the
        # rest is indexing the notes (the bare script builds no index)
        start = time.perf_counter()
        namespace["floor"](str(source), str(tmp_path / f"f{next(count)}.db"), params.iterations, params.memory_kib,
                           params.lanes, PASS, (FTS_CREATE, *FTS_TRIGGERS, TRIGRAM_CREATE, *TRIGRAM_TRIGGERS))
        indexed.append(time.perf_counter() - start)
        return took

    ours()  # the first run loads the modules and locale data a fresh process would
    figures = benchmark.pedantic(lambda: paired(ours, floor, 7), rounds=1, iterations=1)
    figures["floor_with_search_indexes"] = statistics.median(indexed)
    benchmark.extra_info.update(figures)
    print("\n" + report("CLI import of daylio_a (1,500 rows), in process", figures))
    print(f"  the bare script with the journal's two search indexes: {figures['floor_with_search_indexes']:.3f} s "
          f"(ours is {figures['ours'] / figures['floor_with_search_indexes']:.2f}x that)")
