"""Get help now: opens from every page and from the lock screen, shows no health data while
locked, shows the safety plan's people once unlocked, and keeps the user's own numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from support import PASSPHRASE

from caregiver_app.domain.model import SymptomRating
from caregiver_app.domain.plans import PlanItem, SafetyPlan
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.main_window import MainWindow
from caregiver_app.services import journal, plans

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
NOTE = "ZEBRA-NOTE slept in the car"
HEALTH_WORDS = ["Sam Rivera", "Rivera", "Ana (Mom)", "555-0101", "Dr. Patel", "555-0150", "Walk the dog",
                "Mia", "ZEBRA", "Hearing or seeing things"]


def all_widget_text(root: QWidget) -> str:
    """Every string a widget tree shows or tells a screen reader."""
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        parts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(w.text())
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            parts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
    return "\n".join(p for p in parts if p)


@pytest.fixture
def sam(vault, person):
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 30, 9, 0), note=NOTE,
                                                 symptoms=(SymptomRating("Hearing or seeing things", 4),)),
                       clock=lambda: NOW)
    plan = SafetyPlan(
        person.id,
        coping=(PlanItem("Walk the dog"),),
        helpers=(PlanItem("Ana (Mom)", "555-0101"),),
        professionals=(PlanItem("Dr. Patel", "555-0150"),),
        reasons=(PlanItem("Mia"),),
    )
    plans.save_safety_plan(vault, plan, clock=lambda: NOW)
    return person


def open_window(qtbot, context, vault) -> MainWindow:
    context.vault = vault
    context.clock = lambda: NOW
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def help_window(window: MainWindow):
    assert window.get_help.window is not None
    return window.get_help.window


def test_opens_from_every_page_by_button_and_by_shortcut(qtbot, context, vault, sam):
    window = open_window(qtbot, context, vault)
    assert len(window.page_titles()) >= 3
    for index, title in enumerate(window.page_titles()):
        window.show_page(index)
        assert window.get_help_button.isVisible(), title
        qtbot.mouseClick(window.get_help_button, Qt.MouseButton.LeftButton)
        assert help_window(window).isVisible(), title
        help_window(window).close()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        qtbot.keyClick(window.pages.currentWidget(), Qt.Key.Key_H,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert help_window(window).isVisible(), f"{title} (shortcut)"
        help_window(window).close()


def test_the_shortcut_is_named_on_the_button_and_in_the_help_menu(qtbot, context, vault):
    window = open_window(qtbot, context, vault)
    assert "Ctrl+Shift+H" in window.get_help_button.toolTip()
    assert "Ctrl+Shift+H" in window.unlock_get_help_button.toolTip()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    action = help_menu.actions()[0]
    assert action is window.get_help.action and action.shortcut().toString() == "Ctrl+Shift+H"
    assert action.isEnabled()


def test_locked_it_shows_numbers_and_steps_but_no_health_data(qtbot, context, vault, sam):
    window = open_window(qtbot, context, vault)
    window.lock()
    assert window.is_locked and window.unlock_get_help_button.isVisible()
    qtbot.mouseClick(window.unlock_get_help_button, Qt.MouseButton.LeftButton)
    shown = help_window(window)
    assert shown.isVisible()
    text = all_widget_text(shown)
    assert "911" in text and "988" in text and "741741" in text
    assert "after you unlock" in text and "First steps" in text
    leaks = [word for word in HEALTH_WORDS if word in text]
    assert leaks == []
    assert [word for word in HEALTH_WORDS if word in all_widget_text(window)] == []


def test_unlocked_it_shows_the_safety_plan_people_and_drops_them_on_lock(qtbot, context, vault, sam):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    text = all_widget_text(shown)
    assert "Sam Rivera's safety plan" in text
    assert "Ana (Mom) — 555-0101" in text and "Dr. Patel — 555-0150" in text and "Walk the dog" in text and "People I can ask for help" in text
    assert "Mia" not in text  # reasons for living stay on the plan page
    window.lock()
    assert shown.isVisible()  # locking does not close crisis help...
    text = all_widget_text(shown)
    assert [word for word in HEALTH_WORDS if word in text] == []  # ...it drops the personal part
    assert "after you unlock" in text
    field = window.unlock_screen.ui.secretEdit
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not window.is_locked
    assert "Ana (Mom) — 555-0101" in all_widget_text(shown)


def test_a_safety_plan_saved_on_my_plans_shows_in_the_open_window(qtbot, context, vault, person):
    """Get help now follows the ops change signal: the plan saved on My plans appears at once."""
    from caregiver_app.domain.plans import SafetyStep

    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    assert "There is no safety plan for Sam Rivera yet" in all_widget_text(shown)
    page = window.registry["plans"].page
    row = page.safety_editors[SafetyStep.HELPERS].rows[0]
    row.text_edit.setText("Ana (Mom)")
    row.phone_edit.setText("555-0101")
    page.save()
    assert "Ana (Mom) — 555-0101" in all_widget_text(shown)


def test_one_click_to_the_safety_plan(qtbot, context, vault, sam):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    assert shown.open_plan_button.text() == "Open Sam Rivera's safety plan"
    qtbot.mouseClick(shown.open_plan_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible()
    plans_page = window.pages.currentWidget()
    assert window.page_titles()[window.nav.currentRow()] == "My plans"
    assert plans_page.tabs.currentIndex() == 1


def test_no_plan_yet_offers_to_write_one(qtbot, context, vault, person):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    assert "There is no safety plan for Sam Rivera yet" in all_widget_text(shown)
    assert shown.open_plan_button.text() == "Write Sam Rivera's safety plan"


@pytest.mark.parametrize(("code", "emergency", "number", "name"), [
    ("CA", "911", "988", "988 Suicide Crisis Helpline"),
    ("GB", "999", "116 123", "Samaritans"),
    ("IE", "112 or 999", "116 123", "Samaritans"),
    ("AU", "000", "13 11 14", "Lifeline"),
    ("NZ", "111", "1737", "Need to talk? 1737"),
    ("ES", "112", "024", "Línea 024"),
    ("MX", "911", "800 911 2000", "Línea de la Vida"),
])
def test_other_countries_show_their_own_sourced_numbers(qtbot, context, vault, settings_path, code, emergency,
                                                         number, name):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    shown.country_combo.setCurrentIndex(shown.country_combo.findData(code))
    text = all_widget_text(shown)
    assert number in text and name in text
    assert f"If someone could die or be badly hurt right now, call {emergency}." in text
    assert "call your local emergency number" not in text
    assert "988" not in text or code == "CA"
    assert "Where these numbers and steps come from" in text
    assert json.loads(settings_path.read_text())["country"] == code
    assert context.settings.country == code


def test_a_country_with_no_numbers_points_to_find_a_helpline(qtbot, context, vault):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    shown.country_combo.setCurrentIndex(shown.country_combo.findData("FR"))
    text = all_widget_text(shown)
    assert "no checked crisis line for France" in text and "findahelpline.com" in text
    assert "call 112." in text  # France is in the EU: 112
    shown.country_combo.setCurrentIndex(shown.country_combo.findData("JP"))
    text = all_widget_text(shown)
    assert "call your local emergency number" in text
    assert "does not know the emergency number for Japan" in text and "Add a number" in text


def test_adding_and_removing_a_number(qtbot, context, vault, settings_path, modals):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    shown.country_combo.setCurrentIndex(shown.country_combo.findData("JP"))

    def fill(dialog):
        assert dialog.country_combo.currentData() == "JP"
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("emergency"))
        dialog.name_edit.setText("Ambulance")
        dialog.number_edit.setText("11x")
        dialog.accept()  # refused: stays open with a plain message
        assert "digits" in dialog.problem_label.text() and dialog.line is None
        dialog.number_edit.setText("119")
        dialog.accept()
        return 1

    modals.expect(handler=fill)
    qtbot.mouseClick(shown.add_button, Qt.MouseButton.LeftButton)
    assert modals.seen[0].title == "Add a number"
    text = all_widget_text(shown)
    assert "call 119 (Ambulance)" in text and "You added this number." in text
    assert "call your local emergency number" not in text
    saved = json.loads(settings_path.read_text())
    assert saved["crisis_lines"] == [{"country": "JP", "kind": "emergency", "name": "Ambulance",
                                      "number": "119", "how": "Call 119"}]
    remove = next(b for b in shown.findChildren(QAbstractButton) if b.accessibleName() == "Remove Ambulance")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert "119" not in all_widget_text(shown)
    assert json.loads(settings_path.read_text())["crisis_lines"] == []


def test_escape_closes_and_every_control_has_a_name(qtbot, context, vault, sam):
    window = open_window(qtbot, context, vault)
    window.show_get_help()
    shown = help_window(window)
    for control in shown.findChildren(QWidget):
        if isinstance(control, (QAbstractButton, QComboBox, QLineEdit)):
            assert control.accessibleName() or (isinstance(control, QAbstractButton) and control.text()), control
    qtbot.keyClick(shown.close_button, Qt.Key.Key_Escape)
    assert not shown.isVisible()
