"""Issue 10, item 12: the person can be named without putting the name in the process list."""

from __future__ import annotations

import io

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.services.vault_open import create_vault

CSV = "full_date,date,weekday,time,mood,activities,note_title,note\n2026-03-06,March 6,Friday,9:00 AM,good,,,ok\n"


@pytest.fixture
def data_dir(vault_paths):
    create_vault(vault_paths, PASSPHRASE).vault.close()
    return vault_paths.folder


def run(data_dir, *args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *args], stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_passphrase_first_line_person_second(data_dir, export, tmp_path):
    code, out, err = run(data_dir, "import-daylio", str(export), "--person-stdin", "--mood-map", "good=4",
                         "--passphrase-stdin", stdin=f"{PASSPHRASE}\nSam Rivera\n")
    assert code == cli.EXIT_OK, err
    code, out, err = run(data_dir, "people", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    assert out.splitlines() == ["1  Sam Rivera"]
    code, out, err = run(data_dir, "export-csv", "--person-number", "1", "-o", str(tmp_path / "j.csv"),
                         "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_OK, err
    assert "Saved the journal" in out and "1 entry" in out
    code, out, err = run(data_dir, "summary", "--person-stdin", "--from", "2026-03-01", "--to", "2026-03-31",
                         "-o", str(tmp_path / "s.pdf"), "--passphrase-stdin", stdin=f"{PASSPHRASE}\nsam rivera\n")
    assert code == cli.EXIT_OK, err


def test_missing_or_unknown_person_is_plain(data_dir, export, tmp_path):
    code, _, err = run(data_dir, "export-csv", "--person-stdin", "-o", str(tmp_path / "j.csv"), "--passphrase-stdin",
                       stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT and "name" in err
    code, _, err = run(data_dir, "export-csv", "--person-number", "7", "-o", str(tmp_path / "j.csv"),
                       "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT and "caregiver-app people" in err
    code, _, err = run(data_dir, "export-csv", "-o", str(tmp_path / "j.csv"), "--passphrase-stdin",
                       stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT


def test_the_help_says_how(capsys):
    parser = cli.build_parser()
    text = parser._subparsers._group_actions[0].choices["summary"].format_help()
    assert "--person-stdin" in text and "--person-number" in text and "process list" in text
    assert "first line" in text


def test_with_the_keyring_the_name_is_the_first_line(vault_paths, export, tmp_path):
    created = create_vault(vault_paths, PASSPHRASE, remember=True)
    assert created.remembered
    created.vault.close()
    code, out, err = run(vault_paths.folder, "import-daylio", str(export), "--person-stdin", "--mood-map", "good=4",
                         stdin="Ana Lima\n")
    assert code == cli.EXIT_OK, err
    code, out, err = run(vault_paths.folder, "people")
    assert out.splitlines() == ["1  Ana Lima"]
