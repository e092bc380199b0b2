"""Import from another app (Daylio backup, Bearable, iMoodJournal, eMoods or any CSV): what the
file is, its columns when the app does not know it, the mood rule, a preview of the first rows as
they will be stored, the time zone and the person; then the import (one transaction, in the task
runner) and its result. Daylio CSV exports keep their own dialog (:mod:`.import_dialog`)."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CaregiverError, ValidationError
from ...domain.model import MoodLevel, clean_label
from ...importers.common import ImportFormatError, ParseResult
from ...importers.generic import ROLES, ColumnMap
from ...services import import_any, imports
from ..context import AppContext
from ..common.errors import show_error
from .import_dialog import CHOOSE, _plural, _when, time_zone_names
from .import_preview import RuleEditor, StoredRowsTable

NOT_IN_FILE = "(not in this file)"
SCALES = ("1-10", "0-10", "1-5", "words")
_ROLE_WORDS = {"date": "&Date", "time": "T&ime", "mood": "&Mood", "notes": "&Notes", "tags": "T&ags"}
_GUESSES = {"date": ("date", "day", "when"), "time": ("time", "hour"), "mood": ("mood", "score", "level", "feel"),
            "notes": ("note", "comment", "journal", "text"), "tags": ("tag", "label", "activit")}


def guess_columns(header: Sequence[str]) -> dict[str, str]:
    """A first guess of which column holds what, by the column names (the user checks it)."""
    guess: dict[str, str] = {}
    for role in ROLES:
        for name in header:
            if name not in guess.values() and any(word in name.casefold() for word in _GUESSES[role]):
                guess[role] = name
                break
    return guess


def describe(preview: import_any.Preview) -> str:
    """What the file holds, in plain words."""
    if preview.entries == 0:
        return "This file has no entries that can be imported."
    text = f"It has {_plural(preview.entries, 'entry', 'entries')} on {_plural(preview.distinct_days, 'day')}"
    if preview.first_entry and preview.last_entry:
        text += f", from {_when(preview.first_entry)} to {_when(preview.last_entry)}."
    if preview.skipped:
        text += (f" {_plural(len(preview.skipped), 'line')} cannot be read and will be skipped;"
                 " you will see which ones at the end.")
    return text


class OtherImportDialog(QDialog):
    """Emits ``imported`` with the :class:`~caregiver_app.services.imports.ImportReport`."""

    imported = Signal(object)

    def __init__(self, context: AppContext, file_name: str, data: bytes, detected: import_any.Detected,
                 parsed: ParseResult | None, remembered: import_any.Remembered, person_names: Sequence[str],
                 default_person: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._data, self._detected = context, data, detected
        self._parsed = parsed
        self._rule = remembered.rule
        self._words: dict[str, int] = dict(remembered.mood_map)
        self._discarded = False
        self.word_boxes: dict[str, QComboBox] = {}
        self.column_boxes: dict[str, QComboBox] = {}
        self.setWindowTitle("Import from another app")
        self.setAccessibleName("Import from another app")
        self.setModal(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form(file_name, remembered, person_names, default_person))
        self.pages.addWidget(self._build_result())
        QVBoxLayout(self).addWidget(self.pages)
        height = self.fontMetrics().height()
        self.table.setMinimumHeight(height * 12)
        self.resize(height * 52, height * 48)
        if self.column_boxes and self._parsed is None:
            self.reparse()  # read with the first guess of the columns
        else:
            self.refresh()

    # --- building -----------------------------------------------------------------------
    def _build_form(self, file_name, remembered, person_names, default_person) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.title_label = QLabel(f"Import “{file_name}”", page)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.kind_label = QLabel(self._detected.message, page)
        self.kind_label.setWordWrap(True)
        layout.addWidget(self.kind_label)

        if self._detected.kind == "generic":
            group = QGroupBox("Which column holds what", page)
            form = QFormLayout(group)
            known = remembered.columns.as_dict() if remembered.columns else guess_columns(self._detected.header)
            for role in ROLES:
                box = QComboBox(group)
                box.addItem(NOT_IN_FILE, "")
                for name in self._detected.header:
                    box.addItem(name, name)
                box.setCurrentIndex(max(box.findData(known.get(role, "")), 0))
                box.setAccessibleName(f"Column that holds the {role}")
                box.currentIndexChanged.connect(lambda _i: self.reparse())
                form.addRow(_ROLE_WORDS[role], box)
                self.column_boxes[role] = box
            self.scale_box = QComboBox(group)
            for scale in SCALES:
                self.scale_box.addItem("mood words (you choose each word's level)" if scale == "words" else
                                       f"numbers from {scale.replace('-', ' to ')}", scale)
            self.scale_box.setCurrentIndex(max(self.scale_box.findData(known.get("scale", "1-10")), 0))
            self.scale_box.setAccessibleName("How the mood column is written")
            self.scale_box.currentIndexChanged.connect(lambda _i: self.reparse())
            form.addRow("Mood &written as", self.scale_box)
            layout.addWidget(group)

        self.rule_group = QGroupBox("How a mood from the file becomes this app’s 5 levels", page)
        self.rule_layout = QVBoxLayout(self.rule_group)
        self.rule_editor: RuleEditor | None = None
        self.words_holder = QWidget(self.rule_group)
        self.words_form = QFormLayout(self.words_holder)
        self.rule_layout.addWidget(self.words_holder)
        self.notes_label = QLabel(self.rule_group)
        self.notes_label.setWordWrap(True)
        self.rule_layout.addWidget(self.notes_label)
        layout.addWidget(self.rule_group)

        self.preview_label = QLabel(page)
        self.preview_label.setWordWrap(True)
        layout.addWidget(self.preview_label)
        self.table = StoredRowsTable(page)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.zone_box = QComboBox(page)
        self.zone_box.setEditable(True)
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        zones = time_zone_names()
        if self._context.zone_name not in zones:
            zones = sorted([*zones, self._context.zone_name])
        self._zone_set = set(zones) | zoneinfo.available_timezones()
        self.zone_box.addItems(zones)
        self.zone_box.setEditText(self._context.zone_name)
        self.zone_box.setAccessibleName("Time zone the entries were written in")
        self.zone_box.editTextChanged.connect(lambda _t: self._update_ready())
        if self._detected.kind != "daylio-backup":  # a backup carries each entry's own offset
            form.addRow("&Time zone of the entries", self.zone_box)
        else:
            self.zone_box.hide()
        self.person_box = QComboBox(page)
        self.person_box.setEditable(True)
        self.person_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_box.addItems(list(person_names))
        self.person_box.setEditText(default_person)
        self.person_box.setAccessibleName("Whose journal these entries go into (pick someone or type a new name)")
        self.person_box.editTextChanged.connect(lambda _t: self._update_ready())
        form.addRow("&Whose journal", self.person_box)
        layout.addLayout(form)

        self.problem_label = QLabel(page)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(page)
        self.import_button = QPushButton("&Import", page)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.result_label = QLabel(page)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        self.skipped_text = QPlainTextEdit(page)
        self.skipped_text.setReadOnly(True)
        self.skipped_text.setAccessibleName("Lines of the file that were skipped, and why")
        layout.addWidget(self.skipped_text, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, page)
        box.rejected.connect(self.accept)
        self.close_button = box.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(box)
        return page

    # --- public -------------------------------------------------------------------------
    def columns(self) -> ColumnMap | None:
        """The column map chosen (generic CSVs), or None when the date column is not chosen."""
        if not self.column_boxes:
            return None
        chosen = {role: box.currentData() or "" for role, box in self.column_boxes.items()}
        if not chosen["date"]:
            return None
        return ColumnMap(**chosen, scale=self.scale_box.currentData())

    def reparse(self) -> None:
        """Read the file again with the chosen columns (generic CSVs; small files in practice)."""
        columns = self.columns()
        self._parsed = None
        self._problem = ""
        if columns is None:
            self._problem = "Choose the column that holds the date."
        else:
            try:
                self._parsed = import_any.parse(self._data, "generic", columns)
            except (ImportFormatError, ValidationError) as exc:
                self._problem = str(exc)
        self.refresh()

    def refresh(self) -> None:
        """Show the preview for the current choices."""
        self._problem = getattr(self, "_problem", "")
        if self._parsed is None:
            self._problem = self._problem or "Choose the column that holds the date."
            self.table.show_rows([])
            self.preview_label.setText("")
            self.rule_group.hide()
            self._update_ready()
            return
        self._problem = ""
        rule = self.rule_editor.rule if self.rule_editor is not None else self._rule
        preview = import_any.preview_parsed(self._parsed, rule=rule, mood_map=self._words_map())
        self._preview = preview
        self._show_rule(preview)
        self.preview_label.setText(describe(preview) + " The first ones will be saved like this:")
        self.table.show_rows(preview.first_rows)
        self._update_ready()

    def start_import(self) -> None:
        if not self._update_ready():
            return
        try:
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "Nothing was imported")
            return
        data, kind, columns = self._data, self._detected.kind, self.columns()
        rule = self._preview.rule
        words = self._words_map()
        person = clean_label(self.person_box.currentText())
        zone = self.zone_box.currentText().strip()
        clock = self._context.clock
        self.pages.widget(0).setEnabled(False)
        self._context.runner.run(
            lambda: import_any.import_file(vault, data, person, kind, rule=rule, mood_map=words, columns=columns,
                                           zone_name=zone, clock=clock),
            on_done=self._on_done, on_error=self._on_failed, parent=self, label="Importing entries…")

    def discard(self) -> None:
        """Drop the file's contents and close."""
        if self._discarded:
            return
        self._discarded = True
        self._data = b""
        self._parsed = None
        self.table.setRowCount(0)
        self.result_label.clear()
        self.skipped_text.clear()
        self.person_box.clear()
        self.close()

    # --- private ------------------------------------------------------------------------
    def _words_map(self) -> dict[str, int]:
        chosen = {label: box.currentData() for label, box in self.word_boxes.items() if box.currentData() is not None}
        return {**self._words, **chosen}

    def _show_rule(self, preview: import_any.Preview) -> None:
        if preview.rule is not None and (self.rule_editor is None or (self.rule_editor.rule is not None and (
                self.rule_editor.rule.low, self.rule_editor.rule.high) != (preview.rule.low, preview.rule.high))):
            if self.rule_editor is not None:
                self.rule_editor.deleteLater()
            self.rule_editor = RuleEditor(preview.rule, self.rule_group)
            self.rule_editor.changed.connect(lambda _r: self.refresh())
            self.rule_layout.insertWidget(0, self.rule_editor)
        if self.rule_editor is not None:
            self.rule_editor.setVisible(preview.rule is not None)
        for label, count in preview.unmapped:
            if label not in self.word_boxes:
                box = QComboBox(self.words_holder)
                box.addItem(CHOOSE, None)
                for level in MoodLevel:
                    box.addItem(f"{level.value} {level.label}", level.value)
                box.setAccessibleName(f"Mood level for “{label}”, used in {_plural(count, 'entry', 'entries')}")
                box.currentIndexChanged.connect(lambda _i: self.refresh())
                self.words_form.addRow(QLabel(label, self.words_holder), box)
                self.word_boxes[label] = box
        self.words_holder.setVisible(bool(self.word_boxes))
        self.notes_label.setText("\n".join(preview.rule_notes))
        self.notes_label.setVisible(bool(preview.rule_notes))
        self.rule_group.setVisible(preview.rule is not None or bool(self.word_boxes) or bool(preview.rule_notes))

    def _update_ready(self) -> bool:
        problem = self._problem
        missing = [label for label, box in self.word_boxes.items() if box.currentData() is None
                   and label not in self._words]
        if not problem and getattr(self, "_preview", None) is not None and self._preview.entries == 0:
            problem = "There is nothing to import in this file."
        elif not problem and self.rule_editor is not None and self.rule_editor.isVisible() and self.rule_editor.rule is None:
            problem = "Fix the mood rule: each number must be bigger than the one before."
        elif not problem and missing:
            problem = "Choose a mood level for " + ", ".join(f"“{m}”" for m in missing[:3]) + " to import."
        elif not problem and self.zone_box.currentText().strip() not in self._zone_set:
            problem = "Choose a time zone from the list (type part of a city name to search)."
        elif not problem and not clean_label(self.person_box.currentText()):
            problem = "Type or pick whose journal these entries go into."
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.import_button.setEnabled(not problem)
        return not problem

    def _on_done(self, report: import_any.Report) -> None:
        self.pages.widget(0).setEnabled(True)
        self._data = b""
        name = clean_label(self.person_box.currentText())
        lines = [f"{report.summary_line()}."]
        if report.person_added:
            lines.append(f"{name} was added to this vault.")
        if report.new == 0 and report.already_present:
            lines.append("Everything in this file was already in the journal, so nothing changed.")
        elif report.new:
            lines.append(f"The new entries are in {name}’s journal. Each keeps the mood as the other app wrote it.")
        lines.append("Every line of the file was read." if not report.skipped else "These lines were skipped:")
        self.result_label.setText("\n".join(lines))
        self.skipped_text.setPlainText("\n".join(f"Line {row.line}: {row.reason}" for row in report.skipped))
        self.skipped_text.setVisible(bool(report.skipped))
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        self.imported.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self.pages.widget(0).setEnabled(True)
        if isinstance(exc, (ValidationError, ImportFormatError, imports.MoodMappingNeeded)):
            self.problem_label.setText(f"Nothing was imported. {exc}")
            self.problem_label.show()
            return
        show_error(self, exc, "Nothing was imported")
