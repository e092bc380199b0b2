"""The command line reads and writes times in the data folder's time zone setting, as the window
does (import, export-csv, export-fhir, export-journal). In-process, on a real encrypted vault."""

from __future__ import annotations

import csv
import io
import json

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
    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    return data


def _csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_import_and_exports_use_the_time_zone_chosen_in_the_settings(folder, tmp_path):
    code, _out, err = run(folder, "settings", "set", "time_zone", "Pacific/Honolulu")
    assert code == 0, err
    export = tmp_path / "bearable.csv"
    export.write_text(BEARABLE, encoding="utf-8")
    code, _out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == 0, err

    code, _out, err = run(folder, "export-csv", "--person", "Sam", "-o", str(tmp_path / "j.csv"))
    assert code == 0, err
    row = _csv_rows(tmp_path / "j.csv")[1]
    assert row[:3] == ["2020-09-22", "09:15", "Pacific/Honolulu (UTC-10:00)"]

    code, _out, err = run(folder, "export-fhir", "--person", "Sam", "-o", str(tmp_path / "r.json"))
    assert code == 0, err
    bundle = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    moods = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert [m["effectiveDateTime"] for m in moods] == ["2020-09-22T09:15:00-10:00"]



@pytest.mark.parametrize("command", ["import", "import-daylio"])
def test_unmapped_mood_words_are_counted_in_plain_english(folder, tmp_path, command):
    export = tmp_path / "daylio.csv"
    export.write_text("full_date,date,weekday,time,mood,activities,note\n"
                      "2024-05-03,May 3,Friday,20:35,Solid,,\n2024-05-04,May 4,Saturday,20:35,okay,,\n"
                      "2024-05-05,May 5,Sunday,20:35,okay,,\n", encoding="utf-8")
    code, _out, err = run(folder, command, str(export), "--person", "Sam")
    assert code == 3
    assert "'Solid': 1 entry\n" in err and "'okay': 2 entries\n" in err
