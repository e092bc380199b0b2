"""Hostile settings files and folders (branch attack-country): a settings file must never stop
the app or the command line from starting, nor turn a wrong type into a setting."""

from __future__ import annotations

import json

import pytest
from support import run_cli

from caregiver_app import settings as app_settings


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    return data


def test_deeply_nested_settings_file_counts_as_damaged(folder):
    (folder / "settings.json").write_text("[" * 200_000)
    settings, notice = app_settings.load_with_notice(folder / "settings.json")
    assert settings == app_settings.Settings() and notice == app_settings.DAMAGED_NOTICE
    code, out, err = run_cli(folder, "settings")
    assert code == 0 and "country" in out
    assert "could not be read" in err and "RecursionError" not in err


def test_huge_settings_file_counts_as_damaged_without_reading_it_all(folder):
    path = folder / "settings.json"
    with path.open("w") as f:
        f.write('{"country": "GB", "window_geometry": "')
        f.write("A" * (app_settings.MAX_FILE_BYTES + 10))
        f.write('"}')
    settings, notice = app_settings.load_with_notice(path)
    assert settings == app_settings.Settings() and notice == app_settings.DAMAGED_NOTICE


@pytest.mark.parametrize(("key", "value"), [
    ("idle_lock_minutes", True), ("idle_lock_minutes", False), ("language", "xx"), ("language", ["en"]),
    ("paper", ["a4"]), ("time_format", {"12h": 1}), ("country", True),
])
def test_wrong_types_in_the_file_become_defaults(folder, key, value):
    path = folder / "settings.json"
    path.write_text(json.dumps({key: value}))
    settings, notice = app_settings.load_with_notice(path)
    assert notice == ""
    assert getattr(settings, key) == getattr(app_settings.Settings(), key)


def test_read_only_folder_gives_plain_words_naming_the_settings(folder, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(app_settings, "write_private", refuse)
    code, out, err = run_cli(folder, "settings", "set", "country", "GB")
    assert code == 2  # bad input: a folder this account may not write (as init says)
    assert "settings could not be saved" in err and str(folder) in err
    assert not (folder / "settings.json").exists()


@pytest.mark.parametrize(("typed", "code"), [("UK", "GB"), ("uk", "GB"), ("United Kingdom", "GB"), ("ireland", "IE"),
                                             ("New  Zealand", "NZ"), ("EL", "GR")])
def test_country_as_people_write_it(folder, typed, code):
    result, out, err = run_cli(folder, "settings", "set", "country", typed)
    assert result == 0 and err == ""
    assert json.loads((folder / "settings.json").read_text())["country"] == code


def test_the_list_says_what_printing_will_use_when_no_country_is_chosen(folder, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, err = run_cli(folder, "settings")
    assert code == 0
    assert "US (United States)" in out
    assert "follows the country: letter" in out
    monkeypatch.setenv("LANG", "C")
    code, out, err = run_cli(folder, "settings")
    assert "names no country" in out and "follows the country: a4" in out


def test_time_zone_typed_in_lower_case(folder):
    assert run_cli(folder, "settings", "set", "time_zone", "europe/london")[0] == 0
    assert json.loads((folder / "settings.json").read_text())["time_zone"] == "Europe/London"
