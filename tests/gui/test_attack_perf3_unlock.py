"""attack-perf3: the unlock's own job reads the people and the journal's first page. After a
lock the person shown last comes back with their own entries, newest first; a wrong passphrase
first changes nothing; a vault with no people unlocks to an empty switcher."""

from __future__ import annotations

from datetime import timedelta

from caregiver_app.gui.app import StartFlow
from caregiver_app.services import journal
from caregiver_app.services.people import add_person
from support import PASSPHRASE, type_and_unlock


def _rows(page) -> list[str]:
    model = page.model
    notes = []
    for row in range(model.rowCount()):
        entry = model.entry_at(model.index(row))
        if entry is not None:
            notes.append(entry.note)
    return notes


def _start_locked(qtbot, ctx, vault):
    vault.close()
    ctx.vault = None
    flow = StartFlow(ctx, on_quit=lambda: None)
    flow.start()
    qtbot.addWidget(flow.window)
    flow.prepare_unlock()
    return flow.window


def test_the_person_shown_last_comes_back_after_a_lock_with_their_newest_entries(qtbot, ctx, vault, person, modals):
    other = add_person(vault, "Ana Lopez")
    now = journal.local_now(ctx.clock, ctx.zone_name)
    for i in range(60):
        journal.save_entry(vault, journal.EntryDraft(person.id, now - timedelta(hours=i), note=f"sam {i}",
                                                     zone_name=ctx.zone_name))
        journal.save_entry(vault, journal.EntryDraft(other.id, now - timedelta(hours=i, minutes=5), note=f"ana {i}",
                                                     zone_name=ctx.zone_name))
    window = _start_locked(qtbot, ctx, vault)
    page = window.registry["journal"].widget
    type_and_unlock(qtbot, window, "not the passphrase at all")
    qtbot.waitUntil(lambda: not window.unlock_screen.busy, timeout=20000)
    assert window.is_locked
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0, timeout=20000)
    first = window.current_person()
    index = next(i for i, p in enumerate(window._people) if p.id != first.id)
    window.person_combo.setCurrentIndex(index)
    second = window.current_person()
    qtbot.waitUntil(lambda: _rows(page)[:1] == [f"{second.display_name.split()[0].lower()} 0"], timeout=20000)
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None, timeout=20000)
    assert page.model.rowCount() == 0
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0, timeout=20000)
    assert window.current_person().id == second.id
    prefix = second.display_name.split()[0].lower()
    notes = _rows(page)
    assert notes[:3] == [f"{prefix} 0", f"{prefix} 1", f"{prefix} 2"], notes[:5]
    assert all(n.startswith(prefix) for n in notes)
    window.context.vault.close()


def test_a_vault_with_no_people_unlocks_to_an_empty_switcher(qtbot, ctx, vault, modals):
    window = _start_locked(qtbot, ctx, vault)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked and not window.unlock_screen.busy, timeout=20000)
    assert window.current_person() is None
    assert window.person_combo.count() == 0
    page = window.registry["journal"].widget
    assert not _rows(page)
    window.context.vault.close()
