"""The vault's safety in the main window: File-menu actions (Backups, Security, moving to another
computer), the daily automatic backup (a few seconds after unlocking, in the background, and
checked again every hour while the vault stays open), one-time notices after unlocking (a
repaired key file), and the offer of a new passphrase right after an unlock with the recovery
code."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from ...i18n import _
from ...domain.errors import CaregiverError
from ..context import AppContext
from ..common.errors import log_safely, show_error, user_message
from ..common.page import confirm
from ..common.trust_widgets import tell

# The dialogs and the backup service are imported when first used: the unlock screen, which
# shows this File menu, needs none of them (nor the database layer they bring).

BACKUP_DELAY_MS = 5_000
BACKUP_CHECK_MS = 60 * 60_000


class VaultTools(QObject):
    """Owns the actions in :attr:`actions` (for the File menu) and the backup timers. ``window``
    is the main window: its ``vault_locked``/``vault_unlocked`` signals turn the actions off and
    on, ``lock()``, ``reload_people()`` and ``unlock_screen.unlocked`` are used after a restore or
    a replaced vault."""

    def __init__(self, context: AppContext, window: QMainWindow):
        super().__init__(window)
        self.context = context
        self.window = window
        self.last_backup_error: str = ""
        self.backups_action = QAction(_("&Backups…"), window)
        self.backups_action.setStatusTip(_("See the vault's backups, make one, or put one back"))
        self.backups_action.triggered.connect(self.open_backups)
        self.security_action = QAction(_("&Security…"), window)
        self.security_action.setStatusTip(_("Change the passphrase, make a new recovery code, remember this computer"))
        self.security_action.triggered.connect(self.open_security)
        self.export_action = QAction(_("Save a &vault file for another computer…"), window)
        self.export_action.setStatusTip(_("Save the whole vault as one encrypted file to move to a new computer"))
        self.export_action.triggered.connect(self.export_vault)
        self.import_action = QAction(_("&Use a vault file from another computer…"), window)
        self.import_action.setStatusTip(_("Replace this vault with one saved on another computer"))
        self.import_action.triggered.connect(self.import_vault)
        self.actions = [self.backups_action, self.security_action, self.export_action, self.import_action]

        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.setInterval(BACKUP_DELAY_MS)
        self.backup_timer.timeout.connect(self.run_daily_backup)
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(BACKUP_CHECK_MS)
        self.check_timer.timeout.connect(self.run_daily_backup)

        window.vault_locked.connect(self._on_locked)
        window.vault_unlocked.connect(self._on_unlocked)
        opened = context.vault is not None and context.vault.is_open
        for action in self.actions:
            action.setEnabled(opened)
        if opened:  # the window starts unlocked (right after the setup wizard)
            QTimer.singleShot(0, self._on_unlocked)

    # --- actions ------------------------------------------------------------------------------

    def open_backups(self) -> None:
        if not self._vault_open():
            return
        from .backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.context, self.window)
        dialog.restored.connect(self.window.reload_people)
        dialog.refresh()
        dialog.exec()
        dialog.deleteLater()

    def open_security(self) -> None:
        if not self._vault_open():
            return
        from .security_dialog import SecurityDialog

        dialog = SecurityDialog(self.context, self.window)
        dialog.show_backups.connect(self.open_backups)
        dialog.exec()
        dialog.deleteLater()

    def export_vault(self) -> None:
        if self._vault_open():
            from .vault_file_dialogs import export_vault_file

            export_vault_file(self.context, self.window)

    def import_vault(self) -> None:
        """Open a vault file, preview it, confirm (keeping the current vault is the default), set
        the current vault aside and open the new one."""
        if not self._vault_open():
            return
        from .vault_file_dialogs import install_vault_file, pick_vault_file

        pending = pick_vault_file(self.context, self.window, replacing=True)
        if pending is None:
            return
        if not confirm(self.window, _("Your current vault will be set aside (kept in its folder, not deleted) and "
                       "the vault from the file will be used from now on."), yes=_("Use the vault from the file"),
                       no=_("Keep my current vault"), destructive=True, title=_("Use the vault from this file?")):
            pending.discard()
            return
        self.window.lock()
        install_vault_file(self.context, self.window, pending, replacing=True,
                           on_opened=self.window.unlock_screen.unlocked.emit)

    # --- unlock, lock and the daily backup ----------------------------------------------------

    def run_daily_backup(self) -> None:
        """Make the daily backup in the background when one is due (no window, no waiting)."""
        vault = self.context.vault
        if vault is None or not vault.is_open:
            return  # locked: a timer that fired late has nothing to back up
        clock = self.context.clock
        from ...services import backups

        # On the write lane: a backup is never taken between the parts of a save, and never
        # while a new key is replacing the old one (it would be made under the old key).
        self.context.ops.write(self.window, lambda vault: backups.daily_backup_if_due(vault, clock=clock),
                               changes=(), on_done=self._backup_done, on_error=self._backup_failed)

    def _backup_done(self, _info) -> None:
        self.last_backup_error = ""

    def _backup_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        text = _("Today's automatic backup could not be made. {problem} Your journal itself is "
                 "fine; the app will try again later.").format(problem=user_message(exc))
        if text == self.last_backup_error:
            return
        self.last_backup_error = text
        tell(self.window, _("Automatic backup"), text, warning=True, blocking=False)

    def _on_unlocked(self) -> None:
        vault = self.context.vault
        if vault is None or not vault.is_open:
            return
        for action in self.actions:
            action.setEnabled(True)
        for notice in vault.notices:
            tell(self.window, _("A note about your vault"), notice, blocking=False)
        vault.notices.clear()
        if vault.offer_new_passphrase:
            self.offer_new_passphrase()
        self.backup_timer.start()
        self.check_timer.start()

    def _on_locked(self) -> None:
        for action in self.actions:
            action.setEnabled(False)
        self.backup_timer.stop()
        self.check_timer.stop()

    def offer_new_passphrase(self) -> ChangePassphraseDialog | None:
        """Right after an unlock with the recovery code: offer to choose a new passphrase (a
        window-modal dialog that does not stop the app; "Not now" closes it)."""
        try:
            from .key_dialogs import ChangePassphraseDialog

            dialog = ChangePassphraseDialog(self.context, self.window, after_recovery=True)
        except CaregiverError:
            return None
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _vault_open(self) -> bool:
        try:
            self.context.require_vault()
        except CaregiverError as exc:
            show_error(self.window, exc)
            return False
        return True
