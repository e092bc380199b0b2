"""File ▸ Imports made…: every import made into the vault (when, whose journal, from which app and
file, how many entries, what is left of it), what each one did, and Undo for any of them. The menu
action that opens it is :class:`.imports_made_action.ImportsMade`."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, ngettext
from ...services import import_batches
from ...services.import_batches import PastImport
from ..common import formatting
from ..common.page import heading
from ..common.trust_widgets import plain_label, when_text
from ..context import AppContext
from .import_result import skipped_heading, undo_and_close, skipped_text, summary_text, undo_with_confirmation, undone_text
from .imports_made_action import ImportsMade  # noqa: F401 (its home was here)

TITLE = N_("Imports made")
COLUMNS = (N_("When"), N_("Whose journal"), N_("From"), N_("New entries"), N_("Now"))
EMPTY = N_("No imports yet. File ▸ Import from another app… brings in a journal from Daylio and other apps.")


def status_words(batch: PastImport, zone_name: str) -> str:
    """What is left of an import, in a few words (a time in the zone ``zone_name``)."""
    words = import_batches.status_words(batch, lambda instant: when_text(instant, zone_name), formatting.count_text)
    return words[:1].upper() + words[1:]


class ImportsMadeDialog(QDialog):
    """The list of past imports with what each did and Undo. Reads through ``context.ops``;
    :meth:`refresh` loads the list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._imports: list[PastImport] = []
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Imports made into this vault"), self))
        layout.addWidget(plain_label(_("Undoing an import removes exactly the entries it added, and nothing else. "
                                       "If you changed some of them since, you are told which, and you choose."),
                                     parent=self))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(text) for text in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(_("Imports made, newest first"))
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        layout.addWidget(self.table, 1)
        self.empty_label = plain_label(_(EMPTY), parent=self)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.detail_heading = plain_label(_("What the chosen import did:"), parent=self)
        layout.addWidget(self.detail_heading)
        # a read-only text box, not a label: a long summary scrolls instead of being cut off
        self.detail_label = QPlainTextEdit(self)
        self.detail_label.setReadOnly(True)
        self.detail_label.setAccessibleName(_("What the chosen import did"))
        self.detail_label.setTabChangesFocus(True)
        self.detail_label.setFixedHeight(self.fontMetrics().lineSpacing() * 9)
        self.detail_heading.setBuddy(self.detail_label)
        layout.addWidget(self.detail_label)
        self.status_label = plain_label(name=_("What was just done"), parent=self)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        buttons, self.undo_button, self.close_button = undo_and_close(
            self, self.undo_chosen, _("Remove every entry the chosen import added (you are asked first)"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        height = self.fontMetrics().height()
        self.resize(height * 50, height * 30)
        self._show_chosen()

    # --- public -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (off the window's thread) and choose ``select_id`` or the newest."""
        chosen = select_id if select_id is not None else self.chosen_id()
        self._context.ops.read(self, import_batches.list_imports, on_done=lambda found: self._show(found, chosen),
                               key="imports-made", label=_("Reading the imports…"),
                               error_title=_("The list of imports could not be read"))

    def chosen(self) -> PastImport | None:
        row = self.table.currentRow()
        return self._imports[row] if 0 <= row < len(self._imports) else None

    def chosen_id(self) -> int | None:
        batch = self.chosen()
        return batch.id if batch else None

    def undo_chosen(self) -> None:
        batch = self.chosen()
        if batch is not None and batch.can_undo:
            undo_with_confirmation(self, self._context, batch.id, lambda result: self._on_undone(result))

    def discard(self) -> None:
        """Drop every name and file name shown (the vault locked)."""
        self._imports = []
        self.table.setRowCount(0)
        self.detail_label.clear()
        self.status_label.clear()

    # --- private ------------------------------------------------------------------------
    def _show(self, found: list[PastImport], select_id: int | None) -> None:
        self._imports = list(found)
        self.table.setRowCount(len(found))
        for r, batch in enumerate(found):
            source = batch.app + (f": {batch.file_name}" if batch.file_name else "")
            zone = self._context.zone_name  # the settings' zone, as the journal and the backups show times
            cells = (when_text(batch.imported_at, zone), batch.person_name, source,
                     formatting.count_text(batch.new_entries), status_words(batch, zone))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(found))
        self.empty_label.setVisible(not found)
        rows = [r for r, b in enumerate(found) if b.id == select_id]
        if found:
            self.table.setCurrentCell(rows[0] if rows else 0, 0)
        self._show_chosen()

    def _show_chosen(self) -> None:
        batch = self.chosen()
        self.undo_button.setEnabled(batch is not None and batch.can_undo)
        if batch is None:
            self.detail_label.clear()
            self.detail_heading.setVisible(False)
            return
        self.detail_heading.setVisible(True)
        text = summary_text(replace(batch.summary, person_name=batch.person_name))  # the name as it is now
        if batch.summary.skipped_count:
            text += "\n" + skipped_heading(batch.summary) + "\n" + skipped_text(batch.summary, show=3)
        if batch.remaining and batch.edited:
            text += "\n" + ngettext("{count} of its entries was changed after the import.",
                                    "{count} of its entries were changed after the import.",
                                    batch.edited).format(count=formatting.count_text(batch.edited))
        self.detail_label.setPlainText(text)

    def _on_undone(self, result) -> None:
        self.status_label.setText(undone_text(result))
        self.status_label.show()
        self.refresh(result.batch_id)
