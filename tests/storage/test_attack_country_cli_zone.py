"""The command line's import-daylio and export-csv use the time zone chosen in Settings when
--timezone is not given, as the window and `summary` do (branch attack-country)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from support import PASSPHRASE

from caregiver_app import cli
from caregiver_app import settings as app_settings
from caregiver_app.services import journal
from caregiver_app.services.people import list_people
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault, unlock_with_passphrase


def run(folder, *args, stdin: str = ""):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(folder), *args], stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("TZ", "UTC")  # the computer's clock says UTC; the family chose London
    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    app_settings.save(app_settings.Settings(time_zone="Europe/London"), app_settings.path_for(data))
    return data


def test_import_and_export_follow_the_settings_zone(folder, tmp_path):
    daylio = tmp_path / "daylio.csv"
    daylio.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2024-07-03,3 July,Wednesday,21:15,good,walk,,\n")
    code, out, err = run(folder, "import-daylio", "--person", "Pat", "--mood-map", "good=4",
                         "--passphrase-stdin", str(daylio), stdin=PASSPHRASE + "\n")
    assert code == 0, err
    vault = unlock_with_passphrase(VaultPaths(folder), PASSPHRASE)
    try:
        person = list_people(vault)[0]
        [entry] = journal.entries_between(vault, person.id, date(2024, 7, 1), date(2024, 7, 31))
        assert entry.zone_name == "Europe/London"
        assert entry.occurred_at.hour == 20  # 21:15 in London in summer is 20:15 UTC
    finally:
        vault.close()
    out_csv = tmp_path / "out.csv"
    code, out, err = run(folder, "export-csv", "--person", "Pat", "-o", str(out_csv), "--passphrase-stdin",
                         stdin=PASSPHRASE + "\n")
    assert code == 0, err
    text = out_csv.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1 and "21:15" in rows[0].values() and "2024-07-03" in rows[0].values()
