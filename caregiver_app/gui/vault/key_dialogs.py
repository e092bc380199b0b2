"""Dialogs that change the keys: a new passphrase (also offered right after an unlock with the
recovery code) and a new recovery code (shown once, like at setup). Only the key file changes;
the journal itself is never re-encrypted."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
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
from ...services import keys
from ...services.vault import MIN_LENGTH, passphrase_problem, strength_hint
from ..context import AppContext
from ..common.errors import log_safely, user_message
from .recovery_sheet import RecoverySheetDialog
from .setup_wizard import code_lines
from ..common.trust_widgets import code_font, fit_text, plain_label
from .unlock_screen import announce


class SecretField(QWidget):
    """The current passphrase, or — after "I forgot it" — the recovery code, as proof before a
    key change."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_mode = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.edit = QLineEdit()
        self.label.setBuddy(self.edit)
        self.switch_button = QPushButton()
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(lambda: self.set_recovery_mode(not self.recovery_mode))
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.switch_button)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.set_recovery_mode(False)

    def set_recovery_mode(self, on: bool) -> None:
        self.recovery_mode = on
        self.edit.clear()
        if on:
            self.label.setText("Your &recovery code (the 32 letters and numbers you wrote down)")
            self.edit.setAccessibleName("Recovery code")
            self.edit.setEchoMode(QLineEdit.EchoMode.Normal)
            self.edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.switch_button.setText("Use my passphrase")
            self.switch_button.setAccessibleName("Use my current passphrase instead")
        else:
            self.label.setText("Your c&urrent passphrase")
            self.edit.setAccessibleName("Current passphrase")
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edit.setPlaceholderText("")
            self.switch_button.setText("I forgot it")
            self.switch_button.setAccessibleName("I forgot my passphrase: use my recovery code")

    def proof(self) -> dict:
        text = self.edit.text()
        if not text:
            return {}
        return {"recovery_code": text} if self.recovery_mode else {"current_passphrase": text}


class ChangePassphraseDialog(QDialog):
    """Choose a new passphrase. ``after_recovery`` words it as the offer made right after an
    unlock with the recovery code (no current passphrase needed then)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, after_recovery: bool = False):
        super().__init__(parent)
        self.context = context
        self._busy = False
        vault = context.require_vault()
        self.needs_proof = keys.needs_proof(vault)
        title = "Choose a new passphrase" if after_recovery else "Change your passphrase"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        if after_recovery:
            intro = ("You opened your vault with your recovery code. Choose a new passphrase now, so you "
                     "can open it the usual way next time. Your recovery code keeps working.")
        else:
            intro = ("Your journal stays just as it is; only the key that opens it changes. After this, "
                     "the old passphrase no longer opens the vault. Your recovery code keeps working.")
        layout.addWidget(plain_label(intro, name="About this"))
        gap = self.fontMetrics().height() // 2
        self.secret = SecretField()
        layout.addSpacing(gap)
        layout.addWidget(self.secret)
        self.secret.setVisible(self.needs_proof)

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
        self.show_check = QCheckBox("&Show what I type")
        self.show_check.toggled.connect(self._on_show)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName("Passphrase strength")
        self.strength_label = plain_label(name="Passphrase strength")
        self.advice_label = plain_label(name="Advice")
        layout.addSpacing(gap)
        for w in (self.new_label, self.new_edit, self.confirm_label, self.confirm_edit, self.show_check,
                  self.strength_bar, self.strength_label, self.advice_label):
            layout.addWidget(w)
        self.problem_label = plain_label(name="What to fix", bold=True)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName("Changing your passphrase")
        self.busy_bar.hide()
        layout.addWidget(self.busy_bar)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Change passphrase" if not after_recovery else "&Save new passphrase")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Not now" if after_recovery else "Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new_edit.textChanged.connect(self._on_changed)
        self.confirm_edit.textChanged.connect(self._on_changed)
        self._on_changed()
        fit_text(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        (self.secret.edit if self.needs_proof else self.new_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        if self._busy:
            return
        new, again = self.new_edit.text(), self.confirm_edit.text()
        problem = passphrase_problem(new, again)
        if problem:
            self._problem(problem)
            return
        proof = self.secret.proof()
        if self.needs_proof and not proof:
            self._problem(keys.PROOF_NEEDED)
            self.secret.edit.setFocus()
            return
        try:
            vault = self.context.require_vault()
        except CaregiverError as exc:
            self._problem(str(exc))
            return
        self._set_busy(True)
        self.context.runner.run(lambda: keys.change_passphrase(vault, new, again, **proof),
                                on_done=self._on_done, on_error=self._on_error, parent=self)

    def _on_done(self, _result) -> None:
        self._set_busy(False)
        for edit in (self.secret.edit, self.new_edit, self.confirm_edit):
            edit.clear()
        super().accept()

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
        for w in (self.secret, self.new_edit, self.confirm_edit, self.show_check, self.buttons):
            w.setEnabled(not busy)
        if busy:
            self._problem("")

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        announce(self.problem_label, text)

    def _on_show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.new_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def _on_changed(self) -> None:
        text = self.new_edit.text()
        hint = strength_hint(text)
        self.strength_bar.setValue(hint.score if text else 0)
        self.strength_label.setText(f"Strength: {hint.words or 'Not typed yet'}")
        self.strength_bar.setAccessibleDescription(hint.words or "Not typed yet")
        self.advice_label.setText(hint.advice)
        again = self.confirm_edit.text()
        self._problem("The two passphrases are not the same yet."
                      if again and len(again) >= len(text) and again != text else "")


class NewRecoveryCodeDialog(QDialog):
    """Make a new recovery code: prove who you are, see the new code once, tick "I have written it
    down". Until then the old code keeps working too; after Done only the new one does."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.code = ""
        self._busy = False
        self.setWindowTitle("New recovery code")
        self.setAccessibleName("New recovery code")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        vault = context.require_vault()
        self.needs_proof = keys.needs_proof(vault)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(plain_label(
            "A new recovery code replaces the one you have now. Make one if you lost the paper with "
            "your code, or think someone else has seen it. Once you have written the new code down, the "
            "old one no longer opens your vault.", name="About recovery codes"))
        self.secret = SecretField()
        self.secret.setVisible(self.needs_proof)
        ask_layout.addSpacing(self.fontMetrics().height() // 2)
        ask_layout.addWidget(self.secret)
        self.problem_label = plain_label(name="What to fix", bold=True)
        self.problem_label.hide()
        ask_layout.addWidget(self.problem_label)
        ask_layout.addStretch(1)
        ask_buttons = QHBoxLayout()
        self.make_button = QPushButton("&Make a new code")
        self.make_button.clicked.connect(self.make_code)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.make_button, self.cancel_button):
            b.setAutoDefault(False)  # no default: making a code retires the old one
        ask_buttons.addStretch(1)
        ask_buttons.addWidget(self.make_button)
        ask_buttons.addWidget(self.cancel_button)
        ask_layout.addLayout(ask_buttons)
        self.stack.addWidget(ask)

        show = QWidget()
        show_layout = QVBoxLayout(show)
        show_layout.addWidget(plain_label(
            "This is your new recovery code. It is shown only this once. If you ever forget your "
            "passphrase, it is the only other way to open your vault.", name="About the new code"))
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setFont(code_font(self))
        self.code_label.setAccessibleName("Recovery code")
        gap = self.fontMetrics().height() // 2
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
        self.sheet_button = QPushButton("&Print or save this sheet…")
        self.sheet_button.setAccessibleName("Print or save the recovery code sheet")
        self.sheet_button.setAutoDefault(False)
        self.sheet_button.clicked.connect(self._print_sheet)
        copy_row.addWidget(self.sheet_button)
        copy_row.addWidget(self.copied_label, 1)
        show_layout.addLayout(copy_row)
        show_layout.addWidget(plain_label(
            "Write it on paper and keep it somewhere safe at home. Do not save it on this computer or "
            "send it by email. Your old code keeps working until you tick the box and press Done.",
            name="Keeping the code safe"))
        self.written_check = QCheckBox("I have &written it down")
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
            (self.secret.edit if self.needs_proof else self.make_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def make_code(self) -> None:
        if self._busy:
            return
        proof = self.secret.proof()
        if self.needs_proof and not proof:
            self._problem(keys.PROOF_NEEDED)
            self.secret.edit.setFocus()
            return
        try:
            vault = self.context.require_vault()
        except CaregiverError as exc:
            self._problem(str(exc))
            return
        self._busy = True
        self.make_button.setEnabled(False)
        self.context.runner.run(lambda: keys.make_new_recovery_code(vault, **proof),
                                on_done=self._on_made, on_error=self._on_error, parent=self,
                                label="Making a new recovery code…")

    def _on_made(self, code: str) -> None:
        self._busy = False
        self.secret.edit.clear()
        self.code = code
        self.code_label.setText(code_lines(code))
        self.code_label.setAccessibleDescription(", ".join(code.split("-")))
        self.stack.setCurrentIndex(1)
        self.code_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.make_button.setEnabled(True)
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self._problem(user_message(exc))
        self.secret.edit.selectAll()

    def _problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        announce(self.problem_label, text)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copied_label.setText("Copied. Paste it where you will print or write it, then copy something else.")
        announce(self.copied_label, self.copied_label.text())

    def _print_sheet(self) -> None:
        """The printable sheet of the new code (the same one the setup wizard offers)."""

        try:
            dialog = RecoverySheetDialog(self.code, parent=self)
        except CaregiverError as exc:
            self.copied_label.setText(user_message(exc))
            return
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        if not self.code or not self.written_check.isChecked():
            return
        vault = self.context.vault
        if vault is not None and vault.is_open:
            try:
                keys.confirm_recovery_code(vault)
            except OSError as exc:
                self.copied_label.setText(user_message(exc))
                return
        self._forget()
        super().accept()

    def reject(self) -> None:
        # Closing before ticking the box keeps the old code working as well (nothing is lost).
        self._forget()
        super().reject()

    def _forget(self) -> None:
        self.code = ""
        self.code_label.clear()
        self.code_label.setAccessibleDescription("")
