"""The vault-safety commands: backup, restore with a preview, moving to a new computer, changing
the passphrase, and a damaged vault. Most run the command line in this process (same code, cheap
Argon2 from conftest); the damaged-vault flow runs in a real subprocess, end to end."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PASS = "river stones and paper boats"
NEW = "violet tractor sings quietly"
CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-20,November 20,Friday,9:23 PM,good,walk,,first\n"
    "2026-11-19,November 19,Thursday,8:01 AM,meh,,,second\n"
)


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The command line in this process, its result shaped like a finished subprocess."""
    from caregiver_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *args], stdin=io.StringIO(stdin or ""), out=out, err=err)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_process(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="America/New_York")
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return result.stdout


@pytest.fixture
def made(tmp_path):
    data_dir = tmp_path / "vault"
    init = ok(run(data_dir, "init", "--no-keyring", "--passphrase-stdin", stdin=PASS + "\n"))
    code = re.search(r"\b((?:[A-Z2-7]{4}-){7}[A-Z2-7]{4})\b", init).group(1)
    csv = tmp_path / "daylio.csv"
    csv.write_text(CSV, encoding="utf-8")
    ok(run(data_dir, "import-daylio", str(csv), "--person", "Sam", "--passphrase-stdin", stdin=PASS + "\n"))
    return data_dir, code, csv


def test_backup_then_restore_with_a_preview(made, tmp_path):
    data_dir, _code, _csv = made
    out = ok(run(data_dir, "backup", "--passphrase-stdin", stdin=PASS + "\n"))
    assert "Made a backup" in out and "Sam: 2 entries" in out
    other = tmp_path / "more.csv"
    other.write_text(CSV.replace("2026-11-2", "2026-10-2").replace("2026-11-19", "2026-10-19"), encoding="utf-8")
    ok(run(data_dir, "import-daylio", str(other), "--person", "Sam", "--passphrase-stdin", stdin=PASS + "\n"))

    listing = ok(run(data_dir, "restore", "--passphrase-stdin", stdin=PASS + "\n"))
    # the import made its own backup first (newest, number 1): the one made by the user comes after it
    assert re.search(r"^\s+1\s+.*Before an import, 2 entries$", listing, re.M)
    mine = re.search(r"^\s+(\d+)\s+.*Made by you, 2 entries$", listing, re.M).group(1)
    preview = run(data_dir, "restore", mine, "--passphrase-stdin", stdin=PASS + "\n")
    assert preview.returncode == 3 and "Add --yes" in preview.stderr
    assert "Sam: 2 entries" in preview.stdout and "Your vault now holds:\n    Sam: 4 entries" in preview.stdout
    done = ok(run(data_dir, "restore", mine, "--yes", "--passphrase-stdin", stdin=PASS + "\n"))
    assert "Restored the backup" in done and "pre-restore" in done
    after = ok(run(data_dir, "restore", "--passphrase-stdin", stdin=PASS + "\n"))
    assert "Before a restore, 4 entries" in after
    bad = run(data_dir, "restore", "9", "--yes", "--passphrase-stdin", stdin=PASS + "\n")
    assert bad.returncode == 2 and "no backup number 9" in bad.stderr


def test_move_to_a_new_computer(made, tmp_path):
    data_dir, code, _csv = made
    target = tmp_path / "usb" / "moving"
    target.parent.mkdir()
    out = ok(run(data_dir, "export-vault", str(target), "--passphrase-stdin", stdin=PASS + "\n"))
    vault_file = target.with_suffix(".ccvault")
    assert str(vault_file) in out and oct(vault_file.stat().st_mode & 0o777) == "0o600"
    with zipfile.ZipFile(vault_file) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "vault.db", "vault.keys"]

    wrong = run(tmp_path / "laptop", "import-vault", str(vault_file), "--passphrase-stdin", stdin="nope nope nope\n")
    assert wrong.returncode == 4 and "does not open" in wrong.stderr
    assert not (tmp_path / "laptop" / "vault.keys").exists()
    imported = ok(run(tmp_path / "laptop", "import-vault", str(vault_file), "--recovery-code-stdin", stdin=code + "\n"))
    assert "Sam: 2 entries" in imported and "change-passphrase" in imported
    ok(run(tmp_path / "laptop", "change-passphrase", "--recovery-code-stdin", stdin=f"{code}\n{NEW}\n"))
    ok(run(tmp_path / "laptop", "backup", "--passphrase-stdin", stdin=NEW + "\n"))
    old = run(tmp_path / "laptop", "backup", "--passphrase-stdin", stdin=PASS + "\n")
    assert old.returncode == 4

    again = run(tmp_path / "laptop", "import-vault", str(vault_file), "--passphrase-stdin", stdin=PASS + "\n")
    assert again.returncode == 5 and "--replace" in again.stderr
    replaced = ok(run(tmp_path / "laptop", "import-vault", str(vault_file), "--replace", "--yes",
                      "--passphrase-stdin", stdin=PASS + "\n"))
    assert "set aside" in replaced
    assert len(list((tmp_path / "laptop" / "replaced").iterdir())) == 1


def test_a_damaged_vault_is_told_and_restored_from_the_command_line(made):
    data_dir, _code, _csv = made
    ok(run(data_dir, "backup", "--passphrase-stdin", stdin=PASS + "\n"))
    db = data_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))
    told = run_process(data_dir, "summary", "--person", "Sam", "--from", "2026-11-01", "--to", "2026-11-30", "-o",
               str(data_dir.parent / "x.pdf"), "--passphrase-stdin", stdin=PASS + "\n")
    assert told.returncode == 5 and "damaged" in told.stderr and "caregiver-app restore" in told.stderr
    listing = ok(run(data_dir, "restore", "--passphrase-stdin", stdin=PASS + "\n"))
    assert "Made by you, 2 entries" in listing
    done = ok(run_process(data_dir, "restore", "1", "--yes", "--passphrase-stdin", stdin=PASS + "\n"))
    assert "Restored" in done
    assert len(list((data_dir / "damaged").glob("vault-*.db"))) == 1
    ok(run(data_dir, "backup", "--passphrase-stdin", stdin=PASS + "\n"))


def test_change_passphrase_with_the_old_one(made):
    data_dir, code, _csv = made
    short = run(data_dir, "change-passphrase", "--passphrase-stdin", stdin=f"{PASS}\nshort\n")
    assert short.returncode == 2 and "at least 10" in short.stderr
    ok(run(data_dir, "change-passphrase", "--passphrase-stdin", stdin=f"{PASS}\n{NEW}\n"))
    assert run(data_dir, "backup", "--passphrase-stdin", stdin=PASS + "\n").returncode == 4
    ok(run(data_dir, "backup", "--passphrase-stdin", stdin=NEW + "\n"))
    ok(run(data_dir, "backup", "--recovery-code-stdin", stdin=code + "\n"))
