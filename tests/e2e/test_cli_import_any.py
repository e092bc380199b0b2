"""``caregiver-app import`` / ``export-fhir`` / ``export-journal`` in real subprocesses, and an
import killed with SIGKILL that leaves nothing behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from datetime import date
from datetime import time as dtime

import pytest
from fhir.resources.R4B.bundle import Bundle
from import_fixtures import fixture_bytes
from sqlalchemy import text

from caregiver_app.reports.formatting import report_format
from caregiver_app.services import vault_open
from caregiver_app.services.vault import VaultPaths, session_of
from caregiver_app.services.vault_open import create_vault

PASS = "kettle-morning-walk-blue"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(_command(data_dir, *args), input=PASS + "\n", capture_output=True, text=True,
                          env=_env(), timeout=120)


def _command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args, "--passphrase-stdin"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="UTC", LANG="en_GB.UTF-8")
    return env


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "vault"
    create_vault(VaultPaths(folder), PASS).vault.close()  # the cheap test key parameters, kept in the file
    return folder


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_import_prints_the_same_counts_and_a_second_run_adds_nothing(data_dir, tmp_path):
    path = _write(tmp_path, "export.csv", fixture_bytes("bearable.csv"))
    first = run(data_dir, "import", str(path), "--person", "Sam")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert out.startswith("This is a Bearable export (CSV).\n")
    assert "Mood rule (1-10 to 1-5): 1-2 very low, 3-4 low, 5-6 okay, 7-8 good, 9-10 very good" in out
    fmt = report_format("en_GB", "system")  # the terminal's locale (LANG above) writes the dates
    first_entry = f"First entry: {fmt.date(date(2020, 9, 21))}, {fmt.time(dtime(3, 0))}"
    last_entry = f"Last entry: {fmt.date(date(2020, 10, 1))}, {fmt.time(dtime(13, 0))}"
    assert first_entry == "First entry: 21 Sept 2020, 03:00"
    for line in ("Rows read: 21", "Entries: 6", "Distinct days: 3", first_entry, last_entry, "    very low (1): 1", "    no mood: 1",
                 "Skipped line 19: the mood is not from 1 to 10", "Skipped line 20: the date is not a real date",
                 "6 new, 0 already present"):
        assert line in out.splitlines(), line
    again = run(data_dir, "import", str(path), "--person", "sam", "--mood-rule", "1,3,5,7")
    assert again.returncode == 0 and "0 new, 6 already present" in again.stdout
    assert "(change it with --mood-rule 1,3,5,7)" in again.stdout


def test_unknown_csv_asks_for_columns_then_remembers_them(data_dir, tmp_path):
    path = _write(tmp_path, "other.csv", fixture_bytes("generic.csv"))
    asked = run(data_dir, "import", str(path), "--person", "Sam")
    assert asked.returncode == 3
    assert "This looks like a CSV from an app we don't know yet: map its columns." in asked.stderr
    assert "When, Score, Journal, Labels, Ignored" in asked.stderr
    mapped = run(data_dir, "import", str(path), "--person", "Sam", "--map", "date=When", "--map", "mood=Score",
                 "--map", "notes=Journal", "--map", "tags=Labels", "--map", "scale=1-10")
    assert mapped.returncode == 0, mapped.stderr
    assert "4 new, 0 already present" in mapped.stdout
    remembered = run(data_dir, "import", str(path), "--person", "Sam")  # the map was kept in the vault
    assert remembered.returncode == 0 and "0 new, 4 already present" in remembered.stdout
    bad = run(data_dir, "import", str(path), "--person", "Sam", "--map", "colour=When")
    assert bad.returncode == 2 and "ROLE=COLUMN" in bad.stderr and "Traceback" not in bad.stderr


def test_export_fhir_and_the_family_page(data_dir, tmp_path):
    path = _write(tmp_path, "mood.csv", fixture_bytes("imoodjournal.csv"))
    assert run(data_dir, "import", str(path), "--person", "Sam").returncode == 0
    fhir = run(data_dir, "export-fhir", "--person", "Sam", "-o", str(tmp_path / "record.json"))
    assert fhir.returncode == 0, fhir.stderr
    assert "(5 Observation, 1 Patient)" in fhir.stdout
    bundle = Bundle.model_validate_json((tmp_path / "record.json").read_bytes())
    assert len(bundle.entry) == 6
    page = run(data_dir, "export-journal", "--person", "Sam", "-o", str(tmp_path))
    assert page.returncode == 0 and "(5 entries)" in page.stdout
    written = next(tmp_path.glob("journal-*.html")).read_text(encoding="utf-8")
    assert "good (4/5); iMoodJournal 7/10 (Pretty Good)" in written
    nobody = run(data_dir, "export-fhir", "--person", "Nobody", "-o", str(tmp_path / "x.json"))
    assert nobody.returncode == 2 and "nobody called Nobody" in nobody.stderr


def _big_imoodjournal(rows: int) -> bytes:
    head = '"Date","Day of week","Hour","Minute","Level","LevelText","Comment",walk\n'
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    lines = [
        f'"{months[i % 12]} {1 + i % 28}, {1990 + i // 336}","Mon","{i % 24:02d}","{i % 60:02d}","{1 + i % 10}",'
        f'"({1 + i % 10}) words","note {i}",{i % 2}'
        for i in range(rows)
    ]
    return ("\ufeff" + head + "\n".join(lines) + "\n").encode("utf-8")


def _count(data_dir: Path) -> tuple[int, int]:
    vault = vault_open.unlock_with_passphrase(VaultPaths(data_dir), PASS)
    try:
        with session_of(vault) as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            return (s.execute(text("SELECT count(*) FROM person")).scalar(),
                    s.execute(text("SELECT count(*) FROM journal_entry")).scalar())
    finally:
        vault.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.timeout(240)
def test_a_killed_import_leaves_nothing(tmp_path):
    rows = 12_000
    path = _write(tmp_path, "big.csv", _big_imoodjournal(rows))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    # How long a whole import takes here, so the kills fall inside one on a fast or a slow machine
    # (this times the test's own steps; nothing asserts on speed).
    probe = tmp_path / "probe"
    create_vault(VaultPaths(probe), PASS).vault.close()
    started = time.monotonic()
    assert run(probe, "import", str(path), "--person", "Sam").returncode == 0
    whole = time.monotonic() - started
    killed = []
    for round_ in range(6):
        # A fresh vault each round: an import that finished before its kill leaves the next round
        # nothing to import (a busy machine can make the probe slower than the run it times).
        folder = tmp_path / f"round-{round_}"
        create_vault(VaultPaths(folder), PASS).vault.close()
        proc = subprocess.Popen(_command(folder, "import", str(path), "--person", "Sam"), stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
        proc.stdin.write(PASS.encode() + b"\n")
        proc.stdin.close()
        time.sleep(rng.uniform(0.1, 0.85) * whole)
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == -signal.SIGKILL:
            killed.append(folder)
        people_count, entries = _count(folder)
        assert (people_count, entries) in ((0, 0), (1, rows)), (people_count, entries)
    assert killed  # the kills really landed during imports
    done = run(killed[-1], "import", str(path), "--person", "Sam")
    assert done.returncode == 0, done.stderr
    assert _count(killed[-1]) == (1, rows)
