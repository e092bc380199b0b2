"""The command line in a real subprocess, with real Argon2 parameters and no OS keyring."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

PASS = "river stones and paper boats"
NOTE = 'Pain <5 & "<3" <b>'
CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    f'2026-11-20,November 20,Friday,9:23\u202fPM,Solid,walk | family pressure,,"{NOTE.replace(chr(34), chr(34) * 2)}"\n'
    "2026-11-19,November 19,Thursday,8:01 AM,meh,,,Καλημέρα Здравствуйте Zoë\n"
)


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="America/New_York")
    return subprocess.run(
        [sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def made(tmp_path):
    data_dir = tmp_path / "vault"
    result = run(data_dir, "init", "--no-keyring", "--passphrase-stdin", stdin=PASS + "\n")
    assert result.returncode == 0, result.stderr
    return data_dir, result


def test_init_prints_a_grouped_recovery_code_once(made):
    data_dir, result = made
    assert re.search(r"\b([A-Z2-7]{4}-){7}[A-Z2-7]{4}\b", result.stdout)
    again = run(data_dir, "init", "--no-keyring", "--passphrase-stdin", stdin=PASS + "\n")
    assert again.returncode == 5 and "already" in again.stderr


def test_import_then_summary(made, tmp_path):
    data_dir, _ = made
    export = tmp_path / "daylio.csv"
    export.write_text(CSV, encoding="utf-8")
    needs = run(data_dir, "import-daylio", str(export), "--person", "Sam", "--passphrase-stdin", stdin=PASS + "\n")
    assert needs.returncode == 3
    assert "'Solid': 1 entry" in needs.stderr and "Traceback" not in needs.stderr
    ok = run(
        data_dir, "import-daylio", str(export), "--person", "Sam", "--mood-map", "solid=4", "--passphrase-stdin",
        stdin=PASS + "\n",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Rows read: 2" in ok.stdout and "\n2 new, 0 already present\n" in ok.stdout
    assert ok.stdout.strip().endswith("This is import 1; to undo it: caregiver-app imports --undo 1")
    again = run(
        data_dir, "import-daylio", str(export), "--person", "Sam", "--mood-map", "Solid=4", "--passphrase-stdin",
        stdin=PASS + "\n",
    )
    assert "\n0 new, 2 already present\n" in again.stdout and "This is import" not in again.stdout
    pdf = tmp_path / "out" / "visit.pdf"
    pdf.parent.mkdir()
    made_pdf = run(
        data_dir, "summary", "--person", "sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(pdf),
        "--passphrase-stdin", stdin=PASS + "\n",
    )
    assert made_pdf.returncode == 0, made_pdf.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert NOTE in text and "Καλημέρα" in text and "Здравствуйте" in text
    assert "Sam" not in str(PdfReader(pdf).metadata)


@pytest.mark.parametrize(
    "args, stdin, code, words",
    [
        (["summary", "--person", "Sam", "--from", "2026-13-01", "--to", "2026-11-30", "-o", "x.pdf"], PASS, 2, "not a date"),
        (["summary", "--person", "Sam", "--from", "2026-11-30", "--to", "2026-11-01", "-o", "x.pdf", "--passphrase-stdin"], PASS, 2, "before the start"),
        (["summary", "--person", "Nobody", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.pdf", "--passphrase-stdin"], PASS, 2, "nobody called"),
        (["summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.pdf", "--passphrase-stdin"], "wrong passphrase here", 4, "does not open"),
        (["summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.pdf"], None, 4, "--passphrase-stdin"),
        (["import-daylio", "/no/such/file.csv", "--person", "Sam"], None, 2, "no file"),
        (["frobnicate"], None, 2, "invalid choice"),
    ],
)
def test_bad_input_gets_plain_words_and_the_right_exit_code(made, tmp_path, args, stdin, code, words):
    data_dir, _ = made
    os.chdir(tmp_path)
    result = run(data_dir, *args, stdin=(stdin + "\n") if stdin else "")
    assert result.returncode == code, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_help_lists_exit_codes(tmp_path):
    result = run(tmp_path, "--help")
    assert result.returncode == 0
    for code in ("2  bad input", "3  a decision", "4  cannot unlock"):
        assert code in result.stdout


def test_no_vault_yet(tmp_path):
    result = run(tmp_path / "empty", "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.pdf")
    assert result.returncode == 5 and "init" in result.stderr


def test_summary_into_a_folder_gets_a_generic_private_file(made, tmp_path):
    data_dir, _ = made
    folder = tmp_path / "printouts"
    folder.mkdir()
    result = run(
        data_dir, "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(folder),
        "--passphrase-stdin", stdin=PASS + "\n",
    )
    # Sam is not in this vault yet, so nothing is written; the folder itself was accepted.
    assert result.returncode == 2 and "nobody called Sam" in result.stderr
    result = run(data_dir, "summary", "--person", " ", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(folder))
    assert result.returncode == 2 and "person's name" in result.stderr


def test_recovery_code_opens_the_vault_on_the_command_line(made, tmp_path):
    data_dir, result = made
    code = re.search(r"\b(?:[A-Z2-7]{4}-){7}[A-Z2-7]{4}\b", result.stdout).group(0)
    export = tmp_path / "daylio.csv"
    export.write_text(CSV, encoding="utf-8")
    ok = run(
        data_dir, "import-daylio", str(export), "--person", "Sam", "--mood-map", "Solid=4", "--recovery-code-stdin",
        stdin=code.lower() + "\n",
    )
    assert ok.returncode == 0, ok.stderr
    folder = tmp_path / "printouts"
    folder.mkdir()
    made_pdf = run(
        data_dir, "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(folder),
        "--recovery-code-stdin", stdin=code + "\n",
    )
    assert made_pdf.returncode == 0, made_pdf.stderr
    (pdf,) = folder.iterdir()
    assert re.fullmatch(r"visit-summary-\d{4}-\d{2}-\d{2}\.pdf", pdf.name)
    assert pdf.stat().st_mode & 0o777 == 0o600
    assert "1 entry" in made_pdf.stdout or "2 entries" in made_pdf.stdout


def test_summary_leave_out_words_and_sections(made, tmp_path):
    data_dir, _ = made
    export = tmp_path / "daylio.csv"
    export.write_text(CSV, encoding="utf-8")
    ok = run(data_dir, "import-daylio", str(export), "--person", "Sam", "--mood-map", "solid=4",
             "--passphrase-stdin", stdin=PASS + "\n")
    assert ok.returncode == 0, ok.stderr
    pdf = tmp_path / "left.pdf"
    made_pdf = run(
        data_dir, "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(pdf),
        "--leave-out", "walk", "--leave-out", "Family Pressure", "--sections", "notes", "--relationship", "wife",
        "--phone", "+1 212 555 0100", "--prepared-by", "Ana", "--passphrase-stdin", stdin=PASS + "\n",
    )
    assert made_pdf.returncode == 0, made_pdf.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "walk" not in text.casefold() and "family pressure" not in text.casefold()
    assert "Ana (wife), phone +1 212 555 0100" in " ".join(text.split())
    assert "Life chart" not in text and "Notes by day" in text
    empty = run(data_dir, "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o",
                str(pdf), "--leave-out", "  ", "--passphrase-stdin", stdin=PASS + "\n")
    assert empty.returncode == 2 and "--leave-out needs a word" in empty.stderr and "Traceback" not in empty.stderr
