"""Dialogs that change the keys: a new passphrase (also offered right after an unlock with the
recovery code) and a new recovery code (shown once, like at setup). Only the key file changes;
the journal itself is never re-encrypted. Both run their change as a write on the ops lane
(see :class:`~caregiver_app.gui.vault.key_widgets.KeyDialog`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import keys
from ...services.vault import passphrase_problem, strength_hint
from ..common.errors import user_message
from ..common.trust_widgets import fit_text, plain_label
from ..context import AppContext
from .key_widgets import CodeShownPage, KeyDialog, SecretField

__all__ = ["ChangePassphraseDialog", "NewRecoveryCodeDialog", "SecretField"]


class ChangePassphraseDialog(KeyDialog):
    """Choose a new passphrase. ``after_recovery`` words it as the offer made right after an
    unlock with the recovery code (no current passphrase needed then)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, after_recovery: bool = False):
        title = _("Choose a new passphrase") if after_recovery else _("Change your passphrase")
        super().__init__(context, title, 64, _("Changing your passphrase"), parent)
        layout = QVBoxLayout(self)
        if after_recovery:
            intro = _("You opened your vault with your recovery code. Choose a new passphrase now, so you "
                     "can open it the usual way next time. Your recovery code keeps working.")
        else:
            intro = _("Your journal stays just as it is; only the key that opens it changes. After this, "
                     "the old passphrase no longer opens the vault. Your recovery code keeps working.")
        layout.addWidget(plain_label(intro, name=_("About this")))
        gap = self.fontMetrics().height() // 2
        layout.addSpacing(gap)
        layout.addWidget(self.secret)
        layout.addSpacing(gap)
        self.add_new_passphrase_fields(layout)
        self.show_check = QCheckBox(_("&Show what I type"))
        self.show_check.toggled.connect(self._on_show)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName(_("Passphrase strength"))
        self.strength_label = plain_label(name=_("Passphrase strength"))
        self.advice_label = plain_label(name=_("Advice"))
        for w in (self.show_check, self.strength_bar, self.strength_label, self.advice_label, self.problem_label):
            layout.addWidget(w)
        layout.addWidget(self.busy_bar)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Change passphrase") if not after_recovery else _("&Save new passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Not now") if after_recovery else _("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new_edit.textChanged.connect(self._on_changed)
        self.confirm_edit.textChanged.connect(self._on_changed)
        self._on_changed()
        fit_text(self)

    def start_field(self) -> QWidget:
        return self.new_edit

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.secret, self.new_edit, self.confirm_edit, self.show_check, self.buttons)

    def accept(self) -> None:
        if self.busy:
            return
        new, again = self.new_edit.text(), self.confirm_edit.text()
        problem = passphrase_problem(new, again)
        if problem:
            self.show_problem(problem)
            return
        proof = self.proof()
        if proof is None:
            return
        self.run_key_job(lambda vault: keys.change_passphrase(vault, new, again, **proof), self._on_done)

    def _on_done(self, _result) -> None:
        for edit in (self.secret.edit, self.new_edit, self.confirm_edit):
            edit.clear()
        super().accept()

    def _on_show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.new_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def _on_changed(self) -> None:
        text = self.new_edit.text()
        hint = strength_hint(text)
        self.strength_bar.setValue(hint.score if text else 0)
        self.strength_label.setText(_("Strength: {words}").format(words=hint.words or _("Not typed yet")))
        self.strength_bar.setAccessibleDescription(hint.words or _("Not typed yet"))
        self.advice_label.setText(hint.advice)
        again = self.confirm_edit.text()
        self.show_problem(_("The two passphrases are not the same yet.")
                          if again and len(again) >= len(text) and again != text else "")


class NewRecoveryCodeDialog(KeyDialog):
    """Make a new recovery code: prove who you are, see the new code once, tick "I have written it
    down". Until then the old code keeps working too; after Done only the new one does."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, _("New recovery code"), 70, _("Making a new recovery code"), parent)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(plain_label(
            _("A new recovery code replaces the one you have now. Make one if you lost the paper with "
            "your code, or think someone else has seen it. Once you have written the new code down, the "
            "old one no longer opens your vault."), name=_("About recovery codes")))
        ask_layout.addSpacing(self.fontMetrics().height() // 2)
        ask_layout.addWidget(self.secret)
        ask_layout.addWidget(self.problem_label)
        ask_layout.addWidget(self.busy_bar)
        ask_layout.addStretch(1)
        ask_buttons = QHBoxLayout()
        self.make_button = QPushButton(_("&Make a new code"))
        self.make_button.clicked.connect(self.make_code)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.make_button, self.cancel_button):
            b.setAutoDefault(False)  # no default: making a code retires the old one
        ask_buttons.addStretch(1)
        ask_buttons.addWidget(self.make_button)
        ask_buttons.addWidget(self.cancel_button)
        ask_layout.addLayout(ask_buttons)
        self.stack.addWidget(ask)

        shown = CodeShownPage(
            _("This is your new recovery code. It is shown only this once. If you ever forget your "
            "passphrase, it is the only other way to open your vault."), _("I have &written it down"), sheet=True,
            extra=(plain_label(
                _("Write it on paper and keep it somewhere safe at home. Do not save it on this computer or "
                "send it by email. Your old code keeps working until you tick the box and press Done."),
                name=_("Keeping the code safe")),))
        self.add_code_page(self.stack, shown)
        self.sheet_button = self.shown.sheet_button
        fit_text(self)

    def start_field(self) -> QWidget:
        return self.make_button

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.make_button,)

    def make_code(self) -> None:
        if self.busy:
            return
        proof = self.proof()
        if proof is None:
            return
        self.run_key_job(lambda vault: keys.make_new_recovery_code(vault, **proof), self._on_made,
                         label=_("Making a new recovery code…"))

    def _on_made(self, code: str) -> None:
        self.secret.edit.clear()
        self.stack.setCurrentIndex(1)
        self.shown.show_code(code)

    def accept(self) -> None:
        if not self.code or not self.written_check.isChecked() or self.busy:
            return
        # The old code is retired only now, when the new one is written down (a write: the key file).
        self.set_busy(True)
        self.done_button.setEnabled(False)
        self.context.ops.write(self, keys.confirm_recovery_code, changes=(), on_done=self._on_confirmed,
                               on_error=self._on_confirm_failed)

    def _on_confirmed(self, _result) -> None:
        self.set_busy(False)
        self.shown.forget()
        super().accept()

    def _on_confirm_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.done_button.setEnabled(self.written_check.isChecked())
        self.shown.say(user_message(exc))

    def reject(self) -> None:
        if self.busy and self.code:
            return  # the old code is being retired: wait for it, the new code must stay seen
        # Closing before ticking the box keeps the old code working as well (nothing is lost).
        self.shown.forget()
        super().reject()
