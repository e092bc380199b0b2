"""Files a spreadsheet saved: UTF-16 "Unicode text" is read; other non-UTF-8 files get a way
forward. Run through the command line in-process on a real encrypted vault."""

from __future__ import annotations

import csv
import io

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

BEARABLE = (
    'date,weekday,time of day,category,rating/amount,detail,notes\n'
    '"22nd Sep 2020","Tue","09:15","Mood","7","Calm",""'
)


def run(folder, *args):
    out, err = io.StringIO(), io.StringIO()
    unlock = [] if args[0] == "settings" else ["--passphrase-stdin"]
    code = cli.main(["--data-dir", str(folder), *args, *unlock], stdin=io.StringIO(PASSPHRASE + "\n"),
                    out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the computer's zone differs from the one in the settings
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # the terminal's locale writes the dates
    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    return data


def _csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_a_table_excel_saved_as_unicode_text_is_read(folder, tmp_path):
    """Excel's "Unicode Text" is UTF-16 with a BOM, tab-separated, CRLF."""
    export = tmp_path / "moods.txt"
    export.write_bytes("Day\tFeeling\tComment\r\n2024-05-03\t7\tGrüße\r\n".encode("utf-16"))
    code, out, err = run(folder, "import", str(export), "--person", "Sam",
                         "--map", "date=Day", "--map", "mood=Feeling", "--map", "notes=Comment")
    assert code == 0, err
    assert "1 new, 0 already present" in out
    code, _out, err = run(folder, "export-csv", "--person", "Sam", "-o", str(tmp_path / "j.csv"))
    assert code == 0, err
    assert _csv_rows(tmp_path / "j.csv")[1][-1] == "Grüße"


def test_a_daylio_export_in_utf16_is_read(folder, tmp_path):
    export = tmp_path / "daylio.csv"
    export.write_bytes("full_date,date,weekday,time,mood,activities,note_title,note\n"
                       "2024-05-03,May 3,Friday,20:35,good,walk,,Grüße\n".encode("utf-16"))
    code, out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == 0, err
    assert "1 new, 0 already present" in out


def test_a_spreadsheet_csv_not_in_utf8_gets_a_way_forward(folder, tmp_path):
    """German Excel's "CSV (Trennzeichen-getrennt)" is Windows-1252: say how to save it instead."""
    export = tmp_path / "stimmung.csv"
    export.write_bytes("Datum;Stimmung;Notiz\n03.05.2024;7;Grüße\n".encode("cp1252"))
    code, _out, err = run(folder, "import", str(export), "--person", "Sam", "--map", "date=Datum",
                          "--map", "mood=Stimmung")
    assert code == 2
    assert "CSV UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize(("name", "content", "maps"), [
    ("spreadsheet.csv", "Day,Feeling\n13/05/2024,7\n03/05/2024,4\n", ["--map", "date=Day", "--map", "mood=Feeling"]),
    ("daylio.csv", "full_date,date,weekday,time,mood,activities,note\n13/05/2024,May 13,Monday,20:35,good,,\n"
                   "03/05/2024,May 3,Friday,20:35,good,,\n", []),
])
def test_import_says_which_way_round_slash_dates_were_read(folder, tmp_path, name, content, maps):
    export = tmp_path / name
    export.write_text(content, encoding="utf-8")
    code, out, err = run(folder, "import", str(export), "--person", "Sam", *maps)
    assert code == 0, err
    assert "Dates such as 03/05/2024 were read day first (day/month/year)" in out
    assert "First entry: 3 May 2024" in out
