"""The calm screen that opens a locked vault with the passphrase or the recovery code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from ...i18n import N_, _
from ...domain.errors import CaregiverError
from ...services.vault import (DamagedVaultError, KeyringUnavailableError, Vault, keys_lost, out_of_reach,
                               remembered_on_disk)
from ..context import AppContext
from ..common.errors import log_safely, user_message
from ..forms.ui_unlock_screen import Ui_UnlockScreen

PANEL_WIDTH_CHARS = 46
KEYRING_FALLBACK = N_("This computer's keyring could not give the key, so please enter your passphrase.")


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers read ``text`` now (a status line changes without focus moving)."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def scale_font(widget: QWidget, factor: float, bold: bool = True) -> None:
    """Make ``widget``'s font ``factor`` times the system size (never a fixed pixel size)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class UnlockScreen(QWidget):
    """Asks for the passphrase (or the recovery code) and emits :attr:`unlocked` with the open
    :class:`Vault`. Errors show on a status line in plain words; the vault files are never
    touched by a failed try."""

    unlocked = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ui = Ui_UnlockScreen()
        self.ui.setupUi(self)
        self._recovery_mode = False
        self._busy = False
        self._lock_asked = False  # a lock asked for while the unlock ran: it wins (lock_when_done)
        self._ask_read: Callable[[], Callable[[Vault], Any] | None] | None = None  # see read_with_unlock
        self._read_done: tuple[Vault, Any] | None = None
        self._repairing = False  # a damaged vault's backup is being offered (or put back): it holds the key
        self._keys_lost_note = ""  # the note shown for lost key files (see _tell_keys_lost)

        scale_font(self.ui.titleLabel, 1.5)
        self.ui.titleLabel.setAccessibleName(self.ui.titleLabel.text())
        # A readable line length that grows with the system font size.
        self.ui.panel.setMaximumWidth(self.fontMetrics().averageCharWidth() * PANEL_WIDTH_CHARS * 2)
        # Room to breathe, in units of the user's own font size.
        gap = self.fontMetrics().height() // 2
        panel = self.ui.panelLayout
        panel.insertSpacing(panel.indexOf(self.ui.introLabel), gap // 2)
        panel.insertSpacing(panel.indexOf(self.ui.secretLabel), gap)
        panel.insertSpacing(panel.indexOf(self.ui.statusLabel), gap // 2)
        status_font = self.ui.statusLabel.font()
        status_font.setBold(True)  # an error stands out by weight, not by colour
        self.ui.statusLabel.setFont(status_font)
        self.ui.centerLayout.setStretch(1, 4)
        self.ui.centerLayout.setStretch(0, 1)
        self.ui.centerLayout.setStretch(2, 1)

        self.ui.noteLabel.hide()
        # A note may name the vault's folder (the key file missing): it can be copied.
        self.ui.noteLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ui.statusLabel.hide()
        self.ui.busyBar.hide()
        self.ui.keyringButton.hide()
        self.ui.unlockButton.setAutoDefault(True)
        self.ui.switchButton.setAccessibleName(_("Use my recovery code instead"))
        self.ui.keyringButton.setAccessibleName(_("Open with this computer's keyring"))

        self.ui.secretEdit.returnPressed.connect(self.unlock)
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.switchButton.clicked.connect(self.toggle_recovery_mode)
        self.ui.keyringButton.clicked.connect(self.unlock_with_keyring)
        self.ui.showCheck.toggled.connect(self._on_show_toggled)
        self.ui.secretEdit.textEdited.connect(self._on_edited)

    # --- public -------------------------------------------------------------------------------

    @property
    def recovery_mode(self) -> bool:
        return self._recovery_mode

    @property
    def busy(self) -> bool:
        return self._busy

    def lock_when_done(self) -> None:
        """A lock asked for (the tray, a reminder) while the unlock runs: the job cannot be
        stopped midway, so the vault it opens is closed again at once, never shown. The same while
        a damaged vault's backup is offered or put back: the offer (it names the people) closes."""
        if self._busy or self._repairing:
            self._lock_asked = True
        if self._repairing:
            for box in self.findChildren(QMessageBox):
                box.reject()  # "Not now": the offer lets go of the key

    def reset(self, note: str = "") -> None:
        """Back to a fresh passphrase prompt; ``note`` is a one-line explanation shown above it."""
        self.ui.secretEdit.clear()
        self.set_recovery_mode(False)
        self.set_status("")
        if not self._tell_keys_lost():
            self.set_note(note)
        self.set_busy(False)
        self.ui.keyringButton.setVisible(remembered_on_disk(self.context.paths))

    def set_note(self, note: str) -> None:
        self.ui.noteLabel.setText(note)
        self.ui.noteLabel.setVisible(bool(note))
        announce(self.ui.noteLabel, note)

    def set_status(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setVisible(bool(text))
        announce(self.ui.statusLabel, text)

    def status_text(self) -> str:
        return self.ui.statusLabel.text()

    def note_text(self) -> str:
        return self.ui.noteLabel.text()

    def focus_field(self) -> None:
        self.ui.secretEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool, label: str = "") -> None:
        label = label or _("Opening your vault…")
        self._busy = busy
        self.ui.busyBar.setVisible(busy)
        self.ui.busyBar.setAccessibleName(label)
        for w in (
            self.ui.secretEdit,
            self.ui.unlockButton,
            self.ui.switchButton,
            self.ui.keyringButton,
            self.ui.showCheck,
        ):
            w.setEnabled(not busy)
        if busy:
            self.set_status(label)
        elif not self.ui.secretEdit.hasFocus():
            self.focus_field()

    def set_recovery_mode(self, on: bool) -> None:
        """Switch the field between the passphrase and the recovery code."""
        self._recovery_mode = on
        ui = self.ui
        ui.secretEdit.clear()
        self.set_status("")
        if on:
            ui.secretLabel.setText(_("&Recovery code (the 32 letters and numbers you wrote down)"))
            ui.secretEdit.setAccessibleName(_("Recovery code"))
            ui.secretEdit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            ui.secretEdit.setEchoMode(QLineEdit.EchoMode.Normal)
            ui.showCheck.hide()
            ui.switchButton.setText(_("Use my &passphrase instead"))
            ui.switchButton.setAccessibleName(_("Use my passphrase instead"))
        else:
            ui.secretLabel.setText(_("&Passphrase"))
            ui.secretEdit.setAccessibleName(_("Passphrase"))
            ui.secretEdit.setPlaceholderText("")
            self._on_show_toggled(ui.showCheck.isChecked())
            ui.showCheck.show()
            ui.switchButton.setText(_("Use my &recovery code instead"))
            ui.switchButton.setAccessibleName(_("Use my recovery code instead"))
        self.focus_field()

    # --- slots --------------------------------------------------------------------------------

    @Slot()
    def toggle_recovery_mode(self) -> None:
        self.set_recovery_mode(not self._recovery_mode)

    @Slot()
    def unlock(self) -> None:
        """Try what is in the field, in the background."""
        if self._busy:
            return
        if self._tell_keys_lost():  # no try: neither secret can open the vault without its key file
            self.set_status("")  # (nor can anything reach a folder that went away: a drive unplugged)
            self.focus_field()
            return
        secret = self.ui.secretEdit.text()
        if not secret.strip():
            self.set_status(
                _("Please type your recovery code first.") if self._recovery_mode else _("Please type your passphrase first.")
            )
            self.focus_field()
            return
        # Opening a vault loads the database layer (SQLCipher): with the first try, not with the
        # screen (issue 16).
        from ...services.vault_open import unlock_with_passphrase, unlock_with_recovery_code

        paths, clock = self.context.paths, self.context.clock
        if self._recovery_mode:
            job = lambda: unlock_with_recovery_code(paths, secret, clock=clock)  # noqa: E731
        else:
            job = lambda: unlock_with_passphrase(paths, secret, clock=clock)  # noqa: E731
        self._start(job, _("Opening your vault…"))

    @Slot()
    def unlock_with_keyring(self) -> None:
        """Open with the key this computer's keyring holds (only offered when remembered)."""
        if self._busy:
            return
        if self._tell_keys_lost():
            self.set_status("")
            return
        from ...services.vault_open import unlock_with_keyring

        paths, clock = self.context.paths, self.context.clock
        self._start(lambda: unlock_with_keyring(paths, clock=clock), _("Opening with this computer's keyring…"))

    def read_with_unlock(self, ask: Callable[[], Callable[[Vault], Any] | None]) -> None:
        """As each try starts, ``ask()`` (on the GUI thread) may give a read that the same job
        runs once the vault is open and checked: the window's first read then waits for no job
        of its own and for no other thread (issue 16). Its answer is :meth:`read_done_with` the
        vault; a read that fails gives None (the window then reads again and reports it)."""
        self._ask_read = ask

    def read_done_with(self, vault: Vault) -> Any:
        """While :attr:`unlocked` is emitted: the answer of the read made in the job that opened
        ``vault`` (None when there was none)."""
        done = self._read_done
        return done[1] if done is not None and done[0] is vault else None

    # --- private ------------------------------------------------------------------------------

    def _start(self, job: Callable[[], Vault], label: str) -> None:
        self._lock_asked = False
        self._repairing = False
        self.set_busy(True, label)
        read = self._ask_read() if self._ask_read is not None else None
        if read is None:
            self.context.ops.background(self, job, on_done=self._on_done, on_error=self._on_error)
            return

        def open_and_read() -> tuple[Vault, Any]:
            vault = job()  # every check of the open has passed before anything is read
            try:
                return vault, read(vault)
            except Exception:  # noqa: BLE001  the vault is open all the same: the window reads again
                return vault, None

        self.context.ops.background(self, open_and_read, on_done=lambda done: self._on_done(*done),
                                    on_error=self._on_error)

    def _on_done(self, vault: Vault, read: Any = None) -> None:
        self._repairing = False
        self.ui.secretEdit.clear()
        self.set_busy(False)
        self.set_status("")
        self.set_note("")
        if self._lock_asked:  # the lock wins: nothing of the vault is shown
            self._lock_asked = False
            vault.close()
            self.set_note(_("The vault is locked."))
            return
        self._read_done = (vault, read)
        try:
            self.unlocked.emit(vault)
        finally:
            self._read_done = None

    def _on_error(self, exc: BaseException) -> None:
        self._lock_asked = False  # nothing opened: the lock asked for meanwhile is done
        self.set_busy(False)
        if isinstance(exc, KeyringUnavailableError):
            # Fail closed, and say what really happened: the keyring, not a wrong passphrase.
            self.ui.keyringButton.hide()
            self.set_status("")
            self.set_note(_(KEYRING_FALLBACK))
            self.focus_field()
            return
        if isinstance(exc, DamagedVaultError):  # offer the newest good backup (default: not now)
            from .recovery_dialog import offer_repair

            self.set_status(user_message(exc))
            self._repairing = True
            offer_repair(self, self.context, exc, self._on_done, on_declined=self._repair_ended,
                         lock_asked=lambda: self._lock_asked)
            return
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self.set_status(user_message(exc))
        self.ui.secretEdit.selectAll()
        self.focus_field()

    def _tell_keys_lost(self) -> bool:
        """Lost key files are told at once, before a passphrase is typed, and again at each try
        (three file checks, no key derivation, no database layer). True when they are lost; the
        note goes again once the key file is back. So is a folder that went out of reach since
        the start (a drive unplugged, a network folder gone): its words name it and say to connect
        it and try again, rather than "No vault is set up here yet" after the passphrase."""
        reach = out_of_reach(self.context.paths)
        lost = reach[0] if reach is not None else keys_lost(self.context.paths)
        if lost:
            self.set_note(lost)
        elif self._keys_lost_note and self.note_text() == self._keys_lost_note:
            self.set_note("")
        self._keys_lost_note = lost or ""
        self.ui.introLabel.setVisible(not lost)  # room for the note at large text sizes
        return bool(lost)

    def _repair_ended(self) -> None:
        """The backup offer was declined, or failed: no key is held any more."""
        self._repairing = False
        self._lock_asked = False

    def _on_show_toggled(self, shown: bool) -> None:
        if not self._recovery_mode:
            mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            self.ui.secretEdit.setEchoMode(mode)

    def _on_edited(self, _text: str) -> None:
        if self.ui.statusLabel.isVisible() and not self._busy:
            self.set_status("")
