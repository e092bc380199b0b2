"""A Spanish warning-sign page in the library's page view: Spanish headings, translated category
and tier words, and the sources listed once (the page's own "Fuentes" list is the view's job)."""

from __future__ import annotations

import pytest

from caregiver_app import i18n
from caregiver_app.gui.warning_signs.signs_page import WarningSignsPage
from caregiver_app.services import warning_signs as library


@pytest.fixture
def spanish_library(qtbot):
    i18n.set_language("es")
    try:
        widget = WarningSignsPage()
        qtbot.addWidget(widget)
        widget.resize(1100, 760)
        widget.show()
        qtbot.waitExposed(widget)
        yield widget
    finally:
        i18n.set_language("en")


def test_a_spanish_page_shows_in_spanish(spanish_library):
    assert spanish_library.open_page("heart-attack")
    text = spanish_library.view.toPlainText()
    page = library.page("heart-attack")
    assert page.language == "es" and text.startswith(page.title)
    assert "Señales de alarma" in text and "Qué hacer" in text
    assert "Emergencias médicas y del cuerpo" in text
    assert "Emergencia: llame al" in text
    for source in page.sources:
        assert text.count(source.url) == 1, source.url
    assert "Signs to watch for" not in text
