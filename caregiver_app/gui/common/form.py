"""A form panel (fields, problem line, status line, Save/Cancel) and an editor dialog built on it.

Saving is one call; the panel does the rest the same way everywhere::

    panel = FormPanel(context, fields_widget, changes={SCORES}, save_text="&Save score")
    panel.add_field("taken_on", self.taken_on)          # the service's name for that input
    panel.save_requested.connect(lambda: panel.submit(self._job))

    def _job(self):                                     # on the GUI thread: read the widgets
        draft = self.form.draft()                       # may raise ValidationError -> problem line
        return lambda vault: scores.save_score(vault, draft)   # runs on the write lane

* A :class:`~caregiver_app.domain.errors.ValidationError` (raised while reading the widgets or
  by the service) shows on the problem line as "Not saved yet: …"; when it names a ``field`` the
  panel moves the cursor there and the field's accessible description says what to fix. The
  message text is never searched.
* Any other failure shows in plain words (``error_title``); the form keeps what was typed.
* While a save runs, Save is off (no double saves). ``saved(result)`` then fires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from ...domain.errors import ValidationError
from ...i18n import _
from ..vault.unlock_screen import announce
from .building import shortcut
from .errors import show_error
from .ops import Op
from .trust_widgets import fit_text, plain_label, problem_label


class FormPanel(QWidget):
    """``fields`` (any widget) above a problem line, a status line and Save/Cancel. ``changes``:
    the concepts a save changes. Save is also Ctrl+S inside the panel. ``cancel_text`` empty
    means no Cancel button. ``problem_prefix`` starts the problem line (a dialog that stays open
    needs none)."""

    save_requested = Signal()
    """Save or Ctrl+S: the owner calls :meth:`submit`."""
    cancel_requested = Signal()
    saved = Signal(object)
    """A save succeeded: the job's result."""

    def __init__(self, context, fields: QWidget, *, changes: Iterable[str], save_text: str = "",
                 cancel_text: str | None = None, error_title: str = "",
                 problem_prefix: str | None = None, in_dialog: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        # Defaults are read here, not in the signature: the language is chosen after import.
        save_text = save_text or _("&Save")
        cancel_text = _("Cancel changes") if cancel_text is None else cancel_text
        error_title = error_title or _("That was not saved")
        self.problem_prefix = problem_prefix  # None: "Not saved yet: …"
        self.context = context
        self.changes = frozenset(changes)
        self.error_title = error_title
        self.fields = fields
        self._named: dict[str, QWidget] = {}
        self._marked: dict[QWidget, str] = {}
        self._op: Op | None = None
        self.problem_label = problem_label(_("What to fix"), self)
        self.status_label = plain_label(name=_("Status"), parent=self)
        self.status_label.hide()
        self.save_button = QPushButton(save_text, self)
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.setVisible(bool(cancel_text))
        if in_dialog:  # a dialog's buttons sit at the end, in the platform's order (Cancel first on Linux and macOS)
            buttons = QDialogButtonBox(self)
            buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons = QHBoxLayout()
            buttons.addWidget(self.save_button)
            buttons.addWidget(self.cancel_button)
            buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(fields)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.status_label)
        if in_dialog:
            layout.addWidget(buttons)
        else:
            layout.addLayout(buttons)
        shortcut(self, "Ctrl+S", lambda: self.save_button.isEnabled() and self.save_requested.emit())

    # --- fields -------------------------------------------------------------------------------

    def add_field(self, name: str, widget: QWidget) -> None:
        """``widget`` is where errors with ``field == name`` (the service's name) point."""
        self._named[name] = widget

    # --- saving -------------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        return self._op is not None

    def submit(self, make_job: Callable[[], Callable[..., Any]], *, person_id: int | None = None) -> Op | None:
        """Save: ``make_job()`` runs now, on the GUI thread (read the widgets; a
        ValidationError goes to the problem line) and returns ``job(vault)``, which runs on the
        write lane. Returns the op, or None when nothing started."""
        if self._op is not None:
            return None
        self.show_problem("")
        try:
            job = make_job()
        except ValidationError as exc:
            self.show_problem(str(exc), exc.field)
            return None
        self._set_busy(True)
        self._op = self.context.ops.write(self, job, changes=self.changes, person_id=person_id,
                                          on_done=self._on_saved, on_error=self._on_failed)
        if self._op.ended or self._op.dropped:
            self._op = None
            self._set_busy(False)
        return self._op

    def show_problem(self, text: str, field: str | None = None) -> None:
        """Show (or, with "", hide) what to fix; ``field`` points at that input."""
        for widget, description in self._marked.items():
            widget.setAccessibleDescription(description)
        self._marked.clear()
        if not text:
            self.problem_label.setText("")
        elif self.problem_prefix is None:
            self.problem_label.setText(_("Not saved yet: {problem}").format(problem=text))
        else:
            self.problem_label.setText(f"{self.problem_prefix}{text}")
        self.problem_label.setVisible(bool(text))
        if not text:
            return
        self.status_label.hide()
        announce(self.problem_label, self.problem_label.text())
        widget = self._named.get(field) if field else None
        if widget is not None:
            self._marked[widget] = widget.accessibleDescription()
            widget.setAccessibleDescription(self.problem_label.text())
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            _scroll_into_view(widget)

    def show_status(self, text: str) -> None:
        """Say what just happened ("Saved: …"); "" hides the line."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        if text:
            announce(self.status_label, text)

    def reset(self) -> None:
        """Forget the problem and status lines (a new, empty form); a running save is dropped."""
        if self._op is not None:
            self._op.cancel()
            self._op = None
        self._set_busy(False)
        self.show_problem("")
        self.show_status("")

    def _set_busy(self, busy: bool) -> None:
        # Cancel is off too while a save runs: it could not stop it, so it would only look like it did.
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _on_saved(self, result: Any) -> None:
        self._op = None
        self._set_busy(False)
        self.saved.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._op = None
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_problem(str(exc), exc.field)
        else:
            show_error(self, exc, self.error_title)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so it shows (setFocus alone does not: at large
    text the field a problem is about could be out of sight)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


class EditorDialog(QDialog):
    """A dialog around a :class:`FormPanel`: Save runs :meth:`make_job`'s job as a write off the
    GUI thread and closes the dialog on success (``result_value`` holds what the job returned);
    a problem keeps it open with the words inside. Subclasses put their inputs in ``fields``
    (a QVBoxLayout), name them with ``panel.add_field`` and override :meth:`make_job`."""

    def __init__(self, context, title: str, *, changes: Iterable[str], save_text: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: Any = None
        body = QWidget(self)
        self.fields = QVBoxLayout(body)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.panel = FormPanel(context, body, changes=changes, save_text=save_text, cancel_text=_("Cancel"),
                               problem_prefix="", in_dialog=True, parent=self)
        self.panel.save_requested.connect(self.accept)
        self.panel.cancel_requested.connect(self.reject)
        self.panel.saved.connect(self._on_saved)
        self.panel.save_button.setDefault(True)
        QVBoxLayout(self).addWidget(self.panel)
        fit_text(self)  # wrapped hints and problems are never cut off, at any font size

    def make_job(self) -> Callable[..., Any]:
        """Read the inputs (on the GUI thread; raise ValidationError for what to fix) and return
        ``job(vault)``."""
        raise NotImplementedError

    def accept(self) -> None:
        """Save; the dialog closes when the write succeeds."""
        if self.panel.save_button.isEnabled():
            self.panel.submit(self.make_job)

    def reject(self) -> None:
        """Close without saving. Only the lock calls this while a save runs (Esc, Cancel and the
        close button wait for it): a save not started yet is dropped, one already running ends unseen."""
        if self.panel.saving:
            self.panel.reset()
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.panel.saving and event.key() == Qt.Key.Key_Escape:
            event.accept()  # the save goes on either way; closing now would look like "cancelled"
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.panel.saving:
            event.ignore()
            return
        super().closeEvent(event)

    def _on_saved(self, result: Any) -> None:
        self.result_value = result
        super().accept()
