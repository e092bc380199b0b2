"""Issue 16 (unlock to the journal shown): the journal page reads its list first and the chart
only once the list's first page is in, so at unlock the two reads do not share the disk and the
cores. Real page, real vault, real worker threads; the list read is held to see the order."""

from __future__ import annotations

import threading

import pytest

from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.services import journal


@pytest.fixture
def page(make_page, ctx, person):
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                     note="steady day", zone_name=ctx.zone_name))
    return make_page(JournalPage, (900, 700), person=None)


def held_list(monkeypatch, release: threading.Event, fail: bool = False) -> list[str]:
    order: list[str] = []
    real_page, real_series = journal.page_older, journal.daily_series

    def page_older(*args, **kwargs):
        order.append("list asked")
        release.wait(10)
        if fail:
            raise OSError("disk gone")
        return real_page(*args, **kwargs)

    def daily_series(*args, **kwargs):
        order.append("chart read")
        return real_series(*args, **kwargs)

    monkeypatch.setattr(journal, "page_older", page_older)
    monkeypatch.setattr(journal, "daily_series", daily_series)
    return order


def test_the_chart_is_read_after_the_list_is_in(qtbot, page, person, monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)
    release = threading.Event()
    order = held_list(monkeypatch, release)
    page.set_person(person)
    qtbot.waitUntil(lambda: order == ["list asked"])
    qtbot.wait(200)  # a worker is free: an early chart read would have started by now
    assert order == ["list asked"]
    release.set()
    qtbot.waitUntil(lambda: order == ["list asked", "chart read"] and page.model.rowCount() > 0)
    qtbot.waitUntil(lambda: not page.context.ops.busy)


def test_the_chart_is_still_read_when_the_list_cannot_be(qtbot, page, person, monkeypatch, modals):
    monkeypatch.setattr(Ops, "synchronous", False)
    release = threading.Event()
    order = held_list(monkeypatch, release, fail=True)
    modals.expect()  # the calm "could not be read" message
    page.set_person(person)
    qtbot.waitUntil(lambda: order == ["list asked"])
    release.set()
    qtbot.waitUntil(lambda: order == ["list asked", "chart read"])
    qtbot.waitUntil(lambda: not page.context.ops.busy)
    assert page.model.rowCount() == 0
    assert [seen.title for seen in modals.seen] == ["The journal could not be read"]
