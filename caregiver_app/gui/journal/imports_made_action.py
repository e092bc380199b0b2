"""File ▸ Imports made… as a menu entry: the list of imports (:mod:`.imports_made`, which brings the
import service and the database layer) is loaded the first time it is opened, not with the unlock
screen that the main window shows first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ...i18n import _
from ..context import AppContext

if TYPE_CHECKING:
    from .imports_made import ImportsMadeDialog


class ImportsMade(QObject):
    """Owns File ▸ Imports made… (:attr:`action`), off while the vault is locked (``window``'s
    ``vault_locked`` / ``vault_unlocked`` signals)."""

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context, self._window = context, window
        self.dialog: ImportsMadeDialog | None = None
        self.action = QAction(_("Imports ma&de…"), window)
        self.action.setStatusTip(_("See the imports made from other apps, and undo one"))
        self.action.triggered.connect(self.open)
        self.action.setEnabled(context.vault is not None and context.vault.is_open)
        window.vault_locked.connect(self._on_locked)
        window.vault_unlocked.connect(lambda: self.action.setEnabled(True))

    def open(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        from .imports_made import ImportsMadeDialog

        dialog = ImportsMadeDialog(self._context, self._window)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.refresh()
        dialog.open()

    def _forget(self, dialog: ImportsMadeDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.discard()
        dialog.deleteLater()

    def _on_locked(self) -> None:
        self.action.setEnabled(False)
        if self.dialog is not None:
            self.dialog.reject()
