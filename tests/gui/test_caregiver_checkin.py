"""The caregiver's own check-in ("My check-in") on real widgets and a real vault: kept apart from
the person's journal and visit summary, a kind word when stress is high, correct and delete."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from support import mnemonic_clashes

from caregiver_app.domain.model import SleepQuality
from caregiver_app.gui.common.ops import CHECKINS
from caregiver_app.gui.journal.caregiver_checkin import CaregiverCheckinPage
from caregiver_app.services import checkins, journal, summary

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
NEEDS = "An afternoon off — maybe Ηλίας can sit with Dad"


@pytest.fixture
def ctx(context, vault):
    context.vault = vault
    context.clock = lambda: NOW
    return context


@pytest.fixture
def page(qtbot, ctx, person):
    widget = CaregiverCheckinPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    widget.set_person(person)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def test_says_it_is_kept_apart(page):
    texts = " ".join(label.text() for label in page.findChildren(type(page.status_label)))
    assert "kept apart from the journal" in texts and "never printed in their visit summary" in texts


def test_check_in_by_keyboard_is_saved_apart_from_the_person(qtbot, page, ctx, person):
    page.stress.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(page.stress, "8")
    qtbot.keyClick(page.stress, Qt.Key.Key_Tab)
    assert page.sleep_hours.hasFocus()
    qtbot.keyClick(page.sleep_hours, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.sleep_hours, "5.5")
    page.sleep_quality.setCurrentIndex(page.sleep_quality.findData(int(SleepQuality.POOR)))
    qtbot.keyClicks(page.needs, "An afternoon off")
    page.needs.insertPlainText(NEEDS[len("An afternoon off"):])  # QTest cannot type Greek letters
    qtbot.keyClick(page.needs, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not page.problem_label.isVisible(), page.problem_label.text()
    [saved] = checkins.recent_caregiver_checkins(ctx.vault)
    assert (saved.stress, saved.sleep_hours, saved.sleep_quality, saved.needs) == (8, 5.5, SleepQuality.POOR, NEEDS)
    assert page.care_label.isVisible() and "988" in page.care_label.text()  # a kind word at high stress
    assert page.list.count() == 1 and "Stress 8/10" in page.list.item(0).text() and NEEDS in page.list.item(0).text()
    assert "average stress 8.0 of 10" in page.trend_label.text()
    # never part of the person's record
    assert journal.count_entries(ctx.vault, person.id) == 0
    data = summary.build_summary(ctx.vault, summary.SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30)))
    assert NEEDS not in repr(data)


def test_stress_is_needed(qtbot, page, ctx):
    qtbot.keyClicks(page.needs, "just a note")
    page.save()
    assert page.problem_label.isVisible() and "how stressed" in page.problem_label.text()
    assert checkins.recent_caregiver_checkins(ctx.vault) == []


def test_low_stress_has_no_extra_message_and_change_then_delete(qtbot, page, ctx, modals):
    page.stress.setValue(3)
    page.save()
    assert not page.care_label.isVisible()
    page.list.setCurrentRow(0)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.stress.value() == 3 and page.form_box.title() == "Changing an earlier check-in"
    page.stress.setValue(4)
    page.save()
    assert [c.stress for c in checkins.recent_caregiver_checkins(ctx.vault)] == [4]
    page.list.setCurrentRow(0)
    modals.expect(handler=lambda box: next(b for b in box.buttons() if b.text() == "Delete check-in").click())
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert checkins.recent_caregiver_checkins(ctx.vault) == [] and page.list.count() == 0


def test_no_two_controls_share_a_shortcut_letter(page):
    assert mnemonic_clashes(page) == {}


def test_lock_clears_it(page, ctx):
    page.stress.setValue(6)
    page.save()
    page.clear()
    assert page.list.count() == 0 and page.trend_label.text() == "" and not page.isEnabled()
    assert page.stress.value() == -1


def test_a_check_in_saved_elsewhere_shows_without_wiring(page, ctx, person):
    """The page follows ops.changed: a check-in written by any widget appears, whoever is chosen."""
    assert page.heading.text() == "My check-in"  # never the chosen person's name
    draft = checkins.CaregiverCheckinDraft(when=datetime(2026, 11, 29, 20, 0), stress=5, zone_name=ctx.zone_name)
    ctx.ops.write(None, lambda vault: checkins.save_caregiver_checkin(vault, draft, clock=lambda: NOW),
                  changes={CHECKINS})
    assert page.list.count() == 1 and "Stress 5/10" in page.list.item(0).text()
    ctx.ops.write(None, lambda vault: None, changes={CHECKINS}, person_id=person.id)  # a person's daily check-in
    assert page.list.count() == 1


def test_switching_the_person_keeps_a_half_written_check_in(page, ctx, person):
    from caregiver_app.services import people

    other = people.add_person(ctx.vault, "Grandpa Joe")
    page.needs.setPlainText("a nap")
    page.set_person(other)
    assert page.needs.toPlainText() == "a nap" and page.heading.text() == "My check-in"
