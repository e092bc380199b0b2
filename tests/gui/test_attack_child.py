"""Attacks on the visit summary page built in a child process (branch attack-child): a child
that dies (kill -9, out of memory) while Save or Print waits for its preview. Real encrypted
vault, real window, threaded jobs; waits on gates and conditions, never on the clock."""

from __future__ import annotations

import threading

import pytest

from caregiver_app.gui.common.ops import Ops
from caregiver_app.services import pdf_child
from support import add_entries, shown_window


@pytest.fixture
def threaded(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)


def test_save_pressed_while_a_child_dies_does_not_open_later_by_itself(threaded, qtbot, context, vault, person,
                                                                       monkeypatch, modals):
    """Save pressed while the preview was being made waits for it; the child then died (the
    preview could not be made). A later preview, made because a date changed, must not open the
    Save dialog by itself minutes after the person pressed Save."""
    add_entries(vault, person.id, 5)
    real = pdf_child.summary_pdf_bytes
    gate, started, calls = threading.Event(), threading.Event(), []

    def first_dies(data, **options):
        calls.append(1)
        if len(calls) == 1:
            started.set()
            gate.wait(20)
            raise pdf_child.PdfChildFailed("stopped")  # as a child killed with kill -9
        return real(data, **options)

    monkeypatch.setattr(pdf_child, "summary_pdf_bytes", first_dies)
    window = shown_window(qtbot, context, vault)
    page = window.go("summary")
    assert started.wait(10)
    page.save_pdf()  # waits for the preview being made
    modals.expect()  # "The preview could not be made"
    gate.set()
    qtbot.waitUntil(lambda: page._building is None and not modals.pending, timeout=10000)
    page.custom_button.setChecked(True)
    page.start_edit.setDate(page.start_edit.date().addDays(-1))
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=20000)  # the new preview is there
    qtbot.wait(50)  # a Save left waiting would open now (a queued call): the recorder would fail the test
    assert page.pdf_bytes() is not None
