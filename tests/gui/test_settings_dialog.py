"""Edit ▸ Settings…, the wizard's country question, and settings per data folder in the window."""

from __future__ import annotations

import json

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from caregiver_app.gui import app as gui_app
from caregiver_app.gui.vault import setup_wizard
from caregiver_app.gui.app import create_main_window
from caregiver_app.gui.settings_dialog import SettingsDialog
from caregiver_app.gui.vault.setup_wizard import SetupWizard


def open_window(make_page):
    return make_page(create_main_window, person=None)


def test_settings_sits_in_the_edit_menu_as_preferences(qtbot, context, vault, make_page):
    window = open_window(make_page)
    action = window.settings_action
    assert action in window.edit_menu.actions()
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    assert action.text().replace("&", "") == "Settings…"


def test_saving_settings_changes_the_country_everywhere(qtbot, context, vault, settings_path, modals, make_page):
    window = open_window(make_page)

    def choose(dialog: SettingsDialog):
        assert dialog.country_combo.currentData() == "US"
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("ES"))
        assert "Spain" in dialog.country_hint.text()
        assert dialog.paper_combo.itemText(0) == "Follow the country (A4)"
        dialog.time_combo.setCurrentIndex(dialog.time_combo.findData("24h"))
        dialog.idle_spin.setValue(5)
        dialog.zone_combo.setEditText("Mars/Olympus")
        dialog.accept()  # refused in plain words; the dialog stays
        assert "not a time zone" in dialog.problem_label.text()
        dialog.zone_combo.setEditText("Europe/Madrid")
        dialog.accept()
        return 1

    modals.expect(handler=choose)
    window.settings_action.trigger()
    assert modals.seen[0].title == "Settings"
    saved = json.loads(settings_path.read_text())
    assert (saved["country"], saved["time_format"], saved["idle_lock_minutes"], saved["time_zone"]) == (
        "ES", "24h", 5, "Europe/Madrid")
    assert context.settings.country == "ES" and context.zone_name == "Europe/Madrid"
    assert window.idle_timer.interval() == 5 * 60_000
    window.show_get_help()
    assert "call 112" in window.get_help.window.emergency_label.text()
    window.get_help.close()


def test_cancel_changes_nothing(qtbot, context, vault, settings_path, modals, make_page):
    window = open_window(make_page)

    def cancel(dialog: SettingsDialog):
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("GB"))
        dialog.reject()
        return 0

    modals.expect(handler=cancel)
    window.settings_action.trigger()
    assert context.settings.country == "US" and not settings_path.exists()


def test_the_wizard_asks_the_country_first_filled_from_the_computer(qtbot, context, settings_path, monkeypatch):
    context.settings.country = ""
    monkeypatch.setattr(setup_wizard, "system_country", lambda: "AU")
    wizard = SetupWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.welcome_page
    assert wizard.welcome_page.country == "AU"
    assert wizard.welcome_page.country_combo.accessibleName() == "Country"
    wizard.welcome_page.country_combo.setCurrentIndex(wizard.welcome_page.country_combo.findData("NZ"))
    wizard.next()
    assert context.settings.country == "NZ"
    assert json.loads(settings_path.read_text())["country"] == "NZ"
    wizard.reject()


def test_a_damaged_settings_file_gives_one_calm_message(qtbot, monkeypatch, vault_paths, modals):
    vault_paths.folder.mkdir(parents=True)
    (vault_paths.folder / "settings.json").write_text("{broken", encoding="utf-8")
    seen = {}

    def fake_exec(self):
        QApplication.processEvents()
        for w in QApplication.topLevelWidgets():
            if isinstance(w, SetupWizard) and w.isVisible():
                seen["country"] = w.context.settings.country
                w.reject()
        return 0

    modals.expect(result=1)
    quit_on_close = QApplication.instance().quitOnLastWindowClosed()
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert gui_app.run(vault_paths, ["caregiver-app"]) == 0
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)
    assert modals.seen[0].title == "Settings were reset" and "could not be read" in modals.seen[0].text
    assert json.loads((vault_paths.folder / "settings.json").read_text())["country"] == ""
