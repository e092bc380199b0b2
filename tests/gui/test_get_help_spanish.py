"""Get help now in Spanish (issue 17, item 6): built after the language is chosen, it speaks
Spanish to a Mexican, a Spanish and a US family, with each country's own numbers, and names the
countries in Spanish. English and the locale are restored after each test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from caregiver_app import i18n
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.common.translations import use_language


@pytest.fixture
def spanish(qapp):
    locale = QLocale()
    yield use_language
    use_language("en")
    QLocale.setDefault(locale)


def shown_text(root: QWidget) -> str:
    widgets = [w for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    return "\n".join(w.text() for w in widgets if w.text().strip())


def english_left(root: QWidget) -> list[str]:
    """Visible words that are English messages with a Spanish translation: shown without the catalog."""
    catalog = i18n.translations("es")
    return [text for text in shown_text(root).splitlines()
            if text.strip() and catalog.gettext(text) != text]


@pytest.mark.parametrize(("country", "region", "name", "emergency", "crisis"), [
    ("MX", "MX", "México", "911", "800 911 2000"),
    ("ES", "ES", "España", "112", "024"),
    ("US", "US", "Estados Unidos", "911", "988"),
])
def test_get_help_speaks_spanish_with_each_countrys_numbers(qtbot, context, vault, spanish, make_page,
                                                             country, region, name, emergency, crisis):
    spanish("es", region)
    context.settings.country = country
    window = make_page(create_main_window, person=None, active=True)
    window.show_get_help()
    shown = window.get_help.window
    qtbot.waitUntil(lambda: crisis in shown_text(shown), timeout=5000)  # the number boxes show once laid out
    text = shown_text(shown)
    assert shown.windowTitle() == "Pedir ayuda ahora"
    assert shown.country_combo.currentText() == name
    assert f"Si alguien podría morir o sufrir un daño grave ahora mismo, llame al {emergency}." in text
    assert crisis in text
    for heading in ("Primeros pasos", "Plan de seguridad", "Números del &país:", "&Agregar un número…", "Cerrar"):
        assert heading in text, heading
    assert "Quédese con la persona" in text  # the first steps, in Spanish
    assert "De dónde vienen estos números y pasos" in shown.sources_label.text()
    assert "If someone could die" not in text and "First steps" not in text
    assert english_left(shown) == []


def test_the_countries_are_named_in_the_windows_language(qtbot, context, vault, spanish, make_page):
    from caregiver_app.gui.warning_signs.crisis_numbers import country_name

    assert country_name("DE") == "Germany"
    spanish("es", "MX")
    assert country_name("DE") == "Alemania" and country_name("US") == "Estados Unidos"
    assert country_name("DE", "en") == "Germany"  # a printout in English names it in English
