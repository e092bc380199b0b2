"""Crisis and emergency numbers: only sourced numbers are built in; user-added numbers are checked
and survive a broken settings file."""

from __future__ import annotations

import json
from pathlib import Path
import re

import pytest
from support import SHARED

from caregiver_app import settings as settings_module
from caregiver_app.domain import crisis_lines
from caregiver_app.domain.crisis_lines import LineKind
from caregiver_app.domain.errors import ValidationError

FACTS = next((p for p in (SHARED / "content" / "education-facts.md",
                          Path("/work/shared/content/education-facts.md")) if p.exists()),
             SHARED / "content" / "education-facts.md")
needs_facts = pytest.mark.skipif(not FACTS.exists(), reason="the shared research notes are not beside the repo")


def all_built_in():
    return [line for lines in crisis_lines.BUILT_IN.values() for line in lines]


def numbers_table() -> str:
    text = FACTS.read_text(encoding="utf-8")
    return text.split("## Emergency and crisis numbers by country", 1)[1].split("\n---", 1)[0]


def _rows(table: str, number: str) -> list[str]:
    return [row for row in table.splitlines() if row.startswith("|") and number in row]


@needs_facts
def test_every_built_in_number_is_in_the_facts_table_with_its_source_tag():
    table = numbers_table()
    facts = FACTS.read_text(encoding="utf-8")
    for line in all_built_in():
        rows = _rows(table, line.number) or [row for row in facts.splitlines() if line.number in row]
        assert rows, (line.country, line.name)
        assert line.source is not None and line.source.ref, line.name
        if line.number == "112" and line.country not in ("GB", "AU", "IE", "ES"):
            rows = _rows(table, "European Union")  # every EU member state: the EU row
        assert any(f"[{line.source.ref}]" in row for row in rows), (line.country, line.number, line.source.ref)
        if line.source.ref.startswith("S"):
            assert line.source.url.split("?")[0] in facts, line.source.url


def test_only_the_notes_marked_sources_are_called_confirmed():
    for line in all_built_in():
        if line.source.ref.startswith("N") and line.source.ref != "N46":
            assert not line.source.confirmed, (line.country, line.name)


@pytest.mark.parametrize(
    ("country", "emergency", "crisis"),
    [
        ("US", ["911"], ["988", "741741"]),
        ("CA", ["911"], ["988"]),
        ("GB", ["999"], ["116 123", "85258"]),
        ("IE", ["112", "999"], ["116 123", "50808", "1800 247 247"]),
        ("AU", ["000"], ["13 11 14", "0477 13 11 14", "1300 659 467"]),
        ("NZ", ["111"], ["1737"]),
        ("ES", ["112"], ["024"]),
        ("MX", ["911"], ["800 911 2000"]),
        ("DE", ["112"], []),
        ("FR", ["112"], []),
        ("LV", ["112"], ["116 123"]),
        ("JP", [], []),
        ("", [], []),
    ],
)
def test_each_countrys_lines(country, emergency, crisis):
    lines = crisis_lines.lines_for(country)
    assert [l.number for l in lines if l.kind is LineKind.EMERGENCY] == emergency
    assert [l.number for l in lines if l.kind is LineKind.CRISIS] == crisis
    assert [l.kind for l in lines] == sorted((l.kind for l in lines), key=lambda k: k.rank)


def test_country_specific_services_belong_to_their_country_only():
    by_number = {}
    for line in all_built_in():
        by_number.setdefault(line.number, set()).add(line.country)
    assert by_number["988"] == {"US", "CA"}
    assert by_number["111"] == {"GB", "NZ"}  # NHS 111 in the UK; 111 is New Zealand's emergency number
    assert by_number["13 11 14"] == {"AU"}
    assert by_number["1-800-222-1222"] == {"US"}
    assert set(crisis_lines.EU_112_COUNTRIES) <= {c for c, lines in crisis_lines.BUILT_IN.items()
                                                  if any(l.number == "112" for l in lines)}
    assert len(crisis_lines.EU_112_COUNTRIES) == 27


@pytest.mark.parametrize(
    ("country", "emergency", "crisis", "poison"),
    [
        ("US", "911", "call or text 988", "call Poison Help at 1-800-222-1222"),
        ("GB", "999", "call Samaritans at 116 123", crisis_lines.LOCAL_POISON),
        ("IE", "112 or 999", "call Samaritans at 116 123", crisis_lines.LOCAL_POISON),
        ("AU", "000", "call Lifeline at 13 11 14", "call the Poisons Information Centre at 13 11 26"),
        ("NZ", "111", "call or text 1737", crisis_lines.LOCAL_POISON),
        ("CA", "911", "call or text 988", crisis_lines.LOCAL_POISON),
        ("ES", "112", "call the Línea 024", crisis_lines.LOCAL_POISON),
        ("MX", "911", "call Línea de la Vida at 800 911 2000", crisis_lines.LOCAL_POISON),
        ("DE", "112", crisis_lines.LOCAL_CRISIS, crisis_lines.LOCAL_POISON),
        ("ZZ", crisis_lines.LOCAL_EMERGENCY, crisis_lines.LOCAL_CRISIS, crisis_lines.LOCAL_POISON),
    ],
)
def test_help_words(country, emergency, crisis, poison):
    words = crisis_lines.help_words(country)
    assert (words.emergency_number, words.crisis_line, words.poison_line) == (emergency, crisis, poison)
    assert words.emergency_known == (emergency != crisis_lines.LOCAL_EMERGENCY)


def test_a_number_the_user_added_fills_the_words():
    mine = crisis_lines.make_user_line("JP", LineKind.EMERGENCY, "Ambulance", "119")
    words = crisis_lines.help_words("JP", [mine])
    assert words.emergency_number == "119" and words.emergency_known


def test_user_lines_join_their_country_only():
    mine = crisis_lines.make_user_line("GB", LineKind.EMERGENCY, "Police (not urgent)", "101")
    again = crisis_lines.make_user_line("GB", LineKind.EMERGENCY, "Emergency services", "999")
    other = crisis_lines.make_user_line("FR", LineKind.CRISIS, "Ligne", "3114")
    lines = crisis_lines.lines_for("GB", [other, mine, again])
    assert lines[0].number == "999" and not lines[0].user_added  # built-in first within a kind
    assert lines[1] == mine and lines[2].name == "Samaritans" and other not in lines
    assert again not in lines  # already built in: shown once
    assert mine.user_added and mine.how == "Call 101" and mine.source is None
    assert [l.number for l in crisis_lines.emergency_lines("GB", [mine])] == ["999", "101"]


@pytest.mark.parametrize(
    ("country", "name", "number", "complaint"),
    [
        ("gb", "Help", "999", "country"),
        ("GB", "  ", "999", "name"),
        ("GB", "x" * 81, "999", "80"),
        ("GB", "Help", "call me", "digits"),
        ("GB", "Help", "9", "2 to 15"),
        ("GB", "Help", "1" * 16, "2 to 15"),
        ("GB", "Help", "99+9", "+"),
    ],
)
def test_bad_user_lines_are_refused_in_plain_words(country, name, number, complaint):
    with pytest.raises(ValidationError, match=re.escape(complaint)):
        crisis_lines.make_user_line(country, LineKind.CRISIS, name, number)


def test_good_user_numbers_keep_their_spacing():
    line = crisis_lines.make_user_line("DE", LineKind.SUPPORT, "  Telefon  Seelsorge ", " +49 800 111 0 111 ")
    assert (line.name, line.number) == ("Telefon Seelsorge", "+49 800 111 0 111")


def test_user_lines_round_trip_and_malformed_items_are_skipped():
    line = crisis_lines.make_user_line("NZ", LineKind.CRISIS, "Need to talk?", "1737", "Call or text 1737")
    raw = [crisis_lines.user_line_to_dict(line), {"country": "NZ"}, "junk", {"kind": "alarm", "country": "NZ",
                                                                           "name": "x", "number": "123"}]
    assert crisis_lines.user_lines_from_dicts(raw) == [line]
    assert crisis_lines.user_lines_from_dicts("nope") == []
    assert crisis_lines.user_lines_from_dicts(None) == []


def test_settings_keep_the_country_and_the_lines(tmp_path):
    path = tmp_path / "settings.json"
    line = crisis_lines.make_user_line("GB", LineKind.EMERGENCY, "Emergency services", "999")
    saved = settings_module.Settings(country="GB", crisis_lines=[crisis_lines.user_line_to_dict(line)])
    settings_module.save(saved, path)
    loaded = settings_module.load(path)
    assert loaded.country == "GB"
    assert crisis_lines.user_lines_from_dicts(loaded.crisis_lines) == [line]


def test_broken_settings_never_pick_a_country(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"country": "usa", "crisis_lines": [1, {"a": 2}, {"country": "GB"}]}))
    loaded = settings_module.load(path)
    assert loaded.country == ""
    assert loaded.crisis_lines == [{"country": "GB"}]
    assert crisis_lines.user_lines_from_dicts(loaded.crisis_lines) == []
    assert settings_module.Settings(crisis_lines="x").crisis_lines == []
