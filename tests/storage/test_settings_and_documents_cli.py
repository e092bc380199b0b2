"""``caregiver-app settings``, ``settings set``, ``safety-plan`` and ``summary --sections``, run
in-process on a real encrypted vault; settings belong to the data folder in use."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from support import PASSPHRASE, run_cli

from caregiver_app import cli
from caregiver_app import settings as app_settings
from caregiver_app.domain.model import SymptomRating
from caregiver_app.domain.plans import PlanItem, SafetyPlan
from caregiver_app.services import journal, plans
from caregiver_app.services.people import add_person
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "C")  # no country from the environment unless a test sets one
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    data = tmp_path / "data"
    created = create_vault(VaultPaths(data),
                           PASSPHRASE, remember=False)
    vault = created.vault
    person = add_person(vault, "Sam Rivera")
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 21, 15), note="a long evening",
                                                 symptoms=(SymptomRating("Hopelessness", 5),),
                                                 zone_name="America/New_York"))
    plans.save_safety_plan(vault, SafetyPlan(person.id, helpers=(PlanItem("Ana", "07700 900123"),)),
                           clock=lambda: datetime(2026, 11, 28, tzinfo=UTC))
    vault.close()
    return data


def test_settings_list_and_set_with_plain_errors(folder):
    code, out, err = run_cli(folder, "settings")
    assert code == 0 and "country" in out and "not chosen" in out and err == ""
    assert run_cli(folder, "settings", "set", "country", "gb")[:2] == (0, "Saved: country is now GB (United Kingdom).\n")
    assert run_cli(folder, "settings", "set", "time_format", "24h")[0] == 0
    assert run_cli(folder, "settings", "set", "time_zone", "Europe/London")[0] == 0
    assert run_cli(folder, "settings", "set", "idle_lock_minutes", "0")[0] == 0
    saved = json.loads((folder / "settings.json").read_text())
    assert (saved["country"], saved["time_format"], saved["time_zone"], saved["idle_lock_minutes"]) == (
        "GB", "24h", "Europe/London", 0)
    for args, words in [
        (("country", "Narnia"), "not a country code"),
        (("country", "XX"), "not a country code"),
        (("time_format", "25h"), "system, 12h, 24h"),
        (("paper", "legal"), "auto, letter, a4"),
        (("idle_lock_minutes", "ten"), "minutes"),
        (("idle_lock_minutes", "99999"), "minutes"),
        (("time_zone", "Mars/Olympus"), "not a time zone"),
        (("language", "tlh"), "not a language"),
        (("window_geometry", "x"), "no setting called"),
    ]:
        code, out, err = run_cli(folder, "settings", "set", *args)
        assert code == cli.EXIT_BAD_INPUT and words in err and "Traceback" not in err, args
    assert run_cli(folder, "settings", "set", "country")[0] == cli.EXIT_BAD_INPUT
    code, out, _err = run_cli(folder, "settings")
    assert "GB (United Kingdom)" in out and "24h" in out and "Europe/London" in out and "0 (never)" in out
    assert json.loads((folder / "settings.json").read_text())["country"] == "GB"  # bad input changed nothing


def test_each_data_folder_keeps_its_own_settings(folder, tmp_path):
    other = tmp_path / "other"
    other.mkdir()  # a folder that is not there is not made by 'settings' (only 'init' makes one)
    run_cli(folder, "settings", "set", "country", "GB")
    run_cli(other, "settings", "set", "country", "ES")
    assert json.loads((folder / "settings.json").read_text())["country"] == "GB"
    assert json.loads((other / "settings.json").read_text())["country"] == "ES"
    assert (folder / "settings.json").stat().st_mode & 0o077 == 0


def test_a_damaged_settings_file_gives_defaults_and_one_line(folder):
    (folder / "settings.json").write_text("{not json", encoding="utf-8")
    code, out, err = run_cli(folder, "settings")
    assert code == 0 and "not chosen" in out
    assert err.count("\n") == 1 and "could not be read" in err and "Traceback" not in err
    assert run_cli(folder, "settings")[2] == ""  # said once: the defaults were written back


def test_an_old_settings_file_is_upgraded():
    old = {"crisis_country": "IE", "phone_region": "", "idle_lock_minutes": 5, "version": 1}
    assert app_settings.from_dict(old).country == "IE"
    assert app_settings.from_dict({"crisis_country": "US", "phone_region": "GB"}).country == "GB"
    assert app_settings.from_dict({"crisis_country": "US"}).country == ""  # the old default: not a choice
    assert app_settings.from_dict({"crisis_country": "US", "phone_region": "US"}).country == "US"
    assert app_settings.from_dict({"country": "", "crisis_country": "AU"}).country == ""  # already new
    assert "crisis_country" not in json.dumps(app_settings.Settings().__dict__)


def test_the_usual_data_folder_takes_over_the_old_file(tmp_path, monkeypatch):
    legacy = tmp_path / "config" / "settings.json"
    legacy.parent.mkdir()
    legacy.write_text(json.dumps({"crisis_country": "NZ", "paper": "a4"}), encoding="utf-8")
    monkeypatch.setattr(app_settings, "legacy_path", lambda: legacy)
    usual = tmp_path / "usual"
    settings, notice, path = app_settings.load_for_folder(usual, usual)
    assert (settings.country, settings.paper, notice, path) == ("NZ", "a4", "", usual / "settings.json")
    other, _notice, _path = app_settings.load_for_folder(tmp_path / "elsewhere", usual)
    assert other.country == ""  # --data-dir starts with its own defaults


def test_safety_plan_command_prints_the_countrys_numbers(folder, tmp_path):
    run_cli(folder, "settings", "set", "country", "GB")
    out_file = tmp_path / "plan.pdf"
    code, out, err = run_cli(folder, "safety-plan", "--person", "sam rivera", "-o", str(out_file), "--passphrase-stdin",
                         stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert "Saved the safety plan" in out
    text = pdf_text(out_file)
    assert "I call 999" in text and "Samaritans" in text and "Ana" in text
    assert not re.search(r"(?<!\d)(911|988)(?!\d)", text)
    assert "Sam" not in str(PdfReader(out_file).metadata)
    width = PdfReader(out_file).pages[0].mediabox.width
    assert round(float(width)) == 595  # A4: the UK's paper
    code, _out, err = run_cli(folder, "safety-plan", "--person", "Nobody", "-o", str(out_file), "--passphrase-stdin",
                          stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT and "nobody called Nobody" in err


def test_summary_sections_all_or_a_list(folder, tmp_path):
    run_cli(folder, "settings", "set", "country", "GB")
    pdf = tmp_path / "all.pdf"
    code, _out, err = run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                          "--sections", "all", "-o", str(pdf), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == 0, err
    text = pdf_text(pdf)
    assert "Safety plan" in text and "I call 999" in text
    assert not re.search(r"(?<!\d)(911|988)(?!\d)", text)
    some = tmp_path / "some.pdf"
    code, _out, err = run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                          "--sections", "notes,safety-plan", "-o", str(some), "--passphrase-stdin",
                          stdin=PASSPHRASE + "\n")
    assert code == 0, err
    text = pdf_text(some)
    assert "Safety plan" in text and "a long evening" in text and "Symptom table" not in text
    code, _out, err = run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                          "--sections", "notes,horoscope", "-o", str(some), "--passphrase-stdin",
                          stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT and "horoscope" in err and "safety-plan" in err


def test_help_names_the_sections_and_the_settings_keys(capsys):
    assert cli.main(["summary", "--help"]) == 0
    assert "safety-plan" in capsys.readouterr().out
    assert cli.main(["settings", "--help"]) == 0
    words = capsys.readouterr().out
    assert "time_format" in words and "settings set country GB" in words
