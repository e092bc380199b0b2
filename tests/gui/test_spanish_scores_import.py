"""The scores page and the Daylio import dialog built in Spanish on real widgets over a real
vault: no visible label, button, tab, heading or column title is left in English when the catalog
has its Spanish, the counts come in Spanish plural forms, Qt's own buttons are Spanish too, and
no keyboard mnemonic is used twice. English and the default locale are put back after each test."""

from __future__ import annotations

import pytest
from import_fixtures import open_import_dialog
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTableWidget, QTabWidget, QTreeWidget

from support import mnemonic_clashes

from caregiver_app import i18n
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.scores_page import ScoresPage

CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
    '2026-11-27,Nov 27,Friday,10:09 PM,Solid,reading,"","Quiet evening"\n'
)


# conftest's ``spanish``: Spanish for Mexico in each test, English and the locale put back after
pytestmark = pytest.mark.usefixtures("spanish")


def visible_texts(root) -> list[str]:
    """Every text a sighted user reads on ``root`` now: labels, buttons, group titles, tabs,
    the chosen item of each box and the column titles of tables and trees."""
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            texts.append(button.text())
    for group in root.findChildren(QGroupBox):
        if group.isVisibleTo(root):
            texts.append(group.title())
    for tabs in root.findChildren(QTabWidget):
        texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    for box in root.findChildren(QComboBox):
        if box.isVisibleTo(root):
            texts.append(box.currentText())
    for table in root.findChildren(QTableWidget):
        texts.extend(table.horizontalHeaderItem(c).text() for c in range(table.columnCount()))
    for tree in root.findChildren(QTreeWidget):
        texts.extend(tree.headerItem().text(c) for c in range(tree.columnCount()))
    return [t for t in texts if t]


def left_in_english(root) -> list[str]:
    """Visible texts equal to an English message the Spanish catalog translates."""
    spanish = i18n.translations("es")
    return [t for t in visible_texts(root) if spanish.gettext(t) != t]


def test_the_scores_page_reads_in_spanish(make_page):
    page = make_page(ScoresPage, (1300, 900))
    page.form.answer(1, 2)
    assert left_in_english(page) == []
    texts = visible_texts(page)
    assert "Guar&dar puntuación" in texts and "PHQ-9 y GAD-7" in texts and "¿Qué cuestionario?" in texts
    assert page.form.total_label.text() == "Total hasta ahora: 2 de 27 (falta responder 8 preguntas)"
    assert page.list.headerItem().text(3) == "Gravedad"
    assert mnemonic_clashes(page) == {}

    page.form.answer(9, 1)  # crisis help, in Spanish, with the country's numbers
    assert page.form.crisis.isVisibleTo(page)
    assert left_in_english(page) == []
    assert page.form.crisis.get_help_button.text() == "Pedir ayuda ahora"
    assert "988" in page.form.crisis.full_text() and "Gracias por responder con sinceridad." in page.form.crisis.full_text()


def test_the_import_dialog_reads_in_spanish(make_page, modals, tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text(CSV, encoding="utf-8")
    page = make_page(JournalPage, shown=False)
    dialog = open_import_dialog(page, modals, path)
    assert left_in_english(dialog) == []
    assert "Este archivo tiene 3 anotaciones en 3 días" in dialog.preview_label.text()
    assert "Usa 3 actividades distintas" in dialog.preview_label.text()
    assert dialog.problem_label.text() == "Elija un nivel de estado de ánimo para “Solid” para poder importar."
    assert dialog.level_boxes["Solid"].accessibleName() == "Nivel de estado de ánimo para “Solid”, usado en 2 anotaciones"
    assert dialog.level_boxes["rad"].accessibleName() == "Nivel de estado de ánimo para “rad”, usado en 1 anotación"
    # Qt's own button comes from qtbase's Spanish catalog, not blank and not English
    assert dialog.cancel_button.text() == "Cancelar"
    assert mnemonic_clashes(dialog) == {}
