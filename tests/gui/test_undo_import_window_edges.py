"""Undoing an import in the real window, at its edges: real widgets and a real
vault; only modal dialogs are answered."""

from __future__ import annotations

from dataclasses import replace

from test_import_undo import import_with_solid, page, undo_answering, undo_in_imports_made  # noqa: F401 (page is a fixture)

from caregiver_app.gui.common.trust_widgets import when_text
from caregiver_app.gui.vault.backups_dialog import BackupsDialog
from caregiver_app.services import import_batches, journal
from support import NOW


def test_imports_made_tells_the_time_in_the_zone_chosen_in_the_settings(qtbot, page, ctx, person, modals):
    ctx.settings.time_zone = "Asia/Tokyo"  # the computer runs in New York: 15:00 UTC is midnight in Tokyo
    import_with_solid(qtbot, page, modals).close()
    made = undo_in_imports_made(qtbot, ctx, modals, "Remove all 3")
    assert import_batches.list_imports(ctx.vault)[0].undone_at == NOW

    tokyo = when_text(NOW, "Asia/Tokyo")  # "Tuesday 1 December 2026, 12:00 AM"
    assert made.table.item(0, 0).text() == tokyo
    assert made.table.item(0, 4).text() == f"Undone {tokyo}"
    backups = BackupsDialog(ctx)  # the backups made then say the same day and time
    qtbot.addWidget(backups)
    backups.refresh()
    assert backups.tree.topLevelItem(0).text(0) == tokyo


def test_undoing_an_import_forgets_the_journal_undo_history(qtbot, page, ctx, person, modals):
    """Edit ▸ Undo names entries by their numbers. Once an import is undone, the database gives
    its entries' numbers to the next entries (the same file imported again with another mood
    level): Ctrl+Z of an earlier change must not write an old entry over the new one."""
    dialog = import_with_solid(qtbot, page, modals)
    [edited] = [e for e in journal.recent_entries(ctx.vault, person.id) if e.note == "Dinner with friends"]
    after = journal.set_to(ctx.vault, replace(edited, note="Dinner with friends, and a long talk"))
    page.history.record_changed(edited, after)  # as the editor's Save records it
    assert page.history.can_undo()

    undo_answering(qtbot, modals, dialog.undo_button, "Remove all 3")

    assert not page.history.can_undo()


def test_the_backups_window_says_copies_are_made_before_imports_and_undos(qtbot, ctx):
    from PySide6.QtWidgets import QLabel

    window = BackupsDialog(ctx)
    qtbot.addWidget(window)
    words = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "one before every app update, every import, every undo of an import and every restore" in words


def test_a_change_being_written_to_an_entry_the_undo_removed_stays_as_a_new_entry(qtbot, page, ctx, person, modals):
    dialog = import_with_solid(qtbot, page, modals)
    [entry] = [e for e in journal.recent_entries(ctx.vault, person.id) if e.note == "Dinner with friends"]
    page.editor.load_entry(entry)
    qtbot.keyClicks(page.editor.note, "A long talk. ")  # being written when the import is undone
    typed = page.editor.note.toPlainText()

    undo_answering(qtbot, modals, dialog.undo_button, "Remove all 3")

    # the words stay in the form, now for a new entry (Save saves them), not for a removed one
    assert page.editor.editing_entry is None
    assert page.editor.note.toPlainText() == typed and "A long talk" in typed
