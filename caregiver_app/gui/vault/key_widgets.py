"""The parts every key dialog shares: the proof field (current passphrase or recovery code), the
new-passphrase pair, the page that shows a new recovery code once, and :class:`KeyDialog`, the
base that runs a key change as a write on the ops lane and shows what went wrong inside the dialog.

Used by the passphrase and recovery-code dialogs (``key_dialogs``) and by the new-key dialog
(``rotate_dialog``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
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

from ...i18n import N_, _
from ...domain.errors import CaregiverError, ValidationError
from ...services import keys
from ...services.vault import MIN_LENGTH
from ..common.errors import log_safely, user_message
from ..common.ops import Op
from ..common.trust_widgets import code_display, plain_label
from ..context import AppContext
from .unlock_screen import announce

GROUPS_PER_LINE = 4
COPIED = N_("Copied. Paste it where you will print or write it, then copy something else.")


def code_lines(code: str, per_line: int = GROUPS_PER_LINE) -> str:
    """The recovery code in its groups, ``per_line`` groups to a line (two lines of four)."""
    groups = code.split("-")
    return "\n".join("-".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


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

    # label, accessible name, placeholder, switch button, its accessible name
    MODES = {
        True: (N_("Your &recovery code (the 32 letters and numbers you wrote down)"), N_("Recovery code"),
               "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", N_("Use my passphrase"),
               N_("Use my current passphrase instead")),
        False: (N_("Your c&urrent passphrase"), N_("Current passphrase"), "", N_("I forgot it"),
                N_("I forgot my passphrase: use my recovery code")),
    }

    def set_recovery_mode(self, on: bool) -> None:
        self.recovery_mode = on
        self.edit.clear()
        label, name, placeholder, switch, switch_name = self.MODES[on]
        self.label.setText(_(label))
        self.edit.setAccessibleName(_(name))
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(placeholder)
        self.switch_button.setText(_(switch))
        self.switch_button.setAccessibleName(_(switch_name))

    def proof(self) -> dict:
        """``{"current_passphrase": …}`` or ``{"recovery_code": …}``; ``{}`` when nothing is typed."""
        text = self.edit.text()
        if not text:
            return {}
        return {"recovery_code": text} if self.recovery_mode else {"current_passphrase": text}


class CodeShownPage(QWidget):
    """A new recovery code, shown once: the code (selectable, read out group by group), Copy,
    what to do with it, "I have written it down" and Done (off until ticked). ``extra`` widgets
    go between the copy row and the tick box; ``sheet`` adds "Print or save this sheet…"."""

    def __init__(self, intro: str, written_text: str, *, sheet: bool = False, extra: tuple[QWidget, ...] = (),
                 done: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = ""
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro, name=_("About the new code")))
        self.code_label = code_display(self, _("Recovery code"))
        gap = self.fontMetrics().height() // 2
        layout.addSpacing(gap)
        layout.addWidget(self.code_label)
        layout.addSpacing(gap)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(_("&Copy the code"))
        self.copy_button.setAccessibleName(_("Copy the recovery code"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.copied_label = plain_label(name=_("Copy status"))
        copy_row.addWidget(self.copy_button)
        self.sheet_button: QPushButton | None = None
        if sheet:
            self.sheet_button = QPushButton(_("&Print or save this sheet…"))
            self.sheet_button.setAccessibleName(_("Print or save the recovery code sheet"))
            self.sheet_button.setAutoDefault(False)
            self.sheet_button.clicked.connect(self.print_sheet)
            copy_row.addWidget(self.sheet_button)
        copy_row.addWidget(self.copied_label, 1)
        layout.addLayout(copy_row)
        for widget in extra:
            layout.addWidget(widget)
        self.written_check = QCheckBox(written_text)
        self.written_check.toggled.connect(lambda on: self.done_button.setEnabled(on))
        layout.addWidget(self.written_check)
        layout.addStretch(1)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        self.done_button = QPushButton(_("&Done"))
        self.done_button.setEnabled(False)
        self.done_button.setVisible(done)
        done_row.addWidget(self.done_button)
        layout.addLayout(done_row)

    def show_code(self, code: str) -> None:
        """Show ``code`` and move the cursor to it (a screen reader reads it out)."""
        self.code = code
        self.code_label.setText(code_lines(code))
        self.code_label.setAccessibleDescription(", ".join(code.split("-")))
        self.code_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        """Take the code off the screen and out of memory we hold."""
        self.code = ""
        self.code_label.clear()
        self.code_label.setAccessibleDescription("")

    def say(self, text: str) -> None:
        self.copied_label.setText(text)
        announce(self.copied_label, text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.say(_(COPIED))

    def print_sheet(self) -> None:
        """The printable sheet of the code (print it or save it as a PDF)."""
        from .recovery_sheet import RecoverySheetDialog  # printing support loads only when asked

        try:
            dialog = RecoverySheetDialog(self.code, parent=self)
        except CaregiverError as exc:
            self.say(user_message(exc))
            return
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


class BusyDialog(QDialog):
    """A dialog that does one slow thing off the GUI thread: while it runs, :meth:`busy_widgets`
    are off and :attr:`busy_bar` (named ``busy_name``) moves; what to fix shows on
    :attr:`problem_label` inside the dialog."""

    def __init__(self, title: str, width_chars: int, busy_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._busy = False
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._floor_width = self.fontMetrics().averageCharWidth() * width_chars
        self.setMinimumWidth(self._floor_width)
        self.problem_label = plain_label(name=_("What to fix"), bold=True)
        self.problem_label.hide()
        self.busy_bar = QProgressBar(self)  # subclasses put it in their layout
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(busy_name)
        self.busy_bar.hide()

    def event(self, event) -> bool:  # noqa: N802 (Qt name)
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._keep_room()
        return handled

    def _keep_room(self) -> None:
        """At least ``width_chars`` wide, and never narrower than the layout needs: an explicit
        minimum width would otherwise override the layout's, and a long check box or a paragraph
        in a longer language would be cut off."""
        layout = self.layout()
        needed = max(self._floor_width, layout.totalMinimumSize().width() if layout is not None else 0)
        if needed != self.minimumWidth():
            self.setMinimumWidth(needed)

    @property
    def busy(self) -> bool:
        return self._busy

    def busy_widgets(self) -> tuple[QWidget, ...]:
        """What is turned off while the work runs."""
        return ()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for w in self.busy_widgets():
            w.setEnabled(not busy)
        if busy:
            self.show_problem("")

    # Esc and the close button do nothing while the work runs: it goes on either way, so closing
    # would look like "cancelled" while the change (a new passphrase) still happens. (Locking
    # still closes the dialog: it calls reject() itself.)
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._busy and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        announce(self.problem_label, text)


class KeyDialog(BusyDialog):
    """The base of the key dialogs. It holds ``context``, ``needs_proof`` (False right after an
    unlock with the recovery code) and the proof field :attr:`secret`. :meth:`run_key_job` runs
    the change as a write on the ops lane (one at a time with every other write: a key change
    never interleaves with a save or a backup); problems come back inside the dialog, never as a
    second window. Raises :class:`CaregiverError` while the vault is locked."""

    def __init__(self, context: AppContext, title: str, width_chars: int, busy_name: str,
                 parent: QWidget | None = None):
        super().__init__(title, width_chars, busy_name, parent)
        self.context = context
        self.needs_proof = keys.needs_proof(context.require_vault())
        self.secret = SecretField()
        self.secret.setVisible(self.needs_proof)

    @property
    def code(self) -> str:
        """The new recovery code on show ("" when none)."""
        shown = getattr(self, "shown", None)
        return shown.code if shown is not None else ""

    def add_code_page(self, stack: QStackedWidget, shown: CodeShownPage) -> None:
        """Put ``shown`` as the second step of ``stack``; Done accepts the dialog."""
        self.stack, self.shown = stack, shown
        self.code_label, self.copied_label = shown.code_label, shown.copied_label
        self.written_check, self.done_button = shown.written_check, shown.done_button
        self.done_button.clicked.connect(self.accept)
        stack.addWidget(shown)

    def add_new_passphrase_fields(self, layout: QVBoxLayout) -> None:
        """Add the new passphrase and its repeat (``new_edit``, ``confirm_edit``) to ``layout``."""
        self.new_label = QLabel(_("&New passphrase (at least {count} characters)").format(count=MIN_LENGTH))
        self.new_edit = QLineEdit()
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit.setAccessibleName(_("New passphrase"))
        self.new_label.setBuddy(self.new_edit)
        self.confirm_label = QLabel(_("Type the new passphrase &again"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(_("New passphrase again"))
        self.confirm_label.setBuddy(self.confirm_edit)
        for w in (self.new_label, self.new_edit, self.confirm_label, self.confirm_edit):
            layout.addWidget(w)

    def proof(self) -> dict | None:
        """The typed proof, or None (with the problem shown) when it is needed and missing."""
        proof = self.secret.proof()
        if self.needs_proof and not proof:
            self.show_problem(keys.PROOF_NEEDED)
            self.secret.edit.setFocus()
            return None
        return proof

    def run_key_job(self, job: Callable[[Any], Any], on_done: Callable[[Any], None], *, label: str = "") -> Op:
        """Run ``job(vault)`` on the write lane; ``on_done(result)`` on success."""
        self.set_busy(True)

        def done(result: Any) -> None:
            self.set_busy(False)
            on_done(result)

        return self.context.ops.write(self, job, changes=(), on_done=done, on_error=self._on_error, label=label)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        first = self.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_field(self) -> QWidget | None:
        """Where the cursor starts when the dialog opens (None: leave it, e.g. on the code)."""
        stack = getattr(self, "stack", None)
        if stack is not None and stack.currentIndex() != 0:
            return None
        return self.secret.edit if self.needs_proof else self.start_field()

    def start_field(self) -> QWidget | None:
        """Where the cursor starts when no proof is asked for."""
        return None

    def _on_error(self, exc: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        self.show_problem(user_message(exc))
        if not isinstance(exc, ValidationError) and self.needs_proof:
            self.secret.edit.selectAll()
            self.secret.edit.setFocus()
