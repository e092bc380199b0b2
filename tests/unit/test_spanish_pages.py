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


# --- reviewed wording: placeholder frames, one name per thing, related pages by title ---------------

_FRAME_RULES = (
    # "llame al {{emergency_number}}" reads "llame al 911", "llame al 112 o 999", "llame al número de
    # emergencias local"; any other word before it ("llame a", "marque el") reads wrong for some country.
    (re.compile(r"(?<!\bal )\{\{emergency_number\}\}"), "{{emergency_number}} not after 'al '"),
    # The crisis-line and poison-line fillings start with their own verb ("llame o envíe un mensaje
    # de texto al 988", "llame a Poison Help al ..."): no verb or preposition of the page before them.
    (re.compile(r"\b(?:llame|llamar|marque|al|a la|a)\s+\{\{(?:crisis_line|poison_line)\}\}", re.I),
     "a verb or preposition before a placeholder that brings its own verb"),
    # The capitalised forms start a sentence (or a bold step).
    (re.compile(r"[^\s*.]\s*\{\{(?:Crisis_line|Poison_line|Emergency_number)\}\}"), "a capitalised placeholder mid-sentence"),
)

# The same thing always has the same name (GLOSSARY-es.md and the review of issue 17): these words
# must not appear in a page's text (the search words of the front matter aside).
_ONE_NAME = {
    r"\bLea \[": "Vea [",
    r"consejero de crisis": "alguien de una línea de crisis",
    r"equipo de salud": "equipo de atención (care team) / personal de salud (clinicians)",
    r"equipo médico": "equipo de atención",
    r"señales de advertencia": "señales de alarma",
    r"ataque al corazón": "ataque cardíaco (MedlinePlus)",
    r"(?<!cerebrovascular \()derrame cerebral": "accidente cerebrovascular (MedlinePlus)",
    r"\bordenador": "computadora",
    r"\bvosotros": "ustedes",
}
_TU = re.compile(r"\b(?:estás|tienes|puedes|quieres|eres|tú)\b", re.IGNORECASE)
_SEARCH_KEYS = re.compile(r"^(?:synonyms|urgent_words):.*$", re.MULTILINE)


def frame_problems(text: str) -> list[str]:
    return [why for pattern, why in _FRAME_RULES if pattern.search(text)]


def naming_problems(text: str) -> list[str]:
    text = _SEARCH_KEYS.sub("", text)
    problems = [f"{pattern!r}: write {better}" for pattern, better in _ONE_NAME.items()
                if re.search(pattern, text, re.IGNORECASE)]
    problems += [f"tú form {m.group(0)!r}: the pages say usted" for m in _TU.finditer(text)]
    return problems


def test_the_wording_checks_catch_bad_spanish():
    assert frame_problems("Llame a {{emergency_number}}.") and frame_problems("Llame al {{crisis_line}}.")
    assert frame_problems("Si hay peligro, {{Crisis_line}}.")
    assert not frame_problems("Llame al {{emergency_number}}. Si dice que sí, {{crisis_line}}. **{{Crisis_line}}** ya.")
    assert len(naming_problems("Lea [Caídas](page:falls). ¿Estás bien?")) == 2
    assert naming_problems("Señales de un derrame cerebral.")
    assert not naming_problems("synonyms: [ataque al corazón]\nVea [Ataque cardíaco](page:heart-attack). "
                               "Un accidente cerebrovascular (derrame cerebral) es una emergencia.")


@pytest.mark.parametrize("name", ES_NAMES)
def test_placeholders_sit_in_frames_that_read_right_when_filled(name):
    assert frame_problems((ROOT / "es" / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", ES_NAMES)
def test_one_name_for_each_thing_and_usted(name):
    assert naming_problems((ROOT / "es" / name).read_text(encoding="utf-8")) == []


def test_related_pages_are_named_by_their_spanish_titles():
    titles = {n.removesuffix(".md"): _parse(n, "es").title for n in ES_NAMES}
    wrong = []
    for name in ES_NAMES:
        related = _parse(name, "es").body_markdown.split("## Páginas relacionadas", 1)[1].split("## Fuentes", 1)[0]
        wrong += [(name, text) for text, page_id in re.findall(r"\[([^\]]*)\]\(page:([^)]*)\)", related)
                  if text != titles[page_id]]
    assert wrong == []


@pytest.mark.parametrize(("page_id", "note"), [
    ("suicide-risk", "Esta noche dijo: quiero morirme"),
    ("depression", "Me dijo que se quiere matar"),
    ("stroke", "Creo que le dio un ictus"),  # Spain's everyday word for a stroke
    ("eating-disorders", "tiene latidos irregulares"),
])
def test_everyday_spanish_phrasings_show_the_urgent_signs(page_id, note, spanish):
    page = education.page(page_id, US)
    assert education.urgency_met(page, 2, note)
    assert not education.urgency_met(page, 2, "Hoy comió bien y salió a caminar")
