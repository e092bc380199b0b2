"""A lock asked for (the tray, a reminder) while the window offers a backup for a damaged vault
(task attack-trust2). The unlock has already read the key: the offer holds it, and shows the
people and their entry counts. The lock must win, as it does while the unlock itself runs: the
offer goes away, and a restore already under way never opens the vault into the window."""

from __future__ import annotations

from datetime import timedelta

from support import NOW, PASSPHRASE, add_entries, flip_byte, start_flow, type_and_unlock

from caregiver_app.gui.reminders.controller import ReminderController
from caregiver_app.services import backups, people, vault_open
from caregiver_app.storage.lock import is_locked


def _damaged_vault_with_a_backup(paths):
    created = vault_open.create_vault(paths, PASSPHRASE)
    sam = people.add_person(created.vault, "Sam Rivera")
    add_entries(created.vault, sam.id, 4)
    backups.daily_backup_if_due(created.vault, clock=lambda: NOW - timedelta(days=1))
    created.vault.close()
    flip_byte(paths.db, paths.db.stat().st_size // 2)


def _tray_lock(window):
    ReminderController._lock(type("Tray", (), {"window": window})())


def _click(box, text):
    (button,) = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_a_lock_while_the_backup_offer_is_open_closes_the_offer(qtbot, context, modals):
    _damaged_vault_with_a_backup(context.paths)
    flow = start_flow(qtbot, context)
    window = flow.window
    unlocked = []
    window.vault_unlocked.connect(lambda: unlocked.append(True))
    seen = {}

    def lock_then_look(box):
        seen["shown"] = box.informativeText()
        closed = []
        box.finished.connect(closed.append)
        _tray_lock(window)  # the person steps away and locks from the tray
        seen["closed"] = bool(closed)
        if not closed:  # still on the screen: someone else comes by and presses the button
            _click(box, "Restore this backup")

    modals.expect(handler=lock_then_look)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: "shown" in seen and not window.unlock_screen.busy, timeout=10000)

    assert "Sam Rivera" in seen["shown"]  # the offer was the one with the people in it
    assert seen["closed"]
    assert window.is_locked and not unlocked and context.vault is None
    assert not is_locked(context.paths.folder)
    assert not context.paths.damaged.exists()  # declined: nothing was moved


def test_a_restore_under_way_when_the_lock_comes_does_not_open_the_window(qtbot, context, modals, monkeypatch):
    _damaged_vault_with_a_backup(context.paths)
    flow = start_flow(qtbot, context)
    window = flow.window
    unlocked = []
    window.vault_unlocked.connect(lambda: unlocked.append(True))
    from caregiver_app.services import vault_repair

    original = vault_repair.DamageRecovery.restore

    def restore_then_lock(self, path):
        opened = original(self, path)
        _tray_lock(window)  # the lock comes while the restore runs (it cannot stop midway)
        return opened

    monkeypatch.setattr(vault_repair.DamageRecovery, "restore", restore_then_lock)
    modals.expect(handler=lambda box: _click(box, "Restore this backup"))
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.unlock_screen.busy and not modals.pending, timeout=10000)

    assert window.is_locked and not unlocked and context.vault is None
    assert not is_locked(context.paths.folder)  # the restored vault was closed again
    assert len(list(context.paths.damaged.glob("vault-*.db"))) == 1  # the restore itself was done
