"""The one way errors reach the user: plain words in a message box, never a traceback.

Our own errors (:class:`CaregiverError`) carry a complete plain-words message. Anything else is
a bug: the user sees a calm generic message, and the log gets only the exception's type and the
code location — never its message, which might hold health text.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import CaregiverError
from ...i18n import N_, _

log = logging.getLogger("caregiver_app")

GENERIC = N_(
    "Something went wrong inside Caregiver Companion. What you saved before is safe. "
    "If this keeps happening, please restart the app."
)


def user_message(exc: BaseException) -> str:
    """The text to show for ``exc``: its own message for our errors, a generic one otherwise."""
    if isinstance(exc, CaregiverError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return _("The computer ran out of memory. Please close other programs and try again.")
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return _("The disk is full. Please free some space and try again. Nothing was lost.")
    return _(GENERIC)


def log_safely(exc: BaseException) -> None:
    """Log an unexpected error by type and code location only (no message text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in frames[-6:])
    log.error("unexpected %s at %s", type(exc).__name__, where)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Show ``exc`` to the user in plain words, under ``title`` (empty: "Something went wrong")."""
    title = title or _("Something went wrong")
    if not isinstance(exc, CaregiverError):
        log_safely(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, user_message(exc), QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.exec()


class ExceptionHook(QObject):
    """Installed as ``sys.excepthook``: any uncaught error, from any thread, becomes one plain
    message on the GUI thread; the same kind of error is shown only once per run."""

    raised = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._shown: set[str] = set()
        self.raised.connect(self._show)
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def _hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        self.raised.emit(exc)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        key = type(exc).__name__
        if not isinstance(exc, CaregiverError):
            log_safely(exc)
        if key in self._shown:
            return
        self._shown.add(key)
        show_error(None, exc)
