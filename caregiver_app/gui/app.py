"""Starting the desktop app: the QApplication, the exception hook, settings, and the start flow
(first-run wizard, keyring unlock, or the unlock screen)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_NAME
from ..services.vault import VaultPaths, out_of_reach, remembered_on_disk, vault_exists
from .. import settings as app_settings
from ..i18n import _
from .common import formatting
from .common.translations import use_settings_language
from .language_switch import rebuild_in_new_language
from .context import AppContext
from .common.errors import ExceptionHook
from .common.visible_style import install_visible_style
from .main_window import MainWindow
from .shell.first_paint import after_first_paint
from .single_instance import SingleInstance, bring_forward
from .common.ops import Ops
from .reminders import controller as reminders

if TYPE_CHECKING:
    from .vault.missing_folder import MissingFolderScreen
    from .vault.setup_wizard import SetupWizard

ORGANIZATION = "Caregiver Companion"
DESKTOP_FILE = "caregiver-companion"


def create_main_window(context: AppContext) -> MainWindow:
    """The main window over ``context``: showing the pages when ``context.vault`` is open, the
    unlock screen otherwise."""
    return MainWindow(context)


WARM_UP_DELAY_MS = 300
"""After the first window is painted, wait this long, then load what opening a vault needs."""


QT_MODULES_FOR_UNLOCK = ("PySide6.QtCharts",)
"""Qt's own modules the unlock's pages need that the first window came up without. They are
loaded on the GUI thread (:func:`start_warm_up`), never by :func:`warm_up`'s worker: a Qt module
loaded by a worker while the GUI thread answered a screen reader crashed the app (found by the
AT-SPI check; tests/gui/test_warm_up_thread.py keeps this list complete)."""


def start_warm_up(ops, prepared: Callable[[], None]) -> None:
    """Load :data:`QT_MODULES_FOR_UNLOCK` here (about 10 ms), then :func:`warm_up` on a worker
    thread through ``ops``, and ``prepared()`` back on the GUI thread once it is done."""
    import importlib

    for name in QT_MODULES_FOR_UNLOCK:
        importlib.import_module(name)
    ops.background(None, warm_up, on_done=lambda _none: prepared())


def warm_up() -> None:
    """Import, off the GUI thread, the modules an unlock needs (the database layer, migrations,
    the journal), while the user types the passphrase: the first window came up without them,
    and the unlock then waits only for the key derivation and the checks. Touches no file."""
    from ..services import (  # noqa: F401  (the journal page's services and the importers it offers)
        backups, checkins, drafts, import_any, imports, journal, medications, people, scores, vault_checks,
        vault_repair, warning_signs)
    from .journal import journal_page  # noqa: F401  (the page shown at unlock; defines classes only)
    from ..services.vault import load_ciphers
    from ..services.vault_open import prepare_for_unlock

    load_ciphers()  # the key derivation and the cipher, which the unlock screen came up without
    prepare_for_unlock()


def install_app_filters(app: QApplication) -> None:
    """The app-wide event filters: the wheel guard and the screen-reader names. The app installs
    them right after its first window is painted (see gui/shell/first_paint); widgets made
    before are named then."""
    from .common.screen_reader_names import install_screen_reader_names  # with them, not with the app
    from .common.wheel_guard import install_wheel_guard

    install_wheel_guard(app)
    install_screen_reader_names(app)


def show_settings_notice(parent: QWidget | None, notice: str) -> None:
    """The calm, one-time message that the settings file could not be read."""
    box = QMessageBox(QMessageBox.Icon.Information, _("Settings were reset"), _(notice),
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()
    box.deleteLater()


class StartFlow(QObject):
    """Decides what the user sees first and keeps the windows alive:

    * no vault yet -> the setup wizard, then the main window;
    * a data folder that is not there (and not the usual one: a drive not connected, a typo), that
      this account cannot open, or a file given as the folder ->
      a screen that says so and offers "Try again" (then as below), starting a new journal there
      (the wizard) only as a second choice;
    * a vault remembered on this computer -> try the keyring (in the background), then the main
      window; if the keyring cannot give the key, the unlock screen says so in one line;
    * otherwise -> the unlock screen.

    ``on_quit`` runs when the user closes the wizard or the main window.
    """

    def __init__(self, context: AppContext, on_quit: Callable[[], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.on_quit = on_quit or QApplication.quit
        self.wizard: SetupWizard | None = None
        self.missing: MissingFolderScreen | None = None
        self.window: MainWindow | None = None

    @property
    def front(self) -> QWidget | None:
        """The window the user sees now: the missing-folder screen, the wizard or the main window."""
        return self.missing or self.wizard or self.window

    def start(self) -> None:
        paths = self.context.paths
        if out_of_reach(paths) is not None:
            from .vault.missing_folder import MissingFolderScreen  # only when the folder is out of reach

            self.missing = MissingFolderScreen(self.context)
            self.missing.found.connect(self._on_folder_found)
            self.missing.start_new.connect(self._on_start_new)
            self.missing.quit.connect(self._on_missing_quit)
            self.missing.show()
            return
        if not vault_exists(paths):
            self._show_wizard()
            return
        self._show_window()
        if remembered_on_disk(paths):
            self.window.open_with_keyring()

    def _show_wizard(self) -> None:
        from .vault.setup_wizard import SetupWizard  # only on the very first start

        self.wizard = SetupWizard(self.context)
        self.wizard.accepted.connect(self._on_wizard_accepted)
        self.wizard.rejected.connect(self._on_wizard_rejected)
        self.wizard.show()

    def _close_missing(self) -> None:
        missing, self.missing = self.missing, None
        if missing is not None:
            missing.get_help.close()  # its Get help window goes with it (the next screen has its own)
            missing.get_help = None  # the screen and its GetHelp hold each other: let it go now
            missing.hide()
            missing.deleteLater()

    def _on_folder_found(self) -> None:
        """"Try again" found the vault (the drive is connected now): read the folder's own
        settings (the ones read at start were the defaults of a folder that was not there, and
        saving them would have overwritten the real ones), then start as with the vault there."""
        self._reload_folder_settings()
        self._close_missing()
        self.start()

    def _reload_folder_settings(self) -> None:
        paths = self.context.paths
        path, _legacy = app_settings.location(paths.folder, VaultPaths.default().folder)
        if self.context.settings_path != path:
            return  # settings from elsewhere (given to run): not the folder's
        self.context.settings, notice, _path = app_settings.load_for_folder(paths.folder, VaultPaths.default().folder)
        use_settings_language(self.context.settings)  # the window is built after this, in that language
        if notice:
            QTimer.singleShot(0, lambda: show_settings_notice(self.front, notice))

    def _on_start_new(self) -> None:
        self._close_missing()
        self._show_wizard()

    def _on_missing_quit(self) -> None:
        self._close_missing()
        self.on_quit()

    def prepare_unlock(self) -> None:
        """After :func:`warm_up`, while the passphrase is typed: build the page the unlock will
        show (the journal; about 85 ms of widgets), so pressing Enter waits only for the key,
        the checks and the first read. Nothing when there is no window or it is unlocked."""
        if self.window is not None and self.window.is_locked:
            self.window.page_stack.prepare_current()

    def _show_window(self) -> None:
        self._adopt(create_main_window(self.context))

    def _adopt(self, window: MainWindow) -> None:
        """``window`` is the app's window from now on: its reminders, quitting, showing."""
        self.window = window
        self.reminders = reminders.install(self.context, window)
        window.closed.connect(self.on_quit)
        window.language_changed.connect(lambda: rebuild_in_new_language(window, self._adopt))
        window.show()
        window.raise_()
        window.activateWindow()

    def _on_wizard_accepted(self) -> None:
        wizard, self.wizard = self.wizard, None
        self.context.vault = wizard.vault
        if not self.context.settings_path.exists():  # held back while the folder was not there
            from .vault.setup_wizard import write_settings  # loaded with the wizard

            write_settings(self.context)
        self._show_window()
        wizard.deleteLater()

    def _on_wizard_rejected(self) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()
        self.on_quit()


def run(paths: VaultPaths, argv: Sequence[str] | None = None, *, settings_path: Path | None = None) -> int:
    """Run the desktop app on the vault in ``paths`` until the user quits. Returns the exit code.
    ``settings_path`` None means the settings file of the data folder (see
    ``settings.location``). A damaged settings file gives the defaults and one calm message.

    The system style, palette and font are kept as they are (no forced Fusion), so light and dark
    themes and large text work; Qt 6 scales for high-DPI screens by itself.
    """
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(DESKTOP_FILE)
    # The start flow quits explicitly, so the wizard handing over to the main window never ends the app.
    app.setQuitOnLastWindowClosed(False)

    # One window per vault: a second start brings the running one forward and quits.
    instance = SingleInstance(paths.folder, app)
    if instance.wake_running():
        return 0
    instance.listen()
    hook = ExceptionHook(app)
    hook.install()
    install_visible_style(app)
    if settings_path is None:
        settings, notice, settings_path = app_settings.load_for_folder(paths.folder, VaultPaths.default().folder)
    else:
        settings, notice = app_settings.load_with_notice(settings_path)
    context = AppContext(paths=paths, ops=Ops(app), settings=settings, settings_path=settings_path)
    use_settings_language(settings)  # before any window: each is worded once, when built
    formatting.follow_time_format(lambda: context.settings.time_format)
    flow = StartFlow(context, on_quit=app.quit)
    instance.activation_requested.connect(lambda: bring_forward(flow.front))
    flow.start()
    after_first_paint(flow.front, lambda: install_app_filters(app))
    QTimer.singleShot(WARM_UP_DELAY_MS, lambda: start_warm_up(context.ops, flow.prepare_unlock))
    if notice:
        QTimer.singleShot(0, lambda: show_settings_notice(flow.front, notice))
    try:
        return app.exec()
    finally:
        instance.close()
        # The window is gone and the event loop has ended: waiting here freezes nothing.
        context.ops.cancel_all()
        context.ops.wait_for_all()
        if context.vault is not None:
            context.vault.close()
            context.vault = None
        hook.uninstall()
