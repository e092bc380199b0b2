"""Choosing another country in Settings changes the numbers on the page that is open right now,
not only after moving to another page (branch attack-country)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.settings_dialog import SettingsDialog

US = re.compile(r"(?<!\d)(911|988)(?!\d)")


def open_window(make_page):
    return make_page(create_main_window, (1300, 900), person=None)


def choose_country(window, modals, code):
    def choose(dialog: SettingsDialog):
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData(code))
        dialog.accept()
        return 1

    modals.expect(handler=choose)
    window.settings_action.trigger()
    QApplication.processEvents()


def test_phq9_item_9_on_screen_follows_the_new_country(qtbot, context, vault, person, modals, make_page):
    window = open_window(make_page)
    scores = window.go("scores")
    scores.form.answer(9, 2)
    assert US.search(scores.form.crisis.full_text())
    choose_country(window, modals, "GB")
    text = scores.form.crisis.full_text()
    assert not US.search(text) and "999" in text and "116 123" in text


def test_open_warning_sign_page_follows_the_new_country(qtbot, context, vault, person, modals, make_page):
    window = open_window(make_page)
    library = window.go("warning_signs")
    assert library.open_page("suicide-risk")
    assert US.search(library.view.toPlainText())
    choose_country(window, modals, "AU")
    text = library.view.toPlainText()
    assert not US.search(text) and "000" in text and "13 11 14" in text


def test_network_gaps_on_screen_follow_the_new_country(qtbot, context, vault, person, modals, make_page):
    from caregiver_app.domain.network import PhoneKind, Role, SupportType
    from caregiver_app.services import network as contacts

    contacts.save_contact(vault, contacts.contact_from_draft(contacts.ContactDraft(
        person.id, "Ana", Role.FRIEND, phones=(("+44 20 7946 0958", PhoneKind.MOBILE),),
        support=frozenset({SupportType.PRACTICAL})), "GB"))
    window = open_window(make_page)
    network = window.go("network")
    qtbot.waitUntil(lambda: "988" in network.gaps.gaps.text())
    choose_country(window, modals, "NZ")
    qtbot.waitUntil(lambda: "1737" in network.gaps.gaps.text())
    assert not US.search(network.gaps.gaps.text())


def test_thousands_of_added_numbers_are_cut_to_the_limit_and_adding_more_is_refused(qtbot, context, vault, modals):
    from caregiver_app import settings as app_settings
    from caregiver_app.gui.warning_signs.get_help import GetHelpWindow

    lines = [{"country": "GB", "kind": "crisis", "name": f"Line {i}", "number": f"0800 {i:06d}", "how": "Call"}
             for i in range(5000)]
    context.settings = app_settings.from_dict({"country": "GB", "crisis_lines": lines})
    assert len(context.settings.crisis_lines) == app_settings.MAX_CRISIS_LINES
    shown = GetHelpWindow(context)
    qtbot.addWidget(shown)
    shown.show_state(locked=True)
    assert len(shown.lines()) == app_settings.MAX_CRISIS_LINES + len([l for l in shown.lines() if not l.user_added])
    modals.expect(result=None)
    shown.add_number()
    assert "the most this app keeps" in modals.seen[0].text


def test_hints_after_saving_follow_the_new_country(qtbot, context, vault, person, modals, make_page):
    from PySide6.QtCore import Qt

    window = open_window(make_page)
    window.show_page(0)
    editor = window._journal_page.editor
    row = editor.add_symptom_row(focus=True)
    row.set_value("Hopelessness", 6)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert US.search(editor.learn_hints.text())
    choose_country(window, modals, "IE")
    text = editor.learn_hints.text()
    assert editor.learn_hints.isVisible() and not US.search(text) and "112 or 999" in text
