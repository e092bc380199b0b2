"""Import from another app: the parts every import dialog shares (:class:`ImportDialogBase`: the
file's name, the time zone and the person, the problem line, the import itself as one write on
the ops lane, and the result page) and the Daylio CSV dialog (:class:`ImportDialog`: a plain-words
preview of the file and the mood-level mapping). Other apps have :mod:`.import_other`."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.model import MoodLevel, clean_label
from ...i18n import N_, _, ngettext
from ...services import backups, import_any, imports
from ..common import formatting
from ..common.building import scroll_area
from ..common.errors import show_error
from ..common.ops import JOURNAL, PEOPLE
from ..common.page import heading
from ..common.trust_widgets import plain_label
from ..context import AppContext
from .import_preview import StoredRowsTable
from .import_result import SHOW_SKIPPED, skipped_heading, undo_and_close, skipped_text, summary_text, undo_with_confirmation, undone_text
from .journal_model import day_heading

CHOOSE = N_("Choose a level…")


def time_zone_names() -> list[str]:
    """IANA time zone names a person would pick (``Area/City`` and ``UTC``), sorted."""
    names = {n for n in zoneinfo.available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/"))}
    names.add("UTC")
    return sorted(names)


def entries_words(count: int) -> str:
    """``"3 entries"``: a number of entries, to fill a sentence's ``{entries}``."""
    return ngettext("{count} entry", "{count} entries", count).format(count=formatting.count_text(count))


def days_words(count: int) -> str:
    """``"3 days"``: a number of days, to fill a sentence's ``{days}``."""
    return ngettext("{count} day", "{count} days", count).format(count=formatting.count_text(count))


def skipped_words(count: int) -> str:
    """The sentence that says how many lines cannot be read."""
    return ngettext("{count} line cannot be read and will be skipped; you will see which ones at the end.",
                    "{count} lines cannot be read and will be skipped; you will see which ones at the end.",
                    count).format(count=formatting.count_text(count))


def choose_levels_text(missing: Sequence[str]) -> str:
    """What to do when mood words still need a level (the first three named)."""
    names = ", ".join(f"“{m}”" for m in missing[:3])
    if len(missing) > 3:
        return _("Choose a mood level for {names} and more to import.").format(names=names)
    return _("Choose a mood level for {names} to import.").format(names=names)


def _when(moment: datetime | None) -> str:
    return day_heading(moment.date()) if moment else ""


def level_box(parent: QWidget, label: str, count: int, level: int | None = None) -> QComboBox:
    """"Choose a level…" and the five mood levels, for the file's mood ``label`` (used ``count``
    times); ``level`` is chosen when given."""
    box = QComboBox(parent)
    box.addItem(_(CHOOSE), None)
    for mood in MoodLevel:
        box.addItem(f"{mood.value} {mood.label}", mood.value)
    box.setCurrentIndex(max(box.findData(level), 0) if level is not None else 0)
    box.setAccessibleName(ngettext("Mood level for “{label}”, used in {count} entry",
                                   "Mood level for “{label}”, used in {count} entries", count).format(
        label=label, count=formatting.count_text(count)))
    return box


def describe_preview(preview: imports.ImportPreview) -> str:
    """What the file holds, in plain words."""
    if preview.rows == 0:
        return _("This file has no entries that can be imported.")
    first, last = preview.first_entry, preview.last_entry
    words = {"entries": entries_words(preview.rows), "days": days_words(preview.distinct_days)}
    if first and last and first.date() == last.date():
        parts = [_("This file has {entries} on {days}, all on {day}.").format(day=_when(first), **words)]
    elif first and last:
        parts = [_("This file has {entries} on {days}, from {first} to {last}.").format(
            first=_when(first), last=_when(last), **words)]
    else:
        parts = [_("This file has {entries} on {days}.").format(**words)]
    if preview.distinct_activities:
        parts.append(ngettext("It uses {count} different activity, which come in as activities.",
                              "It uses {count} different activities, which come in as activities.",
                              preview.distinct_activities).format(count=formatting.count_text(preview.distinct_activities)))
    if preview.skipped:
        parts.append(skipped_words(len(preview.skipped)))
    if preview.date_order_note:
        parts.append(preview.date_order_note)
    return " ".join(parts)


class ImportDialogBase(QDialog):
    """What every import dialog shares. A subclass builds its own choices in
    :meth:`_build_choices`, says what is still missing in :meth:`_problem` and makes the import
    job in :meth:`_import_job`; then it calls :meth:`_build`. Emits ``imported`` with the
    service's report."""

    imported = Signal(object)
    refused: tuple[type[BaseException], ...] = (ValidationError, backups.BackupError)
    """Failures shown on the problem line, not in a message box: "fix the choices", or the backup
    made before every import failed (the user can free space and press Import again)."""

    def __init__(self, context: AppContext, data: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._data = data
        self._discarded = False
        self._file_name = ""
        self._batch_id: int | None = None  # the import just made, while it can be undone
        self._zones = time_zone_names()
        if context.zone_name not in self._zones:  # e.g. "Etc/UTC" on a server-style setup
            self._zones = sorted([*self._zones, context.zone_name])
        # Any name the time-zone database knows is fine, even one not offered in the list.
        self._zone_set = set(self._zones) | zoneinfo.available_timezones()
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)

    # --- for subclasses -----------------------------------------------------------------
    def _build_choices(self, page: QWidget, layout: QVBoxLayout) -> None:
        """Add what this kind of file needs to choose, under the file's name."""

    def _problem(self) -> str:
        """What must be chosen before importing ("" when nothing)."""
        return ""

    def _import_job(self, person_name: str, zone: str, clock) -> Callable[[Any], Any]:
        """``job(vault)`` that imports with the choices made (read on the GUI thread)."""
        raise NotImplementedError

    def _new_entries_words(self, name: str) -> str:
        """How the new entries in ``name``'s journal read (said after how many there are)."""
        return ""

    # --- building -----------------------------------------------------------------------
    def _build(self, file_name: str, person_names: Sequence[str], default_person: str, *,
               ask_zone: bool = True) -> None:
        """The form page (``ask_zone``: the entries' time zone is asked) and the result page."""
        self._file_name = file_name
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.title_label = heading(_("Import “{name}”").format(name=file_name), page)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # the file's name is never markup
        layout.addWidget(self.title_label)
        self._build_choices(page, layout)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.zone_box = QComboBox(page)
        self.zone_box.setEditable(True)
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_box.addItems(self._zones)
        self.zone_box.setMaxVisibleItems(15)
        completer = self.zone_box.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        zone = self._context.zone_name
        self.zone_box.setCurrentIndex(self.zone_box.findText(zone))
        self.zone_box.setEditText(zone)
        self.zone_box.setAccessibleName(_("Time zone the entries were written in"))
        self.zone_box.setToolTip(_("The file saves times without a time zone. Type to search, for example “Chicago”."))
        self.zone_box.editTextChanged.connect(lambda _t: self._update_ready())
        if ask_zone:
            form.addRow(_("&Time zone of the entries"), self.zone_box)
        else:
            self.zone_box.hide()
        self.person_box = QComboBox(page)
        self.person_box.setEditable(True)
        self.person_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_box.addItems(list(person_names))
        self.person_box.setEditText(default_person)
        self.person_box.setAccessibleName(_("Whose journal these entries go into (pick someone or type a new name)"))
        self.person_box.lineEdit().setPlaceholderText(_("Pick someone or type a new name"))
        self.person_box.editTextChanged.connect(lambda _t: self._update_ready())
        form.addRow(_("&Whose journal"), self.person_box)
        layout.addLayout(form)

        self.problem_label = plain_label(name=_("What to choose before importing"), parent=page)
        layout.addWidget(self.problem_label)
        self.progress_label = plain_label(parent=page)
        self.progress_label.hide()
        layout.addWidget(self.progress_label)
        buttons = QDialogButtonBox(page)
        self.import_button = QPushButton(_("&Import"), page)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.pages.addWidget(page)
        self.pages.addWidget(self._build_result())

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.result_title = heading(_("Import finished"), page)
        layout.addWidget(self.result_title)
        self.result_label = plain_label(name=_("What was imported"), parent=page)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.result_label)
        self.skipped_label = plain_label(parent=page)
        layout.addWidget(self.skipped_label)
        self.skipped_text = QPlainTextEdit(page)
        self.skipped_text.setReadOnly(True)
        self.skipped_text.setAccessibleName(_("Lines of the file that were skipped, and why"))
        self.skipped_label.setBuddy(self.skipped_text)
        layout.addWidget(self.skipped_text)
        layout.addStretch(1)
        buttons, self.undo_button, self.close_button = undo_and_close(
            page, self.undo_import, _("Remove every entry this import added (you are asked first)"))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        return page

    # --- public -------------------------------------------------------------------------
    def start_import(self) -> None:
        """Import with the choices made, as one write (one transaction) off the GUI thread."""
        if not self._update_ready():
            return
        person_name = clean_label(self.person_box.currentText())
        job = self._import_job(person_name, self.zone_box.currentText().strip(), self._context.clock)
        self._set_busy(True)
        # The import adds entries and maybe a person; which person is known only when it is done.
        self._context.ops.write(self, job, changes={JOURNAL, PEOPLE}, on_done=self._on_done,
                                on_error=self._on_failed, label=_("Importing entries…"))

    def undo_import(self) -> None:
        """Undo the import just made, after a confirmation (see :mod:`.import_result`)."""
        if self._batch_id is not None:
            undo_with_confirmation(self, self._context, self._batch_id, self._on_undone)

    def discard(self) -> None:
        """Drop the file's contents and every name, and close (the vault locked, or done)."""
        if self._discarded:
            return
        self._discarded = True
        self._data = b""
        self._forget()
        self.title_label.clear()
        self.problem_label.clear()
        self.person_box.clear()
        self.person_box.setEditText("")
        self.result_label.clear()
        self.skipped_text.clear()
        self.close()

    # --- private ------------------------------------------------------------------------
    def _forget(self) -> None:
        """Subclasses drop what they show of the file."""

    def _set_busy(self, busy: bool) -> None:
        self.pages.widget(0).setEnabled(not busy)
        self.progress_label.setText(
            _("Backing up the vault, then importing… This can take a minute for a big file.") if busy else "")
        self.progress_label.setVisible(busy)

    def _update_ready(self) -> bool:
        problem = self._problem()
        if not problem and self.zone_box.currentText().strip() not in self._zone_set:
            problem = _("Choose a time zone from the list (type part of a city name to search).")
        elif not problem and not clean_label(self.person_box.currentText()):
            problem = _("Type or pick whose journal these entries go into.")
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.import_button.setEnabled(not problem)
        return not problem

    def _on_done(self, report) -> None:
        self._set_busy(False)
        self._data = b""
        summary = report.summary
        self._batch_id = report.batch_id if report.new else None
        self.result_title.setText(_("Import finished"))
        text = summary_text(summary, new_words=self._new_entries_words(summary.person_name))
        if self._batch_id is not None:
            text += "\n" + _("Changed your mind? Undo this import now, or later from File ▸ Imports made…")
        self.result_label.setText(text)
        self.skipped_label.setText(skipped_heading(summary))
        self.skipped_text.setPlainText(skipped_text(summary))
        shown = min(self.skipped_text.document().blockCount(), SHOW_SKIPPED + 1)  # tall enough for every line
        self.skipped_text.setFixedHeight(self.fontMetrics().lineSpacing() * shown + 2 * self.skipped_text.frameWidth()
                                         + 2 * int(self.skipped_text.document().documentMargin()) + 4)
        for widget in (self.skipped_label, self.skipped_text):
            widget.setVisible(summary.skipped_count > 0)
        self.undo_button.setVisible(self._batch_id is not None)
        self.undo_button.setEnabled(self._batch_id is not None)
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        self.imported.emit(report)

    def _on_undone(self, result) -> None:
        self._batch_id = None
        self.result_title.setText(_("Import undone"))
        self.result_label.setText(undone_text(result) + "\n" + _("You can import the file again at any time."))
        for widget in (self.skipped_label, self.skipped_text, self.undo_button):
            widget.hide()
        self.close_button.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, self.refused):
            self.problem_label.setText(self._refused_text(exc))
            self.problem_label.show()
            return
        show_error(self, exc, _("Nothing was imported"))

    def _refused_text(self, exc: BaseException) -> str:
        text = str(exc)
        # The service's own words may already say so (in English, or translated by its owner).
        if text.startswith(("Nothing was imported", _("Nothing was imported"))):
            return text
        return _("Nothing was imported. {reason}").format(reason=text)


class ImportDialog(ImportDialogBase):
    """Preview the Daylio CSV export, choose a level for each of its moods, and import. Emits
    ``imported`` with the :class:`~caregiver_app.services.imports.ImportReport`."""

    refused = (*ImportDialogBase.refused, imports.MoodMappingNeeded)

    def __init__(
        self,
        context: AppContext,
        file_name: str,
        data: bytes,
        preview: imports.ImportPreview,
        person_names: Sequence[str],
        default_person: str = "",
        parent: QWidget | None = None,
        *,
        parsed=None,
    ):
        super().__init__(context, data, _("Import from another app: Daylio"), parent)
        self._preview = preview
        self._parsed = parsed  # the file read once more as import_any rows, for the stored-rows preview
        self.level_boxes: dict[str, QComboBox] = {}
        self._build(file_name, person_names, default_person)
        self._show_rows()
        self._update_ready()
        height = self.fontMetrics().height()
        self.resize(height * 52, height * 44)

    # --- building -----------------------------------------------------------------------
    def _build_choices(self, page: QWidget, layout: QVBoxLayout) -> None:
        self.preview_label = plain_label(describe_preview(self._preview), parent=page)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                   | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.preview_label)
        layout.addWidget(heading(_("How each Daylio mood fits this app’s 5-point mood scale"), page))
        layout.addWidget(plain_label(_("Daylio’s own moods (rad, good, meh, bad, awful) and the levels you chose at "
                                       "an earlier Daylio import are filled in for you; you can change them. Other "
                                       "moods you made yourself need a level before you can import."), parent=page))
        grid_holder = QWidget(page)
        grid = QGridLayout(grid_holder)
        for column, text in enumerate((_("Mood in the file"), _("Entries"), _("Level in this app"))):
            grid.addWidget(plain_label(text, bold=True, parent=grid_holder), 0, column)
        for row, info in enumerate(self._preview.labels, start=1):
            name = plain_label(info.label, parent=grid_holder)
            count = QLabel(f"{formatting.count_text(info.count)}", grid_holder)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            box = level_box(grid_holder, info.label, info.count, info.level)
            box.currentIndexChanged.connect(lambda _i: self._update_ready())
            box.currentIndexChanged.connect(lambda _i: self._show_rows())
            name.setBuddy(box)
            self.level_boxes[info.label] = box
            grid.addWidget(name, row, 0)
            grid.addWidget(count, row, 1)
            grid.addWidget(box, row, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(len(self._preview.labels) + 1, 1)  # rows stay together at the top
        layout.addWidget(scroll_area(grid_holder, page, framed=True, focusable=False), 1)
        self.table_label = QLabel(_("The first entries will be saved like this:"), page)
        self.table = StoredRowsTable(page)
        self.table_label.setBuddy(self.table)
        for widget in (self.table_label, self.table):
            widget.setVisible(self._parsed is not None)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)

    # --- public -------------------------------------------------------------------------
    def mood_map(self) -> dict[str, int]:
        """The level chosen for every label that has one."""
        return {label: box.currentData() for label, box in self.level_boxes.items() if box.currentData() is not None}

    def missing_labels(self) -> list[str]:
        return [label for label, box in self.level_boxes.items() if box.currentData() is None]

    # --- private ------------------------------------------------------------------------
    def _import_job(self, person_name: str, zone: str, clock):
        data, mood_map, file_name = self._data, self.mood_map(), self._file_name
        return lambda vault: imports.import_daylio(vault, data, person_name, mood_map, zone, file_name=file_name,
                                                   clock=clock)

    def _forget(self) -> None:
        self.preview_label.clear()
        for box in self.level_boxes.values():
            box.clear()

    def _show_rows(self) -> None:
        if self._parsed is not None and len(self.level_boxes) == len(self._preview.labels):
            preview = import_any.preview_parsed(self._parsed, mood_map=self.mood_map())
            self.table.show_rows(preview.first_rows)

    def _problem(self) -> str:
        missing = self.missing_labels()
        if self._preview.rows == 0:
            return _("There is nothing to import in this file.")
        if missing:
            return choose_levels_text(missing)
        return ""

    def _new_entries_words(self, name: str) -> str:
        return _("They are marked as recorded by {name}.").format(name=name)

    def _refused_text(self, exc: BaseException) -> str:
        return str(exc) if isinstance(exc, imports.MoodMappingNeeded) else super()._refused_text(exc)
