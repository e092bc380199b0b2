"""The Journal page and its entry editor in Spanish (issue 17): built after the language is chosen,
every word a person reads comes from the catalog. A test fails when a visible label or button
still shows an English message that has a Spanish translation (a string that skipped ``_()``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from caregiver_app import i18n
from caregiver_app.domain.model import MoodLevel, SymptomRating
from caregiver_app.gui.journal.entry_editor import EntryEditor
from caregiver_app.gui.journal.journal_page import JournalPage
from support import add_entry


def visible_texts(root: QWidget) -> list[str]:
    """The text of every label and button a person can see in ``root``."""
    widgets = [w for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    return [w.text() for w in widgets if w.text().strip()]


def english_left(root: QWidget) -> list[str]:
    """Visible texts that are English source messages with a Spanish translation: they were shown
    without going through the catalog."""
    spanish = i18n.translations("es")
    return [text for text in visible_texts(root) if spanish.gettext(text) != text]


def test_the_catalog_has_spanish_for_the_journal():
    # Without a compiled Spanish catalog every check below would pass on English words.
    spanish = i18n.translations("es")
    assert spanish.gettext("&Save entry") == "&Guardar anotación"
    assert spanish.ngettext("{day}: {count} entry.", "{day}: {count} entries.", 2) == "{day}: {count} anotaciones."


def test_journal_page_in_spanish(spanish, make_page, vault, person):
    add_entry(vault, person, date(2026, 11, 29), mood=MoodLevel.GOOD, anxiety=3, sleep_hours=7.5,
              symptoms=(SymptomRating("Headache", 4),), note="Slept well", flag_for_visit=True)
    page = make_page(JournalPage, (1200, 800))
    texts = visible_texts(page)
    assert "Cambiar anotación" in texts
    assert "Eliminar anotación…" in texts
    assert "Anotaciones, &recientes primero" in texts
    assert page.editor.save_button.text() == "&Guardar anotación"
    assert page.editor.heading.text() == "Nueva anotación sobre Sam Rivera"
    assert page.chart.title.text() == "Estado de ánimo y sueño, últimos 30 días"
    entry_row = page.model.index(1).data()
    assert "Estado de ánimo: " in entry_row and "Ansiedad 3/10" in entry_row
    assert "⚑ Comentar en la próxima consulta" in entry_row and "Nota: Slept well" in entry_row
    assert english_left(page) == []


def test_entry_editor_in_spanish(spanish, qtbot, ctx, person):
    editor = EntryEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(700, 900)
    editor.set_person(person)
    editor.show()
    qtbot.waitExposed(editor)
    row = editor.add_symptom_row()
    editor.family_radio.setChecked(True)
    editor.family_name.setText("Ana")
    assert editor.heading.text() == "Nueva anotación sobre Sam Rivera, registrada por Ana (familiar)"
    assert editor.mood_none.text() == "Sin calificar"
    assert row.remove_button.text() == "Quitar"
    assert editor.anxiety.accessibleName() == "Ansiedad, de 0 a 10"
    assert editor.anxiety.specialValueText() == "Sin calificar"
    row.severity.setValue(10)
    assert row.severity.text() == "10 lo peor imaginable"
    assert english_left(editor) == []


def test_english_stays_english(make_page, person):
    # The same page without the language switch: the source words, so the check above can fail.
    page = make_page(JournalPage, (1200, 800))
    assert page.editor.save_button.text() == "&Save entry"
    assert "Change entry" in english_left(page)


def test_a_symptom_row_shows_starters_in_spanish_and_saves_their_english_key(qtbot):
    from caregiver_app import i18n
    from caregiver_app.domain.symptoms import symptom_key, symptom_label
    from caregiver_app.gui.journal.entry_fields import SymptomRow

    i18n.set_language("es")
    try:
        row = SymptomRow(["Falls", "Pain", "Hiccups"])
        qtbot.addWidget(row)
        shown = [row.name_box.itemText(i) for i in range(row.name_box.count())]
        assert shown == [symptom_label("Falls"), symptom_label("Pain"), "Hiccups"]
        assert shown[0] != "Falls"
        row.name_box.setCurrentIndex(0)
        assert row.symptom_name() == "Falls"
        row.name_box.setCurrentIndex(1)
        row.where.setText("lower back")
        assert row.symptom_name() == "Pain (lower back)"
        row.set_value("Pain (knee)", 4)
        assert row.name_box.currentText() == symptom_label("Pain")
        assert row.symptom_name() == "Pain (knee)"
        assert symptom_key(symptom_label("Falls").upper()) == "Falls"
        assert symptom_key("Hiccups") == "Hiccups"
    finally:
        i18n.set_language("en")
