"""Attack on the lazy start (issue 16): the unlock screen with odd key files, from its first frame."""

from __future__ import annotations

import os

import pytest
from support import PASSPHRASE, shown_window, start_flow, type_and_unlock

from caregiver_app.services.vault_open import create_vault


def test_a_key_file_of_brackets_nested_deep_is_damaged_not_a_crash(qtbot, context, memory_keyring):
    # A damaged key file can hold anything, brackets nested thousands deep too (JSON's parser
    # then raises RecursionError, not ValueError). The unlock screen reads it before its first
    # frame (is the vault remembered?) and must come up; the unlock says the file is damaged.
    created = create_vault(context.paths, PASSPHRASE, remember=True)
    created.vault.close()
    prev = context.paths.keyfile.with_name(context.paths.keyfile.name + ".prev")
    prev.unlink(missing_ok=True)
    context.paths.keyfile.write_bytes(b"[" * 60000)

    flow = start_flow(qtbot, context)

    window = flow.window
    assert window.is_locked
    assert not window.unlock_screen.ui.keyringButton.isVisibleTo(window.unlock_screen)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.unlock_screen.busy)
    assert window.is_locked
    shown = window.unlock_screen.status_text() + window.unlock_screen.note_text()
    assert "damaged" in shown, shown
    assert "unexpected" not in shown.lower()


def _plan_path(context):
    from caregiver_app.services.vault_swap import PLAN

    return context.paths.folder / PLAN


def _vault_with_sam(context, *, remember: bool = False) -> None:
    from caregiver_app.services.people import add_person

    created = create_vault(context.paths, PASSPHRASE, remember=remember)
    add_person(created.vault, "Sam Rivera")
    created.vault.close()


def _opens_with_passphrase(qtbot, flow) -> None:
    window = flow.window
    assert window.is_locked and window.unlock_screen.status_text() == ""
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked, window.unlock_screen.status_text()
    assert window.person_combo.currentText() == "Sam Rivera"


@pytest.mark.timeout(30)
def test_a_pipe_in_place_of_the_swap_plan_does_not_freeze_the_start(qtbot, context):
    # A half-finished swap is looked at before the first frame (is the vault remembered?). A pipe
    # where its plan should be made the start wait forever for someone to write into it (the key
    # file's own reader refuses pipes for that reason).
    _vault_with_sam(context)
    os.mkfifo(_plan_path(context))

    flow = start_flow(qtbot, context)

    _opens_with_passphrase(qtbot, flow)


def test_a_swap_plan_of_brackets_nested_deep_does_not_crash_the_start(qtbot, context):
    _vault_with_sam(context)
    _plan_path(context).write_bytes(b"[" * 60000)

    flow = start_flow(qtbot, context)

    _opens_with_passphrase(qtbot, flow)


@pytest.mark.timeout(30)
def test_a_pipe_in_place_of_the_settings_file_does_not_freeze_the_start(tmp_path):
    # The settings are read before any window; a pipe there made the app wait forever.
    from caregiver_app import settings as app_settings

    folder = tmp_path / "data"
    folder.mkdir()
    path, _legacy = app_settings.location(folder, tmp_path / "usual")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)

    settings, notice, _path = app_settings.load_for_folder(folder, tmp_path / "usual")

    assert settings == app_settings.Settings() and notice == app_settings.DAMAGED_NOTICE


def test_lock_takes_the_safety_plan_out_of_get_help_now_at_once(qtbot, context, vault, person, monkeypatch):
    # Lock hides everything at once, but waits for running jobs (a long import) before it closes
    # the vault. Get help now is a window of its own: it kept the person's name and safety plan
    # on screen for all that wait.
    from caregiver_app.gui.common.ops import Ops
    from support import hold_a_read

    monkeypatch.setattr(Ops, "synchronous", False)
    window = shown_window(qtbot, context, vault)
    window.get_help.show()
    help_window = window.get_help.window
    qtbot.waitUntil(lambda: "Sam Rivera" in help_window.plan_heading.text(), timeout=10000)
    gate, _started = hold_a_read(context.ops, window)

    window.lock()

    try:
        assert context.vault is not None  # still waiting for the job
        assert "Sam Rivera" not in help_window.plan_heading.text()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    assert "Sam Rivera" not in help_window.plan_heading.text()
