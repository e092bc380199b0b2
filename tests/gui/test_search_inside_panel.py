"""Issue 18, defect 5 (rest), on the real Search page: Chinese, Thai, Japanese and Korean words
inside sentences are found and shown in bold, "Show more" pages through them, and a word found
only inside longer words is said so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from caregiver_app.gui.journal.search_panel import HtmlRole, SearchPanel
from caregiver_app.services.journal import EntryDraft
from support import add_entry, bulk_add_entries


@pytest.fixture
def panel(qtbot, ctx, person, make_page):
    add_entry(ctx.vault, person, datetime(2026, 11, 1, 9), note="今天头痛很厉害。Took a <b>pill</b>.")
    add_entry(ctx.vault, person, datetime(2026, 11, 2, 9), note="วันนี้ปวดหัวมาก")
    add_entry(ctx.vault, person, datetime(2026, 11, 3, 9), note="오늘 편두통이 심했다")
    add_entry(ctx.vault, person, datetime(2026, 11, 4, 9), note="今日は頭が痛い")
    add_entry(ctx.vault, person, datetime(2026, 11, 5, 9), note="Starke Kopfschmerzen")
    return make_page(SearchPanel, (1024, 700), person=person)


def search_for(panel, text: str) -> list[str]:
    panel.query_edit.setText(text)
    panel.run_search()
    return [panel.model.index(i).data(HtmlRole) for i in range(panel.model.rowCount())]


@pytest.mark.parametrize(("typed", "bold"), [
    ("头痛", "<b>头痛</b>"), ("ปวดหัว", "<b>ปวดหัว</b>"), ("두통", "<b>두통</b>"), ("頭が痛い", "<b>頭が痛い</b>"),
])
def test_words_inside_sentences_are_found_and_bold(qtbot, panel, typed, bold):
    found = search_for(panel, typed)
    assert len(found) == 1 and bold in found[0]
    assert panel.result_label.text().startswith("1 entry found.")


def test_mixed_words_keep_the_note_escaped(qtbot, panel):
    found = search_for(panel, "头痛 pill")
    assert len(found) == 1 and "<b>pill</b>" in found[0] and "&lt;b&gt;" in found[0]


def test_a_word_inside_a_longer_word_is_said_so(qtbot, panel):
    found = search_for(panel, "schmerz")
    assert len(found) == 1 and "Kopf<b>schmerz</b>en" in found[0]
    assert panel.result_label.text().startswith("No note has these as whole words")
    search_for(panel, "zebra")
    assert "No entries match" in panel.result_label.text()


def test_show_more_pages_through_chinese_words(qtbot, ctx, person, make_page):
    bulk_add_entries(ctx.vault, [EntryDraft(person.id, datetime(2025, 1, 1, 9) + timedelta(days=i),
                                            note=f"第{i}天头痛") for i in range(230)],
                     now=datetime(2026, 1, 1, tzinfo=UTC))
    panel = make_page(SearchPanel, (1024, 700), person=person)
    assert len(search_for(panel, "头痛")) == 200 and panel.more_button.isVisible()
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 230 and not panel.more_button.isVisible()
    assert "230 entries found" in panel.result_label.text()
