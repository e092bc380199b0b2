"""The language setting: "" (the default) follows the system, a chosen code stays, an older file
that says "en" keeps English, and ``effective_language`` reads no environment."""

from __future__ import annotations

import json

import pytest

from caregiver_app import settings as app_settings
from caregiver_app.settings import Settings, effective_language


def test_languages_come_from_the_catalogs():
    from caregiver_app import i18n

    assert app_settings.LANGUAGES is i18n.LANGUAGES and "es" in app_settings.LANGUAGES


def test_a_chosen_language_round_trips(tmp_path):
    path = tmp_path / "settings.json"
    for code in ("es", "en", ""):
        app_settings.save(Settings(language=code), path)
        assert json.loads(path.read_text())["language"] == code
        assert app_settings.load_with_notice(path) == (Settings(language=code), "")


def test_the_default_is_the_systems_language(tmp_path):
    assert Settings().language == ""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"country": "MX"}))  # a file from before the language setting
    assert app_settings.load(path).language == ""


def test_an_older_file_that_says_english_keeps_english(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "version": 1}))
    loaded = app_settings.load(path)
    assert loaded.language == "en"
    assert effective_language(loaded, "es_MX.UTF-8", "es") == "en"


@pytest.mark.parametrize(("chosen", "system", "expected"), [
    ("", ("es_MX.UTF-8",), "es"),
    ("", ("es-419", "en-US"), "es"),
    ("", ("fr_FR", "es_ES"), "es"),  # the first language the app speaks, in the user's order
    ("", ("de_DE",), "en"),
    ("", ("C",), "en"),
    ("", (), "en"),
    ("es", ("en_US",), "es"),
    ("en", ("es_ES",), "en"),
])
def test_effective_language(chosen, system, expected):
    assert effective_language(Settings(language=chosen), *system) == expected


@pytest.mark.parametrize("value", ["xx", "ES", ["es"], 3, None])
def test_a_language_the_app_does_not_speak_means_the_systems(value):
    assert Settings(language=value).language == ""
