"""Import from another app (Daylio backup, Bearable, iMoodJournal, eMoods or any CSV): what the
file is, its columns when the app does not know it, the mood rule and a preview of the first rows
as they will be stored, on the shared import dialog (:class:`.import_dialog.ImportDialogBase`:
time zone, person, the import as one write, the result). Daylio CSV exports keep their own dialog
(:class:`.import_dialog.ImportDialog`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...importers.common import ImportFormatError, ParseResult
from ...i18n import N_, _
from ...importers.generic import ROLES, ColumnMap
from ...services import import_any, imports
from ..common.trust_widgets import plain_label
from ..context import AppContext
from .import_dialog import ImportDialogBase, _when, choose_levels_text, days_words, entries_words, level_box, skipped_words
from .import_preview import RuleEditor, StoredRowsTable

NOT_IN_FILE = N_("(not in this file)")
SCALES = ("1-10", "0-10", "1-5", "words")
_ROLE_WORDS = {"date": N_("&Date"), "time": N_("T&ime"), "mood": N_("&Mood"), "notes": N_("&Notes"), "tags": N_("T&ags")}
_ROLE_NAMES = {"date": N_("Column that holds the date"), "time": N_("Column that holds the time"),
               "mood": N_("Column that holds the mood"), "notes": N_("Column that holds the notes"),
               "tags": N_("Column that holds the tags")}
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
        return _("This file has no entries that can be imported.")
    words = {"entries": entries_words(preview.entries), "days": days_words(preview.distinct_days)}
    if preview.first_entry and preview.last_entry:
        text = _("It has {entries} on {days}, from {first} to {last}.").format(
            first=_when(preview.first_entry), last=_when(preview.last_entry), **words)
    else:
        text = _("It has {entries} on {days}.").format(**words)
    if preview.skipped:
        text += " " + skipped_words(len(preview.skipped))
    return text


class OtherImportDialog(ImportDialogBase):
    """Emits ``imported`` with the :class:`~caregiver_app.services.imports.ImportReport`."""

    refused = (*ImportDialogBase.refused, ImportFormatError, imports.MoodMappingNeeded)

    def __init__(self, context: AppContext, file_name: str, data: bytes, detected: import_any.Detected,
                 parsed: ParseResult | None, remembered: import_any.Remembered, person_names: Sequence[str],
                 default_person: str = "", parent: QWidget | None = None):
        super().__init__(context, data, _("Import from another app"), parent)
        self._detected = detected
        self._parsed = parsed
        self._remembered = remembered
        self._rule = remembered.rule
        self._words: dict[str, int] = dict(remembered.mood_map)
        self._problem_text = ""
        self._preview: import_any.Preview | None = None
        self.word_boxes: dict[str, QComboBox] = {}
        self.column_boxes: dict[str, QComboBox] = {}
        # A Daylio backup carries each entry's own offset: no time zone to ask.
        self._build(file_name, person_names, default_person, ask_zone=detected.kind != "daylio-backup")
        height = self.fontMetrics().height()
        self.table.setMinimumHeight(height * 12)
        self.resize(height * 52, height * 48)
        if self.column_boxes and self._parsed is None:
            self.reparse()  # read with the first guess of the columns
        else:
            self.refresh()

    # --- building -----------------------------------------------------------------------
    def _build_choices(self, page: QWidget, layout: QVBoxLayout) -> None:
        remembered = self._remembered
        self.kind_label = plain_label(self._detected.message, parent=page)
        layout.addWidget(self.kind_label)

        if self._detected.kind == "generic":
            group = QGroupBox(_("Which column holds what"), page)
            form = QFormLayout(group)
            known = remembered.columns.as_dict() if remembered.columns else guess_columns(self._detected.header)
            for role in ROLES:
                box = QComboBox(group)
                box.addItem(_(NOT_IN_FILE), "")
                for name in self._detected.header:
                    box.addItem(name, name)
                box.setCurrentIndex(max(box.findData(known.get(role, "")), 0))
                box.setAccessibleName(_(_ROLE_NAMES[role]))
                box.currentIndexChanged.connect(lambda _i: self.reparse())
                form.addRow(_(_ROLE_WORDS[role]), box)
                self.column_boxes[role] = box
            self.scale_box = QComboBox(group)
            for scale in SCALES:
                low, _dash, high = scale.partition("-")
                self.scale_box.addItem(_("mood words (you choose each word's level)") if scale == "words" else
                                       _("numbers from {low} to {high}").format(low=low, high=high), scale)
            self.scale_box.setCurrentIndex(max(self.scale_box.findData(known.get("scale", "1-10")), 0))
            self.scale_box.setAccessibleName(_("How the mood column is written"))
            self.scale_box.currentIndexChanged.connect(lambda _i: self.reparse())
            form.addRow(_("Mood &written as"), self.scale_box)
            layout.addWidget(group)

        self.rule_group = QGroupBox(_("How a mood from the file becomes this app’s 5 levels"), page)
        self.rule_layout = QVBoxLayout(self.rule_group)
        self.rule_editor: RuleEditor | None = None
        self.words_holder = QWidget(self.rule_group)
        self.words_form = QFormLayout(self.words_holder)
        self.rule_layout.addWidget(self.words_holder)
        self.notes_label = plain_label(parent=self.rule_group)
        self.rule_layout.addWidget(self.notes_label)
        layout.addWidget(self.rule_group)

        self.preview_label = plain_label(parent=page)
        layout.addWidget(self.preview_label)
        self.table = StoredRowsTable(page)
        layout.addWidget(self.table, 1)

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
        self._problem_text = ""
        if columns is None:
            self._problem_text = _("Choose the column that holds the date.")
        else:
            try:
                self._parsed = import_any.parse(self._data, "generic", columns)
            except (ImportFormatError, ValidationError) as exc:
                self._problem_text = str(exc)
        self.refresh()

    def refresh(self) -> None:
        """Show the preview for the current choices."""
        if self._parsed is None:
            self._problem_text = self._problem_text or _("Choose the column that holds the date.")
            self.table.show_rows([])
            self.preview_label.setText("")
            self.rule_group.hide()
            self._update_ready()
            return
        self._problem_text = ""
        rule = self.rule_editor.rule if self.rule_editor is not None else self._rule
        preview = import_any.preview_parsed(self._parsed, rule=rule, mood_map=self._words_map())
        self._preview = preview
        self._show_rule(preview)
        self.preview_label.setText(describe(preview) + " " + _("The first ones will be saved like this:"))
        self.table.show_rows(preview.first_rows)
        self._update_ready()

    # --- private ------------------------------------------------------------------------
    def _import_job(self, person_name: str, zone: str, clock):
        data, kind, columns, words = self._data, self._detected.kind, self.columns(), self._words_map()
        rule, file_name = (self._preview.rule if self._preview is not None else None), self._file_name
        return lambda vault: import_any.import_file(vault, data, person_name, kind, rule=rule, mood_map=words,
                                                    columns=columns, zone_name=zone, file_name=file_name,
                                                    clock=clock)

    def _forget(self) -> None:
        self._parsed = None
        self.table.setRowCount(0)
        self.preview_label.clear()

    def _words_map(self) -> dict[str, int]:
        """The level of each mood word: as chosen in its box (boxes start at the level chosen at
        an earlier import of the same app, kept in the vault)."""
        chosen = {label: box.currentData() for label, box in self.word_boxes.items() if box.currentData() is not None}
        asked = {import_any.label_key(label) for label in self.word_boxes}
        return imports.merged_map({k: v for k, v in self._words.items() if k not in asked}, chosen)

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
        words = (import_any.mood_words(self._parsed, self._words) if self._parsed is not None
                 else [(label, count, None) for label, count in preview.unmapped])
        for label, count, level in words:
            if label not in self.word_boxes:
                box = level_box(self.words_holder, label, count, level)
                box.currentIndexChanged.connect(lambda _i: self.refresh())
                self.words_form.addRow(QLabel(label, self.words_holder), box)
                self.word_boxes[label] = box
        self.words_holder.setVisible(bool(self.word_boxes))
        self.notes_label.setText("\n".join(preview.rule_notes))
        self.notes_label.setVisible(bool(preview.rule_notes))
        self.rule_group.setVisible(preview.rule is not None or bool(self.word_boxes) or bool(preview.rule_notes))

    def _problem(self) -> str:
        missing = [label for label, box in self.word_boxes.items() if box.currentData() is None]
        if self._problem_text:
            return self._problem_text
        if self._preview is not None and self._preview.entries == 0:
            return _("There is nothing to import in this file.")
        if self.rule_editor is not None and self.rule_editor.isVisible() and self.rule_editor.rule is None:
            return _("Fix the mood rule: each number must be bigger than the one before.")
        if missing:
            return choose_levels_text(missing)
        return ""

    def _new_entries_words(self, name: str) -> str:
        return _("Each keeps the mood as the other app wrote it.")
