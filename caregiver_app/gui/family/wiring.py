"""The family sharing in the main window: File ▸ Share with family…, "Last synced …" in the
status area, and the background sync started at unlock and stopped at lock."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from ...i18n import _
from ..common.building import menu_action
from ..context import AppContext
from ..common.ops import PEOPLE
from .background import FamilySync, concepts_for

AFTER_UNLOCK_MS = 2_000
"""The first sync waits this long after unlocking, so it never competes with the journal's first
page (issue 16), as the reminders do."""


class FamilyParts(QObject):
    """``window``: the main window (``vault_locked``/``vault_unlocked``, ``statusBar()``)."""

    def __init__(self, context: AppContext, window: QMainWindow):
        super().__init__(window)
        self.context = context
        self.window = window
        self.status_label = QLabel()
        self.status_label.setAccessibleName(_("Family sync"))
        self.in_status_bar = False
        self.syncer = FamilySync(context, self, self.status_label)
        self.syncer.status_changed.connect(self._status_changed)
        # A person added on another computer joins the person switcher (pages reload by themselves).
        self.syncer.synced.connect(self._after_sync)
        self.action = menu_action(_("Share with &family…"), window, self.open_dialog)
        self.action.setStatusTip(_("Keep this journal on several computers through a folder your family syncs"))
        self.dialog = None
        window.vault_locked.connect(self._on_locked)
        window.vault_unlocked.connect(self._on_unlocked)
        opened = context.vault is not None and context.vault.is_open
        self.action.setEnabled(opened)
        if opened:  # the window starts unlocked (right after the setup wizard)
            QTimer.singleShot(0, self._on_unlocked)

    def _after_sync(self, result) -> None:
        if result.received and concepts_for(result.tables).intersection({PEOPLE}):
            self.window.reload_people()

    def _status_changed(self, text: str) -> None:
        """The status bar is made only for a shared journal: an unshared one keeps the window's
        whole height for its pages (issue 18: large text in a 1024 x 700 window)."""
        if text and not self.in_status_bar:
            self.window.statusBar().addPermanentWidget(self.status_label)
            self.in_status_bar = True
        self.status_label.setVisible(bool(text))

    def _on_unlocked(self) -> None:
        self.action.setEnabled(True)
        QTimer.singleShot(AFTER_UNLOCK_MS, self, self._start)

    def _start(self) -> None:
        if self.context.vault is not None and self.context.vault.is_open and not self.syncer.active:
            self.syncer.start()

    def _on_locked(self) -> None:
        self.action.setEnabled(False)
        self.syncer.stop()

    def open_dialog(self) -> None:
        if self.context.vault is None or not self.context.vault.is_open:
            return
        from .share_dialog import ShareDialog  # built when first asked for

        dialog = ShareDialog(self.context, self.window, self.syncer)
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self.dialog = None
            dialog.deleteLater()
