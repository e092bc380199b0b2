"""Issue 10, item 13: the calendar's edges end in a plain message and a bad-input exit code."""

from __future__ import annotations

import io

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.services.vault_open import create_vault


@pytest.fixture
def data_dir(vault_paths):
    create_vault(vault_paths, PASSPHRASE).vault.close()
    return vault_paths.folder


def run(data_dir, *args, stdin=PASSPHRASE + "\n"):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *args], stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_row_at_the_last_minute_of_9999_behind_utc_is_skipped_plainly(data_dir, tmp_path):
    export = tmp_path / "daylio.csv"
    export.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "9999-12-31,December 31,Friday,11:59 PM,good,,,last\n"
        "2026-03-06,March 6,Friday,9:00 AM,good,,,ok\n",
        encoding="utf-8",
    )
    code, out, err = run(data_dir, "import-daylio", str(export), "--person", "Sam", "--mood-map", "good=4",
                         "--timezone", "America/Los_Angeles", "--passphrase-stdin")
    assert code == cli.EXIT_OK, err
    assert "Skipped line 2" in out and "Traceback" not in err + out


@pytest.mark.parametrize("start,end", [("0001-01-01", "0001-01-31"), ("9999-12-01", "9999-12-31"),
                                       ("0001-01-01", "9999-12-31")])
def test_a_summary_touching_year_1_or_9999_is_a_plain_bad_input(data_dir, tmp_path, start, end):
    journal_csv = tmp_path / "d.csv"
    journal_csv.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n2026-03-06,March 6,Friday,9:00 AM,good,,,ok\n",
        encoding="utf-8",
    )
    assert run(data_dir, "import-daylio", str(journal_csv), "--person", "Sam", "--mood-map", "good=4",
               "--passphrase-stdin")[0] == cli.EXIT_OK
    code, _, err = run(data_dir, "summary", "--person", "Sam", "--from", start, "--to", end,
                       "-o", str(tmp_path / "s.pdf"), "--timezone", "Pacific/Kiritimati", "--passphrase-stdin")
    assert "unexpected" not in err and "Traceback" not in err
    assert code in (cli.EXIT_OK, cli.EXIT_BAD_INPUT), err
    if code == cli.EXIT_BAD_INPUT:
        assert err.startswith("caregiver-app: ") and len(err.splitlines()) == 1
