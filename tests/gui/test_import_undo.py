"""Imports in the real window (issue 18 defect 10): the mapping offered again for the same app, the
result summary (backup, person, days, skipped lines, Undo), a refused import when the backup cannot
be written, File ▸ Imports made… with undo (changed entries named), and screenshots at 1024x700."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from import_fixtures import choose_level
from import_fixtures import open_import_dialog as open_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from caregiver_app.gui.journal.import_dialog import ImportDialog
from caregiver_app.gui.journal.imports_made import ImportsMadeDialog
from caregiver_app.gui.journal.imports_made_action import ImportsMade
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import import_batches, journal

SHOTS = os.environ.get("CAREGIVER_SHOTS", "")  # a folder: the tests also save screenshots there
CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
    '2026-11-27,Nov 27,Friday,10:09 PM,Solid,reading,"","Quiet evening"\n'
    '2026-02-30,Feb 30,Monday,9:00 PM,rad,walk,"","Not a real day"\n'
)


@pytest.fixture
def page(make_page, tmp_path):
    """The journal page, with a Daylio export (one bad line) saved as ``page.export_path``."""
    built = make_page(JournalPage, shown=False)
    built.export_path = tmp_path / "daylio_export.csv"
    built.export_path.write_text(CSV, encoding="utf-8")
    return built


def import_with_solid(qtbot, page, modals, path=None, level: int | None = 4) -> ImportDialog:
    dialog = open_dialog(page, modals, path or page.export_path)
    if level is not None:
        choose_level(qtbot, dialog.level_boxes["Solid"], level)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog


def undo_answering(qtbot, modals, button, label: str, shot_name: str = "") -> dict[str, str]:
    """Press ``button`` (Undo this import…) and answer the confirmation with the button reading
    ``label``; returns the confirmation's ``text`` and ``more`` (its informative text)."""
    seen: dict[str, str] = {}

    def handler(box: QMessageBox):
        seen["text"], seen["more"] = box.text(), box.informativeText()
        if shot_name:
            box.adjustSize()
            shot(box, shot_name)
        next(b for b in box.buttons() if b.text() == label).click()

    modals.expect(handler=handler)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return seen


def undo_in_imports_made(qtbot, ctx, modals, label: str) -> ImportsMadeDialog:
    """File ▸ Imports made… opened over ``ctx``'s vault, its first import undone with the
    confirmation's button reading ``label``; returns the dialog."""
    dialog = ImportsMadeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    undo_answering(qtbot, modals, dialog.undo_button, label)
    return dialog


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"imports-{name}.png"))


def test_the_mapping_is_offered_again_for_the_next_daylio_file(qtbot, page, ctx, person, modals):
    first = import_with_solid(qtbot, page, modals, level=2)
    qtbot.mouseClick(first.close_button, Qt.MouseButton.LeftButton)
    again = open_dialog(page, modals, page.export_path)
    assert again.level_boxes["Solid"].currentData() == 2  # remembered in the vault, shown again
    again.resize(1024, 700)
    shot(again, "daylio-mapping-again")
    assert again.level_boxes["rad"].currentData() == 5
    assert again.import_button.isEnabled()
    choose_level(qtbot, again.level_boxes["Solid"], 3)  # and still the user's to change
    assert again.mood_map()["Solid"] == 3


def test_the_summary_names_the_backup_the_person_the_days_and_skipped_lines(qtbot, page, ctx, person, modals):
    dialog = import_with_solid(qtbot, page, modals)
    dialog.resize(1024, 700)
    text = dialog.result_label.text()
    assert "3 new entries are in Sam Rivera’s journal" in text
    assert "from Friday 27 November 2026 to Sunday 29 November 2026" in text
    [made] = import_batches.list_imports(ctx.vault)
    assert made.summary.backup_name in text and (ctx.vault.paths.backups / made.summary.backup_name).is_file()
    assert dialog.skipped_label.text() == "1 line of the file could not be read and was skipped:"
    assert dialog.skipped_text.toPlainText().startswith("Line 5: ")
    assert dialog.undo_button.isVisibleTo(dialog) and dialog.undo_button.isEnabled()
    assert made.file_name == "daylio_export.csv"
    shot(dialog, "summary")


def test_undo_from_the_summary_removes_the_import(qtbot, page, ctx, person, modals):
    from support import add_entry

    add_entry(ctx.vault, person, date(2026, 11, 1), note="written by hand")
    dialog = import_with_solid(qtbot, page, modals)
    answer = undo_answering(qtbot, modals, dialog.undo_button, "Remove all 3")
    assert answer["text"] == "Undo this import?"
    assert "removes the 3 entries it added to Sam Rivera’s journal" in answer["more"]
    assert "None of them were changed" in answer["more"]
    assert [e.note for e in journal.recent_entries(ctx.vault, person.id)] == ["written by hand"]
    assert dialog.result_title.text() == "Import undone"
    assert "3 entries were removed" in dialog.result_label.text()
    assert not dialog.undo_button.isVisibleTo(dialog)
    page.reload()
    assert page.model.rowCount() > 0  # the hand-written entry is still listed


def test_keeping_everything_changes_nothing(qtbot, page, ctx, person, modals):
    dialog = import_with_solid(qtbot, page, modals)
    undo_answering(qtbot, modals, dialog.undo_button, "Keep everything")
    assert journal.count_entries(ctx.vault, person.id) == 3
    assert dialog.undo_button.isEnabled()


def test_an_import_is_refused_in_plain_words_when_the_backup_cannot_be_written(qtbot, page, ctx, person, modals):
    backups_folder = ctx.vault.paths.backups
    if backups_folder.exists():
        for old in backups_folder.iterdir():
            old.unlink()
        backups_folder.rmdir()
    backups_folder.write_bytes(b"in the way")
    dialog = import_with_solid(qtbot, page, modals)
    assert dialog.pages.currentIndex() == 0  # still the form: nothing happened
    problem = dialog.problem_label.text()
    assert problem.startswith("Nothing was imported. Before every import the app makes a backup")
    assert "Your journal is as it was." in problem
    assert journal.count_entries(ctx.vault, person.id) == 0
    assert import_batches.list_imports(ctx.vault) == []


def _edit_first(ctx, person, note: str) -> None:
    from caregiver_app.domain import timeutil

    entry = journal.recent_entries(ctx.vault, person.id)[0]
    when = timeutil.utc_to_local(entry.occurred_at, timeutil.zone(entry.zone_name)).replace(tzinfo=None)
    draft = journal.EntryDraft(person.id, when, mood=entry.mood, note=note, tags=entry.tags,
                               zone_name=entry.zone_name, entry_id=entry.id)
    journal.save_entry(ctx.vault, draft)


def test_the_list_of_imports_names_changed_entries_and_can_keep_them(qtbot, page, ctx, person, modals):
    import_with_solid(qtbot, page, modals).close()
    _edit_first(ctx, person, "Dinner with friends, then a long call")
    dialog = ImportsMadeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1:] == ["Sam Rivera", "Daylio: daylio_export.csv", "3", "All still in the journal"]
    assert "1 of its entries was changed after the import" in dialog.detail_label.toPlainText()
    shot(dialog, "past-imports")
    answer = undo_answering(qtbot, modals, dialog.undo_button, "Keep the changed, remove 2", "undo-question")
    assert "1 of them was changed after the import" in answer["more"]
    assert "Sunday 29 November 2026 at" in answer["more"]
    assert [e.note for e in journal.recent_entries(ctx.vault, person.id)] == ["Dinner with friends, then a long call"]
    assert dialog.table.item(0, 4).text().startswith("Undone")
    assert not dialog.undo_button.isEnabled()
    assert "2 entries were removed. 1 changed entry stays" in dialog.status_label.text()


def test_an_empty_list_says_how_to_import(qtbot, ctx):
    dialog = ImportsMadeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.refresh()
    assert not dialog.undo_button.isEnabled()
    assert dialog.empty_label.isVisibleTo(dialog) and "Import from another app" in dialog.empty_label.text()


def test_file_menu_has_imports_made_and_it_closes_on_lock(qtbot, ctx, person):
    from caregiver_app.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    owner = window.findChild(ImportsMade)
    assert owner is not None and owner.action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    assert owner.action in file_menu.actions()
    owner.open()
    assert owner.dialog is not None and owner.dialog.isVisible()
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and not owner.action.isEnabled(), timeout=5000)
    assert owner.dialog is None


def test_many_skipped_lines_show_the_first_five_and_how_many_more(qtbot, page, ctx, person, modals, tmp_path):
    bad = "".join(f'2026-02-{30 + i % 2},Feb 30,Monday,9:00 PM,rad,walk,"","Not a day {i}"\n' for i in range(9))
    path = tmp_path / "many_bad_lines.csv"
    path.write_text(CSV + bad, encoding="utf-8")
    dialog = import_with_solid(qtbot, page, modals, path)
    dialog.resize(1024, 700)
    lines = dialog.skipped_text.toPlainText().splitlines()
    assert dialog.skipped_label.text() == "10 lines of the file could not be read and were skipped:"
    assert [line.split(":")[0] for line in lines[:5]] == ["Line 5", "Line 6", "Line 7", "Line 8", "Line 9"]
    assert lines[5] == "…and 5 more lines." and len(lines) == 6
    bar = dialog.skipped_text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=2000)  # tall enough for what it shows
    shot(dialog, "summary-many-skipped")


WORDS_CSV = "When,Feeling,Notes\n2026-03-01,good,Walk by the river\n2026-03-02,so-so,Tired\n2026-03-03,so-so,Rain\n"


def test_another_apps_columns_and_word_levels_are_offered_again(qtbot, page, ctx, person, modals, tmp_path):
    from caregiver_app.domain.model import MoodLevel
    from caregiver_app.gui.journal.import_other import OtherImportDialog

    path = tmp_path / "tracker.csv"
    path.write_text(WORDS_CSV, encoding="utf-8")
    dialog = open_dialog(page, modals, path)
    assert isinstance(dialog, OtherImportDialog)
    dialog.scale_box.setCurrentIndex(dialog.scale_box.findData("words"))
    assert dialog.word_boxes["good"].currentData() == 4  # a word every tracker uses: filled in
    assert dialog.word_boxes["so-so"].currentData() is None and not dialog.import_button.isEnabled()
    choose_level(qtbot, dialog.word_boxes["so-so"], 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "3 new entries are in" in dialog.result_label.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    again = open_dialog(page, modals, path)
    assert again.scale_box.currentData() == "words"  # the column map, remembered in the vault
    assert again.word_boxes["so-so"].currentData() == 2  # the word's level, offered again
    choose_level(qtbot, again.word_boxes["so-so"], 3)  # and still the user's to change
    path.write_text(WORDS_CSV.replace("2026-03-0", "2026-04-0"), encoding="utf-8")
    again.discard()
    newer = open_dialog(page, modals, path)
    choose_level(qtbot, newer.word_boxes["so-so"], 3)
    qtbot.mouseClick(newer.import_button, Qt.MouseButton.LeftButton)
    april = journal.entries_between(ctx.vault, person.id, date(2026, 4, 1), date(2026, 4, 30))
    assert sorted(e.mood for e in april) == [MoodLevel.OKAY, MoodLevel.OKAY, MoodLevel.GOOD]
    assert import_batches.list_imports(ctx.vault)[0].file_name == "tracker.csv"


def test_an_imported_entry_deleted_then_brought_back_with_ctrl_z_is_undone_with_its_import(qtbot, page, ctx, person,
                                                                                           modals):
    from caregiver_app.gui.journal.journal_model import ENTRY, KindRole

    import_with_solid(qtbot, page, modals).close()
    page.reload()
    row = next(i for i in range(page.model.rowCount())
               if page.model.index(i).data(KindRole) == ENTRY and "Great morning" in page.model.index(i).data())
    page.list_view.setCurrentIndex(page.model.index(row))
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete entry").click())
    page.delete_current()
    assert import_batches.list_imports(ctx.vault)[0].remaining == 2
    page.history.undo()  # Edit ▸ Undo brings it back, into its import
    [made] = import_batches.list_imports(ctx.vault)
    assert made.remaining == 3
    import_batches.undo_import(ctx.vault, made.id)
    assert journal.count_entries(ctx.vault, person.id) == 0
