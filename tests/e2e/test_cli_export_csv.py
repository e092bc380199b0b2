"""``caregiver-app export-csv`` in a real subprocess: a Daylio import, then the journal as CSV."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "river stones and paper boats"
NOTE = 'Fine, "mostly".\nΚαλημέρα 🙂, then rain'
DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    f'2026-11-20,November 20,Friday,9:23 PM,good,walk | family pressure,,"{NOTE.replace(chr(34), chr(34) * 2)}"\n'
)


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="America/New_York")
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def vault_with_entry(tmp_path):
    data_dir = tmp_path / "vault"
    assert run(data_dir, "init", "--no-keyring", "--passphrase-stdin", stdin=PASS + "\n").returncode == 0
    export = tmp_path / "daylio.csv"
    export.write_text(DAYLIO, encoding="utf-8")
    imported = run(data_dir, "import-daylio", str(export), "--person", "Sam", "--passphrase-stdin", stdin=PASS + "\n")
    assert imported.returncode == 0, imported.stderr
    return data_dir


def test_export_csv_writes_a_file_that_reads_back_exactly(vault_with_entry, tmp_path):
    target = tmp_path / "journal.csv"
    result = run(vault_with_entry, "export-csv", "--person", "sam", "-o", str(target), "--passphrase-stdin",
                 stdin=PASS + "\n")
    assert result.returncode == 0, result.stderr
    assert "(1 entry)" in result.stdout
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Local date", "Local time", "Time zone"]
    assert rows[1][:7] == ["2026-11-20", "21:23", "America/New_York (UTC-05:00)", "Sam (self)", "4", "good", "Daylio \u201cgood\u201d"]
    by_name = dict(zip(rows[0], rows[1]))  # by column name: new columns may come between
    assert [by_name[c] for c in ("Activities", "Stressors", "Flagged for visit", "Note")] == [
        "walk; family pressure", "", "no", NOTE]  # Daylio activities are all activities
    assert rows[0][-1] == "Note"


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--person", "Nobody", "-o", "x.csv"], 2, "nobody called"),
    (["--person", "Sam", "-o", "no/such/folder/x.csv"], 2, "does not exist"),
    (["--person", "Sam", "-o", "x.csv", "--timezone", "Mars/Olympus"], 2, "time zone"),
])
def test_bad_input_is_plain_words(vault_with_entry, tmp_path, args, code, words):
    os.chdir(tmp_path)
    result = run(vault_with_entry, "export-csv", *args, "--passphrase-stdin", stdin=PASS + "\n")
    assert result.returncode == code, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
