"""While the passphrase is typed, the app builds the page the unlock will show (with no data), so
the unlock only reads: the page built early reads once, at unlock, and nothing else is built."""

from __future__ import annotations

from caregiver_app.gui.app import StartFlow
from caregiver_app.services import journal


def test_the_journal_is_built_while_locked_and_reads_once_at_unlock(qtbot, ctx, vault, person, modals):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    journal.save_entry(vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                 note="steady day", zone_name=ctx.zone_name))
    vault.close()
    ctx.vault = None  # a fresh start: the window comes up on the unlock screen
    flow = StartFlow(ctx, on_quit=lambda: None)
    flow.start()
    window = flow.window
    qtbot.addWidget(window)
    assert window.is_locked
    assert not any(entry.built for entry in window.registry.values())

    flow.prepare_unlock()  # what the app does once the warm-up imports are done
    assert {name for name, entry in window.registry.items() if entry.built} == {"journal"}
    page = window.registry["journal"].widget
    assert page.model.rowCount() == 0  # built with nothing read
    assert not page.history.undo_action.isEnabled()  # Edit ▸ Undo stays off while locked
    assert window.unlock_screen.isVisible()

    calls: list[str] = []
    original = page.load
    page.load = lambda who: (calls.append(who.display_name), original(who))
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0)
    assert calls == [person.display_name]  # one read, at unlock
    assert page is window.registry["journal"].widget and page.isVisible()
    assert {name for name, entry in window.registry.items() if entry.built} == {"journal"}

    flow.prepare_unlock()  # unlocked: nothing more to build
    assert {name for name, entry in window.registry.items() if entry.built} == {"journal"}
    window.context.vault.close()
