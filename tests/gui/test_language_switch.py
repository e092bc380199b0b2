"""The language setting in the window: Settings and the setup wizard offer the languages, the
wizard words itself again at once, and Settings switches the main window to Spanish and back
without a restart, without locking and without losing a typed word."""

from __future__ import annotations

import json

import keyring
import pytest
from support import NoKeyring
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWizard

from caregiver_app import i18n
from caregiver_app.gui.app import StartFlow
from caregiver_app.gui.common.translations import system_language, use_language
from caregiver_app.gui.journal.draft_keeper import RestoreDraftDialog
from caregiver_app.gui.settings_dialog import SettingsDialog
from caregiver_app.services import drafts


@pytest.fixture(autouse=True)
def english_again():
    """Every test here may switch the process to Spanish: English and the locale come back."""
    locale = QLocale()
    yield
    use_language("en")
    QLocale.setDefault(locale)
    assert i18n.process_language() == "en"


@pytest.fixture
def keyrings_off(memory_keyring):
    """No keyring on this computer (so the wizard has no "remember" page)."""
    keyring.set_keyring(NoKeyring())


def combo_choices(combo) -> list[tuple[str, str]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def start(qtbot, context) -> StartFlow:
    flow = StartFlow(context, on_quit=lambda: None)
    flow.start()
    for widget in (flow.wizard, flow.window):
        if widget is not None:
            qtbot.addWidget(widget)
    return flow


def test_settings_offers_the_computers_language_and_each_language_in_its_own_words(
        qtbot, ctx, settings_path, modals):
    system = i18n.LANGUAGE_NAMES[system_language()]
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert combo_choices(dialog.language_combo) == [
        (f"Same as this computer ({system})", ""), ("English", "en"), ("Español", "es")]
    assert dialog.language_combo.currentData() == ""  # the default: the computer's
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.accept()
    assert json.loads(settings_path.read_text())["language"] == "es"
    assert ctx.settings.language == "es"
    use_language("es")
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.language_combo.itemText(0) == f"Igual que esta computadora ({system})"
    assert again.language_combo.currentData() == "es"
    assert again.windowTitle() == "Configuración"


def test_the_wizards_first_page_offers_the_languages_and_words_itself_again_at_once(
        qtbot, context, settings_path, keyrings_off):
    flow = start(qtbot, context)
    wizard = flow.wizard
    page = wizard.welcome_page
    assert wizard.currentPage() is page
    assert [data for _text, data in combo_choices(page.language_combo)] == ["", "en", "es"]
    assert page.language_combo.currentData() == ""
    assert page.title() == "Welcome to Caregiver Companion"
    old_passphrase_page = wizard.passphrase_page

    page.language_combo.setCurrentIndex(page.language_combo.findData("es"))

    assert i18n.process_language() == "es"
    assert json.loads(settings_path.read_text())["language"] == "es"
    assert page.title() == "Le damos la bienvenida a Caregiver Companion"
    assert page.language_label.text() == "&Idioma"
    assert page.have_file_button.text() == "&Ya tengo un archivo del diario cifrado…"
    assert page.language_combo.currentData() == "es"
    # Qt's own words come from qtbase_es (our catalog does not hide them behind an empty answer).
    assert wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Siguiente >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Cancelar"
    # The later pages were built again, in Spanish, and the wizard goes on as before.
    assert wizard.passphrase_page is not old_passphrase_page
    assert len(wizard.pageIds()) == 4  # welcome, passphrase, recovery code, person (no keyring)
    wizard.next()
    assert wizard.currentPage() is wizard.passphrase_page
    assert wizard.passphrase_page.ui.passphraseLabel.text().startswith("&Frase de contraseña")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Crear mi diario cifrado"

    wizard.back()
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    assert page.title() == "Welcome to Caregiver Companion"
    assert wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Next >"


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def nav_titles(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def choose_language(code: str):
    def handler(dialog: SettingsDialog):
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(code))
        dialog.accept()

    return handler


def test_settings_switches_the_window_to_spanish_and_back_keeping_every_word(
        qtbot, ctx, person, settings_path, modals):
    flow = start(qtbot, ctx)
    old = flow.window
    assert not old.is_locked and menu_titles(old)[:2] == ["&File", "&Edit"]
    old.resize(760, 540)
    old.go("medications")
    old.go("journal")
    editor = old.registry["journal"].widget.editor
    qtbot.keyClicks(editor.note, "Palabras que no se pierden")
    old_journal = old.registry["journal"].widget

    def restore(dialog: RestoreDraftDialog):
        assert "Palabras que no se pierden" in dialog.text_label.text()
        dialog.restore_button.click()

    modals.expect(handler=choose_language("es"))
    modals.expect(handler=restore)  # the words were kept in the vault and are offered back at once
    old.settings_action.trigger()

    window = flow.window
    qtbot.addWidget(window)
    assert window is not old and not window.is_locked and ctx.vault is not None and ctx.vault.is_open
    assert i18n.process_language() == "es" and QLocale().language() == QLocale.Language.Spanish
    assert menu_titles(window) == ["&Archivo", "&Editar", "&Ir", "Ay&uda"]
    assert nav_titles(window)[:3] == ["Diario", "Patrones", "Medicamentos"]
    assert window.lock_button.text() == "Bloquear"
    assert window.settings_action.text() == "&Configuración…"
    assert window.size() == old.size()  # same place and size
    journal = window.registry["journal"].widget
    assert journal is not None and journal is not old_journal and window.pages.currentWidget() is journal
    assert window.person_combo.currentText() == "Sam Rivera"
    assert journal.editor.note.toPlainText() == "Palabras que no se pierden"
    assert not window.registry["medications"].built  # other pages come when first shown, in Spanish
    assert json.loads(settings_path.read_text())["language"] == "es"

    # And back to English, from the Spanish window.
    modals.expect(handler=choose_language("en"))
    modals.expect(handler=restore)
    window.settings_action.trigger()
    back = flow.window
    qtbot.addWidget(back)
    assert back is not window and i18n.process_language() == "en"
    assert menu_titles(back) == ["&File", "&Edit", "&Go", "&Help"]
    assert nav_titles(back)[0] == "Journal"
    assert back.registry["journal"].widget.editor.note.toPlainText() == "Palabras que no se pierden"
    assert drafts.list_drafts(ctx.vault) == [] or all(
        d.state.note == "Palabras que no se pierden" for d in drafts.list_drafts(ctx.vault))


def test_the_same_language_again_rebuilds_nothing(qtbot, ctx, person, modals):
    flow = start(qtbot, ctx)
    window = flow.window
    modals.expect(handler=choose_language("en"))
    window.settings_action.trigger()
    assert flow.window is window and not window.is_locked
