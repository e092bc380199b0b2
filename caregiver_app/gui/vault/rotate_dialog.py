"""File ▸ Security… ▸ "Someone may know my passphrase or code": re-encrypt the vault and its
backups under a brand-new key (services.rotation), with a new passphrase (or the current one
kept) and a new recovery code shown once; then say plainly what old copies still open with the
old secrets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CaregiverError, ValidationError
from ...services import keys, rotation
from ...services.vault import MIN_LENGTH, passphrase_problem
from ..context import AppContext
from ..common.errors import log_safely, user_message
from .key_dialogs import SecretField
from .setup_wizard import code_lines
from ..common.trust_widgets import code_font, fit_text, plain_label
from .unlock_screen import announce

INTRO = (
    "If someone may know your passphrase, or may have seen your recovery code, this locks them out "
    "for good: your journal and its backups are encrypted again under a brand-new key, you choose a "
    "new passphrase, and you get a new recovery code. The old passphrase and code then open nothing "
    "in your vault, not even with an old copy of its files. This can take a minute for a big journal."
)


class RotateKeyDialog(QDialog):
    """Ask for the current secret and a new passphrase, rotate in the background, then show the
    new recovery code once (with "I have written it down") and what stays readable."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.code = ""
        self._busy = False
        vault = context.require_vault()
        self.needs_proof = keys.needs_proof(vault)
        self.setWindowTitle("Lock out someone who knows my secrets")
        self.setAccessibleName("Lock out someone who knows my secrets")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        gap = self.fontMetrics().height() // 2

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(plain_label(INTRO, name="About this"))
        self.secret = SecretField()
        self.secret.setVisible(self.needs_proof)
        ask_layout.addSpacing(gap)
        ask_layout.addWidget(self.secret)
        self.keep_check = QCheckBox("&Keep my current passphrase (only my recovery code was seen)")
        self.keep_check.toggled.connect(self._on_keep)
        self.keep_check.setVisible(self.needs_proof)
        self.new_label = QLabel(f"&New passphrase (at least {MIN_LENGTH} characters)")
        self.new_edit = QLineEdit()
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit.setAccessibleName("New passphrase")
        self.new_label.setBuddy(self.new_edit)
        self.confirm_label = QLabel("Type the new passphrase &again")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName("New passphrase again")
        self.confirm_label.setBuddy(self.confirm_edit)
        ask_layout.addSpacing(gap)
        for w in (self.keep_check, self.new_label, self.new_edit, self.confirm_label, self.confirm_edit):
            ask_layout.addWidget(w)
        self.problem_label = plain_label(name="What to fix", bold=True)
        self.problem_label.hide()
        ask_layout.addWidget(self.problem_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName("Encrypting your vault again")
        self.busy_bar.hide()
        ask_layout.addWidget(self.busy_bar)
        ask_layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.rotate_button = QPushButton("&Encrypt again with a new key")
        self.rotate_button.clicked.connect(self.rotate)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.rotate_button, self.cancel_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        ask_layout.addLayout(row)
        self.stack.addWidget(ask)

        show = QWidget()
        show_layout = QVBoxLayout(show)
        show_layout.addWidget(plain_label(
            "Done: your vault and its backups now use a new key. This is your NEW recovery code. It is "
            "shown only this once, and the old code no longer works.", name="About the new code"))
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setFont(code_font(self))
        self.code_label.setAccessibleName("Recovery code")
        show_layout.addSpacing(gap)
        show_layout.addWidget(self.code_label)
        show_layout.addSpacing(gap)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton("&Copy the code")
        self.copy_button.setAccessibleName("Copy the recovery code")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self._copy)
        self.copied_label = plain_label(name="Copy status")
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)
        show_layout.addLayout(copy_row)
        self.readable_label = plain_label(name="What the old secrets still open")
        show_layout.addWidget(self.readable_label)
        self.written_check = QCheckBox("I have &written the new code down")
        self.written_check.toggled.connect(lambda on: self.done_button.setEnabled(on))
        show_layout.addWidget(self.written_check)
        show_layout.addStretch(1)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        self.done_button = QPushButton("&Done")
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        done_row.addWidget(self.done_button)
        show_layout.addLayout(done_row)
        self.stack.addWidget(show)
        fit_text(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.stack.currentIndex() == 0:
            (self.secret.edit if self.needs_proof else self.new_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def rotate(self) -> None:
        if self._busy:
            return
        keep = self.keep_check.isChecked() and self.needs_proof
        proof = self.secret.proof()
        if self.needs_proof and not proof:
            self._problem(keys.PROOF_NEEDED)
            self.secret.edit.setFocus()
            return
        if keep and "current_passphrase" not in proof:
            self._problem("To keep your passphrase, please type it above (not the recovery code).")
            return
        new, again = (None, None) if keep else (self.new_edit.text(), self.confirm_edit.text())
        problem = None if keep else passphrase_problem(new, again)
        if problem:
            self._problem(problem)
            self.new_edit.setFocus()
            return
        try:
            vault = self.context.require_vault()
        except CaregiverError as exc:
            self._problem(str(exc))
            return
        self._set_busy(True)
        self.context.runner.run(
            lambda: rotation.rotate_data_key(vault, new_passphrase=new, confirmation=again, **proof),
            on_done=self._on_done, on_error=self._on_error, parent=self,
            label="Encrypting your vault and its backups again…")

    def _on_done(self, result: rotation.RotationResult) -> None:
        self._set_busy(False)
        for edit in (self.secret.edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.code = result.recovery_code
        self.code_label.setText(code_lines(self.code))
        self.code_label.setAccessibleDescription(", ".join(self.code.split("-")))
        self.readable_label.setText(rotation.still_readable_words(result))
        self.stack.setCurrentIndex(1)
        self.code_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self._problem(user_message(exc))
        if not isinstance(exc, ValidationError) and self.needs_proof:
            self.secret.edit.selectAll()
            self.secret.edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for w in (self.secret, self.keep_check, self.new_edit, self.confirm_edit, self.rotate_button,
                  self.cancel_button):
            w.setEnabled(not busy)
        if busy:
            self._problem("")

    def _on_keep(self, keep: bool) -> None:
        for w in (self.new_label, self.new_edit, self.confirm_label, self.confirm_edit):
            w.setEnabled(not keep)

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        announce(self.problem_label, text)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copied_label.setText("Copied. Paste it where you will print or write it, then copy something else.")
        announce(self.copied_label, self.copied_label.text())

    def accept(self) -> None:
        if self.code and not self.written_check.isChecked():
            return
        self._forget()
        super().accept()

    def reject(self) -> None:
        if self._busy:
            return  # the work finishes first; closing mid-way would hide the new code
        if self.code:  # the key has changed: the code must be seen and confirmed
            return
        self._forget()
        super().reject()

    def _forget(self) -> None:
        self.code = ""
        self.code_label.clear()
        self.code_label.setAccessibleDescription("")
