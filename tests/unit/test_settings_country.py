"""The effective country: the family's choice, else the system locale's territory, else none."""

from __future__ import annotations

import pytest

from caregiver_app import settings as app_settings


@pytest.mark.parametrize(
    ("chosen", "locale_name", "expected"),
    [
        ("GB", "en_US", "GB"),
        ("", "en_GB", "GB"),
        ("", "de-DE", "DE"),
        ("", "es_MX.UTF-8", "MX"),
        ("", "sr_RS@latin", "RS"),
        ("", "C", ""),
        ("", "en", ""),
        ("", "es_419", ""),
        ("", "", ""),
    ],
)
def test_effective_country(chosen, locale_name, expected):
    assert app_settings.effective_country(app_settings.Settings(country=chosen), locale_name) == expected


def test_a_hand_typed_lower_case_country_still_counts():
    assert app_settings.Settings(country="gb").country == "GB"
    assert app_settings.Settings(country="g1").country == ""
    assert app_settings.Settings(country=7).country == ""


def test_paper_follows_the_country_unless_chosen():
    assert app_settings.paper_for(app_settings.Settings(), "US") == "letter"
    assert app_settings.paper_for(app_settings.Settings(), "GB") == "a4"
    assert app_settings.paper_for(app_settings.Settings(), "") == "a4"
    assert app_settings.paper_for(app_settings.Settings(paper="letter"), "GB") == "letter"


def test_numbers_the_user_added_never_become_markup_in_a_page():
    from caregiver_app.content import placeholders
    from caregiver_app.domain import crisis_lines

    line = crisis_lines.make_user_line("JP", crisis_lines.LineKind.CRISIS, "[x](http://e.org) **{{crisis_line}}**",
                                       "0120 123 456")
    words = crisis_lines.help_words("JP", [line])
    text = placeholders.fill("{{crisis_numbers}}\nFor a crisis, {{crisis_line}}.", words)
    assert "](" not in text and "**{{" not in text and "{{" not in text and "0120 123 456" in text


def test_the_network_crisis_gap_names_the_countrys_line_or_none():
    from caregiver_app.domain.network import SupportType
    from caregiver_app.services.network import GapReport

    report = GapReport(total=2, clinical=1, nonclinical=1, missing=(SupportType.CRISIS,), givers={}, touch=(),
                       stressful=())
    assert report.sentences("call Samaritans at 116 123") == [
        "No one is listed yet to call in a crisis. You can call Samaritans at 116 123 any time."]
    assert "988" not in report.sentences()[0] and "Get help now" in report.sentences()[0]
