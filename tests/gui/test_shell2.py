"""Two regressions of pages built when first shown (typed words kept at a person switch while
the page is hidden; "Prepare for this visit" before Visit summary was ever built). Each test
failed before its fix, except the lock right after a switch, which guards the way the fix keeps
the words counted as unsaved until its write lands."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from support import PASSPHRASE

from caregiver_app.domain.plans import PlanItem, RelapseSection
from caregiver_app.domain.summary import SummaryChoices
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.common.ops import Ops
from caregiver_app.services import appointments as aps
from caregiver_app.services import people, plans, summary


def _switch_to(qtbot, window, person) -> None:
    window.reload_people(select_id=person.id)
    qtbot.waitUntil(lambda: window.current_person() is not None and window.current_person().id == person.id)


def test_words_typed_in_my_plans_are_saved_at_a_switch_while_the_page_is_hidden(qtbot, ctx, person, make_page):
    """Typed in My plans, went to Journal, chose another person: the words reached the vault only
    when My plans was shown again, so a crash in between lost them (before lazy pages they were
    saved at the switch)."""
    jordan = people.add_person(ctx.vault, "Jordan Lee")
    window = make_page(create_main_window, person=None, active=True)
    _switch_to(qtbot, window, person)
    page = window.go("plans")
    editor = page.relapse_editors[RelapseSection.HELPS]
    qtbot.keyClicks(editor.rows[0].text_edit, "A walk with Mia")
    window.go("journal")
    _switch_to(qtbot, window, jordan)
    qtbot.waitUntil(lambda: not window.context.ops.busy)
    assert not page.isVisible()
    assert plans.get_relapse_plan(ctx.vault, person.id).helps == (PlanItem("A walk with Mia"),)
    assert plans.get_relapse_plan(ctx.vault, jordan.id).helps == ()
    # Shown again: Jordan's empty plan, and Sam's words are not saved a second time as Jordan's.
    window.go("plans")
    assert page.heading.text() == "Plans for Jordan Lee"
    assert page.relapse_editors[RelapseSection.HELPS].rows[0].is_blank()
    assert not page.is_dirty
    _switch_to(qtbot, window, person)
    assert [row.text_edit.text() for row in page.relapse_editors[RelapseSection.HELPS].rows][:1] == ["A walk with Mia"]


def test_a_switch_with_the_plans_hidden_then_a_lock_at_once_keeps_the_words(qtbot, ctx, person, make_page,
                                                                             monkeypatch):
    """A lock right after the switch: the write asked at the switch may be cancelled by the lock
    before it ran; the plans still count as unsaved then, so the lock's own keep saves them."""
    jordan = people.add_person(ctx.vault, "Jordan Lee")
    window = make_page(create_main_window, person=None, active=True)
    _switch_to(qtbot, window, person)
    page = window.go("plans")
    qtbot.keyClicks(page.relapse_editors[RelapseSection.TRIGGERS].rows[0].text_edit, "Money worries")
    window.go("scores")
    monkeypatch.setattr(Ops, "synchronous", False)  # the switch's write queued on its thread
    _switch_to(qtbot, window, jordan)
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and window.context.vault is None, timeout=5000)
    monkeypatch.setattr(Ops, "synchronous", True)
    field = window.unlock_screen.ui.secretEdit
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.context.vault is not None)
    vault = window.context.vault
    assert plans.get_relapse_plan(vault, person.id).triggers == (PlanItem("Money worries"),)
    assert plans.get_relapse_plan(vault, jordan.id).triggers == ()


def test_questions_typed_for_the_visit_summary_are_kept_at_a_switch_while_it_is_hidden(qtbot, ctx, person,
                                                                                     make_page):
    jordan = people.add_person(ctx.vault, "Jordan Lee")
    window = make_page(create_main_window, person=None, active=True)
    _switch_to(qtbot, window, person)
    page = window.go("summary")
    qtbot.waitUntil(lambda: page._choices_loaded)
    qtbot.keyClicks(page.questions_edit, "Is the new dose right?")
    window.go("journal")
    _switch_to(qtbot, window, jordan)
    qtbot.waitUntil(lambda: not window.context.ops.busy)
    assert summary.saved_choices(ctx.vault, person.id).questions == ("Is the new dose right?",)
    assert summary.saved_choices(ctx.vault, jordan.id) is None


def test_prepare_with_no_questions_leaves_the_box_empty_when_the_summary_was_never_built(
        qtbot, ctx, person, make_page, monkeypatch):
    """The saved questions of the last summary were read when the page was built, which with real
    (threaded) reads came after Prepare had emptied the box: the old questions came back."""
    summary.save_choices(ctx.vault, person.id, SummaryChoices(questions=("Old question from March",)),
                         clock=ctx.clock)
    aps.save_appointment(ctx.vault, aps.AppointmentDraft(person.id, date(2026, 12, 8), time(14), "America/New_York"),
                         clock=ctx.clock)
    window = make_page(create_main_window, person=None, active=True)
    _switch_to(qtbot, window, person)
    appointments = window.go("appointments")
    qtbot.waitUntil(lambda: appointments.upcoming.count() == 1)
    appointments.upcoming.setCurrentRow(0)
    assert not window.registry["summary"].built
    monkeypatch.setattr(Ops, "synchronous", False)  # reads on their threads, as in the app
    appointments.prepare_button.click()
    qtbot.waitUntil(lambda: window.registry["summary"].built)
    page = window.registry["summary"].widget
    qtbot.waitUntil(lambda: page._choices_loaded and not window.context.ops.busy, timeout=5000)
    assert page.questions_edit.toPlainText() == ""
    assert page.questions() == ()
    monkeypatch.setattr(Ops, "synchronous", True)
