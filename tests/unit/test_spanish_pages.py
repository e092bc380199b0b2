"""The Spanish warning-sign pages (``warning_signs/es``): the same pages, signs, tiers and rules
as the English ones, Spanish headings, plain Spanish, and the loader's language switch.

Every test that switches to Spanish switches back to English (the ``spanish`` fixture).
"""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

import pytest
import textstat

from caregiver_app import i18n
from caregiver_app.content import page_languages, placeholders, warning_sign_search
from caregiver_app.content import warning_signs as education
from caregiver_app.content.warning_signs import Page
from caregiver_app.domain.crisis_lines import BUILT_IN_COUNTRIES, help_words

from test_education_content import ALLOWED_DOMAINS, readable_text

ROOT = resources.files("caregiver_app.content") / "warning_signs"
EN_NAMES = sorted(e.name for e in ROOT.iterdir() if e.name.endswith(".md"))
ES_NAMES = sorted(e.name for e in (ROOT / "es").iterdir() if e.name.endswith(".md"))
BOTH = sorted(set(EN_NAMES) & set(ES_NAMES))
US = help_words("US")
COUNTRIES = sorted(BUILT_IN_COUNTRIES) + [""]  # "": a country the app has no numbers for

MIN_FERNANDEZ_HUERTA = 70.0
"""Fernández Huerta (a Flesch reading ease for Spanish): 70-80 reads "fairly easy", about 7th
grade; 60-70 is "normal". Every page must read at least fairly easy."""
MIN_SZIGRISZT_PAZOS = 65.0
"""Szigriszt-Pazos (INFLESZ scale): 55-65 is "normal", above 65 "fairly easy"."""

# Spanish ahead of an English source: gov and health-agency pages (MedlinePlus, NIH, NIMH, NIA,
# NHLBI, ODPHP), beside the English page's own bodies.
ALLOWED_ES_DOMAINS = ALLOWED_DOMAINS | {"salud.nih.gov", "odphp.health.gov"}


def spanish_text(page: Page) -> str:
    """The Spanish page's words as a reader meets them (the English test's ``readable_text``,
    which leaves the Sources list out, told that "Fuentes" is that list)."""
    return readable_text(replace(page, body_markdown=page.body_markdown.replace("\n## Fuentes\n", "\n## Sources\n")))


def _parse(name: str, language: str, words=US) -> Page:
    folder = ROOT if language == "en" else ROOT / language
    text = (folder / name).read_text(encoding="utf-8")
    return education.parse_page(placeholders.fill(text, words, name), name, language)


@pytest.fixture
def spanish():
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language("en")


# --- the same pages in both languages ------------------------------------------------------------


def test_every_english_page_has_a_spanish_page():
    assert sorted(set(EN_NAMES) - set(ES_NAMES)) == []


def test_every_spanish_page_has_an_english_page():
    assert sorted(set(ES_NAMES) - set(EN_NAMES)) == []


@pytest.mark.parametrize("name", BOTH)
def test_the_spanish_page_has_the_same_signs_tiers_tags_and_rules(name):
    en, es = _parse(name, "en"), _parse(name, "es")
    assert es.id == en.id and es.category == en.category
    assert es.symptoms == en.symptoms
    assert es.related == en.related
    assert es.urgent_at == en.urgent_at
    assert [s.tier for s in es.signs] == [s.tier for s in en.signs]
    assert [s.symptoms for s in es.signs] == [s.symptoms for s in en.signs]
    assert education.links(es) == education.links(en)
    assert es.language == "es" and es.summary != en.summary
    assert bool(es.urgent_words) == bool(en.urgent_words)
    assert not en.urgent_words or es.urgent_words != en.urgent_words


@pytest.mark.parametrize("name", BOTH)
def test_the_spanish_page_keeps_the_placeholders_and_country_blocks(name):
    def marks(folder):
        text = (folder / name).read_text(encoding="utf-8")
        return sorted(re.findall(r"\{\{[^}]*\}\}", text))

    assert marks(ROOT / "es") == marks(ROOT)


@pytest.mark.parametrize("name", ES_NAMES)
@pytest.mark.parametrize("country", COUNTRIES)
def test_every_spanish_page_parses_for_every_country(name, country, spanish):
    page = _parse(name, "es", help_words(country))
    everything = page.summary + page.body_markdown
    assert "{{" not in everything and "}}" not in everything


@pytest.mark.parametrize("name", ES_NAMES)
def test_spanish_page_shape_and_sources(name):
    page = _parse(name, "es")
    assert "información, no un diagnóstico" in page.body_markdown
    assert re.search(r"^## Qué hacer\n+1\. \S", page.body_markdown, re.MULTILINE)
    assert "## Páginas relacionadas" in page.body_markdown
    assert page.sources
    for source in page.sources:
        host = re.match(r"^https?://([^/?#]+)", source.url).group(1).lower().removeprefix("www.")
        assert any(host == d or host.endswith("." + d) for d in ALLOWED_ES_DOMAINS), host



_SPANISH_ADDRESS = re.compile(r"/(?:spanish|espanol)/|/es/|-es(?:/|$)|://salud\.|ataque-cardiaco")


@pytest.mark.parametrize("name", ES_NAMES)
def test_english_sources_say_so(name):
    # A Spanish reader is told before following a link that the page is in English.
    for source in _parse(name, "es").sources:
        in_spanish = bool(_SPANISH_ADDRESS.search(source.url))
        assert in_spanish != source.title.endswith("(en inglés)"), source.url


@pytest.mark.parametrize("name", ES_NAMES)
def test_spanish_pages_hold_no_english_words(name):
    # The page as written, both branches of its country blocks, placeholders left out (their
    # fillings come from the crisis-line words, in the language in force); source titles aside.
    text = (ROOT / "es" / name).read_text(encoding="utf-8")
    text = re.sub(r"^[ \t]*\{\{\s*(?:if|else|end)\b[^}]*\}\}[ \t]*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"\{\{\s*\w+\s*\}\}", "", text)
    words = set(re.findall(r"[a-z']+", spanish_text(education.parse_page(text, name, "es")).lower()))
    assert not words & {"the", "and", "call", "signs", "what", "your", "they", "see", "with", "for"}


def test_a_spanish_page_under_english_headings_does_not_parse():
    text = (ROOT / "es" / "falls.md").read_text(encoding="utf-8").replace("## Señales de alarma", "## Signs to watch for")
    with pytest.raises(ValueError, match="Señales de alarma"):
        education.parse_page(placeholders.fill(text, US, "falls.md"), "falls.md", "es")


# --- plain Spanish ---------------------------------------------------------------------------------


def _scores(name: str) -> tuple[float, float]:
    text = spanish_text(_parse(name, "es"))
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text), textstat.szigriszt_pazos(text)
    finally:
        textstat.set_lang("en_US")


@pytest.mark.parametrize("name", ES_NAMES)
def test_spanish_pages_read_fairly_easy(name):
    huerta, pazos = _scores(name)
    assert huerta >= MIN_FERNANDEZ_HUERTA, f"{name}: Fernández Huerta {huerta:.1f}"
    assert pazos >= MIN_SZIGRISZT_PAZOS, f"{name}: Szigriszt-Pazos {pazos:.1f}"


def test_the_readability_check_fails_on_hard_spanish():
    hard = ("La administración concomitante de anticoagulantes orales incrementa significativamente "
            "la probabilidad de complicaciones hemorrágicas intracraneales postraumáticas.\n") * 5
    textstat.set_lang("es")
    try:
        assert textstat.fernandez_huerta(hard) < MIN_FERNANDEZ_HUERTA
    finally:
        textstat.set_lang("en_US")


# --- the loader reads the language in force --------------------------------------------------------


def test_the_loader_reads_the_language_in_force(spanish):
    falls = education.page("falls", US)
    assert falls.language == "es" and falls.title == "Caídas"
    assert "llame al 911" in falls.body_markdown.lower()
    assert {p.id for p in education.load_pages(US)} == {n.removesuffix(".md") for n in EN_NAMES}
    i18n.set_language("en")
    assert education.page("falls", US).title == "Falls"


def test_a_language_without_pages_reads_english(monkeypatch):
    monkeypatch.setattr(page_languages, "language", lambda: "fr")
    assert page_languages.page_language() == "en"
    assert education.page("falls", US).language == "en"


@pytest.mark.parametrize("name", BOTH)
def test_every_symptom_points_to_the_same_tier_in_both_languages(name, spanish):
    page_id = name.removesuffix(".md")
    es = education.page(page_id, US)
    i18n.set_language("en")
    en = education.page(page_id, US)
    assert es.language == "es" and en.language == "en"
    for symptom in en.symptoms:
        assert education.most_urgent_tier(es, symptom) == education.most_urgent_tier(en, symptom), symptom


def test_spanish_search_and_urgent_words(spanish):
    found = [p.id for p in warning_sign_search.search("se cayó y se golpeó la cabeza", US)]
    assert found and found[0] == "falls"
    assert warning_sign_search.search("dolor de pecho", US)[0].id in {"heart-attack", "anxiety-and-panic"}
    heart = education.page("heart-attack", US)
    assert education.urgency_met(heart, 2, "Tiene dolor de pecho desde anoche")
    assert education.urgency_met(heart, 2, "SE DESPLOMO en la cocina")  # accents left out
    assert not education.urgency_met(heart, 2, "Comió bien hoy")


def test_tier_words_and_categories_are_translated(spanish):
    assert education.Tier.EMERGENCY.label_for(US) != "Emergency: call 911 now"
    assert "911" in education.Tier.EMERGENCY.label_for(US)
    assert i18n._("Body and medical emergencies") != "Body and medical emergencies"
