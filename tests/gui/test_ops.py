"""The one way to run vault work (gui/common/ops.py), on a real encrypted vault.

Most tests here switch ``Ops.synchronous`` off to exercise the real threads; they wait with
``qtbot.waitUntil`` on conditions and gates (threading.Event), never on the clock.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from caregiver_app.domain.errors import ValidationError
from caregiver_app.gui.common.ops import LOCKED, PEOPLE, SCORES, Cancelled, Change, Ops
from caregiver_app.services.people import add_person, list_people


@pytest.fixture
def threaded(monkeypatch):
    monkeypatch.setattr(Ops, "synchronous", False)


@pytest.fixture
def ops(vault, qapp):
    runner = Ops(vault_source=lambda: vault)
    yield runner
    runner.cancel_all()
    runner.wait_for_all(10000)


def test_writes_run_one_at_a_time_in_the_order_asked(threaded, ops, vault, qtbot):
    running, most, order, done = [0], [0], [], []
    guard = threading.Lock()

    def job(i):
        def write(v):
            with guard:
                running[0] += 1
                most[0] = max(most[0], running[0])
            try:
                order.append(i)
                return add_person(v, f"Person {i:02d}")
            finally:
                with guard:
                    running[0] -= 1
        return write

    for i in range(12):
        ops.write(None, job(i), changes={PEOPLE}, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 12, timeout=20000)
    assert order == list(range(12))
    assert most[0] == 1
    assert [p.display_name for p in done] == [f"Person {i:02d}" for i in range(12)]
    ids = [p.id for p in done]
    assert ids == sorted(ids)
    assert len(list_people(vault)) == 12


def test_a_newer_read_with_the_same_key_drops_the_older_answer(threaded, ops, vault, qtbot):
    gate, got = threading.Event(), []
    add_person(vault, "Ana")

    def slow(v):
        gate.wait(10)
        return "old " + list_people(v)[0].display_name

    ops.read(None, slow, key="people-list", on_done=got.append)
    ops.read(None, lambda v: "new " + list_people(v)[0].display_name, key="people-list", on_done=got.append)
    qtbot.waitUntil(lambda: got == ["new Ana"], timeout=10000)
    gate.set()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    assert got == ["new Ana"]


def test_reads_with_other_keys_both_answer(ops, vault):
    got = []
    ops.read(None, lambda v: 1, key="a", on_done=got.append)
    ops.read(None, lambda v: 2, key="b", on_done=got.append)
    assert got == [1, 2]


class _Listener(QWidget):
    """A page that refreshes itself from ``changed`` (no page-to-page wiring)."""

    def __init__(self, ops: Ops):
        super().__init__()
        self.seen: list[Change] = []
        ops.changed.connect(self.seen.append)


def test_changed_reaches_a_page_and_says_who_made_it(ops, vault):
    listener, maker = _Listener(ops), QWidget()
    ops.write(maker, lambda v: add_person(v, "Ana"), changes={PEOPLE})
    assert len(listener.seen) == 1
    change = listener.seen[0]
    assert change.source is maker
    assert change.touches(PEOPLE) and not change.touches(SCORES)


def test_a_failed_write_changes_nothing_and_is_shown_in_plain_words(ops, vault, modals):
    listener = _Listener(ops)
    modals.expect()
    ops.write(None, lambda v: add_person(v, "   "), changes={PEOPLE})
    assert modals.seen[-1].title == "That was not saved"
    assert modals.seen[-1].text  # the service's own plain message
    assert listener.seen == []
    assert list_people(vault) == []


def test_on_error_replaces_the_message_box(ops, vault):
    errors = []

    def fail(v):
        raise ValidationError("Please give a name.")

    ops.write(None, fail, changes={PEOPLE}, on_error=errors.append)
    assert [str(e) for e in errors] == ["Please give a name."]  # no modal: the fixture would fail


def test_an_unexpected_error_shows_the_calm_generic_message(ops, vault, modals):
    modals.expect()
    ops.read(None, lambda v: 1 / 0)
    assert "Something went wrong" in modals.seen[-1].text


def test_unknown_concepts_are_a_programming_error(ops):
    with pytest.raises(ValueError):
        ops.write(None, lambda v: None, changes={"jornal"})


def test_a_read_while_locked_is_dropped_and_a_write_says_locked(qapp, modals):
    locked = Ops(vault_source=lambda: None)
    got = []
    locked.read(None, lambda v: got.append(v))
    assert got == []
    modals.expect()
    locked.write(None, lambda v: got.append(v), changes={PEOPLE})
    assert got == [] and modals.seen[-1].text == LOCKED


def test_cancel_stops_a_cooperative_job_and_drops_its_answer(threaded, ops, vault, qtbot):
    started, answers = threading.Event(), []

    def long_read(v, control):
        started.set()
        while True:
            control.check()
            control.cancelled or threading.Event().wait(0.01)

    op = ops.read(None, long_read, on_done=answers.append, on_error=answers.append)
    assert started.wait(10)
    op.cancel()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    assert answers == [] and op.cancelled


def test_lock_cancels_every_job_and_keeps_the_window_responsive(threaded, ops, vault, qtbot):
    """``shut`` returns at once; while a job that ignores its control keeps running, the event
    loop goes on (a timer keeps firing); ``then`` runs once it has ended; queued work never runs
    and no answer arrives."""
    gate, answers, ran_later, closed = threading.Event(), [], [], []
    read_started, write_started = threading.Event(), threading.Event()

    def stubborn(started, value):
        def job(v):
            started.set()
            gate.wait(20)
            return value
        return job

    ops.read(None, stubborn(read_started, "late read"), on_done=answers.append)
    ops.write(None, stubborn(write_started, "late write"), changes={PEOPLE}, on_done=answers.append)
    ops.write(None, lambda v: ran_later.append(add_person(v, "Queued")), changes={PEOPLE})
    assert read_started.wait(10) and write_started.wait(10)

    ops.shut(lambda: closed.append(True))
    assert closed == []  # shut did not wait
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10000)  # the GUI thread kept running
    assert closed == [] and ops.busy and not gate.is_set()
    gate.set()
    qtbot.waitUntil(lambda: closed == [True], timeout=10000)
    timer.stop()
    assert answers == []
    assert ran_later == []
    assert "Queued" not in [p.display_name for p in list_people(vault)]
    ops.read(None, lambda v: "after", on_done=answers.append)  # usable again after unlock
    qtbot.waitUntil(lambda: answers == ["after"], timeout=10000)


def test_shut_with_nothing_running_calls_back_at_once(ops):
    closed = []
    ops.shut(lambda: closed.append(True))
    assert closed == [True]


def test_cancelled_is_never_shown(ops):
    def stop(v):
        raise Cancelled()

    ops.read(None, stop)  # the modal fixture fails the test on any message box


# --- the bases, on real pages -------------------------------------------------------------------

def _phq9(person_id, day):
    from caregiver_app.domain.scores import Instrument
    from caregiver_app.services.scores import ScoreDraft

    return ScoreDraft(person_id, Instrument.PHQ9, day, (1,) * 9)


def test_a_write_elsewhere_refreshes_the_scores_page_through_changed(qtbot, context, vault, person):
    from datetime import date

    from caregiver_app.gui.journal.scores_page import ScoresPage
    from caregiver_app.services import scores

    context.vault = vault
    page = ScoresPage(context)
    qtbot.addWidget(page)
    page.set_person(person)
    page.show()
    assert page.list.topLevelItemCount() == 0
    elsewhere = QWidget()
    context.ops.write(elsewhere, lambda v: scores.save_score(v, _phq9(person.id, date(2026, 11, 2))),
                      changes={SCORES}, person_id=person.id)
    assert page.list.topLevelItemCount() == 1
    other = add_person(vault, "Ana")
    context.ops.write(elsewhere, lambda v: scores.save_score(v, _phq9(other.id, date(2026, 11, 3))),
                      changes={SCORES}, person_id=other.id)
    assert page.list.topLevelItemCount() == 1  # another person's change is not this page's
    page.hide()
    context.ops.write(elsewhere, lambda v: scores.save_score(v, _phq9(person.id, date(2026, 11, 4))),
                      changes={SCORES}, person_id=person.id)
    assert page.list.topLevelItemCount() == 1  # hidden: reloads when shown again
    page.show()
    assert page.list.topLevelItemCount() == 2


def test_a_form_panel_points_at_the_field_the_service_names(qtbot, context, vault):
    from PySide6.QtWidgets import QLineEdit

    from caregiver_app.gui.common.form import FormPanel

    context.vault = vault
    add_person(vault, "Ana")
    name = QLineEdit()
    panel = FormPanel(context, name, changes={PEOPLE})
    qtbot.addWidget(panel)
    panel.add_field("name", name)
    panel.show()
    saved = []
    panel.saved.connect(saved.append)
    panel.submit(lambda: (lambda v: add_person(v, "ana")))
    assert panel.problem_label.text() == "Not saved yet: There is already someone called ana in this vault."
    assert name.accessibleDescription() == panel.problem_label.text()
    assert panel.window().focusWidget() is name and panel.save_button.isEnabled() and saved == []
    panel.submit(lambda: (lambda v: add_person(v, "Sam")))
    assert [p.display_name for p in saved] == ["Sam"]
    assert not panel.problem_label.isVisible() and name.accessibleDescription() == ""


def test_locking_the_window_waits_for_a_slow_job_without_freezing_it(threaded, qtbot, context, vault, person):
    from caregiver_app.gui.main_window import MainWindow

    context.vault = vault
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    gate, started, answers = threading.Event(), threading.Event(), []

    def summary(v, control):  # like a 10-year summary that checks for Cancel only now and then
        started.set()
        gate.wait(20)
        control.check()
        return "summary"

    context.ops.read(window, summary, on_done=answers.append)
    assert started.wait(10)
    window.lock()
    assert window.is_locked  # nothing on screen at once
    assert context.vault is vault and vault.is_open  # closed only once the job ended
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10000)
    assert context.vault is vault
    gate.set()
    qtbot.waitUntil(lambda: context.vault is None, timeout=10000)
    timer.stop()
    assert not vault.is_open and answers == []
    assert window.unlock_screen.isEnabled() and window.person_combo.count() == 0


def test_an_answer_for_a_closed_page_is_dropped_but_the_write_lands(ops, vault):
    page, answers = QWidget(), []
    page.deleteLater()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ops.write(page, lambda v: add_person(v, "Ana"), changes={PEOPLE}, on_done=answers.append)
    assert answers == [] and [p.display_name for p in list_people(vault)] == ["Ana"]


def test_a_long_read_shows_the_delayed_progress_dialog_and_its_cancel_stops_it(threaded, ops, vault, qtbot):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    parent, started, answers = QWidget(), threading.Event(), []
    qtbot.addWidget(parent)

    def long_read(v, control):
        started.set()
        while True:
            control.progress(1, 10)
            threading.Event().wait(0.01)

    op = ops.read(parent, long_read, label="Making the summary…", cancellable=True, on_done=answers.append)
    assert started.wait(10)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.labelText() == "Making the summary…"
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10000)
    assert op.cancelled and answers == []
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=10000)  # closed and gone
