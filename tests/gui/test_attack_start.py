"""Attack on the lazy start (issue 16): the unlock screen with odd key files, from its first frame."""

from __future__ import annotations

from support import PASSPHRASE
from PySide6.QtCore import Qt

from caregiver_app.gui.app import StartFlow
from caregiver_app.services.vault_open import create_vault


def _start(qtbot, context) -> StartFlow:
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    qtbot.addWidget(flow.window)
    return flow


def _unlock(qtbot, window, secret: str) -> None:
    field = window.unlock_screen.ui.secretEdit
    field.clear()
    qtbot.keyClicks(field, secret)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_key_file_of_brackets_nested_deep_is_damaged_not_a_crash(qtbot, context, memory_keyring):
    # A damaged key file can hold anything, brackets nested thousands deep too (JSON's parser
    # then raises RecursionError, not ValueError). The unlock screen reads it before its first
    # frame (is the vault remembered?) and must come up; the unlock says the file is damaged.
    created = create_vault(context.paths, PASSPHRASE, remember=True)
    created.vault.close()
    prev = context.paths.keyfile.with_name(context.paths.keyfile.name + ".prev")
    prev.unlink(missing_ok=True)
    context.paths.keyfile.write_bytes(b"[" * 60000)

    flow = _start(qtbot, context)

    window = flow.window
    assert window.is_locked
    assert not window.unlock_screen.ui.keyringButton.isVisibleTo(window.unlock_screen)
    _unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.unlock_screen.busy)
    assert window.is_locked
    shown = window.unlock_screen.status_text() + window.unlock_screen.note_text()
    assert "damaged" in shown, shown
    assert "unexpected" not in shown.lower()
