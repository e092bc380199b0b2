"""attack-perf3: the visit summary preview's early PDF child, killed for real (kill -9) while the
vault is read or while it builds: the words say what happened, nothing is left running, and
Update the preview then makes the preview."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from caregiver_app.gui.visits import summary_page
from caregiver_app.services import pdf_child, summary
from support import add_entries, shown_window


def our_children() -> set[int]:
    me, found = os.getpid(), set()
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                found.add(int(name))
    return found


@pytest.fixture
def real_child(monkeypatch):
    monkeypatch.setattr(pdf_child, "SEPARATE_PROCESS", True)
    before = our_children()
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (our_children() - before) <= resource_trackers():
        time.sleep(0.05)


def resource_trackers() -> set[int]:
    found = set()
    for pid in our_children():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"resource_tracker" in f.read():
                    found.add(pid)
        except OSError:
            pass
    return found


def long_range(page) -> None:
    page.custom_button.setChecked(True)
    page.start_edit.setDate(page.end_edit.date().addDays(-(summary_page.AHEAD_AFTER_DAYS + 30)))


def test_the_early_child_killed_while_the_vault_is_read(qtbot, context, vault, person, monkeypatch, modals,
                                                        real_child):
    add_entries(vault, person.id, 40)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=30000)
    before = our_children()
    real_read, killed = summary.build_summary, []

    def read_after_a_kill(*args, **kwargs):
        child = pdf_child._ahead.child
        if child is not None and not killed:
            os.kill(child.process.pid, signal.SIGKILL)
            child.process.join(5)
            killed.append(child.process.pid)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(summary, "build_summary", read_after_a_kill)
    modals.expect()
    long_range(page)
    qtbot.waitUntil(lambda: bool(modals.seen), timeout=30000)
    assert killed
    assert "Update the preview" in modals.seen[-1].text, modals.seen[-1].text
    assert our_children() - before <= resource_trackers()
    page.update_button.click()
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and not page.progress_panel.isVisible(), timeout=30000)
    assert our_children() - before <= resource_trackers()


def test_the_child_killed_while_it_builds(qtbot, context, vault, person, monkeypatch, modals, real_child):
    add_entries(vault, person.id, 40)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None, timeout=30000)
    before = our_children() | resource_trackers()
    stop = threading.Event()

    def killer():
        while not stop.is_set():
            for pid in our_children() - before:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
                stop.set()
            time.sleep(0.01)

    watcher = threading.Thread(target=killer)
    modals.expect()
    watcher.start()
    try:
        long_range(page)
        qtbot.waitUntil(lambda: bool(modals.seen), timeout=30000)
    finally:
        stop.set()
        watcher.join()
    assert "Update the preview" in modals.seen[-1].text, modals.seen[-1].text
    assert our_children() - before <= resource_trackers()


def _summary_shown(qtbot, context, vault, person):
    """``(window, page, children before)``: the visit summary page of a 40-entry journal, its
    first preview built and shown."""
    add_entries(vault, person.id, 40)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and not page.progress_panel.isVisible(), timeout=30000)
    return window, page, our_children() | resource_trackers()


@pytest.fixture
def threaded(monkeypatch):
    from caregiver_app.gui.common.ops import Ops

    monkeypatch.setattr(Ops, "synchronous", False)


def test_a_lock_while_the_early_child_waits_for_the_read(threaded, qtbot, context, vault, person, monkeypatch, modals,
                                                         real_child):
    from support import hold

    window, page, before = _summary_shown(qtbot, context, vault, person)
    gate, started = hold(monkeypatch, summary, "build_summary")
    long_range(page)
    assert started.wait(20)
    qtbot.waitUntil(lambda: bool(our_children() - before), timeout=10000)  # the early child runs
    window.lock()
    gate.set()
    qtbot.waitUntil(lambda: window.is_locked and context.vault is None, timeout=30000)
    assert not modals.seen
    assert page.pdf_bytes() is None
    qtbot.waitUntil(lambda: not (our_children() - before), timeout=10000)


def test_fast_range_changes_end_with_the_last_range_and_no_child(threaded, qtbot, context, vault, person, modals,
                                                                 real_child):
    window, page, before = _summary_shown(qtbot, context, vault, person)
    page.custom_button.setChecked(True)
    for days in (400, 95, 200, 30, 1000, 120):
        page.start_edit.setDate(page.end_edit.date().addDays(-days))
        qtbot.wait(30)
    qtbot.waitUntil(lambda: page.pdf_bytes() is not None and not page.progress_panel.isVisible()
                    and page._pdf_key == page._key(), timeout=60000)
    assert not modals.seen
    qtbot.waitUntil(lambda: not (our_children() - before), timeout=10000)


def test_closing_the_window_during_a_build_leaves_no_child(threaded, qtbot, context, vault, person, monkeypatch, modals,
                                                          real_child):
    window, page, before = _summary_shown(qtbot, context, vault, person)
    closed = []
    window.closed.connect(lambda: closed.append(True))
    long_range(page)
    qtbot.waitUntil(lambda: bool(our_children() - before), timeout=10000)  # a child runs
    window.close()
    qtbot.waitUntil(lambda: bool(closed), timeout=30000)
    assert context.vault is None
    assert not modals.seen
    qtbot.waitUntil(lambda: not (our_children() - before), timeout=10000)
