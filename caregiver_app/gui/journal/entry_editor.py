"""The journal entry editor: a keyboard-friendly form that turns into an ``EntryDraft`` and saves.

The static layout of the fields is the Designer form ``ui/entry_editor.ui`` (``forms/ui_entry_editor.py``);
this module adds the parts built from data (mood scale, medicines, tag chips), the scrolling and
the behaviour.
Saving is a write on the ops lane through a :class:`~caregiver_app.gui.common.form.FormPanel`:
problems the user can fix show in plain words under the form, pointing at the field. The form's
contents go in and out as a :class:`~caregiver_app.services.drafts.DraftState` through
:meth:`EntryEditor.state` and :meth:`EntryEditor.apply` (that is all drafts ever use).
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ...domain import timeutil
from ...domain.errors import ValidationError
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
from ...i18n import _
from ...services import drafts, journal
from ..common.building import UpAndDown
from ..common.country import help_words
from ..common.recorder_choice import short_name
from ..common.form import FormPanel
from ..common.ops import JOURNAL
from ..common.page import heading
from ..common.tag_choices import CommonTagChips
from ..common.wall_clock import WallClockEdit
from ..context import AppContext
from ..forms.ui_entry_editor import Ui_EntryEditorForm
from .doses_section import DosesSection
from .draft_keeper import DraftKeeper
from .entry_fields import (ENERGY_ANCHORS, SEVERITY_ANCHORS, MoodChoice, SymptomRow, editor_heading, name_scale,
                           split_tags)
from .journal_model import day_heading, time_text
from .learn_hints import LearnHints

# The Designer form's inputs are the editor's own public parts (tests and the journal page use them).
FORM_PARTS = ("draft_bar", "now_button", "time_hint", "recorder_box", "person_radio",
              "family_radio", "family_name", "anxiety", "energy", "elevation", "sleep_hours", "sleep_quality",
              "symptom_box", "symptom_rows_layout", "add_symptom_button", "activities", "stressors", "note", "flag")


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
        self._submitted: drafts.DraftState | None = None  # the form as the running save read it
        self._submitted_editing: JournalEntry | None = None  # the entry that save changes (None: a new one)
        self._build()
        self.drafts = DraftKeeper(context, self, self)  # unsaved words kept in the vault (issue 3)
        self.reset()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        # The form scrolls; the messages and the Save button below it stay in view.
        # Never clip the form, never scroll it sideways: the page beside it leaves it its width.
        self.scroll = UpAndDown(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focused field by itself
        self.body = QWidget(self.scroll)
        self.ui = Ui_EntryEditorForm()
        self.ui.setupUi(self.body)
        ui = self.ui
        for name in FORM_PARTS:
            setattr(self, name, getattr(ui, name))
        self.heading = heading("", self.body, level=2)
        ui.body_layout.insertWidget(0, self.heading)

        self.when_edit = WallClockEdit(_("Date and time of this entry"), self.body)  # the service applies the zone
        ui.when_row.insertWidget(0, self.when_edit, 1)
        ui.when_label.setBuddy(self.when_edit)
        self.now_button.clicked.connect(self._set_now)
        self.time_hint.use_time.connect(self.set_when)  # skipped or repeated clock times, another zone
        self.when_edit.dateTimeChanged.connect(lambda _v: self._check_time())

        self.family_name.textEdited.connect(lambda _t: self.family_radio.setChecked(True))
        self.family_radio.toggled.connect(self._on_recorder_toggled)
        self.person_radio.toggled.connect(lambda _on: self._update_heading())
        self.family_name.textChanged.connect(lambda _t: self._update_heading())

        self.mood_box = MoodChoice(_("Mood"), _("Mood, from 1 very low to 5 very good"), self.body, not_rated=True)
        self.mood_group, self.mood_none, self.mood_buttons = self.mood_box.group, self.mood_box.none, self.mood_box.buttons
        ui.mood_slot.addWidget(self.mood_box)
        name_scale(self.anxiety, _("Anxiety, 0 to 10"), _(SEVERITY_ANCHORS), ui.anxiety_anchors)
        name_scale(self.energy, _("Energy, 0 to 10"), _(ENERGY_ANCHORS), ui.energy_anchors)
        for row in (ui.family_row, ui.anxiety_row, ui.energy_row):  # the name or the words take the room
            row.setStretch(1, 1)
        self.elevation.addItem(_("Not rated"), None)
        for level in Elevation:
            self.elevation.addItem(level.label.capitalize(), int(level))
        self.sleep_quality.addItem(_("Not recorded"), None)
        for quality in SleepQuality:
            self.sleep_quality.addItem(quality.label.capitalize(), quality.value)
        ui.symptom_anchors.setText(_("Severity: {anchors}").format(anchors=_(SEVERITY_ANCHORS)))
        self.add_symptom_button.clicked.connect(lambda: self.add_symptom_row(focus=True))

        self.doses = DosesSection(self._context, self.body)
        self.doses.rows_changed.connect(self._fix_tab_order)
        ui.doses_slot.addWidget(self.doses)
        self.when_edit.dateTimeChanged.connect(lambda _v: self.doses.set_day(self.when().date()))
        self.activity_chips = CommonTagChips(self.activities, COMMON_ACTIVITIES, _("Activities"), self.body)
        ui.activities_chips_slot.addWidget(self.activity_chips)
        self.stressor_chips = CommonTagChips(self.stressors, COMMON_STRESSORS, _("Stressors"), self.body)
        ui.stressors_chips_slot.addWidget(self.stressor_chips)
        # once a new entry is being written, "Saved the entry for …" would read as if it were saved
        self.note.textChanged.connect(self._on_note_changed)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4)

        self.scroll.setWidget(self.body)  # complete now: the scroll area measures it once
        self.panel = FormPanel(self._context, self.scroll, changes={JOURNAL}, save_text=_("&Save entry"),
                               cancel_text=_("Cancel changes"), error_title=_("The entry was not saved"), parent=self)
        self.panel.add_field("when", self.when_edit)
        self.panel.add_field("recorded_by", self.family_name)
        self.panel.add_field("note", self.note)
        self.problem_label, self.status_label = self.panel.problem_label, self.panel.status_label
        self.save_button, self.cancel_button = self.panel.save_button, self.panel.cancel_button
        self.problem_label.setAccessibleName(_("Problem with this entry"))
        self.status_label.setAccessibleName(_("Saved"))
        self.learn_hints = LearnHints(self)  # what the saved entry's symptoms point to (issue 4)
        self.panel.layout().insertWidget(3, self.learn_hints)  # above the buttons, below the lines
        self.save_button.setToolTip(_("Save (Ctrl+S or Ctrl+Enter)"))
        self.cancel_button.setToolTip(_("Stop changing this entry (Esc)"))
        self.panel.save_requested.connect(self.save)
        self.panel.cancel_requested.connect(self.cancel_edit)
        self.panel.saved.connect(self._on_saved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.panel)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Ctrl+S is the panel's own
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

    def when(self) -> datetime:
        """The form's date and time: a naive wall-clock time in :attr:`entry_zone_name`."""
        return self.when_edit.wall()

    def set_when(self, wall: datetime) -> None:
        """Put the naive wall-clock time ``wall`` (in :attr:`entry_zone_name`) in the form."""
        self.when_edit.set_wall(wall)

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
        self.person_radio.setText(_("{name} (self)").format(name=short_name(person.display_name, self)) if person
                                  else _("The person (self)"))
        self.person_radio.setAccessibleName(
            _("Recorded by {name} about themselves").format(name=person.display_name) if person
            else _("Recorded by the person"))
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
        self._drop_row(row)
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
        self._empty_fields()
        self.panel.show_problem("")
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
        self.panel.reset()
        self.reset()
        self._show_person()
        self.setEnabled(False)

    def state(self) -> drafts.DraftState | None:
        """Everything the form holds, as typed and unchecked (None while no person is chosen).
        :meth:`apply` puts it back."""
        person = self._person
        if person is None or person.id is None:
            return None
        extra: dict = {}
        if self.doses.chosen():
            extra["doses"] = self.doses.chosen()
        if self.elevation.currentData() is not None:
            extra["elevation"] = int(self.elevation.currentData())
        mood, quality = self.mood_group.checkedId(), self.sleep_quality.currentData()
        return drafts.DraftState(
            person_id=person.id,
            entry_id=self._editing.id if self._editing is not None else None,
            when=self.when(),
            zone_name=self.entry_zone_name,
            recorder_kind="family" if self.family_radio.isChecked() else "person",
            recorder_name=self.family_name.text(),
            mood=mood if mood > 0 else None,
            anxiety=self.anxiety.value() if self.anxiety.value() >= 0 else None,
            energy=self.energy.value() if self.energy.value() >= 0 else None,
            sleep_hours=self.sleep_hours.value() if self.sleep_hours.value() >= 0 else None,
            sleep_quality=int(quality) if quality is not None else None,
            symptoms=tuple((row.symptom_name(), row.severity.value() if row.severity.value() >= 0 else None)
                           for row in self._rows),
            activities=self.activities.text(),
            stressors=self.stressors.text(),
            note=self.note.toPlainText(),
            flag_for_visit=self.flag.isChecked(),
            extra=extra,
        )

    def apply(self, state: drafts.DraftState) -> None:
        """Fill the fields from ``state`` (from :meth:`state`); fields it leaves out are emptied.
        Which entry is being changed stays as it is."""
        self._empty_fields()
        if state.when is not None:
            self.set_when(state.when)
        if state.recorder_kind == "family":
            self.family_radio.setChecked(True)
            self.family_name.setText(state.recorder_name)
        else:
            self.person_radio.setChecked(True)
        button = self.mood_buttons.get(state.mood) if state.mood is not None else None
        (button or self.mood_none).setChecked(True)
        self.anxiety.setValue(-1 if state.anxiety is None else state.anxiety)
        self.energy.setValue(-1 if state.energy is None else state.energy)
        self.sleep_hours.setValue(-0.25 if state.sleep_hours is None else state.sleep_hours)
        self.sleep_quality.setCurrentIndex(max(self.sleep_quality.findData(state.sleep_quality), 0))
        for name, severity in state.symptoms:
            self.add_symptom_row().set_value(name, severity)
        self.activities.setText(state.activities)
        self.stressors.setText(state.stressors)
        self.note.setPlainText(state.note)
        self.flag.setChecked(state.flag_for_visit)
        extra = state.extra if isinstance(state.extra, dict) else {}
        doses = extra.get("doses")
        self.doses.set_chosen(dict(doses) if isinstance(doses, dict) else {})  # a damaged draft keeps the rest
        level = extra.get("elevation")
        if isinstance(level, int) and not isinstance(level, bool):
            self.elevation.setCurrentIndex(max(self.elevation.findData(level), 0))

    def load_entry(self, entry: JournalEntry) -> None:
        """Put ``entry`` in the form to change it (at the clock time where it was written)."""
        self.drafts.set_aside()  # words typed for another entry are kept, not lost
        self.reset()
        self._editing = entry
        self._zone_of_entry = entry.zone_name
        self.apply(_state_of(entry, self._entry_tz(entry)))
        self.doses.load_entry(entry)
        self.status_label.hide()
        self._update_heading()
        self.scroll.ensureWidgetVisible(self.heading)
        self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.drafts.rebase()

    def restore_draft(self, saved: drafts.SavedDraft, editing: JournalEntry | None = None) -> None:
        """Fill the form from a kept draft; ``editing`` is the entry it changes, None to restore
        it as a new entry."""
        self.drafts.set_aside()
        self.reset()
        self._editing = editing
        self._zone_of_entry = saved.state.zone_name if editing is not None else ""
        self.apply(saved.state)
        self.status_label.hide()
        self._update_heading()
        self.drafts.adopt(saved)

    def cancel_edit(self) -> None:
        """Leave the entry as it was and go back to a new, empty entry."""
        if self._editing is None:
            return
        self.drafts.discard()
        self.reset()
        self.edit_cancelled.emit()

    def entry_gone(self, entry_id: int) -> None:
        """Entry ``entry_id`` was taken out of the journal (an undo or redo). When it is the one
        being changed: an untouched form starts a new entry; changed words stay in the form as a
        new entry (Save saves them), instead of a Save that can only fail."""
        if self._editing is None or self._editing.id != entry_id:
            return
        if not self.drafts.has_changes():
            self.drafts.discard()
            self.reset()
            return
        self._editing = None
        self.drafts.all_unsaved()
        self._update_heading()
        self.panel.show_status(_("The entry you were changing was taken back. What you typed is still here, "
                                 "and Save keeps it as a new entry."))

    def draft(self) -> journal.EntryDraft:
        """What the form holds, checked. Raises :class:`ValidationError` with plain words and,
        when one input is at fault, its ``field``."""
        if self._person is None or self._person.id is None:
            raise ValidationError(_("Please choose whose journal this entry belongs to."))
        recorder = Recorder.person()
        if self.family_radio.isChecked():
            try:
                recorder = Recorder.family(self.family_name.text())
            except ValidationError as exc:
                raise ValidationError(str(exc), field="recorded_by") from None
        symptoms: list[SymptomRating] = []
        known = {name.casefold(): name for name in self._symptom_choices}
        for row in self._rows:
            name, severity = row.symptom_name(), row.severity.value()
            if not name and severity < 0:
                continue
            self.panel.add_field("symptom", row.name_box if not name else row.severity)
            if not name:
                raise ValidationError(_("Please name the symptom you rated, or remove that row."), field="symptom")
            name = known.get(name.casefold(), name)
            if severity < 0:
                raise ValidationError(_("Please choose how strong “{name}” was, from 0 (none) to 10 (worst "
                                        "imaginable).").format(name=name), field="symptom")
            symptoms.append(SymptomRating(name, severity))
        tags = [Tag(n, TagKind.ACTIVITY) for n in split_tags(self.activities.text())]
        tags += [Tag(n, TagKind.STRESSOR) for n in split_tags(self.stressors.text())]
        state = self.state()
        return journal.EntryDraft(
            person_id=self._person.id,
            when=self.when(),
            recorded_by=recorder,
            mood=MoodLevel(state.mood) if state.mood is not None else None,
            anxiety=state.anxiety,
            energy=state.energy,
            sleep_hours=state.sleep_hours,
            sleep_quality=SleepQuality(state.sleep_quality) if state.sleep_quality is not None else None,
            note=state.note,
            flag_for_visit=state.flag_for_visit,
            symptoms=tuple(symptoms),
            tags=tuple(tags),
            zone_name=self.entry_zone_name,
            entry_id=state.entry_id,
            elevation=Elevation(state.extra["elevation"]) if "elevation" in state.extra else None,
        )

    def save(self) -> None:
        """Check the form and save it as a write; problems show under the form."""
        if self.isEnabled() and self._person is not None:
            self.panel.submit(self._save_job, person_id=self._person.id)

    # --- private ------------------------------------------------------------------------
    def _save_job(self):
        draft, doses, clock = self.draft(), self.doses.doses(), self._context.clock  # GUI thread
        submitted = self._submitted = self.state()  # what this save writes; words typed after it are not in it
        self._submitted_editing = self._editing
        keeper, key = self.drafts, self.drafts.key
        keeper.saving(key, submitted)  # not kept as a draft meanwhile (a switch, a set-aside): the save has it

        def job(vault):
            try:
                entry = journal.save_entry(vault, draft, doses=doses, clock=clock)
            except BaseException:
                keeper.save_failed(vault, key, submitted, clock)  # the form may be showing someone else now
                raise
            drafts.delete_drafts(vault, key)  # the words are saved: never offer them again, even
            keeper.landed(key, submitted)     # when a lock drops this save's on_done
            return entry

        return job

    def _on_saved(self, entry: JournalEntry) -> None:
        if entry.recorded_by.kind is RecorderKind.FAMILY:
            self._last_family_name = entry.recorded_by.name
        before, self._submitted_editing = self._submitted_editing, None
        now, submitted, self._submitted = self.state(), self._submitted, None
        if self._person is None or entry.person_id != self._person.id:
            # another person was chosen while it saved: their form is not this entry's to reset
            self.entry_changed.emit(before, entry)
            return
        self.drafts.discard()
        self.reset()
        local = timeutil.utc_to_local(entry.occurred_at, self._entry_tz(entry))
        status = (_("Saved your changes to the entry for {day}, {time}.") if before is not None
                  else _("Saved the entry for {day}, {time}.")).format(day=day_heading(entry.local_date),
                                                                       time=time_text(local))
        if now is not None and submitted is not None and now != submitted:
            self._keep_typing_on(entry, now)  # words typed while the save ran stay, as a change to it
            status += " " + _("What you typed while it saved is still here, not saved yet.")
        self.panel.show_status(status)
        self.learn_hints.show_for(entry, help_words(self._context.settings))
        self.entry_changed.emit(before, entry)
        self.entry_saved.emit(entry)

    def _keep_typing_on(self, entry: JournalEntry, state: drafts.DraftState) -> None:
        """The form changed while ``entry`` was being saved: show ``entry`` as being changed,
        with the form as it is now (kept as a draft at once), and the cursor where it was."""
        focus = self.focusWidget()
        cursor = self.note.textCursor().position()
        self.load_entry(entry)
        self.apply(dataclasses.replace(state, entry_id=entry.id))
        if focus is self.note:
            text_cursor = self.note.textCursor()
            text_cursor.setPosition(min(cursor, len(self.note.toPlainText())))
            self.note.setTextCursor(text_cursor)
        if focus is not None and self.isAncestorOf(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.drafts.tick()

    def _empty_fields(self) -> None:
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
            self._drop_row(row)
        self._fix_tab_order()
        self.activities.clear()
        self.stressors.clear()
        self.note.clear()
        self.flag.setChecked(False)
        self.doses.reset()

    def _drop_row(self, row: SymptomRow) -> None:
        self._rows.remove(row)
        self.symptom_rows_layout.removeWidget(row)
        row.setParent(None)  # out of the widget tree at once, not at the next event loop turn
        row.deleteLater()

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
            self.heading.setText(editor_heading("", self._recorder_name(),
                                                (day_heading(entry.local_date), time_text(local))))
            self.save_button.setText(_("&Save changes"))
        else:
            self.heading.setText(editor_heading(self._person.display_name if self._person else "", self._recorder_name()))
            self.save_button.setText(_("&Save entry"))
        self.heading.setAccessibleName(self.heading.text())
        self.cancel_button.setVisible(self._editing is not None)
        self.escape_shortcut.setEnabled(self._editing is not None)

    def _recorder_name(self) -> str | None:
        """The family member's name when one is writing ("" unnamed); None for the person."""
        return clean_label(self.family_name.text()) if self.family_radio.isChecked() else None

    def _entry_tz(self, entry: JournalEntry):
        return timeutil.zone_or(entry.zone_name, timeutil.zone(self._context.zone_name))

    def _check_time(self) -> None:
        self.time_hint.check(self.when(), self.entry_zone_name, self._context.zone_name)

    def _set_now(self) -> None:
        self.set_when(journal.local_now(self._context.clock, self._context.zone_name))


def _state_of(entry: JournalEntry, tz) -> drafts.DraftState:
    """A saved entry as the form's fields (its doses are read apart, by the Medicines section)."""
    return drafts.DraftState(
        person_id=entry.person_id,
        entry_id=entry.id,
        when=timeutil.utc_to_local(entry.occurred_at, tz).replace(tzinfo=None),
        zone_name=entry.zone_name,
        recorder_kind="family" if entry.recorded_by.kind is RecorderKind.FAMILY else "person",
        recorder_name=entry.recorded_by.name if entry.recorded_by.kind is RecorderKind.FAMILY else "",
        mood=int(entry.mood) if entry.mood is not None else None,
        anxiety=entry.anxiety,
        energy=entry.energy,
        sleep_hours=entry.sleep_hours,
        sleep_quality=int(entry.sleep_quality) if entry.sleep_quality is not None else None,
        symptoms=tuple((r.symptom, r.severity) for r in entry.symptoms),
        activities=", ".join(t.name for t in entry.tags if t.kind is TagKind.ACTIVITY),
        stressors=", ".join(t.name for t in entry.tags if t.kind is TagKind.STRESSOR),
        note=entry.note,
        flag_for_visit=entry.flag_for_visit,
        extra={"elevation": int(entry.elevation)} if entry.elevation is not None else {},
    )
