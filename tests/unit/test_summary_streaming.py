"""Issue 16: the long parts of the visit summary are streamed (made as layout reaches them) and
the garbage collector rests during a build. What is printed does not change: every note once,
in order, days with numbers only after them; nothing is held back; the collector comes back."""

from __future__ import annotations

import gc
import io
import re
import threading
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader
from test_visit_summary_pdf import make_entry, make_summary

from caregiver_app.domain.summary import SummaryCancelled
from caregiver_app.reports import streaming
from caregiver_app.reports.collector import collector_paused
from caregiver_app.reports.visit_summary import build_visit_summary_pdf

START = date(2025, 1, 1)


def long_summary(days: int = 150):
    entries = []
    for offset in range(days):
        day = START + timedelta(days=offset)
        if offset % 3 == 2:  # a day with numbers only
            entries.append(make_entry(day, time(8, 0), mood=2, symptoms=(("Headache", 4),)))
        else:
            entries.append(make_entry(day, time(9, 0), note=f"Walked to the shop, note number {offset:03d}.",
                                      flagged=offset == 40))
            entries.append(make_entry(day, time(20, 30), mood=4, note=f"Evening call, note number {offset:03d}."))
    return make_summary(entries, START, START + timedelta(days=days - 1))


def text_of(data, **kwargs) -> str:
    out = io.BytesIO()
    build_visit_summary_pdf(data, out, **kwargs)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.getvalue())).pages).split())


def test_every_note_once_in_order_and_the_numbers_only_days_after_them(monkeypatch):
    made: list[int] = []
    real_take = streaming.Stream.take

    def take(self, most):
        batch = real_take(self, most)
        made.append(len(batch))
        return batch

    monkeypatch.setattr(streaming.Stream, "take", take)
    text = text_of(long_summary())
    notes = text[text.index("Days with a note or a flag, in full."):]  # after page one and the flagged entry
    last_note = 0
    for kind in ("Walked to the shop", "Evening call"):
        found = [(m.start(), int(m.group(1))) for m in re.finditer(kind + r", note number (\d{3})", notes)]
        assert [n for _at, n in found] == [n for n in range(150) if n % 3 != 2]
        last_note = max(last_note, found[-1][0])
    compact = [m.start() for m in re.finditer(r"Headache 4/10", notes)]
    assert len(compact) == 50 and min(compact) > last_note
    # Made a batch at a time as the pages were laid out, never all at once.
    assert max(made) <= streaming.BATCH and sum(made) > 2 * streaming.BATCH


def test_progress_counts_what_was_laid_out_and_cancel_stops_a_stream():
    seen: list[int] = []
    text_of(long_summary(), progress=lambda done, total: seen.append(done))
    assert seen == sorted(seen) and seen[-1] == 100 and len(set(seen)) > 20
    checks = {"n": 0}

    def cancelled() -> bool:
        checks["n"] += 1
        return checks["n"] > 100  # well inside the notes

    with pytest.raises(SummaryCancelled):
        text_of(long_summary(), cancelled=cancelled)
    assert gc.isenabled()


def test_the_collector_rests_during_a_build_and_comes_back_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():  # nested
                assert not gc.isenabled()
            assert not gc.isenabled()
            raise ZeroDivisionError
    assert gc.isenabled()


def test_two_builds_at_once_leave_the_collector_on_only_when_both_ended():
    first_in, second_done = threading.Event(), threading.Event()
    states = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_done.wait(5)
            states.append(gc.isenabled())  # the other build ended: still paused for this one

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with collector_paused():
        pass
    second_done.set()
    worker.join(5)
    assert states == [False] and gc.isenabled()


def test_a_collector_turned_off_by_someone_else_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

