"""Trust defects left open by the testers (task trustfix), in the window: a lock file that
something else is in the way of, and a lock asked for while the unlock runs."""

from __future__ import annotations

from support import PASSPHRASE, start_flow, type_and_unlock

from caregiver_app.services.vault_open import create_vault


def test_a_folder_named_vault_lock_with_a_swap_to_finish_starts_and_tells_the_person(qtbot, context, memory_keyring):
    # Before its first frame the unlock screen asks whether the vault is remembered; a swap to
    # finish takes the vault lock there, and a folder where the lock file goes crashed the start.
    from caregiver_app.services.vault_swap import PLAN

    create_vault(context.paths, PASSPHRASE, remember=True).vault.close()
    (context.paths.folder / PLAN).write_text("{}")
    context.paths.lock.unlink(missing_ok=True)
    context.paths.lock.mkdir()

    flow = start_flow(qtbot, context)

    window = flow.window
    assert window.is_locked
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.unlock_screen.busy)
    assert window.is_locked
    shown = window.unlock_screen.status_text() + window.unlock_screen.note_text()
    assert "vault.lock" in shown and "in the way" in shown, shown
    assert "Something went wrong" not in shown


def test_a_missing_journal_file_is_told_as_missing_with_no_damaged_file_to_keep(qtbot, context, modals):
    create_vault(context.paths, PASSPHRASE).vault.close()
    context.paths.db.unlink()
    seen = []
    modals.expect(handler=lambda box: seen.append(box.text() + "\n" + box.informativeText()))

    flow = start_flow(qtbot, context)
    window = flow.window
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.unlock_screen.busy and bool(seen))

    assert window.is_locked
    assert "vault.db" in seen[0] and "missing" in seen[0] and "no backup to put back" in seen[0], seen
    assert "damaged" not in seen[0] + window.unlock_screen.status_text()
    assert not context.paths.db.exists()


def test_a_lock_asked_while_the_unlock_runs_wins(qtbot, context, monkeypatch):
    # Ctrl+L is off while the unlock runs, but the tray's Lock (and a reminder's) is not: it was
    # ignored (the window counts as locked already) and the vault opened.
    from support import hold

    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.gui.reminders.controller import ReminderController
    from caregiver_app.services import vault_open
    from caregiver_app.services.people import add_person
    from caregiver_app.storage.lock import is_locked

    created = create_vault(context.paths, PASSPHRASE)
    add_person(created.vault, "Sam Rivera")
    created.vault.close()
    monkeypatch.setattr(Ops, "synchronous", False)
    flow = start_flow(qtbot, context)
    window = flow.window
    unlocked = []
    window.vault_unlocked.connect(lambda: unlocked.append(True))
    gate, started = hold(monkeypatch, vault_open, "unlock_with_passphrase")

    type_and_unlock(qtbot, window, PASSPHRASE)
    assert started.wait(10)
    ReminderController._lock(type("Tray", (), {"window": window})())  # the tray's Lock
    gate.set()
    qtbot.waitUntil(lambda: not window.unlock_screen.busy, timeout=10000)

    assert window.is_locked and not unlocked
    assert context.vault is None
    assert window.person_combo.count() == 0
    assert not is_locked(context.paths.folder)  # the vault was closed again, its lock given back

    monkeypatch.undo()  # a later unlock opens as usual
    monkeypatch.setattr(Ops, "synchronous", False)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10000)
    qtbot.waitUntil(lambda: window.current_person() is not None, timeout=10000)
