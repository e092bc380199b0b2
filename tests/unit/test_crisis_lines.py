"""Crisis and emergency numbers: only sourced numbers are built in; user-added numbers are checked
and survive a broken settings file."""

from __future__ import annotations

import json
import re

import pytest
from support import SHARED

from caregiver_app import settings as settings_module
from caregiver_app.domain import crisis_lines
from caregiver_app.domain.crisis_lines import LineKind
from caregiver_app.domain.errors import ValidationError

FACTS = SHARED / "content" / "education-facts.md"
needs_facts = pytest.mark.skipif(not FACTS.exists(), reason="the shared research notes are not beside the repo")


def all_built_in():
    return [line for lines in crisis_lines.BUILT_IN.values() for line in lines]


def key_numbers_table() -> str:
    text = FACTS.read_text(encoding="utf-8")
    return text.split("## Key numbers", 1)[1].split("\n---", 1)[0]


@needs_facts
def test_every_built_in_number_is_in_the_facts_table_with_its_source():
    table = key_numbers_table()
    facts = FACTS.read_text(encoding="utf-8")
    for line in all_built_in():
        assert line.number in table, line.name
        assert line.source is not None and line.source.url in facts, line.name
        for digits in re.findall(r"\d[\d-]{2,}", line.how + " " + line.details):
            assert digits in table, (line.name, digits)


@needs_facts
def test_numbers_the_facts_mark_unsourced_are_not_built_in():
    table = key_numbers_table()
    assert "not sourced" in table  # the notes still say so; if they change, revisit this module
    everything = " ".join(f"{l.number} {l.how} {l.details}" for l in all_built_in())
    for unsourced in ("999", "112", "000"):
        assert not re.search(rf"(?<!\d){unsourced}(?!\d)", everything)


def test_the_five_countries_and_their_lines():
    assert list(crisis_lines.BUILT_IN_COUNTRIES) == ["US", "CA", "GB", "IE", "AU"]
    us = crisis_lines.lines_for("US")
    assert [l.number for l in us if l.kind is LineKind.EMERGENCY] == ["911"]
    assert "988" in [l.number for l in us if l.kind is LineKind.CRISIS]
    assert [l.kind for l in us] == sorted((l.kind for l in us), key=lambda k: k.rank)
    assert [l.number for l in crisis_lines.lines_for("CA")] == ["988"]
    assert [l.number for l in crisis_lines.lines_for("GB")] == ["116 123"]
    assert [l.number for l in crisis_lines.lines_for("IE")] == ["116 123"]
    assert [l.number for l in crisis_lines.lines_for("AU")] == ["13 11 14"]
    for country in ("CA", "GB", "IE", "AU", "FR"):
        assert crisis_lines.emergency_lines(country) == []
    assert crisis_lines.lines_for("FR") == []


def test_user_lines_join_their_country_only():
    mine = crisis_lines.make_user_line("GB", LineKind.EMERGENCY, "Emergency services", "999")
    other = crisis_lines.make_user_line("FR", LineKind.CRISIS, "Ligne", "3114")
    lines = crisis_lines.lines_for("GB", [other, mine])
    assert lines[0] == mine and lines[1].name == "Samaritans" and other not in lines
    assert mine.user_added and mine.how == "Call 999" and mine.source is None
    assert crisis_lines.emergency_lines("GB", [mine]) == [mine]


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
    saved = settings_module.Settings(crisis_country="GB", crisis_lines=[crisis_lines.user_line_to_dict(line)])
    settings_module.save(saved, path)
    loaded = settings_module.load(path)
    assert loaded.crisis_country == "GB"
    assert crisis_lines.user_lines_from_dicts(loaded.crisis_lines) == [line]


def test_broken_settings_fall_back_to_the_united_states(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"crisis_country": "usa", "crisis_lines": [1, {"a": 2}, {"country": "GB"}]}))
    loaded = settings_module.load(path)
    assert loaded.crisis_country == "US"
    assert loaded.crisis_lines == [{"country": "GB"}]
    assert crisis_lines.user_lines_from_dicts(loaded.crisis_lines) == []
    assert settings_module.Settings(crisis_lines="x").crisis_lines == []
