"""At unlock, the people read also reads the first page of the journal on screen for the person it
will show: the list is shown from that one job instead of waiting for the people and then reading
on its own, and the page's other reads wait until that list is painted (issue 16). That read is
made by the unlock's own job, once the vault is open and checked (no job of its own). A later
reload still reads."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from caregiver_app.gui.app import StartFlow
from caregiver_app.gui.common.ops import JOURNAL, Ops
from caregiver_app.services import journal


def _locked_window_with_an_entry(qtbot, ctx, vault, person, note: str = "steady day"):
    journal.save_entry(vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                 note=note, zone_name=ctx.zone_name))
    vault.close()
    ctx.vault = None  # a fresh start: the window comes up on the unlock screen
    flow = StartFlow(ctx, on_quit=lambda: None)
    flow.start()
    qtbot.addWidget(flow.window)
    return flow, flow.window


def _count_reads(monkeypatch, ctx) -> list[str]:
    keys: list[str] = []
    original = ctx.ops.read

    def read(parent, job, **options):
        keys.append(options.get("key") or "")
        return original(parent, job, **options)

    monkeypatch.setattr(ctx.ops, "read", read)
    return keys


def test_the_journal_list_comes_with_the_people_read_at_unlock(qtbot, ctx, vault, person, modals, monkeypatch):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    flow.prepare_unlock()
    page = window.registry["journal"].widget
    keys = _count_reads(monkeypatch, ctx)

    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0)
    assert "people" not in keys  # read by the unlock's own job
    assert not [key for key in keys if key.startswith("journal-list")]  # the list read nothing itself
    assert page.model.entry_at(page.model.index(1)).note == "steady day"  # row 0: the day's heading

    keys.clear()
    page.reload()  # after unlock, a reload reads as always
    assert [key for key in keys if key.startswith("journal-list")]
    window.context.vault.close()


def test_a_journal_write_during_the_people_read_makes_the_list_read_afresh(qtbot, ctx, vault, person, modals,
                                                                          monkeypatch):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    flow.prepare_unlock()
    page = window.registry["journal"].widget
    keys = _count_reads(monkeypatch, ctx)
    versions = iter([0, 1])  # the journal's version when the read starts, then when it is in
    monkeypatch.setattr(ctx.ops, "version", lambda concepts: next(versions) if JOURNAL in concepts else 0)

    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0)
    assert [key for key in keys if key.startswith("journal-list")]  # read again: the first page may be old
    window.context.vault.close()


def test_another_page_on_screen_reads_for_itself(qtbot, ctx, vault, person, modals, monkeypatch):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    window.nav.setCurrentRow(window.registry["scores"].index)  # locked: nothing is built
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None)
    assert {name for name, entry in window.registry.items() if entry.built} == {"scores"}
    window.context.vault.close()


def _threaded_ops(monkeypatch) -> Ops:
    monkeypatch.setattr(Ops, "synchronous", False)
    return Ops(vault_source=lambda: SimpleNamespace(is_open=True))


def test_held_reads_wait_for_the_release(qtbot, monkeypatch):
    ops = _threaded_ops(monkeypatch)
    page, elsewhere = QWidget(), QWidget()
    chart = QWidget(page)
    qtbot.addWidget(page)
    qtbot.addWidget(elsewhere)
    ran: list[str] = []
    ops.hold_reads(page)
    ops.read(chart, lambda vault: ran.append("chart"), key="chart")
    ops.read(elsewhere, lambda vault: ran.append("elsewhere"))  # another widget's read is not held
    qtbot.waitUntil(lambda: ran == ["elsewhere"])
    qtbot.wait(100)
    assert ran == ["elsewhere"]  # held: the page's list is being painted
    ops.release_reads()
    qtbot.waitUntil(lambda: ran == ["elsewhere", "chart"])
    ops.read(chart, lambda vault: ran.append("banner"))  # released: reads run at once again
    qtbot.waitUntil(lambda: ran == ["elsewhere", "chart", "banner"])


def test_a_lock_while_reads_are_held_does_not_wait_for_them(qtbot, monkeypatch):
    ops = _threaded_ops(monkeypatch)
    page = QWidget()
    qtbot.addWidget(page)
    ran: list[str] = []
    ops.hold_reads(page)
    ops.read(page, lambda vault: ran.append("chart"), key="chart")
    shut: list[bool] = []
    ops.shut(lambda: shut.append(True))
    qtbot.waitUntil(lambda: shut == [True])
    assert ran == [] and not ops.busy  # cancelled before it started


def test_at_unlock_the_journals_other_reads_start_after_its_list_is_painted(qtbot, ctx, vault, person, modals,
                                                                           monkeypatch):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    flow.prepare_unlock()
    page = window.registry["journal"].widget
    held: list[str] = []
    monkeypatch.setattr(ctx.ops, "hold_reads", lambda owner: held.append("hold" if owner is page else "?"))
    monkeypatch.setattr(ctx.ops, "release_reads", lambda: held.append("release"))
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert page.model.rowCount() > 0 and held == ["hold"]  # the list is in; the rest waits for its paint
    qtbot.waitUntil(lambda: held[-1:] == ["release"], timeout=2000)
    window.context.vault.close()


def _record_order(monkeypatch) -> list[str]:
    """``check`` for each health check of the open, ``read`` for each people read."""
    from caregiver_app.gui.shell import people_read
    from caregiver_app.services import vault_open

    order: list[str] = []
    check, read = vault_open.check_file, people_read.people_and_remembered
    monkeypatch.setattr(vault_open, "check_file", lambda *a, **k: (order.append("check"), check(*a, **k))[1])
    monkeypatch.setattr(people_read, "people_and_remembered", lambda v: (order.append("read"), read(v))[1])
    return order


def test_the_unlocks_own_job_reads_only_once_the_vault_is_checked(qtbot, ctx, vault, person, modals, monkeypatch):
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    flow.prepare_unlock()
    order = _record_order(monkeypatch)
    type_and_unlock(qtbot, window, "not the passphrase at all")
    assert window.is_locked and window.unlock_screen.status_text()
    assert order == []  # a wrong passphrase: nothing checked, nothing read

    keys = _count_reads(monkeypatch, ctx)
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_person() is not None and window.registry["journal"].widget.model.rowCount() > 0)
    assert order[0] == "check" and order.count("read") == 1  # the read came after the quick_check
    assert keys.count("people") == 0
    window.context.vault.close()


def test_a_failed_read_at_unlock_still_unlocks_and_the_window_reads_again(qtbot, ctx, vault, person, modals,
                                                                         monkeypatch):
    from caregiver_app.gui.shell import people_read
    from test_setup_and_lock import PASSPHRASE, type_and_unlock

    flow, window = _locked_window_with_an_entry(qtbot, ctx, vault, person)
    flow.prepare_unlock()
    real, calls = people_read.people_and_remembered, []

    def failing_once(v):
        calls.append(v)
        if len(calls) == 1:
            raise OSError("the disk hiccupped")
        return real(v)

    monkeypatch.setattr(people_read, "people_and_remembered", failing_once)
    keys = _count_reads(monkeypatch, ctx)
    type_and_unlock(qtbot, window, PASSPHRASE)
    page = window.registry["journal"].widget
    qtbot.waitUntil(lambda: window.current_person() is not None and page.model.rowCount() > 0)
    assert not window.is_locked and len(calls) == 2 and "people" in keys  # read again, the usual way
    assert window.unlock_screen.read_done_with(window.context.vault) is None  # nothing kept after
    window.context.vault.close()
