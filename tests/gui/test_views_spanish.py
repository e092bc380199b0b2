"""The views of es-views in Spanish (issue 17): built after the language is chosen, no visible
label or button of the summary, plans, support network, appointments or warning-sign pages shows
an English message that has a Spanish translation (one that skipped the catalog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

from caregiver_app import i18n
from caregiver_app.gui.common.translations import use_language
from caregiver_app.gui.network.network_page import NetworkPage
from caregiver_app.gui.visits.appointments_page import AppointmentsPage
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.gui.warning_signs.plans_page import PlansPage


@pytest.fixture
def spanish(qapp):
    locale = QLocale()
    use_language("es", "MX")
    yield
    use_language("en")
    QLocale.setDefault(locale)


def shown_words(root: QWidget) -> list[str]:
    words = [w.text() for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton)
             if w.isVisibleTo(root) and w.text().strip()]
    words += [g.title() for g in root.findChildren(QGroupBox) if g.isVisibleTo(root) and g.title()]
    for tabs in root.findChildren(QTabWidget):
        words += [tabs.tabText(i) for i in range(tabs.count())]
    words += [w.accessibleName() for w in root.findChildren(QWidget) if w.accessibleName()]
    return words


def english_left(root: QWidget) -> list[str]:
    catalog = i18n.translations("es")
    return [text for text in shown_words(root) if catalog.gettext(text) != text]


@pytest.mark.parametrize("page_class", [SummaryPage, PlansPage, NetworkPage, AppointmentsPage])
def test_no_english_message_is_left_on_the_page(qtbot, ctx, person, make_page, spanish, page_class):
    page = make_page(page_class, (1100, 760), show_first=page_class is SummaryPage)
    if page_class is SummaryPage:
        qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=10000)
    assert page.heading.text().endswith(" de Sam Rivera") or "Sam Rivera" in page.heading.text()
    assert english_left(page) == []
