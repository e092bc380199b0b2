"""File > Export journal as CSV…, File > Export journal as a web page… and File > Export health
record (FHIR)…: one set of steps for the spreadsheet (``services.export_csv``), the family's
readable page (``services.export_readable``) and the clinic's FHIR R4 bundle
(``services.export_fhir``). Suggested file names are generic; files are written privately and
atomically by the service, as a read of the vault off the GUI thread (``context.ops``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...i18n import N_, _, ngettext
from ..common import formatting
from ..context import AppContext
from ..common.building import documents_folder

if TYPE_CHECKING:  # the exporters (FHIR models, HTML) load when an export is asked for, not at start
    from ...domain.model import Person
    from ...services import export_csv, export_fhir, export_readable


@dataclass(frozen=True)
class ExportKind:
    """One export: menu words, dialog words, the file filter, the generic name, the writer
    (``write(vault, person_id, path, zone_name=, clock=, **extra)``), what to say when it is
    saved (``saved``, under ``saved_title``) and what is exported (``what``: "journal" or
    "record"). Words are marked with ``N_`` and translated where they are shown. ``for_people``: the file is read by people, so the writer takes the window's date
    and time format (``fmt=``); a file for other programs keeps standard forms."""

    menu: str
    title: str
    tip: str
    filter: str
    default_name: Callable
    write: Callable
    saved: Callable[[object], str]
    saved_title: str = N_("Saved")
    what: str = "record"
    for_people: bool = False


# What is said for each kind of export ("journal" or "record"), as whole sentences.
_NO_PERSON = {"journal": N_("Please add or choose a person first; then their journal can be exported."),
              "record": N_("Please add or choose a person first; then their record can be exported.")}
_SAVING = {"journal": N_("Saving the journal…"), "record": N_("Saving the record…")}
_FAILED = {"journal": N_("The journal was not exported"), "record": N_("The record was not exported")}


def _entries(count: int) -> str:
    return ngettext("{count} entry", "{count} entries", count).format(count=formatting.count_text(count))


def _write_csv(vault, person_id: int, path: Path, *, zone_name: str, clock) -> export_csv.JournalExport:
    from ...services import export_csv

    return export_csv.write_journal_csv(vault, person_id, path, zone_name=zone_name)


def _csv_name(today) -> str:
    from ...services import export_csv

    return export_csv.default_filename(today)


def _page_name(today) -> str:
    from ...services import export_readable

    return export_readable.default_filename(today)


def _write_page(*args, **kwargs):
    from ...services import export_readable

    return export_readable.write_readable(*args, **kwargs)


def _fhir_name(today) -> str:
    from ...services import export_fhir

    return export_fhir.default_filename(today)


def _write_fhir(*args, **kwargs):
    from ...services import export_fhir

    return export_fhir.write_fhir(*args, **kwargs)


def _csv_saved(result: export_csv.JournalExport) -> str:
    return _("Saved {entries} to {path}.\n\nThe file opens in Excel, LibreOffice and other "
             "spreadsheets. It is not encrypted: keep it somewhere safe, and delete it when you no longer need it."
             ).format(entries=_entries(result.entries), path=result.path)


def _page_saved(result: export_readable.JournalExport) -> str:
    return _("Saved {entries} to {path}.\n\nOpen it in any web browser to read or print it. "
             "It is not encrypted: share it only with people who should see it, and delete it when it is no "
             "longer needed.").format(entries=_entries(result.entries), path=result.path)


def _fhir_saved(result: export_fhir.FhirExport) -> str:
    # FHIR resource names (Observation, MedicationStatement…) are the standard's own words.
    parts = ", ".join(f"{formatting.count_text(n)} {kind}" for kind, n in sorted(result.counts.items()))
    return _("Saved the health record to {path} ({parts}).\n\nThis is a FHIR R4 file that a clinic's "
             "system can read. It is not encrypted: keep it somewhere safe, and delete it when it is no longer needed."
             ).format(path=result.path, parts=parts)


CSV = ExportKind(N_("&Export journal as CSV…"), N_("Export the journal as CSV"),
                 N_("Save the chosen person's whole journal as a spreadsheet file"), N_("CSV files (*.csv)"),
                 _csv_name, _write_csv, _csv_saved, saved_title=N_("Journal exported"), what="journal")
READABLE = ExportKind(N_("Export journal as a &web page…"), N_("Export the journal as a web page"),
                      N_("Save the chosen person's whole journal as one page the family can read or print"),
                      N_("Web pages (*.html)"), _page_name, _write_page,
                      _page_saved, what="journal", for_people=True)
FHIR = ExportKind(N_("Export health &record (FHIR)…"), N_("Export the health record (FHIR)"),
                  N_("Save questionnaires, sleep, medicines and moods as a FHIR R4 file for a clinic's system"),
                  N_("FHIR JSON files (*.json)"), _fhir_name, _write_fhir, _fhir_saved)


class RecordExport(QObject):
    """Owns one menu action for ``kind``; ``current_person()`` says whose journal or record to
    export; the action is off between ``locked_signal`` and ``unlocked_signal``."""

    def __init__(self, kind: ExportKind, context: AppContext, window: QWidget, current_person, locked_signal,
                 unlocked_signal):
        super().__init__(window)
        self._kind, self._context, self._window, self._current_person = kind, context, window, current_person
        self.action = QAction(_(kind.menu), window)
        self.action.setStatusTip(_(kind.tip))
        self.action.triggered.connect(self.export)
        self.action.setEnabled(context.vault is not None and context.vault.is_open)
        locked_signal.connect(lambda: self.action.setEnabled(False))
        unlocked_signal.connect(lambda: self.action.setEnabled(True))
        self.last_saved: Path | None = None

    def export(self) -> None:
        """Ask where to save, then write the file in the background and say how it went."""
        kind = self._kind
        person: Person | None = self._current_person()
        if person is None or person.id is None:
            QMessageBox.information(self._window, _(kind.title), _(_NO_PERSON[kind.what]))
            return
        from ...services import journal

        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        suggested = documents_folder() / kind.default_name(today)
        path, _filter = QFileDialog.getSaveFileName(self._window, _(kind.title), str(suggested), _(kind.filter))
        if not path:
            return
        zone, clock, person_id, target = self._context.zone_name, self._context.clock, person.id, Path(path)
        extra = {"fmt": formatting.report_format()} if kind.for_people else {}
        # Writing a file the user asked for reads the vault and changes nothing in it.
        self._context.ops.read(self._window,
                               lambda vault: kind.write(vault, person_id, target, zone_name=zone, clock=clock, **extra),
                               on_done=self._saved, label=_(_SAVING[kind.what]),
                               error_title=_(_FAILED[kind.what]))

    def _saved(self, result) -> None:
        self.last_saved = result.path
        QMessageBox.information(self._window, _(self._kind.saved_title), self._kind.saved(result))
