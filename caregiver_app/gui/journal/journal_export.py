"""File > Export journal as CSV…: the chosen person's whole journal as a CSV file that opens in
Excel and LibreOffice (see ``services.export_csv``). The suggested file name is generic
(``journal-export-2026-11-30.csv``); the file is written atomically in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...services import export_csv, journal
from ..common import formatting
from ..context import AppContext
from ..common.errors import show_error


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class JournalExport(QObject):
    """Owns the menu action. ``current_person()`` says whose journal to export; the action is off
    between ``locked_signal`` and ``unlocked_signal``."""

    def __init__(self, context: AppContext, window: QWidget, current_person, locked_signal, unlocked_signal):
        super().__init__(window)
        self._context = context
        self._window = window
        self._current_person = current_person
        self.action = QAction("&Export journal as CSV…", window)
        self.action.setStatusTip("Save the chosen person's whole journal as a spreadsheet file")
        self.action.triggered.connect(self.export)
        self.action.setEnabled(context.vault is not None and context.vault.is_open)
        locked_signal.connect(lambda: self.action.setEnabled(False))
        unlocked_signal.connect(lambda: self.action.setEnabled(True))
        self.last_saved: Path | None = None

    def export(self) -> None:
        """Ask where to save, then write the file in the background and say how it went."""
        person: Person | None = self._current_person()
        try:
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self._window, exc, "Nothing was exported")
            return
        if person is None or person.id is None:
            QMessageBox.information(self._window, "Export journal as CSV",
                                    "Please add or choose a person first; then their journal can be exported.")
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        suggested = documents_folder() / export_csv.default_filename(today)
        path, _filter = QFileDialog.getSaveFileName(self._window, "Export the journal as CSV", str(suggested),
                                                    "CSV files (*.csv)")
        if not path:
            return
        zone = self._context.zone_name
        person_id = person.id

        def done(result: export_csv.ExportResult) -> None:
            self.last_saved = result.path
            entries = f"{formatting.count_text(result.entries)} entr{'y' if result.entries == 1 else 'ies'}"
            QMessageBox.information(
                self._window, "Journal exported",
                f"Saved {entries} to {result.path}.\n\nThe file opens in Excel, LibreOffice and other "
                "spreadsheets. It is not encrypted: keep it somewhere safe, and delete it when you no "
                "longer need it.")

        self._context.runner.run(lambda: export_csv.write_journal_csv(vault, person_id, Path(path), zone_name=zone),
                                 on_done=done, parent=self._window, label="Saving the journal…",
                                 error_title="The journal was not exported")
