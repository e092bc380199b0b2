"""File ▸ Security… ▸ "Someone may know my passphrase or code": re-encrypt the vault and its
backups under a brand-new key (services.rotation), with a new passphrase (or the current one
kept) and a new recovery code shown once; then say plainly what old copies still open with the
old secrets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _
from ...services import rotation
from ...services.vault import passphrase_problem
from ..common.trust_widgets import fit_text, plain_label
from ..context import AppContext
from .key_widgets import CodeShownPage, KeyDialog

INTRO = N_(
    "If someone may know your passphrase, or may have seen your recovery code, this locks them out "
    "for good: your journal and its backups are encrypted again under a brand-new key, you choose a "
    "new passphrase, and you get a new recovery code. The old passphrase and code then open nothing "
    "in your vault, not even with an old copy of its files. This can take a minute for a big journal."
)


class RotateKeyDialog(KeyDialog):
    """Ask for the current secret and a new passphrase, rotate as a write on the ops lane (no
    save or backup runs in between), then show the new recovery code once (with "I have written
    it down") and what stays readable."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, _("Lock out someone who knows my secrets"), 72, _("Encrypting your vault again"), parent)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        gap = self.fontMetrics().height() // 2

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(plain_label(_(INTRO), name=_("About this")))
        ask_layout.addSpacing(gap)
        ask_layout.addWidget(self.secret)
        self.keep_check = QCheckBox(_("&Keep my current passphrase (only my recovery code was seen)"))
        self.keep_check.toggled.connect(self._on_keep)
        self.keep_check.setVisible(self.needs_proof)
        ask_layout.addSpacing(gap)
        ask_layout.addWidget(self.keep_check)
        self.add_new_passphrase_fields(ask_layout)
        ask_layout.addWidget(self.problem_label)
        ask_layout.addWidget(self.busy_bar)
        ask_layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.rotate_button = QPushButton(_("&Encrypt again with a new key"))
        self.rotate_button.clicked.connect(self.rotate)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.rotate_button, self.cancel_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        ask_layout.addLayout(row)
        self.stack.addWidget(ask)

        self.readable_label = plain_label(name=_("What the old secrets still open"))
        shown = CodeShownPage(
            _("Done: your vault and its backups now use a new key. This is your NEW recovery code. It is "
            "shown only this once, and the old code no longer works."), _("I have &written the new code down"),
            extra=(self.readable_label,))
        self.add_code_page(self.stack, shown)
        fit_text(self)

    def start_field(self) -> QWidget:
        return self.new_edit

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.secret, self.keep_check, self.new_edit, self.confirm_edit, self.rotate_button,
                self.cancel_button)

    def rotate(self) -> None:
        if self.busy:
            return
        keep = self.keep_check.isChecked() and self.needs_proof
        proof = self.proof()
        if proof is None:
            return
        if keep and "current_passphrase" not in proof:
            self.show_problem(_("To keep your passphrase, please type it above (not the recovery code)."))
            return
        new, again = (None, None) if keep else (self.new_edit.text(), self.confirm_edit.text())
        problem = None if keep else passphrase_problem(new, again)
        if problem:
            self.show_problem(problem)
            self.new_edit.setFocus()
            return
        self.run_key_job(lambda vault: rotation.rotate_data_key(vault, new_passphrase=new, confirmation=again, **proof),
                         self._on_done, label=_("Encrypting your vault and its backups again…"))

    def _on_done(self, result: rotation.RotationResult) -> None:
        for edit in (self.secret.edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.readable_label.setText(rotation.still_readable_words(result))
        self.stack.setCurrentIndex(1)
        self.shown.show_code(result.recovery_code)

    def _on_keep(self, keep: bool) -> None:
        for w in (self.new_label, self.new_edit, self.confirm_label, self.confirm_edit):
            w.setEnabled(not keep)

    def accept(self) -> None:
        if self.code and not self.written_check.isChecked():
            return
        self.shown.forget()
        super().accept()

    def reject(self) -> None:
        if self.busy:
            return  # the work finishes first; closing mid-way would hide the new code
        if self.code:  # the key has changed: the code must be seen and confirmed
            return
        self.shown.forget()
        super().reject()
