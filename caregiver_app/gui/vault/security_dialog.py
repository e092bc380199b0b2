"""File ▸ Security…: the keys under the user's control — change the passphrase, make a new
recovery code, lock out someone who may know them (a new key), and turn "remember on this
computer" on or off — with a plain word on what each protects."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _
from ...domain.errors import CaregiverError
from ...services.vault_open import keyring_available, set_remember_on_device
from ...services.vault import remembered_on_device
from ..context import AppContext
from ..common.errors import log_safely, user_message
from .key_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from .rotate_dialog import RotateKeyDialog
from ..common.building import scroll_area
from ..common.trust_widgets import heading_label, plain_label
from .unlock_screen import announce


def _section(layout: QVBoxLayout, title: str, text: str, *widgets: QWidget) -> None:
    """A heading, a plain paragraph and the section's controls, straight in the dialog's layout
    (wrapped text then always gets the height it needs, at any font size)."""
    if layout.count():
        layout.addSpacing(layout.parentWidget().fontMetrics().height() // 2)
    layout.addWidget(heading_label(title))
    layout.addWidget(plain_label(text, name=title))
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    layout.addLayout(row)


class SecurityDialog(QDialog):
    """The Security settings. Emits :attr:`show_backups` when the user asks for the backups."""

    show_backups = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Security"))
        self.setAccessibleName(_("Security"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        outer = QVBoxLayout(self)
        # The five sections scroll (at large text they are taller than a small screen); the
        # status line and Close stay in sight below them.
        self.sections = QWidget(self)
        layout = QVBoxLayout(self.sections)
        layout.setContentsMargins(0, 0, self.fontMetrics().averageCharWidth(), 0)  # words clear of the scroll bar
        self.scroll = scroll_area(self.sections, self, focusable=False, sideways=False)
        outer.addWidget(self.scroll, 1)

        def button(text: str, slot) -> QPushButton:
            made = QPushButton(text)
            made.clicked.connect(slot)
            return made

        self.passphrase_button = button(_("Change &passphrase…"), self.change_passphrase)
        self.code_button = button(_("Make a new &recovery code…"), self.new_recovery_code)
        self.rotate_button = button(_("Someone may &know my passphrase or code…"), self.rotate_key)
        self.remember_check = QCheckBox(_("Re&member on this computer (open without typing the passphrase)"))
        self.remember_check.setAccessibleName(_("Remember on this computer"))
        self.backups_button = button(_("&Backups…"), self.show_backups)
        for title, text, control in (
            (N_("Passphrase"),
             N_("Your passphrase opens the vault. Change it whenever you like. The journal itself stays as "
             "it is; if someone may also have a copy of your vault's files, use the choice below instead."),
             self.passphrase_button),
            (N_("Recovery code"),
             N_("The recovery code opens the vault if you forget your passphrase. If you lost the paper "
             "it is on, make a new one: the old code then stops working."),
             self.code_button),
            (N_("If someone knows your secrets"),
             N_("If someone may know your passphrase or have seen your recovery code, lock them out for good: "
             "your journal and its backups are encrypted again under a new key, with a new passphrase and a "
             "new recovery code."),
             self.rotate_button),
            (N_("This computer"),
             N_("When this is on, the vault's key is kept in this computer's keyring, and the journal opens "
             "by itself for anyone who can use your account here. Leave it off if you share this "
             "computer account."),
             self.remember_check),
            (N_("Backups"),
             N_("An encrypted backup is made each day you use the app and before every update or restore."),
             self.backups_button),
        ):
            _section(layout, _(title), _(text), control)

        self.status_label = plain_label(name=_("Status"), bold=True)
        self.status_label.hide()
        outer.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        outer.addWidget(buttons)
        self.refresh()
        self.remember_check.toggled.connect(self._on_remember_toggled)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        """Open as tall as the sections need at this width, but never taller than the screen."""
        super().showEvent(event)
        margins = self.layout().contentsMargins()
        inner = self.scroll.viewport().width() or self.width() - margins.left() - margins.right()
        rest = self.height() - self.scroll.height()
        wanted = self.sections.layout().totalHeightForWidth(inner) + rest + 2
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        self.resize(self.width(), max(self.height(), min(wanted, int(screen * 0.9))))

    def refresh(self) -> None:
        vault = self.context.vault
        has_keyring = keyring_available()
        self.remember_check.blockSignals(True)
        self.remember_check.setChecked(remembered_on_device(vault))
        self.remember_check.blockSignals(False)
        self.remember_check.setEnabled(has_keyring or self.remember_check.isChecked())
        if not has_keyring and not self.remember_check.isChecked():
            self._note(_("This computer has no keyring the app can use, so the passphrase is always needed."))

    def change_passphrase(self) -> None:
        self._open(ChangePassphraseDialog, _("Your passphrase is changed. Use the new one from now on."))

    def new_recovery_code(self) -> None:
        self._open(NewRecoveryCodeDialog, _("Your new recovery code is in place; the old one no longer opens the vault."))

    def rotate_key(self) -> None:
        self._open(RotateKeyDialog,
                   _("Your vault now uses a new key. The old passphrase and recovery code no longer open it."))

    def _open(self, kind: type[QDialog], done_note: str) -> None:
        """Open the key dialog ``kind``; say ``done_note`` when it ends with its change made."""
        try:
            dialog = kind(self.context, self)
        except CaregiverError as exc:
            self._note(str(exc))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._note(done_note)
        dialog.deleteLater()

    def _on_remember_toggled(self, on: bool) -> None:
        """Put the key in this computer's keyring, or take it out, as a write off the GUI thread
        (a keyring may take seconds to answer); the box is off until the keyring has answered."""
        self.remember_check.setEnabled(False)

        def done(problem: str | None) -> None:
            self.refresh()
            if problem:
                self._note(_("{problem} The passphrase is still needed to open the vault.").format(problem=problem)
                           if on else problem)
            elif on:
                self._note(_("This computer now remembers the vault."))
            else:
                self._note(_("This computer no longer remembers the vault; the passphrase is needed to open it."))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            done(user_message(exc))

        self.context.ops.write(self, lambda vault: set_remember_on_device(vault, on), changes=(),
                               on_done=done, on_error=failed)

    def _note(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        announce(self.status_label, text)
