"""A data folder that is not there (a drive unplugged, a typo) is told as such, never as a first
start; a vault whose key files are both gone is told at once on the unlock screen, before any
passphrase and without a key derivation (vaultgone). Real vault folders, real widgets."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import keyring
import pytest
from support import PASSPHRASE, NoKeyring, count_key_derivations
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from caregiver_app import settings as app_settings
from caregiver_app.gui.app import StartFlow, create_main_window
from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.context import AppContext
from caregiver_app.gui.vault.missing_folder import STILL_NOT_THERE, MissingFolderScreen
from caregiver_app.gui.vault.setup_wizard import SetupWizard
from caregiver_app.services import vault as vault_service
from caregiver_app.services.vault import KEYFILE_MISSING, VaultPaths, keys_lost
from caregiver_app.services.vault_open import create_vault
from caregiver_app.settings import Settings

from test_lazy_start import FIRST_WINDOW, NOT_AT_START


def _start(qtbot, context) -> StartFlow:
    quits: list[bool] = []
    flow = StartFlow(context, on_quit=lambda: quits.append(True))
    flow.quits = quits
    flow.start()
    for widget in (flow.missing, flow.wizard, flow.window):
        if widget is not None:
            qtbot.addWidget(widget)
    return flow


@pytest.fixture
def unplugged(tmp_path, qapp):
    """A context on a journal folder on a "drive" that is not there (not the usual folder)."""
    paths = VaultPaths(tmp_path / "media" / "usb" / "journal")
    return AppContext(paths=paths, ops=Ops(), settings=Settings(country="US"),
                      settings_path=app_settings.path_for(paths.folder))


def _lose_keys(paths: VaultPaths) -> None:
    paths.keyfile.unlink()
    paths.keyfile.with_name(paths.keyfile.name + ".prev").unlink(missing_ok=True)


# --- case 1: the folder is not there ------------------------------------------------------------


def test_a_folder_not_there_is_told_with_try_again_not_the_wizard(qtbot, unplugged):
    flow = _start(qtbot, unplugged)
    assert flow.wizard is None and flow.window is None
    screen = flow.missing
    assert isinstance(screen, MissingFolderScreen) and flow.front is screen and screen.isVisible()
    folder = str(unplugged.paths.folder)
    assert folder in screen.message_text() and "connect it and try again" in screen.message_text()
    assert screen.message_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert screen.try_again_button.isDefault() and not screen.new_button.autoDefault()

    qtbot.mouseClick(screen.try_again_button, Qt.MouseButton.LeftButton)  # still unplugged
    assert screen.status_text() == STILL_NOT_THERE.format(folder=folder)
    assert not unplugged.paths.folder.exists()  # looking wrote nothing (no folder made)
    assert flow.missing is screen and flow.quits == []


def test_try_again_opens_the_unlock_screen_once_the_drive_is_back_with_its_own_settings(qtbot, unplugged):
    flow = _start(qtbot, unplugged)
    screen = flow.missing
    create_vault(unplugged.paths, PASSPHRASE).vault.close()  # the drive is plugged in
    app_settings.save(Settings(country="MX", idle_lock_minutes=7), unplugged.settings_path)
    qtbot.mouseClick(screen.try_again_button, Qt.MouseButton.LeftButton)
    assert flow.missing is None and flow.wizard is None
    qtbot.addWidget(flow.window)
    assert flow.window.is_locked and flow.front is flow.window
    # the folder's own settings, not the defaults read while it was not there
    assert unplugged.settings.country == "MX" and unplugged.settings.idle_lock_minutes == 7


def test_start_a_new_journal_here_is_the_deliberate_second_choice(qtbot, unplugged):
    keyring.set_keyring(NoKeyring())
    flow = _start(qtbot, unplugged)
    qtbot.mouseClick(flow.missing.new_button, Qt.MouseButton.LeftButton)
    assert flow.missing is None and isinstance(flow.wizard, SetupWizard)
    qtbot.addWidget(flow.wizard)
    assert flow.quits == []


def test_quit_and_closing_the_screen_quit(qtbot, unplugged):
    flow = _start(qtbot, unplugged)
    qtbot.mouseClick(flow.missing.quit_button, Qt.MouseButton.LeftButton)
    assert flow.quits == [True] and flow.missing is None
    flow = _start(qtbot, unplugged)
    flow.missing.close()
    assert flow.quits == [True]


def test_the_usual_folder_missing_is_a_first_start_as_before(qtbot, unplugged, monkeypatch):
    keyring.set_keyring(NoKeyring())
    monkeypatch.setattr(vault_service, "usual_folder", lambda: unplugged.paths.folder)
    flow = _start(qtbot, unplugged)
    assert flow.missing is None and isinstance(flow.wizard, SetupWizard)


def test_an_empty_folder_that_is_there_still_gets_the_wizard(qtbot, unplugged):
    keyring.set_keyring(NoKeyring())
    unplugged.paths.folder.mkdir(parents=True)
    flow = _start(qtbot, unplugged)
    assert flow.missing is None and isinstance(flow.wizard, SetupWizard)


def test_a_link_to_a_drive_not_there_counts_as_not_there(tmp_path):
    link = tmp_path / "journal"
    os.symlink(tmp_path / "media" / "usb", link)
    assert vault_service.folder_not_there(VaultPaths(link))
    assert not vault_service.folder_not_there(VaultPaths(tmp_path))


# --- case 2: both key files gone ----------------------------------------------------------------


@pytest.fixture
def keys_gone(context, data_dir):
    _lose_keys(context.paths)
    return context


def test_lost_keys_are_told_before_anything_is_typed_and_no_try_runs(qtbot, keys_gone, monkeypatch):
    derived = count_key_derivations(monkeypatch)
    window = create_main_window(keys_gone)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    expected = KEYFILE_MISSING.format(folder=keys_gone.paths.folder)
    assert screen.note_text() == expected and screen.ui.noteLabel.isVisibleTo(screen)
    assert "recovery code" in expected and str(keys_gone.paths.folder) in expected
    assert not screen.ui.introLabel.isVisibleTo(screen)  # room for the note

    for recovery in (False, True):  # the passphrase and the recovery code say the same
        screen.set_recovery_mode(recovery)
        qtbot.keyClicks(screen.ui.secretEdit, PASSPHRASE)
        qtbot.keyClick(screen.ui.secretEdit, Qt.Key.Key_Return)
        assert not screen.busy and not keys_gone.ops.busy  # no job started
        assert screen.note_text() == expected and screen.status_text() == ""
    assert derived == []


def test_the_note_goes_once_the_key_file_is_back(qtbot, context, data_dir):
    saved = context.paths.keyfile.read_bytes()
    _lose_keys(context.paths)
    window = create_main_window(context)
    qtbot.addWidget(window)
    screen = window.unlock_screen
    assert screen.note_text()
    context.paths.keyfile.write_bytes(saved)
    assert keys_lost(context.paths) is None
    screen.unlock()  # nothing typed: asks for it, the stale note gone
    assert screen.note_text() == "" and screen.status_text() == "Please type your passphrase first."
    assert screen.ui.introLabel.isVisibleTo(screen)


def test_lost_keys_first_paint_loads_no_database_layer(data_dir):
    _lose_keys(VaultPaths(data_dir))
    script = FIRST_WINDOW.replace('"keyring_button":', '"note": window.unlock_screen.note_text(), "keyring_button":')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script, str(data_dir.parent)], capture_output=True, text=True,
                          env=env, timeout=60, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["locked"] and "vault.keys" in seen["note"]
    loaded = [name for name in seen["modules"]
              if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START)]
    assert loaded == []


# --- a folder this account may not look into (another account's drive, chmod 000) ------------------


@pytest.fixture
def unreadable(tmp_path, qapp, monkeypatch):
    """A context on a journal folder inside a folder this account may not open. As root chmod
    does not stop anyone, so there the same PermissionError is raised for that folder's insides."""
    locked = tmp_path / "other-account"
    paths = VaultPaths(locked / "journal")
    paths.folder.mkdir(parents=True)
    create_vault(paths, PASSPHRASE).vault.close()
    locked.chmod(0)
    if os.geteuid() == 0:
        from pathlib import Path

        real_stat = Path.stat

        def stat(self, *args, **kwargs):
            if locked in self.parents and locked.stat().st_mode & 0o777 == 0:
                raise PermissionError(13, "Permission denied", str(self))
            return real_stat(self, *args, **kwargs)

        monkeypatch.setattr(Path, "stat", stat)
    yield AppContext(paths=paths, ops=Ops(), settings=Settings(country="US"),
                     settings_path=app_settings.path_for(paths.folder))
    locked.chmod(0o700)


def test_a_folder_that_may_not_be_opened_is_told_not_an_unexpected_error(qtbot, unreadable):
    """It raised PermissionError out of the start (an "unexpected error"), before any window."""
    settings, notice = app_settings.load_with_notice(unreadable.settings_path)
    assert settings == Settings() and notice == ""
    flow = _start(qtbot, unreadable)
    screen = flow.missing
    assert isinstance(screen, MissingFolderScreen) and flow.wizard is None and flow.window is None
    assert str(unreadable.paths.folder) in screen.message_text() and "cannot open that folder" in screen.message_text()
    assert screen.new_button.isHidden()  # no new journal can be made where nothing can be read
    qtbot.mouseClick(screen.try_again_button, Qt.MouseButton.LeftButton)
    assert str(unreadable.paths.folder) in screen.status_text() and flow.missing is screen

    unreadable.paths.folder.parent.chmod(0o700)  # access given back
    qtbot.mouseClick(screen.try_again_button, Qt.MouseButton.LeftButton)
    assert flow.missing is None and flow.window is not None and flow.window.is_locked
    qtbot.addWidget(flow.window)


# --- "Start a new journal here", then changing one's mind -----------------------------------------


def test_choosing_language_and_country_then_cancelling_leaves_no_folder_behind(qtbot, unplugged, tmp_path):
    """The wizard wrote settings.json as soon as a language or a country was chosen, making the
    folder (and its parents) on the computer's own disk; after Cancel, the next start found an
    existing empty folder and went straight to the wizard: the drive hint was gone for good."""
    from PySide6.QtCore import QLocale

    from caregiver_app.gui.common.translations import use_language

    keyring.set_keyring(NoKeyring())
    locale = QLocale()
    flow = _start(qtbot, unplugged)
    qtbot.mouseClick(flow.missing.new_button, Qt.MouseButton.LeftButton)
    wizard = flow.wizard
    qtbot.addWidget(wizard)
    page = wizard.welcome_page
    try:
        page.language_combo.setCurrentIndex(page.language_combo.findData("es"))
        page.country_combo.setCurrentIndex(page.country_combo.findData("NZ"))
        wizard.next()
        assert unplugged.settings.language == "es" and unplugged.settings.country == "NZ"  # for this session
        wizard.reject()
    finally:  # English and the locale as they were (Qt's own words too)
        use_language("en")
        QLocale.setDefault(locale)
    assert flow.quits == [True]
    assert not (tmp_path / "media").exists()
    again = _start(qtbot, unplugged)
    assert isinstance(again.missing, MissingFolderScreen)


def test_the_choices_are_kept_once_the_new_journal_is_made(qtbot, unplugged):
    from test_setup_and_lock import finish_person_page, finish_recovery_page, run_wizard_to_recovery

    keyring.set_keyring(NoKeyring())
    flow = _start(qtbot, unplugged)
    qtbot.mouseClick(flow.missing.new_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(flow.wizard)
    page = flow.wizard.welcome_page
    page.country_combo.setCurrentIndex(page.country_combo.findData("NZ"))
    wizard = run_wizard_to_recovery(qtbot, flow)
    finish_recovery_page(qtbot, wizard)
    finish_person_page(qtbot, wizard, "Sam")
    assert flow.window is not None
    qtbot.addWidget(flow.window)
    assert json.loads(unplugged.settings_path.read_text())["country"] == "NZ"


def test_a_file_given_as_the_folder_is_told_before_any_wizard(qtbot, tmp_path):
    """``--data-dir .../journal/vault.db`` (the journal's own file given instead of its folder)
    opened the wizard, which failed only after a passphrase had been chosen."""
    journal = VaultPaths(tmp_path / "journal")
    journal.folder.mkdir()
    create_vault(journal, PASSPHRASE).vault.close()
    paths = VaultPaths(journal.db)
    context = AppContext(paths=paths, ops=Ops(), settings=Settings(country="US"),
                         settings_path=app_settings.path_for(paths.folder))
    flow = _start(qtbot, context)
    screen = flow.missing
    assert isinstance(screen, MissingFolderScreen) and flow.wizard is None
    assert "is a file, not a folder" in screen.message_text() and str(journal.folder) in screen.message_text()
    assert screen.new_button.isHidden()


# --- the drive unplugged while the unlock screen is up ----------------------------------------------


def test_a_drive_unplugged_at_the_unlock_screen_is_told_and_nothing_is_tried(qtbot, unplugged, monkeypatch):
    """The passphrase typed after the drive went away gave "No vault is set up here yet.": the
    folder unnamed, and nothing about the drive."""
    create_vault(unplugged.paths, PASSPHRASE).vault.close()
    drive = unplugged.paths.folder.parent  # .../media/usb
    window = create_main_window(unplugged)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    derived = count_key_derivations(monkeypatch, really=True)
    drive.rename(drive.with_name("usb-away"))  # unplugged
    qtbot.keyClicks(screen.ui.secretEdit, PASSPHRASE)
    qtbot.keyClick(screen.ui.secretEdit, Qt.Key.Key_Return)
    told = screen.note_text() + screen.status_text()
    assert str(unplugged.paths.folder) in told and "connect it and try again" in told
    assert not screen.busy and derived == [] and not drive.exists()

    drive.with_name("usb-away").rename(drive)  # plugged in again: the same press opens it
    qtbot.keyClick(screen.ui.secretEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10000)
    assert screen.note_text() == ""


def test_closing_the_window_after_the_drive_went_away_makes_no_folder(qtbot, unplugged):
    """Closing saved the window's size into settings.json, making the journal's folder (and its
    parents) on the computer's own disk: the next start then took it for an empty folder (the
    wizard, no drive hint), and a drive mounted there later would be hidden under it."""
    unplugged.vault = create_vault(unplugged.paths, PASSPHRASE).vault
    drive = unplugged.paths.folder.parent  # .../media/usb
    window = create_main_window(unplugged)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    drive.rename(drive.with_name("usb-away"))  # unplugged
    window.close()  # the window closes the vault
    assert not drive.exists()


def test_get_help_now_is_one_click_away_on_the_missing_folder_screen(qtbot, unplugged):
    """Crisis help is one click from every screen; this one had none (nor Ctrl+Shift+H)."""
    flow = _start(qtbot, unplugged)
    screen = flow.missing
    button = screen.get_help_button
    assert button.isVisibleTo(screen) and button.text() == "Get help now"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    shown = screen.get_help.window
    qtbot.addWidget(shown)
    assert shown.isVisible() and "988" in "\n".join(label.text() for label in shown.findChildren(QLabel))
    shown.close()
    assert not unplugged.paths.folder.parent.exists()


def test_the_drive_coming_back_during_the_wizard_keeps_its_own_settings(qtbot, unplugged):
    """"Start a new journal here…", then the drive is plugged in while the first page shows:
    choosing a country there wrote the session's defaults over the journal's own settings file
    (its time zone, paper, the numbers added in Get help now)."""
    keyring.set_keyring(NoKeyring())
    flow = _start(qtbot, unplugged)
    qtbot.mouseClick(flow.missing.new_button, Qt.MouseButton.LeftButton)
    wizard = flow.wizard
    qtbot.addWidget(wizard)
    create_vault(unplugged.paths, PASSPHRASE).vault.close()  # the drive is plugged in
    own = Settings(country="MX", paper="a4", time_zone="America/Mexico_City")
    app_settings.save(own, unplugged.settings_path)
    before = unplugged.settings_path.read_bytes()
    page = wizard.welcome_page
    page.country_combo.setCurrentIndex(page.country_combo.findData("NZ"))
    wizard.next()
    assert unplugged.settings_path.read_bytes() == before
    wizard.reject()


def test_a_folder_that_came_back_empty_is_not_still_called_not_there(qtbot, unplugged):
    """Try again after a drive came back without the journal folder's contents: the words still said
    "that folder is not there"."""
    flow = _start(qtbot, unplugged)
    screen = flow.missing
    unplugged.paths.folder.mkdir(parents=True)  # there now, but empty
    qtbot.mouseClick(screen.try_again_button, Qt.MouseButton.LeftButton)
    assert "not there" not in screen.message_text() and "is there now" in screen.message_text()
    assert str(unplugged.paths.folder) in screen.message_text()
    assert screen.new_button.isVisibleTo(screen) and flow.missing is screen
