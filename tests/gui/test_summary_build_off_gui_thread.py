"""Issue 16: after a change, the visit summary page builds its new PDF (about a second for a long
journal) on a worker thread through ``Ops.read``: the window keeps answering while it is made,
and the preview shows the new PDF when it is done. Real page, real vault, real threads, the real
builder (held until the GUI thread has shown it is still free)."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QTimer

from caregiver_app.gui.common.ops import JOURNAL, Ops
from caregiver_app.gui.visits.summary_page import SummaryPage
from caregiver_app.services import journal
from caregiver_app.services import summary as summary_service
from support import NOW


@pytest.fixture
def page(make_page, ctx, person):
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, datetime(2026, 11, 28, 9, 0), note="Slept well"),
                       clock=lambda: NOW)
    return make_page(SummaryPage, show_first=True)


def test_a_change_rebuilds_on_a_worker_thread_and_the_preview_updates_when_done(qtbot, page, ctx, person,
                                                                                 monkeypatch):
    first = page.pdf_bytes()
    assert first is not None and "1 journal entry" in page.preview_label.text()
    monkeypatch.setattr(Ops, "synchronous", False)
    gui_thread = threading.get_ident()
    built_on: list[int] = []
    gui_answered = threading.Event()
    real = summary_service.summary_pdf_bytes

    def held(*args, **kwargs):
        built_on.append(threading.get_ident())
        # On the GUI thread this wait could never end early: the timer below would not tick.
        gui_answered.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(summary_service, "summary_pdf_bytes", held)
    draft = journal.EntryDraft(person.id, datetime(2026, 11, 29, 20, 0), note="Quiet evening")
    ctx.ops.write(page, lambda vault: journal.save_entry(vault, draft, clock=lambda: NOW), changes={JOURNAL},
                  person_id=person.id)
    qtbot.waitUntil(lambda: bool(built_on), timeout=10_000)
    assert not page.save_button.isEnabled()  # the old preview is not offered as the new one
    assert page.progress_panel.isVisible()
    ticks: list[int] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: (ticks.append(1), gui_answered.set()))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5000)  # the window answers while the PDF is made
    qtbot.waitUntil(lambda: page.pdf_bytes() is not first, timeout=20_000)
    timer.stop()
    assert built_on == [built_on[0]] and built_on[0] != gui_thread
    assert "2 journal entries" in page.preview_label.text()
    assert page.preview.page_count() >= 1 and page.save_button.isEnabled()
    assert not page.progress_panel.isVisible()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5000)
