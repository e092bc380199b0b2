"""Undoing an import in the real window names the backup made just before the undo (the import's
summary and File ▸ Imports made…), and when that backup cannot be made nothing is removed and a
warning says why in plain words. Real widgets and a real vault; only modal dialogs are answered."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_import_undo import import_with_solid, page, undo_answering, undo_in_imports_made  # noqa: F401 (page is a fixture)

from caregiver_app.services import backups, import_batches, journal
from caregiver_app.storage import backup as store


def _answer(label: str):
    """A handler for the undo's confirmation: press the button reading ``label``."""
    def handler(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == label).click()

    return handler


def _undo_backup(ctx) -> Path:
    [found] = [b for b in backups.list_backups(ctx.vault) if b.reason == store.PRE_UNDO]
    return found.path


def test_the_summary_names_the_backup_made_before_the_undo(qtbot, page, ctx, person, modals):
    dialog = import_with_solid(qtbot, page, modals)
    undo_answering(qtbot, modals, dialog.undo_button, "Remove all 3")
    assert journal.count_entries(ctx.vault, person.id) == 0
    name = _undo_backup(ctx).name
    text = dialog.result_label.text()
    assert "3 entries were removed" in text
    assert f"Before undoing, the vault was backed up as “{name}” (File ▸ Backups… can put it back)." in text


def test_the_list_of_imports_names_the_backup_made_before_the_undo(qtbot, page, ctx, person, modals):
    import_with_solid(qtbot, page, modals).close()
    dialog = undo_in_imports_made(qtbot, ctx, modals, "Remove all 3")
    assert journal.count_entries(ctx.vault, person.id) == 0
    assert f"the vault was backed up as “{_undo_backup(ctx).name}”" in dialog.status_label.text()


def test_a_full_disk_during_the_backup_removes_nothing_and_says_so(qtbot, page, ctx, person, modals, monkeypatch):
    dialog = import_with_solid(qtbot, page, modals)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "export_copy", full)  # the writer at the storage edge: the disk is full
    warning = {}

    def seen(box):
        warning["title"], warning["text"] = box.windowTitle(), box.text()

    modals.expect(handler=_answer("Remove all 3"))
    modals.expect(handler=seen)  # then the error
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert warning["title"] == "The import was not undone"
    assert warning["text"] == "The disk is full, so a backup copy of the vault could not be made. Nothing was changed."
    assert journal.count_entries(ctx.vault, person.id) == 3
    assert import_batches.list_imports(ctx.vault)[0].can_undo
    assert dialog.undo_button.isEnabled() and dialog.result_title.text() == "Import finished"


def test_the_backups_window_lists_it_in_plain_words(qtbot, page, ctx, person, modals):
    from caregiver_app.gui.vault.backups_dialog import BackupsDialog

    dialog = import_with_solid(qtbot, page, modals)
    undo_answering(qtbot, modals, dialog.undo_button, "Remove all 3")
    window = BackupsDialog(ctx)
    qtbot.addWidget(window)
    window.refresh()
    kinds = [window.tree.topLevelItem(i).text(1) for i in range(window.tree.topLevelItemCount())]
    assert "Before undoing an import" in kinds and "Before an import" in kinds
    [row] = [window.tree.topLevelItem(i) for i in range(len(kinds)) if kinds[i] == "Before undoing an import"]
    assert row.text(2) == "3 entries"  # the journal just before the undo
