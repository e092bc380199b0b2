"""Import from another app through the real dialog and a real vault: what the file is, the
stored-rows preview, the mood rule, the column map of an unknown CSV, the result, a re-import."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from import_fixtures import daylio_backup, fixture_bytes
from PySide6.QtCore import Qt

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.journal.import_other import OtherImportDialog
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal

FILTER = "Journal exports and backups (*.csv *.daylio *.emoods *.zip)"
SHOTS = Path("/work/notes/shots")


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, shown=False)


def open_file(page, modals, tmp_path, name: str, data: bytes) -> OtherImportDialog:
    path = tmp_path / name
    path.write_bytes(data)
    modals.expect(result=(str(path), FILTER))
    page.start_import()
    dialog = page.import_dialog
    assert isinstance(dialog, OtherImportDialog) and dialog.isVisible()
    return dialog


def _entries(ctx, person):
    return journal.entries_between(ctx.vault, person.id, date(2000, 1, 1), date(2100, 1, 1))


def _shot(widget, name: str) -> None:
    if SHOTS.is_dir() and os.environ.get("SHOTS"):
        widget.grab().save(str(SHOTS / f"imports-{name}.png"))


def test_bearable_with_a_changed_rule_then_a_reimport(qtbot, page, ctx, person, modals, tmp_path):
    dialog = open_file(page, modals, tmp_path, "export.csv", fixture_bytes("bearable.csv"))
    assert dialog.kind_label.text() == "This is a Bearable export (CSV)."
    assert "6 entries on 3 days" in dialog.preview_label.text()
    assert dialog.table.rowCount() == 6
    assert dialog.table.item(0, 2).text() == "very low (1/5); Bearable 2/10"
    assert "Headache 3/10" in dialog.table.item(0, 4).text()
    assert dialog.rule_editor.words.text() == "1-2 very low, 3-4 low, 5-6 okay, 7-8 good, 9-10 very good"
    assert "Food diary: 2 rows not imported" in dialog.notes_label.text()
    dialog.rule_editor.boxes[0].setValue(1)  # only 1 is very low now
    assert dialog.rule_editor.words.text().startswith("1 very low, 2-4 low")
    assert dialog.table.item(0, 2).text() == "low (2/5); Bearable 2/10"
    _shot(dialog, "bearable-dialog")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    assert "6 new entries are in" in dialog.result_label.text()
    assert "Line 19: the mood is not from 1 to 10" in dialog.skipped_text.toPlainText()
    stored = _entries(ctx, person)
    assert sorted(e.mood_label for e in stored if e.mood == MoodLevel.LOW) == ["Bearable 2/10"]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    again = open_file(page, modals, tmp_path, "export.csv", fixture_bytes("bearable.csv"))
    assert again.rule_editor.boxes[0].value() == 1  # the rule was remembered in the vault
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert "6 entries were already there" in again.result_label.text()


def test_an_unknown_csv_gets_its_columns_mapped(qtbot, page, ctx, person, modals, tmp_path):
    dialog = open_file(page, modals, tmp_path, "other.csv", fixture_bytes("generic.csv"))
    assert dialog.kind_label.text() == "This looks like a CSV from an app we don't know yet: map its columns."
    # first guesses by the column names: When is the date, Score the mood, Journal the notes
    assert dialog.column_boxes["date"].currentText() == "When"
    assert dialog.column_boxes["mood"].currentText() == "Score"
    assert dialog.column_boxes["notes"].currentText() == "Journal"
    dialog.column_boxes["tags"].setCurrentIndex(dialog.column_boxes["tags"].findText("Labels"))
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(0, 2).text() == "good (4/5); 7 on a 1-10 scale"
    assert dialog.table.item(0, 4).text() == "walk, friends"
    _shot(dialog, "generic-dialog")
    dialog.column_boxes["date"].setCurrentIndex(0)
    assert not dialog.import_button.isEnabled() and "date" in dialog.problem_label.text()
    dialog.column_boxes["date"].setCurrentIndex(dialog.column_boxes["date"].findText("When"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "4 new entries are in" in dialog.result_label.text()
    assert len(_entries(ctx, person)) == 4


def test_a_daylio_backup_needs_no_mapping_and_no_zone(qtbot, page, ctx, person, modals, tmp_path):
    dialog = open_file(page, modals, tmp_path, "backup.daylio", daylio_backup())
    assert dialog.kind_label.text() == "This is a Daylio backup (.daylio)."
    assert not dialog.zone_box.isVisibleTo(dialog)
    assert dialog.table.item(0, 2).text() == "low (2/5); Daylio “Wiped out”"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "4 new entries are in" in dialog.result_label.text()


def test_every_control_has_a_name(qtbot, page, modals, tmp_path):
    from test_journal_page import unnamed_controls

    dialog = open_file(page, modals, tmp_path, "other.csv", fixture_bytes("generic.csv"))
    missing = unnamed_controls(dialog)
    assert not missing, "; ".join(missing)
