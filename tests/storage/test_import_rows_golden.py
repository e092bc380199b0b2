"""Issue 16 (import write): a faster import must write EXACTLY the rows the import wrote before.

A fresh vault whose UUIDv7s are counted 1, 2, 3... (as in test_bulk_insert_gids.py) gets the same
writes as main's code path got when the golden figures were made: daylio_a (the shared sample),
a Bearable file with symptoms, a bulk insert of mixed entries with tags, symptoms and doses, and
daylio_a again (everything already present). Every table in the database (the search indexes'
own tables, sync_pending, import_batch, the settings) is then read row by row in rowid order and
each table's rows are hashed: the hashes must equal those of main's code path before the change
(tests/storage/import_rows_golden.json). Hashes, not rows, are kept in the repository, because
the sample is someone's journal.

To make the golden file again from another checkout (only after a deliberate change of what an
import writes): ``PYTHONPATH=CHECKOUT:tests:tests/storage python tests/storage/test_import_rows_golden.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

GOLDEN = Path(__file__).with_name("import_rows_golden.json")
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
def _samples() -> Path:
    """The shared samples' folder (CAREGIVER_DAYLIO_SAMPLES when set, as for the benches)."""
    from support import SAMPLES

    return Path(os.environ.get("CAREGIVER_DAYLIO_SAMPLES") or SAMPLES)


MOOD_MAP = {"okay": 3, "Solid": 4, "almost Rad": 5}


def _counted_uuid7(patch) -> None:
    """UUIDv7s counted instead of random, for the triggers (read when a connection opens) and
    for the bulk insert alike, so two vaults filled the same way hold the same ids."""
    from caregiver_app.storage import engine
    from caregiver_app.storage.repos import journal as repo

    count = iter(range(1, 10**7))

    def counted() -> str:
        return f"00000000-0000-7000-8000-{next(count):012d}"

    patch(engine, "uuid7", counted)
    patch(repo, "uuid7", counted)


def _fill(folder: Path, daylio: bytes | None, bearable: bytes) -> dict[str, str]:
    from caregiver_app.services import import_any
    from caregiver_app.services.vault import VaultPaths, session_of
    from caregiver_app.services.vault_open import create_vault
    from caregiver_app.storage.repos import journal as repo
    from support import PASSPHRASE
    from test_bulk_insert import _mixed, _setup

    vault = create_vault(VaultPaths(folder), PASSPHRASE).vault
    try:
        (person_id, meds), _other = _setup(vault)

        def clock() -> datetime:
            return NOW

        if daylio is not None:
            import_any.import_file(vault, daylio, "Sam", "daylio", mood_map=MOOD_MAP, zone_name="America/New_York",
                                   file_name="daylio_a.csv", clock=clock)
        import_any.import_file(vault, bearable, "Robin", "bearable", zone_name="Europe/Berlin",
                               file_name="bearable.csv", clock=clock)
        made = _mixed(person_id, meds)
        with session_of(vault) as s:
            repo.bulk_insert_entries(s, [e for e, _d in made], NOW, doses=[d for _e, d in made])
        if daylio is not None:
            import_any.import_file(vault, daylio, "Sam", "daylio", zone_name="America/New_York",
                                   file_name="daylio_a.csv", clock=clock)
        return _table_hashes(vault)
    finally:
        vault.close()


def _table_hashes(vault) -> dict[str, str]:
    """``{table: sha256 of its rows}`` for every table of the vault's database, rows in rowid
    order (all columns' order for a table without rowid). Timestamps written at set-up with the
    real time (people, medications, the first entry) are left out by keeping NOW's rows only."""
    from sqlalchemy import text

    from caregiver_app.services.vault import session_of

    hashes = {}
    with session_of(vault) as s:
        tables = s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")).all()
        for name, sql in tables:
            order = "1" if "WITHOUT ROWID" in (sql or "").upper() else "rowid"
            rows = s.execute(text(f'SELECT * FROM "{name}" ORDER BY {order}')).all()
            if "WITHOUT ROWID" in (sql or "").upper():
                rows = sorted(rows, key=repr)
            hashes[name] = hashlib.sha256(repr([_steady(r) for r in rows]).encode()).hexdigest()
        # The schema itself, by name: a bulk insert sets triggers aside and puts them back as
        # they were (the order sqlite_master lists them in may change, their text may not).
        schema = s.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")).all()
        hashes["(schema)"] = hashlib.sha256(repr([tuple(r) for r in schema]).encode()).hexdigest()
    return hashes


def _steady(row) -> tuple:
    """The row with the set-up's real-time stamps (ISO text or datetimes not on NOW's day)
    masked: only what the import and the bulk insert wrote is compared exactly."""
    out = []
    for value in row:
        if isinstance(value, datetime) and value.date() != NOW.date():
            value = "<set-up time>"
        elif isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] in "T " \
                and value[:10] != NOW.date().isoformat() and value[:4] >= "2026" and value[13:14] == ":":
            value = "<set-up time>"
        out.append(value)
    return tuple(out)


def golden_hashes(folder: Path, daylio: bytes | None, bearable: bytes, patch) -> dict[str, str]:
    _counted_uuid7(patch)
    return _fill(folder, daylio, bearable)


def _bearable() -> bytes:
    return (Path(__file__).parents[1] / "unit" / "fixtures" / "trackers" / "bearable.csv").read_bytes()


def test_import_writes_the_same_rows_as_before(tmp_path, monkeypatch):
    import pytest

    golden = json.loads(GOLDEN.read_text())
    sample = _samples() / "daylio_a.csv"
    if not sample.is_file():
        pytest.skip(f"shared sample daylio_a.csv is not available (expected at {sample})")
    got = golden_hashes(tmp_path / "v", sample.read_bytes(), _bearable(), monkeypatch.setattr)
    assert {t: h for t, h in got.items() if h != golden["with_daylio"].get(t)} == {}
    assert set(got) == set(golden["with_daylio"])


def test_generated_import_writes_the_same_rows_as_before(tmp_path, monkeypatch):
    """The same without the shared sample (runs everywhere): Bearable and the bulk insert."""
    golden = json.loads(GOLDEN.read_text())
    got = golden_hashes(tmp_path / "v", None, _bearable(), monkeypatch.setattr)
    assert {t: h for t, h in got.items() if h != golden["without_daylio"].get(t)} == {}


if __name__ == "__main__":  # make the golden file (see the module's docstring)
    import tempfile

    import conftest  # noqa: F401  (cheap key derivation below, as in the tests)
    from support import CHEAP_ARGON2

    from caregiver_app.security import kdf

    kdf.set_default_params(CHEAP_ARGON2)
    os.environ["TZ"] = "America/New_York"  # as tests/conftest.py's fixed_zone
    __import__("time").tzset()
    out = {}
    for label, daylio in (("with_daylio", (_samples() / "daylio_a.csv").read_bytes()), ("without_daylio", None)):
        with tempfile.TemporaryDirectory() as tmp:
            out[label] = golden_hashes(Path(tmp) / "v", daylio, _bearable(), setattr)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLDEN
    target.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"wrote {target}", file=sys.stderr)
