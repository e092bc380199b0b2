"""File > Export journal as a web page… and File > Export health record (FHIR)…: beside the CSV
export (:mod:`.journal_export`), the same steps for the family's readable page
(``services.export_readable``) and the clinic's FHIR R4 bundle (``services.export_fhir``).
Suggested file names are generic; files are written privately and atomically in the background."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...services import export_fhir, export_readable, journal
from ..common import formatting
from ..context import AppContext
from ..common.errors import show_error
from .journal_export import documents_folder


@dataclass(frozen=True)
class ExportKind:
    """One export: menu words, dialog words, the file filter, the generic name, the writer and
    what to say when it is saved. ``for_people``: the file is read by people, so the writer takes
    the window's date and time format (``fmt=``); a file for other programs keeps standard forms."""

    menu: str
    title: str
    tip: str
    filter: str
    default_name: Callable
    write: Callable
    saved: Callable[[object], str]
    for_people: bool = False


def _page_saved(result: export_readable.JournalExport) -> str:
    entries = f"{formatting.count_text(result.entries)} entr{'y' if result.entries == 1 else 'ies'}"
    return (f"Saved {entries} to {result.path}.\n\nOpen it in any web browser to read or print it. It is not "
            "encrypted: share it only with people who should see it, and delete it when it is no longer needed.")


def _fhir_saved(result: export_fhir.FhirExport) -> str:
    parts = ", ".join(f"{formatting.count_text(n)} {kind}" for kind, n in sorted(result.counts.items()))
    return (f"Saved the health record to {result.path} ({parts}).\n\nThis is a FHIR R4 file that a clinic's "
            "system can read. It is not encrypted: keep it somewhere safe, and delete it when it is no longer needed.")


READABLE = ExportKind("Export journal as a &web page…", "Export the journal as a web page",
                      "Save the chosen person's whole journal as one page the family can read or print",
                      "Web pages (*.html)", export_readable.default_filename, export_readable.write_readable,
                      _page_saved, for_people=True)
FHIR = ExportKind("Export health &record (FHIR)…", "Export the health record (FHIR)",
                  "Save questionnaires, sleep, medicines and moods as a FHIR R4 file for a clinic's system",
                  "FHIR JSON files (*.json)", export_fhir.default_filename, export_fhir.write_fhir, _fhir_saved)


class RecordExport(QObject):
    """Owns one menu action; ``current_person()`` says whose record to export; the action is off
    between ``locked_signal`` and ``unlocked_signal``."""

    def __init__(self, kind: ExportKind, context: AppContext, window: QWidget, current_person, locked_signal,
                 unlocked_signal):
        super().__init__(window)
        self._kind, self._context, self._window, self._current_person = kind, context, window, current_person
        self.action = QAction(kind.menu, window)
        self.action.setStatusTip(kind.tip)
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
            QMessageBox.information(self._window, self._kind.title,
                                    "Please add or choose a person first; then their record can be exported.")
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        suggested = documents_folder() / self._kind.default_name(today)
        path, _filter = QFileDialog.getSaveFileName(self._window, self._kind.title, str(suggested), self._kind.filter)
        if not path:
            return
        zone, clock, person_id, write = self._context.zone_name, self._context.clock, person.id, self._kind.write
        extra = {"fmt": formatting.report_format()} if self._kind.for_people else {}

        def done(result) -> None:
            self.last_saved = result.path
            QMessageBox.information(self._window, "Saved", self._kind.saved(result))

        self._context.runner.run(lambda: write(vault, person_id, Path(path), zone_name=zone, clock=clock, **extra),
                                 on_done=done, parent=self._window, label="Saving…",
                                 error_title="Nothing was exported")
