"""Spanish in the Qt-free core: the PHQ-9's official Spanish form, the GAD-7 without one, crisis
help words for families in the US, Spain and Mexico, labels and messages from the catalog. English
stays as it was."""

from __future__ import annotations

from datetime import date

import pytest

from caregiver_app import i18n
from caregiver_app.domain import crisis_lines, scores
from caregiver_app.domain.errors import CaregiverError, ValidationError
from caregiver_app.domain.model import MoodLevel, SleepQuality
from caregiver_app.domain.scores import Instrument
from caregiver_app.domain.symptoms import STARTER_SYMPTOMS, symptom_label
from caregiver_app.services import vault as vault_service


@pytest.fixture
def spanish():
    """Spanish for one test (tests/conftest.py puts English back after every test)."""
    i18n.set_language("es")


# --- PHQ-9 and GAD-7 ----------------------------------------------------------------------------

def test_phq9_in_spanish_is_the_official_form_word_for_word(spanish):
    phq9 = Instrument.PHQ9
    assert phq9.has_official_wording
    assert phq9.wording[0] == "Poco interés o placer en hacer cosas"
    assert phq9.wording[8] == "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera"
    assert phq9.wording[5] == ("Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal "
                               "con usted mismo(a) o con su familia")
    assert len(phq9.wording) == phq9.item_count == 9
    assert scores.form_stem(phq9) == ("Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias "
                                      "debido a los siguientes problemas?")
    assert scores.answer_words(phq9) == ("Ningún día", "Varios días", "Más de la mitad de los días",
                                         "Casi todos los días")
    assert scores.credit_line() == (
        "Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante "
        "una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, "
        "presentar o distribuir.")
    assert scores.official_form_line(phq9) == ""


def test_phq9_names_bands_and_topics_come_from_the_catalog_in_spanish(spanish):
    assert Instrument.PHQ9.title == "PHQ-9 (depresión)"
    assert Instrument.PHQ9.topics[2] == "Sueño"
    result = scores.ScoreResult(None, 1, Instrument.PHQ9, date(2026, 12, 1),
                                (2, 2, 2, 2, 2, 2, 2, 2, 0))
    assert result.band.label == "moderadamente grave"
    assert result.describe() == "PHQ-9 16 de 27, moderadamente grave"
    assert scores.change_text(3) == "subió 3" and scores.change_text(None) == "primera puntuación"
    with pytest.raises(ValidationError, match="Elija una respuesta"):
        scores.check_answers(Instrument.PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, None])


def test_gad7_in_spanish_shows_our_topic_labels_and_points_to_the_official_form(spanish):
    gad7 = Instrument.GAD7
    assert not gad7.has_official_wording
    assert gad7.wording == gad7.topics  # never a wording of our own
    assert gad7.wording[0] == "Nerviosismo"
    assert len(gad7.wording) == 7
    line = scores.official_form_line(gad7)
    assert "phqscreeners.com" in line and "GAD-7" in line and "español" in line
    assert "formulario oficial" in scores.form_stem(gad7)
    assert scores.answer_words(gad7) == ("Ningún día", "Varios días", "Más de la mitad de los días",
                                         "Casi todos los días")


def test_english_questionnaires_are_unchanged():
    assert i18n.language() == "en"
    for instrument in Instrument:
        assert instrument.has_official_wording
        assert scores.official_form_line(instrument) == ""
        assert scores.form_stem(instrument) == scores.FORM_STEM
        assert scores.answer_words(instrument) == scores.ANSWER_WORDS
    assert Instrument.PHQ9.wording[0] == "Little interest or pleasure in doing things"
    assert Instrument.GAD7.wording[0] == "Feeling nervous, anxious or on edge"
    assert Instrument.PHQ9.title == "PHQ-9 (depression)"
    assert scores.credit_line() == scores.CREDIT_LINE
    assert scores.band_for(Instrument.GAD7, 12).label == "moderate"


# --- crisis help --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("country", "emergency", "crisis", "poison"),
    [
        ("US", "911", "llame o envíe un mensaje de texto al 988", "llame a Poison Help al 1-800-222-1222"),
        ("ES", "112", "llame al 024", "llame a un farmacéutico o al equipo de atención de inmediato"),
        ("MX", "911", "llame a la Línea de la Vida al 800 911 2000",
         "llame a un farmacéutico o al equipo de atención de inmediato"),
        ("IE", "112 o 999", "llame a Samaritans al 116 123",
         "llame a un farmacéutico o al equipo de atención de inmediato"),
        ("", "número de emergencias local", "llame a una línea de crisis local",
         "llame a un farmacéutico o al equipo de atención de inmediato"),
    ],
)
def test_help_words_in_spanish(spanish, country, emergency, crisis, poison):
    words = crisis_lines.help_words(country)
    assert (words.emergency_number, words.crisis_line, words.poison_line) == (emergency, crisis, poison)
    assert words.elsewhere == "findahelpline.com lista líneas de crisis por país."


@pytest.mark.parametrize(
    ("country", "emergency", "crisis"),
    [
        ("US", "911", "call or text 988"),
        ("ES", "112", "call the Línea 024"),
        ("MX", "911", "call Línea de la Vida at 800 911 2000"),
        ("IE", "112 or 999", "call Samaritans at 116 123"),
    ],
)
def test_help_words_in_english_are_unchanged(country, emergency, crisis):
    words = crisis_lines.help_words(country)
    assert (words.emergency_number, words.crisis_line) == (emergency, crisis)
    assert words.elsewhere == "findahelpline.com lists crisis lines by country."


def test_988_tells_spanish_speakers_to_press_2_or_text_ayuda(spanish):
    line = next(line for line in crisis_lines.built_in_lines("US") if line.number == "988")
    assert "marque 2" in line.details and "AYUDA" in line.details and "988" in line.details
    assert line.name == "988 Suicide and Crisis Lifeline"  # an official name stays as it is
    assert line.how.startswith("Llame o envíe un mensaje de texto al 988")
    assert line.kind.label == "Línea de crisis"
    i18n.set_language("en")
    assert "press 2 on a call, or text AYUDA to 988" in line.details


def test_spain_and_mexico_lines_read_in_spanish(spanish):
    spain = crisis_lines.built_in_lines("ES")
    assert [line.number for line in spain] == ["112", "024"]
    assert spain[0].name == "Servicios de emergencia" and spain[0].how == "Llame al 112"
    assert spain[1].name == "Línea 024" and "conducta suicida" in spain[1].details
    mexico = crisis_lines.built_in_lines("MX")
    assert [line.number for line in mexico] == ["911", "800 911 2000"]
    assert mexico[1].name == "Línea de la Vida" and "CONASAMA" in mexico[1].details
    assert all(line.source is not None for line in spain + mexico)


def test_a_number_the_user_added_keeps_their_own_words(spanish):
    line = crisis_lines.make_user_line("ES", crisis_lines.LineKind.CRISIS, "Call {number} Teléfono de la Esperanza",
                                       "717 003 717", "Call anytime")
    assert line.name == "Call {number} Teléfono de la Esperanza" and line.how == "Call anytime"
    assert crisis_lines.user_line_to_dict(line)["how"] == "Call anytime"


def test_user_line_errors_in_spanish(spanish):
    with pytest.raises(ValidationError, match="necesita de 2 a 15 dígitos"):
        crisis_lines.make_user_line("ES", crisis_lines.LineKind.CRISIS, "Servicio", "1")


# --- labels shown to people ---------------------------------------------------------------------

def test_starter_symptoms_are_translated_at_display_and_stored_in_english(spanish):
    falls = next(s for s in STARTER_SYMPTOMS if s.name == "Falls")
    assert falls.name == "Falls" and falls.label == "Caídas"
    assert symptom_label("falls") == "Caídas"
    assert symptom_label("Pain (lower back)") == "Dolor (lower back)"
    assert symptom_label("Tremor in hands") == "Tremor in hands"  # typed by the user


def test_english_symptom_labels_are_the_stored_names():
    assert symptom_label("trouble falling asleep") == "trouble falling asleep"
    assert symptom_label("Pain (knee)") == "Pain (knee)"


def test_enum_labels_in_spanish(spanish):
    assert MoodLevel.VERY_LOW.label == "muy bajo" and MoodLevel.GOOD.label == "bueno"
    assert SleepQuality.POOR.label == "malo"


def test_a_message_raised_as_a_marked_constant_reads_in_the_language_shown(spanish):
    error = CaregiverError(vault_service.DAMAGED)
    assert str(error).startswith("El archivo de su diario cifrado está dañado")
    i18n.set_language("en")
    assert str(error) == vault_service.DAMAGED
