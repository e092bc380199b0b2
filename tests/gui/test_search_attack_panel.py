"""The Search page with searches a tester typed on purpose."""

from __future__ import annotations

from datetime import datetime

from caregiver_app.gui.journal.search_panel import UNSEARCHABLE, SearchPanel
from caregiver_app.services import search
from support import add_entry


def test_a_long_pasted_sentence_says_only_the_first_words_are_searched(qtbot, ctx, person, make_page):
    add_entry(ctx.vault, person, datetime(2026, 11, 1, 9), note="one two three four five six seven eight nine ten eleven twelve")
    panel = make_page(SearchPanel, (1024, 700), person=person)
    panel.query_edit.setText("one two three four five six seven eight nine ten eleven twelve thirteen")
    panel.run_search()
    # "thirteen" is not in the note, yet the note is shown: the page must say why.
    assert panel.model.rowCount() == 1
    assert panel.result_label.text().startswith(f"Only the first {search.MAX_TERMS} words are searched.")
    panel.query_edit.setText("one two twelve")
    panel.run_search()
    assert panel.result_label.text().startswith("1 entry found.")


def test_an_emoji_alone_says_emoji_are_not_searched(qtbot, ctx, person, make_page):
    add_entry(ctx.vault, person, datetime(2026, 11, 1, 9), note="Tired ❤️ walked")
    panel = make_page(SearchPanel, (1024, 700), person=person)
    panel.query_edit.setText("❤️")
    panel.run_search()
    assert panel.result_label.text() == UNSEARCHABLE
    panel.query_edit.setText("❤️ tired")
    panel.run_search()
    assert panel.model.rowCount() == 1
