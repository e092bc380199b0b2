"""The Search page on real widgets over a real vault: typing finds notes with the matching words
in bold (escaped, so a note can never inject markup), filters, odd text, Ctrl+F from anywhere, and
Enter opening the entry in the journal — also an old one and another person's."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from caregiver_app.domain.model import MoodLevel, Recorder, SymptomRating, Tag, TagKind
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.journal.search_panel import HtmlRole, SearchPanel
from caregiver_app.services import people
from caregiver_app.services.journal import EntryDraft
from support import add_entry, bulk_add_entries


@pytest.fixture
def filled(vault, person):
    add_entry(vault, person, datetime(2026, 11, 1, 9), note="Walked by the river <script>alert(1)</script> & felt calm",
        mood=MoodLevel.GOOD, tags=(Tag("walk"),))
    add_entry(vault, person, datetime(2026, 11, 10, 9), note="Headache after the walk; worried about money",
        recorded_by=Recorder.family("Ana"), symptoms=(SymptomRating("Headache", 5),),
        tags=(Tag("money", TagKind.STRESSOR),), flag_for_visit=True)
    add_entry(vault, person, datetime(2026, 11, 20, 9), note="Quiet day at home")
    return person


@pytest.fixture
def panel(qtbot, ctx, filled, make_page):
    return make_page(SearchPanel, (1000, 700), person=filled)


def rows(panel) -> list[str]:
    return [panel.model.index(i).data() for i in range(panel.model.rowCount())]


def test_typing_finds_notes_with_the_matching_words_in_bold(qtbot, panel):
    assert panel.person_combo.currentText() == "Sam Rivera"  # the chosen person's journal by default
    qtbot.keyClicks(panel.query_edit, "walk")
    assert panel.timer.isActive()  # searches a moment after typing stops…
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)  # …or at once with Enter
    assert len(rows(panel)) == 2 and panel.result_label.text().startswith("2 entries found.")
    html = panel.model.index(1).data(HtmlRole)
    assert "<b>Walked</b>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html and "&amp; felt calm" in html
    first = panel.model.index(0)
    assert "<b>walk</b>" in first.data(HtmlRole)
    assert first.data().startswith("Tuesday 10 November 2026, ") and "Ana (family)" in first.data()
    assert "⚑ flagged for the next visit" in first.data()
    assert "Matching words: walk." in first.data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.parametrize("text", ['"', "NEAR(", "walk OR", "*", "^:", "(((", "-", "🙂"])
def test_odd_text_never_breaks_the_search(qtbot, panel, text):
    panel.query_edit.setText(text)  # (QTest cannot type characters outside the BMP, like 🙂)
    panel.run_search()
    assert panel.result_label.text()  # a plain answer, no error dialog (the modal guard would fail)


def test_filters_narrow_the_results(qtbot, panel, vault):
    panel.query_edit.setText("walk")
    panel.recorder_combo.setCurrentIndex(2)  # a family member
    assert len(rows(panel)) == 1 and "Ana (family)" in rows(panel)[0]
    panel.recorder_combo.setCurrentIndex(0)
    panel.query_edit.clear()
    panel.flag_check.setChecked(True)
    assert len(rows(panel)) == 1 and "Headache" in rows(panel)[0]
    panel.flag_check.setChecked(False)
    tag = next(i for i in range(panel.tag_combo.count()) if panel.tag_combo.itemText(i) == "walk (activity)")
    panel.tag_combo.setCurrentIndex(tag)
    assert len(rows(panel)) == 1 and "river" in rows(panel)[0]
    panel.tag_combo.setCurrentIndex(0)
    panel.symptom_combo.setCurrentIndex(panel.symptom_combo.findText("Headache"))
    assert len(rows(panel)) == 1 and "Headache after" in rows(panel)[0]
    panel.symptom_combo.setCurrentIndex(0)
    panel.span_combo.setCurrentIndex(panel.span_combo.findText("Between these dates"))
    assert panel.from_edit.isEnabled() and panel.to_edit.isEnabled()
    panel.from_edit.setDate(QDate(2026, 11, 15))
    panel.to_edit.setDate(QDate(2026, 11, 25))
    assert len(rows(panel)) == 1 and "Quiet day" in rows(panel)[0]
    panel.to_edit.setDate(QDate(2026, 11, 1))
    assert "before the “from” date" in panel.result_label.text() and rows(panel) == []
    panel.span_combo.setCurrentIndex(panel.span_combo.findText("The last 30 days"))
    assert len(rows(panel)) == 3
    panel.span_combo.setCurrentIndex(0)
    assert "Type a word or choose a filter" in panel.result_label.text() and rows(panel) == []


def test_nothing_found_says_so(qtbot, panel):
    panel.query_edit.setText("zebra")
    panel.run_search()
    assert rows(panel) == [] and "No entries match" in panel.result_label.text()


def test_ctrl_f_then_enter_opens_an_old_entry_of_another_person(qtbot, ctx, vault, filled):
    ruth = people.add_person(vault, "Ruth")
    start = datetime(2026, 11, 29, 9)
    bulk_add_entries(vault, [EntryDraft(ruth.id, start - timedelta(hours=20 * i), note=f"ordinary day {i}")
                             for i in range(260)])  # more than a page of the journal list
    target = add_entry(vault, ruth, datetime(2025, 6, 1, 8), note="The lighthouse trip")
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.current_person().display_name == "Ruth"  # alphabetical: Ruth first
    window.show_page(window.page_titles().index("Patterns"))
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search_page = window.page_widgets()[window.page_titles().index("Search")]
    assert window.pages.currentWidget() is search_page
    assert QApplication.focusWidget() is search_page.query_edit
    window.show_page(window.page_titles().index("Warning signs"))  # a page with its own search box
    assert window.find_action.shortcut().isEmpty()
    window.show_page(window.page_titles().index("Search"))
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    search_page.person_combo.setCurrentIndex(0)  # everyone
    qtbot.keyClicks(search_page.query_edit, "lighthouse")
    qtbot.keyClick(search_page.query_edit, Qt.Key.Key_Return)
    qtbot.keyClick(search_page.query_edit, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is search_page.results
    qtbot.keyClick(search_page.results, Qt.Key.Key_Return)
    journal_page = window.page_widgets()[0]
    assert window.pages.currentWidget() is journal_page
    assert journal_page.current_entry().id == target.id
    # And from Ruth's search to Sam's entry: the person switches too.
    window.show_search()
    search_page.query_edit.setText("river")
    search_page.run_search()
    search_page.results.setCurrentIndex(search_page.model.index(0))
    qtbot.keyClick(search_page.results, Qt.Key.Key_Return)
    assert window.current_person().display_name == "Sam Rivera"
    assert "river" in journal_page.current_entry().note


def test_lock_clears_results_names_and_words(qtbot, ctx, vault, filled):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_search()
    search_page = window.page_widgets()[window.page_titles().index("Search")]
    search_page.query_edit.setText("river")
    search_page.run_search()
    assert rows(search_page)
    window.lock()
    assert search_page.query_edit.text() == "" and rows(search_page) == []
    names = [search_page.person_combo.itemText(i) for i in range(search_page.person_combo.count())]
    tags = [search_page.tag_combo.itemText(i) for i in range(search_page.tag_combo.count())]
    assert names == ["Everyone"] and tags == ["Any tag"]
    assert not window.find_action.isEnabled()


def test_every_control_has_a_name(qtbot, panel):
    from test_journal_page import unnamed_controls

    assert unnamed_controls(panel) == []
