"""Issue 16: ``caregiver-app import`` reads the file from disk once and parses it as CSV once, for
every kind of file (it used to parse a Daylio export twice: once to preview, once to import), and
still prints every check: mood words without a level, skipped rows, the date-order note. In
process, on a real encrypted vault."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from import_fixtures import fixture_bytes
from support import PASSPHRASE, run_cli

from caregiver_app.importers import daylio, generic, trackers
from caregiver_app.services import import_any, imports
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

DAYLIO_FIXTURES = Path(__file__).resolve().parents[1] / "unit" / "fixtures" / "daylio"


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    return data


@pytest.fixture
def counts(monkeypatch):
    """How often the file was read from disk (``read``), parsed as CSV (``csv``) and read as a
    Daylio export (``daylio``) during the command."""
    seen: Counter[str] = Counter()

    def counted(module, name, key):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            seen[key] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counted(imports, "read_chosen_file", "read")
    for module in (daylio, generic, trackers):
        counted(module, "read_csv_records", "csv")
    counted(import_any, "parse_daylio", "daylio")
    return seen


def _import(folder, tmp_path, name: str, data: bytes, *extra: str):
    path = tmp_path / name
    path.write_bytes(data)
    return run_cli(folder, "import", str(path), "--person", "Sam", *extra, "--passphrase-stdin", stdin=PASSPHRASE + "\n")


def test_a_daylio_export_is_read_and_parsed_once(folder, tmp_path, counts):
    data = (DAYLIO_FIXTURES / "impossible_dates.csv").read_bytes()
    code, out, err = _import(folder, tmp_path, "export.csv", data)
    assert code == 0, err
    assert "Skipped line" in out and "new, 0 already present" in out
    assert counts == {"read": 1, "csv": 1, "daylio": 1}


def test_mood_words_without_a_level_are_still_asked_for_after_one_parse(folder, tmp_path, counts):
    data = (DAYLIO_FIXTURES / "headerless_spanish.csv").read_bytes()
    code, _out, err = _import(folder, tmp_path, "export.csv", data)
    assert code == 3 and "'cansado'" in err and "'tranquilo'" in err and "--mood-map" in err
    assert counts == {"read": 1, "csv": 1, "daylio": 1}  # recognising it without a header read it all, once
    counts.clear()
    code, out, err = _import(folder, tmp_path, "export.csv", data, "--mood-map", "cansado=2", "--mood-map", "tranquilo=4")
    assert code == 0 and "2 new, 0 already present" in out, err
    assert counts == {"read": 1, "csv": 1, "daylio": 1}


def test_a_day_first_spreadsheet_export_keeps_its_date_order_note(folder, tmp_path, counts):
    data = (DAYLIO_FIXTURES / "excel_dmy.csv").read_bytes()
    code, out, err = _import(folder, tmp_path, "export.csv", data)
    assert code == 0, err
    assert "Dates such as 1/12/2022 were read day first (day/month/year)" in out
    assert "2 new, 0 already present" in out
    assert counts["read"] == 1 and counts["csv"] == 1 and counts["daylio"] == 1


@pytest.mark.parametrize("name", ["bearable.csv", "imoodjournal.csv"])
def test_other_apps_exports_are_read_and_parsed_once(folder, tmp_path, counts, name):
    code, out, err = _import(folder, tmp_path, name, fixture_bytes(name))
    assert code == 0 and "new, 0 already present" in out, err
    assert counts == {"read": 1, "csv": 1}


def test_a_remembered_column_map_costs_no_second_parse(folder, tmp_path, counts):
    data = fixture_bytes("generic.csv")
    code, _out, err = _import(folder, tmp_path, "other.csv", data, "--map", "date=When", "--map", "mood=Score",
                              "--map", "notes=Journal", "--map", "scale=1-10")
    assert code == 0, err
    counts.clear()
    code, out, err = _import(folder, tmp_path, "other.csv", data)
    assert code == 0 and "0 new, 4 already present" in out, err
    assert counts == {"read": 1, "csv": 1}


def test_a_file_that_cannot_be_imported_fails_before_the_passphrase_is_asked_for(folder, tmp_path, monkeypatch):
    from caregiver_app import cli_exchange

    opened = []
    monkeypatch.setattr(cli_exchange, "open_vault", lambda *args, **kwargs: opened.append(args))
    data = b"full_date,weekday,mood,activities,note\n2024-01-02,Tuesday,good,,\n"  # no time column
    code, out, err = _import(folder, tmp_path, "export.csv", data)
    assert code == 2 and "no column with the time was found" in err and "Traceback" not in err
    assert out == "This is a Daylio export (CSV).\n"
    assert opened == []
