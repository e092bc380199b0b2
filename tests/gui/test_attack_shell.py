"""Attack-shell findings (the main window after lazy pages, a11y and layout): each test failed
before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from support import PASSPHRASE

from caregiver_app.gui.app import create_main_window


def _unlock(qtbot, window) -> None:
    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_restoring_a_draft_after_a_lock_on_another_page_shows_it_in_the_journal(qtbot, ctx, person, modals,
                                                                             make_page):
    """Locked while on Scores with words typed in the journal: after unlock, Restore filled
    nothing and the window stayed on Scores; the words came only once the user went to Journal."""
    window = make_page(create_main_window, person=None, active=True)
    editor = window.go("journal").editor
    qtbot.keyClicks(editor.note, "Typed before going to Scores")
    window.go("scores")
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None)
    modals.expect(handler=lambda dialog: dialog.restore_button.click())
    _unlock(qtbot, window)
    assert not window.is_locked
    assert window.page_stack.current().name == "journal"
    assert editor.note.toPlainText() == "Typed before going to Scores"
