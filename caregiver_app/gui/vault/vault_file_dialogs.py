"""Moving to a new computer: save the vault as one encrypted vault file, and open such a file —
from the first-run wizard ("I already have a vault file") or from the File menu (which sets the
current vault aside, never deleting it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...domain.errors import CaregiverError
from ...services import journal, transfer
from ...services.vault import Vault
from ..context import AppContext
from ..common.errors import log_safely, show_error, user_message
from ..common.trust_widgets import fit_text, heading_label, people_lines, plain_label, tell, when_text
from .key_widgets import BusyDialog
from .unlock_screen import announce
from ..common.building import documents_folder

def file_filter() -> str:
    """The file dialogs' choice of files, in the window's language."""
    return _("Caregiver Companion vault files (*{extension});;All files (*)").format(extension=transfer.EXTENSION)


def export_vault_file(context: AppContext, parent: QWidget) -> None:
    """File ▸ Move to another computer…: ask where, write the vault file in the background, and
    say how to use it."""
    today = journal.local_now(context.clock, context.zone_name).date()
    suggested = documents_folder() / transfer.default_export_name(today)
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save the vault file"), str(suggested), file_filter())
    if not path:
        return
    clock = context.clock

    def done(result: transfer.ExportResult) -> None:
        tell(parent, _("Vault file saved"),
             _("Saved your vault as {file} in {folder}.\n\n"
               "On the new computer, install Caregiver Companion, choose “I already have a vault file” "
             "when it starts, and pick this file. You will need your passphrase or your recovery code.\n\n"
             "The file is encrypted, like the vault. Still, keep it safe, and delete it once the new "
               "computer is set up.").format(file=result.path.name, folder=result.path.parent))

    # On the write lane: the copy is never taken between the parts of a save (nothing changes).
    context.ops.write(parent, lambda vault: transfer.export_vault(vault, Path(path), clock=clock), changes=(),
                      on_done=done, label=_("Saving the vault file…"), error_title=_("The vault file was not saved"))


class OpenVaultFileDialog(BusyDialog):
    """Pick a vault file and open it with its passphrase or recovery code; then a preview (when it
    was made, who is in it) and "Use this vault". After ``Accepted``, :attr:`pending` holds the
    opened file, ready for :func:`install_vault_file`; on any other ending it is put away."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, replacing: bool = False):
        super().__init__(_("Open a vault file"), 72, _("Opening the vault file"), parent)
        self.context = context
        self.replacing = replacing
        self.pending: transfer.PendingImport | None = None
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        intro = _("Choose the vault file you saved on your other computer (it ends in "
                  "“{extension}”), and type the passphrase or the recovery code that opens it.").format(
            extension=transfer.EXTENSION)
        ask_layout.addWidget(plain_label(intro, name=_("About vault files")))
        file_label = QLabel(_("Vault &file"))
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(_("Vault file"))
        file_label.setBuddy(self.file_edit)
        self.browse_button = QPushButton(_("&Choose…"))
        self.browse_button.setAccessibleName(_("Choose the vault file"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        ask_layout.addWidget(file_label)
        ask_layout.addLayout(row)
        self.passphrase_radio = QRadioButton(_("Open it with its &passphrase"))
        self.code_radio = QRadioButton(_("Open it with its &recovery code"))
        self.passphrase_radio.setChecked(True)
        self.passphrase_radio.toggled.connect(self._on_mode)
        ask_layout.addWidget(self.passphrase_radio)
        ask_layout.addWidget(self.code_radio)
        self.secret_label = QLabel()
        self.secret_edit = QLineEdit()
        self.secret_label.setBuddy(self.secret_edit)
        ask_layout.addWidget(self.secret_label)
        ask_layout.addWidget(self.secret_edit)
        ask_layout.addWidget(self.problem_label)
        ask_layout.addWidget(self.busy_bar)
        ask_layout.addStretch(1)
        self.stack.addWidget(ask)

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.made_label = heading_label("")
        preview_layout.addWidget(self.made_label)
        self.people_label = plain_label(name=_("In this vault file"))
        preview_layout.addWidget(self.people_label)
        self.replace_label = plain_label(
            _("Your current vault will be set aside in its folder (in “replaced”), not deleted, and this "
            "one will be used instead."), name=_("What happens to the current vault"))
        self.replace_label.setVisible(replacing)
        preview_layout.addWidget(self.replace_label)
        preview_layout.addStretch(1)
        self.stack.addWidget(preview)

        self.buttons = QDialogButtonBox()
        self.next_button = self.buttons.addButton(_("&Open the file"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._on_mode()
        fit_text(self)

    def browse(self) -> None:
        start = self.file_edit.text() or str(documents_folder())
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the vault file"), start, file_filter())
        if path:
            self.file_edit.setText(path)
            self.secret_edit.setFocus()

    def accept(self) -> None:
        if self.busy:
            return
        if self.stack.currentIndex() == 1 and self.pending is not None:
            super().accept()
            return
        file = Path(self.file_edit.text().strip())
        secret = self.secret_edit.text()
        if not self.file_edit.text().strip():
            self.show_problem(_("Please choose the vault file first."))
            self.file_edit.setFocus()
            return
        if not secret.strip():
            self.show_problem(_("Please type the recovery code first.") if self.code_radio.isChecked()
                          else _("Please type the passphrase first."))
            self.secret_edit.setFocus()
            return
        proof = {"recovery_code": secret} if self.code_radio.isChecked() else {"passphrase": secret}
        paths = self.context.paths
        self.set_busy(True)
        self.context.ops.background(self, lambda: transfer.open_vault_file(paths, file, **proof),
                                    on_done=self._on_opened, on_error=self._on_error)

    def reject(self) -> None:
        self._discard()
        super().reject()

    def _discard(self) -> None:
        if self.pending is not None:
            self.pending.discard()
            self.pending = None

    def _on_opened(self, pending: transfer.PendingImport) -> None:
        self.set_busy(False)
        self.secret_edit.clear()
        self._discard()
        self.pending = pending
        made = when_text(pending.made_at, self.context.zone_name)
        self.made_label.setText(_("This vault file was made on {date}.").format(date=made))
        self.made_label.setAccessibleName(self.made_label.text())
        self.people_label.setText(_("It holds:\n{people}").format(people=people_lines(pending.people)))
        self.next_button.setText(_("&Use this vault"))
        self.stack.setCurrentIndex(1)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.made_label, self.made_label.text())

    def _on_error(self, exc: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self.show_problem(user_message(exc))
        self.secret_edit.selectAll()
        self.secret_edit.setFocus()

    def _on_mode(self) -> None:
        self.secret_edit.clear()
        if self.code_radio.isChecked():
            self.secret_label.setText(_("Recovery code of &that vault (the 32 letters and numbers you wrote down)"))
            self.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret_edit.setAccessibleName(_("Recovery code"))
            self.secret_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        else:
            self.secret_label.setText(_("Passphrase of &that vault"))
            self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret_edit.setAccessibleName(_("Passphrase of the vault file"))
            self.secret_edit.setPlaceholderText("")

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.file_edit, self.browse_button, self.passphrase_radio, self.code_radio, self.secret_edit,
                self.next_button)


def pick_vault_file(context: AppContext, parent: QWidget, *, replacing: bool = False) -> transfer.PendingImport | None:
    """Ask for a vault file and open it (:class:`OpenVaultFileDialog`); the opened file, or None
    when the user stopped (nothing is left behind then)."""
    dialog = OpenVaultFileDialog(context, parent, replacing=replacing)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    pending, dialog.pending = dialog.pending, None
    dialog.deleteLater()
    if not accepted and pending is not None:
        pending.discard()
        pending = None
    return pending


def install_vault_file(context: AppContext, parent: QWidget, pending: transfer.PendingImport, *,
                       replacing: bool, on_opened: Callable[[Vault], None]) -> None:
    """Put the opened vault file in place (in the background) and hand the open vault to
    ``on_opened``. With ``replacing``, the vault in the folder must already be closed."""
    clock = context.clock

    def failed(exc: BaseException) -> None:
        pending.discard()
        show_error(parent, exc, _("The vault file was not used"))

    context.ops.background(parent, lambda: pending.install(replace_existing=replacing, clock=clock),
                           on_done=on_opened, on_error=failed, label=_("Setting up the vault…"))


def open_vault_file_for_setup(wizard) -> None:
    """The first-run wizard's "I already have a vault file": open the file, put it in place, and
    finish the wizard with that vault (``wizard.imported_vault``) instead of making a new one."""
    pending = pick_vault_file(wizard.context, wizard)
    if pending is None:
        return

    def opened(vault: Vault) -> None:
        wizard.imported_vault = vault
        wizard.accept()

    install_vault_file(wizard.context, wizard, pending, replacing=False, on_opened=opened)
