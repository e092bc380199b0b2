"""The journal entry editor: a keyboard-friendly form that turns into an ``EntryDraft`` and saves.

Saving goes through the task runner; problems the user can fix (``ValidationError``) show in
plain words under the form, anything else goes to ``show_error``.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import timeutil
from ...domain.errors import CaregiverError, ValidationError
from ...domain.model import (
    Elevation,
    JournalEntry,
    MoodLevel,
    Person,
    Recorder,
    RecorderKind,
    SleepQuality,
    SymptomRating,
    Tag,
    TagKind,
    clean_label,
)
from ...domain.symptoms import COMMON_ACTIVITIES, COMMON_STRESSORS, STARTER_SYMPTOMS
from ...services import journal
from ..context import AppContext
from ..common.country import help_words
from .doses_section import DosesSection
from .draft_keeper import DraftBar, DraftKeeper, apply_state
from .entry_fields import (
    ENERGY_ANCHORS,
    SEVERITY_ANCHORS,
    HoursSpinBox,
    MoodChoice,
    SymptomRow,
    TagLineEdit,
    scale_box,
    split_tags,
    with_anchors,
)
from ..common.errors import show_error
from .learn_hints import LearnHints
from .journal_model import day_heading, time_text
from ..common.tag_choices import CommonTagChips
from ..common.time_hint import TimeHint
from ..common.trust_widgets import problem_label
from ..common.wall_clock import WallClockEdit


class EntryEditor(QWidget):
    """Write a new journal entry or change one. Emits ``entry_saved`` with the stored entry."""

    entry_saved = Signal(object)
    entry_changed = Signal(object, object)  # (the entry before, or None for a new one; as saved): for undo
    edit_cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._editing: JournalEntry | None = None
        self._symptom_choices: list[str] = [s.name for s in STARTER_SYMPTOMS]
        self._last_family_name = ""
        self._rows: list[SymptomRow] = []
        self._zone_of_entry = ""  # the zone of the entry being changed, when it has one
        self._build()
        self.drafts = DraftKeeper(context, self, self)  # unsaved words kept in the vault (issue 3)
        self.reset()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.body = QWidget(self)
        outer = QVBoxLayout(self.body)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        heading_font = self.heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        self.heading.setFont(heading_font)
        outer.addWidget(self.heading)
        self.draft_bar = DraftBar(self)
        outer.addWidget(self.draft_bar)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.when_edit = WallClockEdit("Date and time of this entry", self)  # the service applies the zone
        self.now_button = QPushButton("Now", self)
        self.now_button.setAccessibleName("Set the date and time to now")
        self.now_button.clicked.connect(self._set_now)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when_edit, 1)
        when_row.addWidget(self.now_button)
        form.addRow("&When", when_row)
        form.labelForField(when_row).setBuddy(self.when_edit)
        self.time_hint = TimeHint(self)  # skipped or repeated clock times, another zone
        self.time_hint.use_time.connect(self._set_when)
        form.addRow("", self.time_hint)
        self.when_edit.dateTimeChanged.connect(lambda _v: self._check_time())

        self.person_radio = QRadioButton(self)
        self.family_radio = QRadioButton("&A family member:", self)
        self.family_name = QLineEdit(self)
        self.family_name.setPlaceholderText("Their name, for example Ana")
        self.family_name.setAccessibleName("Family member's name")
        self.family_name.textEdited.connect(lambda _t: self.family_radio.setChecked(True))
        self.family_radio.toggled.connect(self._on_recorder_toggled)
        self.recorder_group = QButtonGroup(self)
        self.recorder_group.addButton(self.person_radio)
        self.recorder_group.addButton(self.family_radio)
        self.recorder_box = QGroupBox("Who is recording this entry?", self)
        self.recorder_box.setAccessibleName("Recorded by")
        recorder_box = QVBoxLayout(self.recorder_box)
        recorder_box.addWidget(self.person_radio)
        family_row = QHBoxLayout()
        family_row.addWidget(self.family_radio)
        family_row.addWidget(self.family_name, 1)
        recorder_box.addLayout(family_row)
        form.addRow(self.recorder_box)
        self.person_radio.toggled.connect(lambda _on: self._update_heading())
        self.family_name.textChanged.connect(lambda _t: self._update_heading())

        self.mood_box = MoodChoice("Mood", "Mood, from 1 very low to 5 very good", self, not_rated=True)
        self.mood_group, self.mood_none, self.mood_buttons = self.mood_box.group, self.mood_box.none, self.mood_box.buttons
        form.addRow(self.mood_box)

        self.anxiety = scale_box("Anxiety", SEVERITY_ANCHORS, self)
        holder = with_anchors(self.anxiety, SEVERITY_ANCHORS, self)
        form.addRow("An&xiety", holder)
        form.labelForField(holder).setBuddy(self.anxiety)
        self.energy = scale_box("Energy", ENERGY_ANCHORS, self)
        holder = with_anchors(self.energy, ENERGY_ANCHORS, self)
        form.addRow("Ener&gy", holder)
        form.labelForField(holder).setBuddy(self.energy)
        self.elevation = QComboBox(self)
        self.elevation.addItem("Not rated", None)
        for level in Elevation:
            self.elevation.addItem(level.label.capitalize(), int(level))
        self.elevation.setAccessibleName("Elevated or irritable")
        self.elevation.setToolTip("Rated apart from mood: how high, wired or irritable they were "
                                  "(none, mild, moderate or severe)")
        form.addRow("Ele&vated / irritable", self.elevation)

        self.sleep_hours = HoursSpinBox(self)
        self.sleep_hours.setRange(-0.25, 24)
        self.sleep_hours.setSingleStep(0.25)
        self.sleep_hours.setDecimals(2)
        self.sleep_hours.setSpecialValueText("Not recorded")
        self.sleep_hours.setSuffix(" hours")
        self.sleep_hours.setAccessibleName("Hours of sleep last night")
        self.sleep_hours.setToolTip("Hours of sleep last night, in quarter hours (0 to 24)")
        form.addRow("S&leep last night", self.sleep_hours)
        self.sleep_quality = QComboBox(self)
        self.sleep_quality.addItem("Not recorded", None)
        for quality in SleepQuality:
            self.sleep_quality.addItem(quality.label.capitalize(), quality.value)
        self.sleep_quality.setAccessibleName("How well they slept")
        form.addRow("Sleep &quality", self.sleep_quality)

        self.symptom_box = QGroupBox("Symptoms", self)
        self.symptom_box.setAccessibleName("Symptoms with severity")
        symptom_layout = QVBoxLayout(self.symptom_box)
        self.symptom_rows_layout = QVBoxLayout()
        symptom_layout.addLayout(self.symptom_rows_layout)
        anchors = QLabel(f"Severity: {SEVERITY_ANCHORS}", self.symptom_box)
        anchors.setWordWrap(True)
        symptom_layout.addWidget(anchors)
        self.add_symptom_button = QPushButton("Add a s&ymptom", self.symptom_box)
        self.add_symptom_button.setAccessibleName("Add a symptom")
        self.add_symptom_button.clicked.connect(lambda: self.add_symptom_row(focus=True))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_symptom_button)
        add_row.addStretch(1)
        symptom_layout.addLayout(add_row)
        form.addRow(self.symptom_box)

        self.doses = DosesSection(self._context, self)
        self.doses.rows_changed.connect(self._fix_tab_order)
        form.addRow(self.doses)
        self.when_edit.dateTimeChanged.connect(lambda _v: self.doses.set_day(self._when().date()))

        self.activities = TagLineEdit(self)
        self.activities.setPlaceholderText("For example: walk, visit with friends")
        self.activities.setAccessibleName("Activities, separated by commas")
        form.addRow("Ac&tivities", self.activities)
        self.activity_chips = CommonTagChips(self.activities, COMMON_ACTIVITIES, "Activities", self)
        form.addRow("", self.activity_chips)
        self.stressors = TagLineEdit(self)
        self.stressors.setPlaceholderText("For example: money worries, poor night")
        self.stressors.setAccessibleName("Stressors, separated by commas")
        form.addRow("St&ressors", self.stressors)
        self.stressor_chips = CommonTagChips(self.stressors, COMMON_STRESSORS, "Stressors", self)
        form.addRow("", self.stressor_chips)

        self.note = QPlainTextEdit(self)
        # once a new entry is being written, "Saved the entry for …" would read as if it were saved
        self.note.textChanged.connect(self._on_note_changed)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Anything else worth remembering")
        line = self.note.fontMetrics().lineSpacing()
        self.note.setMinimumHeight(line * 4)
        form.addRow("&Note", self.note)

        self.flag = QCheckBox("&Bring this up at the next visit", self)
        form.addRow(self.flag)
        outer.addStretch(1)

        # The form scrolls; the messages and the Save button below it stay in view.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Never clip the form: with very large text in a small window it scrolls sideways too.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setWidget(self.body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focused field by itself
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll, 1)

        self.problem_label = problem_label("Problem with this entry", self)
        outer.addWidget(self.problem_label)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Saved")
        self.status_label.hide()
        outer.addWidget(self.status_label)
        self.learn_hints = LearnHints(self)  # what the saved entry's symptoms point to (issue 4)
        outer.addWidget(self.learn_hints)

        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save entry", self)
        self.save_button.setToolTip("Save (Ctrl+S or Ctrl+Enter)")
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel changes", self)
        self.cancel_button.setToolTip("Stop changing this entry (Esc)")
        self.cancel_button.clicked.connect(self.cancel_edit)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self.cancel_edit)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.when_edit, self.now_button, self.person_radio, self.family_radio,
                                self.family_name, self.mood_none, *self.mood_buttons.values(),
                                self.anxiety, self.energy, self.elevation, self.sleep_hours, self.sleep_quality]
        for row in self._rows:
            chain.extend(row.focus_widgets())
        chain += [self.add_symptom_button, *self.doses.focus_widgets(), self.activities,
                  *self.activity_chips.focus_widgets(), self.stressors, *self.stressor_chips.focus_widgets(),
                  self.note, self.flag, self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- public -------------------------------------------------------------------------
    @property
    def is_editing(self) -> bool:
        return self._editing is not None

    @property
    def editing_entry(self) -> JournalEntry | None:
        return self._editing

    @property
    def person(self) -> Person | None:
        return self._person

    @property
    def entry_zone_name(self) -> str:
        """The IANA zone the form's time is in: the changed entry's own, else the app's."""
        return self._zone_of_entry or self._context.zone_name

    def set_person(self, person: Person | None) -> None:
        """Write entries about ``person``; None disables the form."""
        if self._person is None or person is None or person.id != self._person.id:
            self.drafts.set_aside()  # unsaved words stay in the vault, offered again later
            self._editing = None
            self.reset()
        self._person = person
        self.drafts.rebase()
        self.doses.set_person(person)
        self._show_person()
        self.setEnabled(person is not None)

    def _show_person(self) -> None:
        person = self._person
        self.person_radio.setText(f"{person.display_name} (self)" if person else "The person (self)")
        self.person_radio.setAccessibleName(
            f"Recorded by {person.display_name} about themselves" if person else "Recorded by the person"
        )
        self._update_heading()

    def set_choices(self, symptoms: list[str], tags: list[Tag]) -> None:
        """The symptom names and tags offered for completion."""
        self._symptom_choices = list(symptoms)
        self.activities.set_choices([t.name for t in tags if t.kind is TagKind.ACTIVITY] + list(COMMON_ACTIVITIES))
        self.stressors.set_choices([t.name for t in tags if t.kind is TagKind.STRESSOR] + list(COMMON_STRESSORS))

    def add_symptom_row(self, *, focus: bool = False) -> SymptomRow:
        row = SymptomRow(self._symptom_choices, self.symptom_box)
        row.remove_requested.connect(self.remove_symptom_row)
        self._rows.append(row)
        self.symptom_rows_layout.addWidget(row)
        row.show()  # now, not at the next event loop turn, so focus and its shortcut work at once
        self._fix_tab_order()
        if focus:
            row.name_box.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll.ensureWidgetVisible(self.add_symptom_button)
        return row

    def remove_symptom_row(self, row: SymptomRow) -> None:
        if row not in self._rows:
            return
        index = self._rows.index(row)
        self._rows.remove(row)
        self.symptom_rows_layout.removeWidget(row)
        row.setParent(None)
        row.deleteLater()
        self._fix_tab_order()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].name_box.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.add_symptom_button.setFocus(Qt.FocusReason.TabFocusReason)

    @property
    def symptom_rows(self) -> list[SymptomRow]:
        return list(self._rows)

    def reset(self) -> None:
        """An empty new entry at the current time (keeps who is recording)."""
        self._editing = None
        self._zone_of_entry = ""
        self._set_now()
        if not self.family_radio.isChecked():
            self.person_radio.setChecked(True)
        self.family_name.setText(self._last_family_name)
        self.mood_none.setChecked(True)
        self.anxiety.setValue(-1)
        self.energy.setValue(-1)
        self.elevation.setCurrentIndex(0)
        self.sleep_hours.setValue(-0.25)
        self.sleep_quality.setCurrentIndex(0)
        for row in list(self._rows):
            self.symptom_rows_layout.removeWidget(row)
            row.setParent(None)  # out of the widget tree at once, not at the next event loop turn
            row.deleteLater()
        self._rows.clear()
        self._fix_tab_order()
        self.activities.clear()
        self.stressors.clear()
        self.note.clear()
        self.flag.setChecked(False)
        self.doses.reset()
        self._show_problem("")
        self.learn_hints.clear()
        self._update_heading()
        self.drafts.rebase()

    def clear(self) -> None:
        """Forget everything, including the family name used this session (the vault locked)."""
        self.drafts.forget()  # the window kept the draft before the lock cleared the form
        self.draft_bar.show_drafts([])
        self._person = None
        self._last_family_name = ""
        self._symptom_choices = [s.name for s in STARTER_SYMPTOMS]
        self.activities.set_choices([])
        self.stressors.set_choices([])
        self.doses.clear()
        self.person_radio.setChecked(True)
        self.reset()
        self.status_label.clear()
        self.status_label.hide()
        self._show_person()
        self.setEnabled(False)

    def load_entry(self, entry: JournalEntry) -> None:
        """Put ``entry`` in the form to change it (at the clock time where it was written)."""
        self.drafts.set_aside()  # words typed for another entry are kept, not lost
        self.reset()
        self._editing = entry
        self._zone_of_entry = entry.zone_name
        local = timeutil.utc_to_local(entry.occurred_at, self._entry_tz(entry))
        self._set_when(local.replace(tzinfo=None))
        if entry.recorded_by.kind is RecorderKind.FAMILY:
            self.family_radio.setChecked(True)
            self.family_name.setText(entry.recorded_by.name)
        else:
            self.person_radio.setChecked(True)
        (self.mood_buttons[int(entry.mood)] if entry.mood is not None else self.mood_none).setChecked(True)
        self.anxiety.setValue(-1 if entry.anxiety is None else entry.anxiety)
        self.energy.setValue(-1 if entry.energy is None else entry.energy)
        self.elevation.setCurrentIndex(max(self.elevation.findData(None if entry.elevation is None
                                                                   else int(entry.elevation)), 0))
        self.sleep_hours.setValue(-0.25 if entry.sleep_hours is None else entry.sleep_hours)
        index = self.sleep_quality.findData(None if entry.sleep_quality is None else int(entry.sleep_quality))
        self.sleep_quality.setCurrentIndex(max(index, 0))
        for rating in entry.symptoms:
            self.add_symptom_row().set_value(rating.symptom, rating.severity)
        self.activities.setText(", ".join(t.name for t in entry.tags if t.kind is TagKind.ACTIVITY))
        self.stressors.setText(", ".join(t.name for t in entry.tags if t.kind is TagKind.STRESSOR))
        self.note.setPlainText(entry.note)
        self.flag.setChecked(entry.flag_for_visit)
        self.doses.load_entry(entry)
        self.status_label.hide()
        self._update_heading()
        self.scroll.ensureWidgetVisible(self.heading)
        self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.drafts.rebase()

    def restore_draft(self, saved, editing: JournalEntry | None = None) -> None:
        """Fill the form from a kept draft (``services.drafts.SavedDraft``); ``editing`` is the
        entry it changes, None to restore it as a new entry."""
        self.drafts.set_aside()
        self.reset()
        self._editing = editing
        self._zone_of_entry = saved.state.zone_name if editing is not None else ""
        apply_state(self, saved.state)
        self.status_label.hide()
        self._update_heading()
        self.drafts.adopt(saved)

    def extra_draft_fields(self) -> dict:
        """The Medicines section's choices and the elevated / irritable rating, kept with a draft."""
        extra: dict = {}
        chosen = self.doses.chosen()
        if chosen:
            extra["doses"] = chosen
        if self.elevation.currentData() is not None:
            extra["elevation"] = int(self.elevation.currentData())
        return extra

    def apply_extra_draft_fields(self, extra: dict) -> None:
        self.doses.set_chosen(dict(extra.get("doses") or {}))
        level = extra.get("elevation")
        if isinstance(level, int) and not isinstance(level, bool):
            self.elevation.setCurrentIndex(max(self.elevation.findData(level), 0))

    def cancel_edit(self) -> None:
        """Leave the entry as it was and go back to a new, empty entry."""
        if self._editing is None:
            return
        self.drafts.discard()
        self.reset()
        self.edit_cancelled.emit()

    def draft(self) -> journal.EntryDraft:
        """What the form holds, checked. Raises :class:`ValidationError` with plain words."""
        if self._person is None or self._person.id is None:
            raise ValidationError("Please choose whose journal this entry belongs to.")
        if self.family_radio.isChecked():
            recorder = Recorder.family(self.family_name.text())
        else:
            recorder = Recorder.person()
        mood_id = self.mood_group.checkedId()
        symptoms: list[SymptomRating] = []
        known = {name.casefold(): name for name in self._symptom_choices}
        for row in self._rows:
            name = row.symptom_name()
            severity = row.severity.value()
            if not name and severity < 0:
                continue
            if not name:
                raise ValidationError("Please name the symptom you rated, or remove that row.")
            name = known.get(name.casefold(), name)
            if severity < 0:
                raise ValidationError(
                    f"Please choose how strong “{name}” was, from 0 (none) to 10 (worst imaginable)."
                )
            symptoms.append(SymptomRating(name, severity))
        tags = [Tag(n, TagKind.ACTIVITY) for n in split_tags(self.activities.text())]
        tags += [Tag(n, TagKind.STRESSOR) for n in split_tags(self.stressors.text())]
        hours = self.sleep_hours.value()
        quality = self.sleep_quality.currentData()
        return journal.EntryDraft(
            person_id=self._person.id,
            when=self._when(),
            recorded_by=recorder,
            mood=MoodLevel(mood_id) if mood_id > 0 else None,
            anxiety=self.anxiety.value() if self.anxiety.value() >= 0 else None,
            energy=self.energy.value() if self.energy.value() >= 0 else None,
            sleep_hours=hours if hours >= 0 else None,
            sleep_quality=SleepQuality(quality) if quality is not None else None,
            note=self.note.toPlainText(),
            flag_for_visit=self.flag.isChecked(),
            symptoms=tuple(symptoms),
            tags=tuple(tags),
            zone_name=self.entry_zone_name,
            entry_id=self._editing.id if self._editing is not None else None,
            elevation=Elevation(self.elevation.currentData()) if self.elevation.currentData() is not None else None,
        )

    def save(self) -> None:
        """Check the form and save it in the background; problems show under the form."""
        if not self.isEnabled() or not self.save_button.isEnabled():
            return  # no person, or a save is already on its way
        try:
            draft = self.draft()
            vault = self._context.require_vault()
        except ValidationError as exc:
            self._show_problem(str(exc))
            return
        except CaregiverError as exc:
            show_error(self, exc, "The entry was not saved")
            return
        clock = self._context.clock
        doses = self.doses.doses()
        self.save_button.setEnabled(False)
        self._context.runner.run(
            lambda: journal.save_entry(vault, draft, doses=doses, clock=clock),
            on_done=self._on_saved,
            on_error=self._on_save_failed,
            parent=self,
        )

    # --- private ------------------------------------------------------------------------
    def _on_saved(self, entry: JournalEntry) -> None:
        self.save_button.setEnabled(True)
        if entry.recorded_by.kind is RecorderKind.FAMILY:
            self._last_family_name = entry.recorded_by.name
        before, was_editing = self._editing, self._editing is not None
        self.drafts.discard()
        self.reset()
        local = timeutil.utc_to_local(entry.occurred_at, self._entry_tz(entry))
        verb = "Saved your changes to" if was_editing else "Saved"
        self.status_label.setText(f"{verb} the entry for {day_heading(entry.local_date)}, {time_text(local)}.")
        self.status_label.show()
        self.learn_hints.show_for(entry, help_words(self._context.settings))
        self.entry_changed.emit(before, entry)
        self.entry_saved.emit(entry)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_problem(str(exc))
        else:
            show_error(self, exc, "The entry was not saved")

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(f"Not saved yet: {text}" if text else "")
        self.problem_label.setVisible(bool(text))
        if text:
            self.status_label.hide()

    def _on_note_changed(self) -> None:
        if self.note.toPlainText():
            self.status_label.hide()

    def _on_recorder_toggled(self, family: bool) -> None:
        if family and not self.family_name.text():
            self.family_name.setText(self._last_family_name)

    def _update_heading(self) -> None:
        if self._editing is not None:
            entry = self._editing
            local = timeutil.utc_to_local(entry.occurred_at, self._entry_tz(entry))
            self.heading.setText(f"Changing the entry from {day_heading(entry.local_date)}, {time_text(local)}"
                                 f"{self._recorder_words()}")
            self.save_button.setText("&Save changes")
        else:
            who = f" about {self._person.display_name}" if self._person else ""
            self.heading.setText(f"New journal entry{who}{self._recorder_words()}")
            self.save_button.setText("&Save entry")
        self.cancel_button.setVisible(self._editing is not None)
        self.escape_shortcut.setEnabled(self._editing is not None)

    def _recorder_words(self) -> str:
        """", recorded by Ana (family)" when a family member is writing; "" for the person."""
        if self.family_radio.isChecked():
            name = clean_label(self.family_name.text())
            return f", recorded by {name} (family)" if name else ", recorded by a family member"
        return ""

    def _entry_tz(self, entry: JournalEntry):
        return timeutil.zone_or(entry.zone_name, timeutil.zone(self._context.zone_name))

    def _check_time(self) -> None:
        self.time_hint.check(self._when(), self.entry_zone_name, self._context.zone_name)

    def _set_now(self) -> None:
        self._set_when(journal.local_now(self._context.clock, self._context.zone_name))

    def _set_when(self, wall: datetime) -> None:
        self.when_edit.set_wall(wall)

    def _when(self) -> datetime:
        return self.when_edit.wall()
