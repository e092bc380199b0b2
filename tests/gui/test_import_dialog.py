"""Import from Daylio through the real dialog and a real encrypted vault: the preview, mapping a
custom mood label, the result counts, re-importing, a new person and a broken file."""

from __future__ import annotations


import pytest
from import_fixtures import choose_level
from import_fixtures import open_import_dialog as open_dialog
from PySide6.QtCore import Qt

from caregiver_app.domain.model import MoodLevel
from caregiver_app.gui.common.ops import JOURNAL, PEOPLE
from caregiver_app.gui.journal.import_dialog import time_zone_names
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.journal.journal_model import ENTRY, KindRole
from caregiver_app.services import journal, people

CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
    '2026-11-27,Nov 27,Friday,10:09 PM,Solid,reading,"","Quiet evening"\n'
)


@pytest.fixture
def page(make_page):
    return make_page(JournalPage, shown=False)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_map_a_custom_label_and_import_then_reimport(qtbot, page, ctx, person, modals, export):
    dialog = open_dialog(page, modals, export)
    text = dialog.preview_label.text()
    assert "3 entries on 3 days" in text
    assert "from Friday 27 November 2026 to Sunday 29 November 2026" in text
    assert "3 different activities" in text
    assert dialog.level_boxes["rad"].currentText() == "5 very good"  # Daylio's own label, filled in
    assert dialog.level_boxes["Solid"].currentData() is None
    assert not dialog.import_button.isEnabled()
    assert "Choose a mood level for “Solid”" in dialog.problem_label.text()
    assert dialog.zone_box.currentText() == "America/New_York"
    assert dialog.person_box.currentText() == "Sam Rivera"

    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    assert dialog.level_boxes["Solid"].currentText() == "4 good"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.pages.currentIndex() == 1
    assert "3 new entries are in" in dialog.result_label.text()
    assert not dialog.skipped_text.isVisibleTo(dialog)
    saved = journal.recent_entries(ctx.vault, person.id)
    assert [e.mood for e in saved] == [MoodLevel.GOOD, MoodLevel.VERY_GOOD, MoodLevel.GOOD]
    assert saved[0].note == "Dinner with friends"
    # the journal list shows the new entries at once
    assert sum(1 for i in range(page.model.rowCount()) if page.model.index(i).data(KindRole) == ENTRY) == 3
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.import_dialog is None

    again = open_dialog(page, modals, export)
    choose_level(qtbot, again.level_boxes["Solid"], 4)
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert "3 entries were already there" in again.result_label.text()
    assert "Nothing new was added" in again.result_label.text()
    assert journal.count_entries(ctx.vault, person.id) == 3


def test_default_labels_can_be_changed(qtbot, page, ctx, person, modals, export):
    dialog = open_dialog(page, modals, export)
    choose_level(qtbot, dialog.level_boxes["Solid"], 3)
    choose_level(qtbot, dialog.level_boxes["rad"], 4)
    assert dialog.mood_map() == {"Solid": 3, "rad": 4}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    moods = sorted(e.mood for e in journal.recent_entries(ctx.vault, person.id))
    assert moods == [MoodLevel.OKAY, MoodLevel.OKAY, MoodLevel.GOOD]


def test_import_for_a_new_person_tells_the_app(qtbot, page, ctx, person, modals, export):
    dialog = open_dialog(page, modals, export)
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    dialog.person_box.lineEdit().selectAll()
    qtbot.keyClicks(dialog.person_box.lineEdit(), "Grandpa Joe")
    with qtbot.waitSignal(page.people_changed, timeout=1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    joe = people.find_person(ctx.vault, "Grandpa Joe")
    assert joe is not None and journal.count_entries(ctx.vault, joe.id) == 3
    assert journal.count_entries(ctx.vault, person.id) == 0
    assert "Grandpa Joe was added" in dialog.result_label.text()


def test_time_zone_must_come_from_the_list(qtbot, page, modals, export):
    dialog = open_dialog(page, modals, export)
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    dialog.zone_box.lineEdit().selectAll()
    qtbot.keyClicks(dialog.zone_box.lineEdit(), "Moon/Base")
    assert not dialog.import_button.isEnabled()
    assert "time zone" in dialog.problem_label.text()
    dialog.zone_box.setEditText("Europe/Berlin")
    assert dialog.import_button.isEnabled()
    assert "Europe/Berlin" in time_zone_names() and "UTC" in time_zone_names()


def test_skipped_lines_are_listed_with_their_reason(qtbot, page, ctx, person, modals, tmp_path):
    path = tmp_path / "with_a_bad_line.csv"
    path.write_text(CSV + '2026-02-30,Feb 30,Monday,9:00 PM,rad,walk,"","Not a real day"\n', encoding="utf-8")
    dialog = open_dialog(page, modals, path)
    assert "1 line cannot be read" in dialog.preview_label.text()
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "3 new entries are in" in dialog.result_label.text()
    assert dialog.skipped_text.isVisibleTo(dialog)
    assert dialog.skipped_text.toPlainText().startswith("Line 5: ")
    assert "Not a real day" not in dialog.skipped_text.toPlainText()  # reasons never quote the row


def test_a_file_no_importer_can_read_shows_a_plain_error(qtbot, page, ctx, person, modals, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0 not text at all \x00\x9c")
    modals.expect(result=(str(path), ""))
    modals.expect()  # the error message
    page.start_import()
    assert page.import_dialog is None
    assert modals.seen[-1].kind == "QMessageBox"
    assert modals.seen[-1].title == "This file could not be imported"
    assert "Traceback" not in modals.seen[-1].text
    assert journal.count_entries(ctx.vault, person.id) == 0


def test_cancelling_the_file_picker_does_nothing(qtbot, page, modals):
    modals.expect(result=("", ""))
    page.start_import()
    assert page.import_dialog is None


def test_lock_drops_the_open_dialog(qtbot, page, modals, export):
    dialog = open_dialog(page, modals, export)
    page.clear()
    assert page.import_dialog is None
    assert not dialog.isVisible()
    assert dialog.preview_label.text() == ""


def test_the_stored_rows_follow_the_chosen_levels(qtbot, page, modals, export):
    dialog = open_dialog(page, modals, export)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 2).text() == "Daylio “Solid”"  # no level chosen yet
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    assert dialog.table.item(0, 2).text() == "good (4/5); Daylio “Solid”"
    assert dialog.table.item(1, 2).text() == "very good (5/5); Daylio “rad”"


def test_every_control_has_a_name(qtbot, page, modals, export):
    from test_journal_page import unnamed_controls

    dialog = open_dialog(page, modals, export)
    missing = unnamed_controls(dialog)
    assert not missing, "; ".join(missing)
    assert dialog.level_boxes["Solid"].accessibleName() == "Mood level for “Solid”, used in 2 entries"


def test_a_computer_set_to_utc_can_import_without_retyping_the_zone(qtbot, page, ctx, person, modals, export):
    ctx.settings.time_zone = "Etc/UTC"  # what a computer set to UTC reports
    dialog = open_dialog(page, modals, export)
    assert dialog.zone_box.currentText() == "Etc/UTC"
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    assert dialog.import_button.isEnabled(), dialog.problem_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "3 new entries are in" in dialog.result_label.text()
    first = journal.recent_entries(ctx.vault, person.id)[0]
    assert first.occurred_at.hour == 21 and first.occurred_at.minute == 23  # 9:23 PM read as UTC


def test_the_import_is_one_write_that_says_what_changed(qtbot, page, ctx, modals, export):
    """Pages refresh from ops.changed: the import says it changed the journal and the people."""
    dialog = open_dialog(page, modals, export)
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    seen = []
    ctx.ops.changed.connect(seen.append)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [c.concepts for c in seen] == [frozenset({JOURNAL, PEOPLE})] and seen[0].source is dialog


def test_a_locked_vault_imports_nothing_and_says_so(qtbot, page, ctx, person, modals, export):
    dialog = open_dialog(page, modals, export)
    choose_level(qtbot, dialog.level_boxes["Solid"], 4)
    ctx.vault.close()
    modals.expect()  # "The vault is locked…"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "locked" in modals.seen[-1].text and dialog.pages.currentIndex() == 0
    assert dialog.import_button.isEnabled()  # the form is usable again
