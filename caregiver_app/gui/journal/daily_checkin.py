"""The daily check-in: four quick questions in our own words (mood, sleep, worry, energy today).
It is not a standard test and says so; it is saved as an ordinary journal entry (a write that
changes check-ins and the journal, so the Journal page reloads by itself)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain import timeutil
from ...domain.errors import ValidationError
from ...domain.model import JournalEntry, MoodLevel, Person, SleepQuality
from ...i18n import N_, _
from ...services import checkins, journal
from ..common.form import FormPanel
from ..common.ops import CHECKINS, JOURNAL
from ..common.page import heading
from ..common.recorder_choice import RecorderChoice, short_name
from ..common.wall_clock import NowField
from ..context import AppContext
from .entry_fields import ENERGY_ANCHORS, MoodChoice, SeverityBox
from .journal_model import day_heading, time_text

NOT_STANDARD = N_("A quick check-in in our own words. It is not a medical test and has no score; it "
                "goes into the journal like any entry, so it shows in the list and the charts.")
WORRY_WORDS = {0: N_("not at all"), 5: N_("moderate"), 10: N_("worst imaginable")}
ENERGY_WORDS = {0: N_("none"), 5: N_("moderate"), 10: N_("full of energy")}


class DailyCheckinForm(QWidget):
    """Mood, sleep, worry and energy today. Emits ``saved`` with the journal entry it made."""

    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._build()
        self.reset()

    def _build(self) -> None:
        fields = QWidget(self)
        layout = QVBoxLayout(fields)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Daily check-in"), fields, level=2))
        intro = QLabel(_(NOT_STANDARD), fields)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when_field = NowField(_("Date and time of this check-in"), self._local_now, self)
        self.when_edit = self.when_field.edit
        when_label = QLabel(_("&When"), self)
        when_label.setBuddy(self.when_edit)
        form.addRow(when_label, self.when_field)

        self.who = RecorderChoice(_("A family member, &about them:"), _("Your name"), self, stacked=True)
        self.person_radio, self.family_radio, self.family_name = (
            self.who.person_radio, self.who.family_radio, self.who.family_name)
        form.addRow(_("Who is answering?"), self.who)

        self.mood_box = MoodChoice(_("How was your mood today?"), _("How was your mood today? 1 very low to 5 very good"),
                                   self, not_rated=False, horizontal=True)
        self.mood_group, self.mood_buttons = self.mood_box.group, self.mood_box.buttons
        form.addRow(self.mood_box)

        self.sleep = QComboBox(self)
        self.sleep.addItem(_("Choose…"), None)
        for quality in SleepQuality:
            self.sleep.addItem(quality.label.capitalize(), quality.value)
        self.sleep.setAccessibleName(_("How did you sleep last night?"))
        form.addRow(_("How did you &sleep last night?"), self.sleep)

        self.worry = SeverityBox(self, words=WORRY_WORDS)
        self.worry.setAccessibleName(_("How much did you worry today? 0 to 10"))
        self.worry.setAccessibleDescription(_("0 not at all · 5 moderate · 10 worst imaginable"))
        form.addRow(_("How much did you wo&rry today?"), self.worry)
        self.energy = SeverityBox(self, words=ENERGY_WORDS)
        self.energy.setAccessibleName(_("How much energy did you have today? 0 to 10"))
        self.energy.setAccessibleDescription(_(ENERGY_ANCHORS))
        form.addRow(_("How much &energy did you have?"), self.energy)
        layout.addLayout(form)
        anchors = QLabel(_("Worry: 0 not at all · 5 moderate · 10 worst imaginable.  Energy: {anchors}.").format(
            anchors=_(ENERGY_ANCHORS)), self)
        anchors.setWordWrap(True)
        layout.addWidget(anchors)

        self.panel = FormPanel(self._context, fields, changes={CHECKINS, JOURNAL}, save_text=_("Save check-&in"),
                               cancel_text="", error_title=_("The check-in was not saved"), parent=self)
        self.panel.add_field("when", self.when_edit)
        self.panel.add_field("recorded_by", self.family_name)
        self.problem_label, self.status_label = self.panel.problem_label, self.panel.status_label
        self.problem_label.setAccessibleName(_("Problem with this check-in"))
        self.save_button = self.panel.save_button
        self.panel.save_requested.connect(self.save)
        self.panel.saved.connect(self._on_saved)
        outer = QVBoxLayout(self)
        outer.addWidget(self.panel)
        outer.addStretch(1)

    # --- public -------------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        self._person = person
        if person is None:
            self.who.set_person_text(_("The person, about themselves"))
        else:
            self.who.set_person_text(_("{name}, about myself").format(name=short_name(person.display_name, self)),
                                     spoken=_("{name}, about myself").format(name=person.display_name))
        self.setEnabled(person is not None)

    def reset(self) -> None:
        """Fresh questions at the current time (keeps who is answering)."""
        self.when_field.follow_now()
        self.who.keep_family_or_self()
        self.mood_group.setExclusive(False)
        for button in self.mood_buttons.values():
            button.setChecked(False)
        self.mood_group.setExclusive(True)
        self.sleep.setCurrentIndex(0)
        self.worry.setValue(-1)
        self.energy.setValue(-1)
        self.panel.show_problem("")

    def clear(self) -> None:
        # The vault locked: a save that was running ended unseen (its answer is dropped); the
        # panel's reset turns Save back on for the next person who unlocks.
        self._person = None
        self.who.clear()
        self.panel.reset()
        self.reset()
        self.set_person(None)

    def checkin(self) -> checkins.DailyCheckin:
        if self._person is None or self._person.id is None:
            raise ValidationError(_("Please choose whose check-in this is."))
        try:
            recorder = self.who.recorder()
        except ValidationError as exc:
            raise ValidationError(str(exc), field="recorded_by") from None
        mood = self.mood_group.checkedId()
        quality = self.sleep.currentData()
        return checkins.DailyCheckin(
            person_id=self._person.id,
            when=self.when_field.current(),
            recorded_by=recorder,
            mood=MoodLevel(mood) if mood > 0 else None,
            sleep_quality=SleepQuality(quality) if quality is not None else None,
            worry=self.worry.rated(),
            energy=self.energy.rated(),
            zone_name=self._context.zone_name,
        )

    def save(self) -> None:
        """Check the answers and save them as a write; problems show under the questions."""
        if self.isEnabled():
            self.panel.submit(self._save_job, person_id=self._person.id if self._person is not None else None)

    # --- private ------------------------------------------------------------------------
    def _save_job(self):
        checkin, clock = self.checkin(), self._context.clock  # GUI thread; may raise ValidationError
        return lambda vault: checkins.save_daily_checkin(vault, checkin, clock=clock)

    def _local_now(self) -> datetime:
        return journal.local_now(self._context.clock, self._context.zone_name)

    def _on_saved(self, entry: JournalEntry) -> None:
        self.reset()
        local = entry.wall_clock(timeutil.zone(self._context.zone_name))
        self.panel.show_status(_("Saved the check-in for {day}, {time}. It is in the journal now.").format(
            day=day_heading(entry.local_date), time=time_text(local)))
        self.saved.emit(entry)
