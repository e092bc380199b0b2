"""The caregiver's own check-in ("My check-in"): their stress 0–10, their sleep and what they need
this week. It belongs to the caregiver, is linked to no person cared for, and never appears in a
person's journal or visit summary."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ...domain import timeutil
from ...domain.checkins import STRESS_HIGH, CaregiverCheckin
from ...domain.crisis_lines import HelpWords
from ...domain.model import Person, SleepQuality
from ...i18n import N_, _, ngettext
from ...services import checkins, journal
from ...services.checkins import CaregiverCheckinDraft
from ..common import formatting
from ..common.building import column, heading_row, push_button, scroll_area, shortcut, side_by_side
from ..common.country import help_words
from ..common.form import FormPanel
from ..common.ops import CHECKINS
from ..common.page import Page, confirm, heading
from ..common.trust_widgets import plain_label
from ..common.wall_clock import NowField
from ..context import AppContext
from .entry_fields import SEVERITY_ANCHORS, HoursSpinBox, SeverityBox
from .journal_model import day_heading, sleep_words, time_text

IdRole = Qt.ItemDataRole.UserRole + 1
APART = N_("This page is for you, the caregiver. What you write here is kept apart from the journal of "
         "the person you care for, and it is never printed in their visit summary.")
# The page belongs to the caregiver, whoever is chosen in the switcher: the page base is given
# this stand-in, so the heading names no one and the page reloads from ops.changed.
_CAREGIVER = Person(None, "the caregiver")  # never shown: the heading is the title
HIGH_STRESS = N_("That is a lot to carry. Looking after yourself is part of caring for someone. Could someone "
               "take over for a few hours this week? If it ever feels like too much, you can {crisis_line} "
               "any time to talk with someone, and your own doctor can help too.")


def high_stress_text(words: HelpWords) -> str:
    """The high-stress note with the country's crisis line (or "call a local crisis line")."""
    return _(HIGH_STRESS).format(crisis_line=words.crisis_line)


def checkin_line(checkin: CaregiverCheckin, local: datetime) -> str:
    """One line for the history list, e.g. ``"Sunday 29 November 2026, 21:30 · Stress 8/10 · …"``."""
    parts = [_("{day}, {time}").format(day=day_heading(checkin.local_date), time=time_text(local)),
             _("Stress {value}/10").format(value=checkin.stress)]
    if checkin.sleep_hours is not None or checkin.sleep_quality is not None:
        parts.append(sleep_words(checkin.sleep_hours, checkin.sleep_quality.label if checkin.sleep_quality else ""))
    if checkin.caregiver_name:
        parts.append(checkin.caregiver_name)
    line = " · ".join(parts)
    if checkin.needs:
        line += "\n" + _("What I need: {needs}").format(needs=checkin.needs)
    return line


def stress_summary(items: list[CaregiverCheckin], today) -> str:
    """Average stress over the last 28 days, in plain words ('' without check-ins then)."""
    recent = [c.stress for c in items if (today - c.local_date).days < 28]
    if not recent:
        return ""
    average = sum(recent) / len(recent)
    return ngettext("Last 4 weeks: {count} check-in, average stress {stress} of 10.",
                    "Last 4 weeks: {count} check-ins, average stress {stress} of 10.", len(recent)).format(
        count=len(recent), stress=formatting.one_decimal(average))


class CaregiverCheckinPage(Page):
    """Write, read, correct and delete the caregiver's own check-ins."""

    title = N_("My check-in")
    watches = frozenset({CHECKINS})

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._items: list[CaregiverCheckin] = []
        self._editing: CaregiverCheckin | None = None
        self._build()
        self.clear()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        intro = plain_label(_(APART), parent=self)

        self.form_box = QGroupBox(_("How are you doing?"), self)
        form = QFormLayout(self.form_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when_field = NowField(_("Date and time of this check-in"), self._local_now, self.form_box)
        self.when_edit = self.when_field.edit
        when_label = QLabel(_("&When"), self.form_box)
        when_label.setBuddy(self.when_edit)
        form.addRow(when_label, self.when_field)
        self.name_edit = QLineEdit(self.form_box)
        self.name_edit.setPlaceholderText(_("Optional, if more than one person uses this app"))
        self.name_edit.setAccessibleName(_("Your name (optional)"))
        form.addRow(_("Your &name"), self.name_edit)
        self.stress = SeverityBox(self.form_box)
        self.stress.setAccessibleName(_("How stressed you have felt, 0 to 10"))
        self.stress.setAccessibleDescription(_(SEVERITY_ANCHORS))
        self.stress.setToolTip(_(SEVERITY_ANCHORS))
        form.addRow(_("How s&tressed have you felt?"), self.stress)
        anchors = QLabel(_(SEVERITY_ANCHORS), self.form_box)
        anchors.setWordWrap(True)
        form.addRow("", anchors)
        self.sleep_hours = HoursSpinBox(self.form_box)
        self.sleep_hours.setRange(-0.25, 24)
        self.sleep_hours.setSingleStep(0.25)
        self.sleep_hours.setDecimals(2)
        self.sleep_hours.setSpecialValueText(_("Not recorded"))
        # TRANSLATORS: the unit after the number of hours in the spin box, with its leading space.
        self.sleep_hours.setSuffix(_(" hours"))
        self.sleep_hours.setAccessibleName(_("Hours you slept last night"))
        form.addRow(_("Hours of s&leep last night"), self.sleep_hours)
        self.sleep_quality = QComboBox(self.form_box)
        self.sleep_quality.addItem(_("Not recorded"), None)
        for quality in SleepQuality:
            self.sleep_quality.addItem(quality.label.capitalize(), quality.value)
        self.sleep_quality.setAccessibleName(_("How well you slept"))
        form.addRow(_("How well did you slee&p?"), self.sleep_quality)
        self.needs = QPlainTextEdit(self.form_box)
        self.needs.setTabChangesFocus(True)
        self.needs.setAccessibleName(_("What I need this week"))
        self.needs.setPlaceholderText(_("For example: an afternoon off, help with the pharmacy runs, someone to talk to"))
        self.needs.setMinimumHeight(self.needs.fontMetrics().lineSpacing() * 4)
        form.addRow(_("What I nee&d this week"), self.needs)

        self.panel = FormPanel(self._context, self.form_box, changes={CHECKINS}, save_text=_("&Save my check-in"),
                               error_title=_("Your check-in was not saved"), parent=self)
        for name, widget in (("when", self.when_edit), ("stress", self.stress), ("sleep_hours", self.sleep_hours),
                             ("sleep_quality", self.sleep_quality), ("needs", self.needs),
                             ("caregiver_name", self.name_edit)):
            self.panel.add_field(name, widget)
        self.panel.save_requested.connect(self.save)
        self.panel.cancel_requested.connect(self.reset)
        self.panel.saved.connect(self._on_saved)
        self.problem_label, self.status_label = self.panel.problem_label, self.panel.status_label
        self.problem_label.setAccessibleName(_("Problem with this check-in"))
        self.save_button, self.cancel_button = self.panel.save_button, self.panel.cancel_button
        self.care_label = QLabel(high_stress_text(help_words(self._context.settings)), self)
        self.care_label.setWordWrap(True)
        self.care_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.care_label.setMargin(self.fontMetrics().height() // 2)
        self.care_label.hide()
        # The kind word stands above Save, after the status line (the panel's last item is its buttons).
        self.panel.layout().insertWidget(self.panel.layout().count() - 1, self.care_label)
        scroll = scroll_area(column(self, self.panel, end_stretch=1), self)

        self.list_label = heading(_("&Earlier check-ins, newest first"), self)
        self.trend_label = QLabel(self)
        self.trend_label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("My earlier check-ins, newest first"))
        self.list.setSpacing(max(2, self.fontMetrics().height() // 6))
        self.list.itemDoubleClicked.connect(lambda *_: self.change_current())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list_label.setBuddy(self.list)
        self.change_button = push_button(_("Change…"), self, self.change_current)
        self.delete_button = push_button(_("Delete…"), self, self.delete_current)
        right = column(self, heading_row(self.list_label, self.change_button, self.delete_button), self.trend_label,
                       (self.list, 1), margins=False)

        splitter = side_by_side(self, scroll, right, stretch=(1, 1))
        self.body.addWidget(intro)
        self.body.addWidget(splitter, 1)
        # Ctrl+S saves from the list too (the panel has its own; the list is outside it).
        shortcut(right, "Ctrl+S", self.save)

        chain = [self.when_edit, self.when_field.now_button, self.name_edit, self.stress, self.sleep_hours, self.sleep_quality, self.needs,
                 self.save_button, self.cancel_button, self.change_button, self.delete_button, self.list]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- the page ---------------------------------------------------------------------
    def set_person(self, _person: Person | None) -> None:
        """Called when the person switcher changes (or the vault opens): this page is not about
        them, but the vault is open, so read the caregiver's check-ins. Already open, nothing
        changes: a half-written check-in stays (the list follows ``ops.changed``)."""
        if self.person is _CAREGIVER:
            return
        super().set_person(_CAREGIVER)
        self.heading.setText(_(self.title))

    def load(self, _person: Person) -> None:
        self.read(checkins.recent_caregiver_checkins, self._got_items, key="checkins",
                  error_title=_("Your check-ins could not be read"))

    def drop(self) -> None:
        """Forget every check-in (the vault locked)."""
        self._items = []
        self.list.clear()
        self.trend_label.clear()
        self.name_edit.clear()
        self.panel.reset()
        self.reset()
        self.care_label.hide()

    def refresh_country(self) -> None:
        """Use the crisis line of the country in effect now (it may have changed in Settings)."""
        self.care_label.setText(high_stress_text(help_words(self._context.settings)))

    def reset(self) -> None:
        """A fresh check-in at the current time (keeps the name)."""
        self._editing = None
        self.when_field.follow_now()
        self.stress.setValue(-1)
        self.sleep_hours.setValue(-0.25)
        self.sleep_quality.setCurrentIndex(0)
        self.needs.clear()
        self.panel.show_problem("")
        self._update_buttons()

    def current_checkin(self) -> CaregiverCheckin | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((c for c in self._items if c.id == item.data(IdRole)), None)

    def change_current(self) -> None:
        checkin = self.current_checkin()
        if checkin is None:
            return
        self._editing = checkin
        local = timeutil.utc_to_local(checkin.occurred_at, timeutil.zone(self._context.zone_name))
        self._set_when(local.replace(tzinfo=None))
        self.name_edit.setText(checkin.caregiver_name)
        self.stress.setValue(checkin.stress)
        self.sleep_hours.setValue(-0.25 if checkin.sleep_hours is None else checkin.sleep_hours)
        index = self.sleep_quality.findData(None if checkin.sleep_quality is None else int(checkin.sleep_quality))
        self.sleep_quality.setCurrentIndex(max(index, 0))
        self.needs.setPlainText(checkin.needs)
        self.panel.show_status("")
        self._update_buttons()
        self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        checkin = self.current_checkin()
        if checkin is None or checkin.id is None:
            return
        if not confirm(self, _("Delete your check-in from {day}?").format(day=day_heading(checkin.local_date)),
                       yes=_("Delete check-in"), no=_("Keep it"), destructive=True, title=_("Delete this check-in?")):
            return
        if self._editing is not None and self._editing.id == checkin.id:
            self.reset()
        self.write(lambda vault: checkins.delete_caregiver_checkin(vault, checkin.id), {CHECKINS}, person_id=None,
                   on_done=lambda _c: self.panel.show_status(_("Deleted that check-in.")),
                   error_title=_("The check-in was not deleted"))

    def save(self) -> None:
        if self.isEnabled():
            self.panel.submit(self._save_job)

    # --- private ------------------------------------------------------------------------
    def _save_job(self):
        draft, clock = self._draft(), self._context.clock  # _draft raises ValidationError
        return lambda vault: checkins.save_caregiver_checkin(vault, draft, clock=clock)

    def _draft(self) -> CaregiverCheckinDraft:
        hours = self.sleep_hours.value()
        quality = self.sleep_quality.currentData()
        return CaregiverCheckinDraft(
            when=self.when_field.current(),
            stress=self.stress.rated(),
            sleep_hours=hours if hours >= 0 else None,
            sleep_quality=SleepQuality(quality) if quality is not None else None,
            needs=self.needs.toPlainText(),
            caregiver_name=self.name_edit.text(),
            zone_name=self._context.zone_name,
            checkin_id=self._editing.id if self._editing is not None else None,
        )

    def _set_when(self, wall: datetime) -> None:
        self.when_field.set_wall(wall)

    def _local_now(self) -> datetime:
        return journal.local_now(self._context.clock, self._context.zone_name)

    def _on_saved(self, checkin: CaregiverCheckin) -> None:
        self.reset()
        self.care_label.setText(high_stress_text(help_words(self._context.settings)))
        self.care_label.setVisible(checkin.stress >= STRESS_HIGH)
        self.panel.show_status(_("Saved your check-in for {day}.").format(day=day_heading(checkin.local_date)))

    def _got_items(self, items: list[CaregiverCheckin]) -> None:
        self._items = items
        self._show_items()

    def _show_items(self) -> None:
        tz = timeutil.zone(self._context.zone_name)
        self.list.clear()
        for checkin in self._items:
            item = QListWidgetItem(checkin_line(checkin, timeutil.utc_to_local(checkin.occurred_at, tz)))
            item.setData(IdRole, checkin.id)
            self.list.addItem(item)
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        summary = stress_summary(self._items, today)
        self.trend_label.setText(summary or _("No check-ins yet. A minute a day or a week is plenty."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_checkin() is not None
        self.change_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.cancel_button.setVisible(self._editing is not None)
        self.save_button.setText(_("&Save changes") if self._editing is not None else _("&Save my check-in"))
        self.form_box.setTitle(_("Changing an earlier check-in") if self._editing is not None else _("How are you doing?"))

