"""The Medications page: the person's list, one medication's details, and its dose history.

A dose is changed with "Change the dose…" (a new step from a date), never by overwriting, so the
visit summary can show what changed and when. The medication form is laid out in Qt Designer
(``ui/medications.ui``); every read and write runs as an op (``context.ops``), and the page
reloads from ``ops.changed`` like every other page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.medications import Medication, schedule_key, schedule_label
from ...domain.model import Person
from ...i18n import N_, _, ngettext
from ...services import journal, medications
from ...services.medications import MedicationDraft
from ..common import formatting
from ..common.building import column, list_hint, push_button, scroll_area, shortcut, side_by_side
from ..common.form import FormPanel
from ..common.ops import MEDICATIONS
from ..common.page import Page, confirm, heading
from ..common.trust_widgets import plain_label
from ..context import AppContext
from ..forms.ui_medications import Ui_MedicationForm
from ..reminders.times_edit import ReminderTimesEdit
from .medication_fields import ChangeDoseDialog, OptionalDate, date_text, schedule_box, unit_box

IdRole = Qt.ItemDataRole.UserRole + 1


class MedicineList(QListWidget):
    """A list that does not choose its first medicine just because it got the keyboard focus
    (Qt's default), so tabbing through never replaces a half-written new medicine."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.focusing = False

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.focusing = True
        try:
            super().focusInEvent(event)
        finally:
            self.focusing = False


def medication_lines(med: Medication, left: float | None = None) -> str:
    """Two lines for the list: name and dose; what it is for and since when (or that it stopped),
    its reminder times and, when the supply is counted, how much is ``left``."""
    first = _("{medicine} — {dose}").format(medicine=med.name, dose=formatting.dose_text(med.current))
    details = []
    if med.reason:
        details.append(_("for {reason}").format(reason=med.reason))
    if med.stop_date is not None:
        details.insert(0, _("Stopped {date}").format(date=date_text(med.stop_date)))
    elif med.start_date is not None:
        details.append(_("since {date}").format(date=date_text(med.start_date)))
    schedule = med.current.schedule.casefold()  # the words stored with the dose, in any language
    if med.as_needed and "as needed" not in schedule and _("as needed").casefold() not in schedule:
        details.append(_("as needed"))
    if med.reminder_times and med.stop_date is None:
        details.append(_("reminders at {times}").format(times=", ".join(formatting.time_text(t) for t in med.reminder_times)))
    if left is not None and med.stop_date is None:
        low = med.supply is not None and med.supply.refill_at is not None and left <= med.supply.refill_at
        amount = formatting.decimal_text(left)
        details.append(_("{amount} left (time to refill)").format(amount=amount) if low
                       else _("{amount} left").format(amount=amount))
    return first + ("\n" + " · ".join(details) if details else "")


class MedicationsPage(Page):
    """Add, change, stop and delete the chosen person's medications."""

    title = N_("Medications")
    watches = frozenset({MEDICATIONS})

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._meds: list[Medication] = []
        self._left: dict[int, float] = {}
        self._current: Medication | None = None
        self._select_after_load: int | None = None
        self._select_for: int | None = None
        self._programmatic = False
        self._dose_dialog: ChangeDoseDialog | None = None
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        intro = plain_label(_("Write each medicine as the label says. When a dose changes, use “Change the dose…”: "
                              "the earlier doses stay in the history, and the visit summary shows what changed."),
                            parent=self)

        self.list_label = heading(_("Medicine &list"), self)
        self.list = MedicineList(self)
        self.list.setAccessibleName(_("Medicines on the list"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(max(2, self.fontMetrics().height() // 6))
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list_label.setBuddy(self.list)
        self.empty_label = plain_label(parent=self)
        self.new_button = push_button(_("&New medicine"), self, self.new_medication,
                                      tip=_("Add a medicine to the list (Ctrl+N)"))
        left = column(self, self.list_label, self.empty_label, (self.list, 1), self.new_button, margins=False)

        fields = QWidget(self)
        self.ui = ui = Ui_MedicationForm()
        ui.setupUi(fields)
        self.details, self.name_edit, self.amount = ui.details, ui.nameEdit, ui.amount
        self.unit, self.schedule = unit_box(box=ui.unit), schedule_box(box=ui.schedule)
        self.dose_row, self.current_row, self.current_dose = ui.doseRow, ui.currentRow, ui.currentDose
        self.change_dose_button, self.as_needed = ui.changeDoseButton, ui.asNeeded
        self.reason, self.prescriber = ui.reason, ui.prescriber
        self.start = OptionalDate(ui.startCheck, ui.startEdit)
        self.stop = OptionalDate(ui.stopCheck, ui.stopEdit)
        times_layout = QHBoxLayout(ui.remindersRow)
        times_layout.setContentsMargins(0, 0, 0, 0)
        self.reminder_times = ReminderTimesEdit(ui.remindersRow)
        times_layout.addWidget(self.reminder_times)
        ui.remindLabel.setBuddy(self.reminder_times.add_button)
        self.reminder_times.changed.connect(self._chain_tabs)
        self.supply_check, self.on_hand, self.per_dose, self.refill_at = (
            ui.supplyCheck, ui.onHand, ui.perDose, ui.refillAt)
        self.refill_at.setSpecialValueText(_("No refill reminder"))
        self.refill_at.updateGeometry()  # Qt does not re-measure a box already in a layout for its special text
        self.change_dose_button.clicked.connect(self.change_dose)
        self.schedule.currentTextChanged.connect(
            lambda text: self.as_needed.setChecked(True) if schedule_key(text).strip().casefold() == "as needed" else None)

        self.panel = FormPanel(self._context, fields, changes={MEDICATIONS}, save_text=_("&Add to the list"),
                               cancel_text="", error_title=_("The medicine was not saved"), parent=self)
        for name, widget in (("name", self.name_edit), ("amount", self.amount), ("unit", self.unit),
                             ("schedule", self.schedule), ("reason", self.reason), ("prescriber", self.prescriber),
                             ("start_date", self.start.edit), ("stop_date", self.stop.edit),
                             ("supply", self.on_hand)):
            self.panel.add_field(name, widget)
        self.panel.save_requested.connect(self.save)
        self.panel.saved.connect(self._on_saved)
        self.problem_label, self.status_label = self.panel.problem_label, self.panel.status_label
        self.problem_label.setAccessibleName(_("Problem with this medicine"))
        self.save_button = self.panel.save_button
        self.save_button.setToolTip(_("Save this medicine (Ctrl+S)"))
        self.delete_button = push_button(_("Delete…"), self, self.delete_current, tip=_("Delete this medicine and its history"))
        # Delete sits beside Save, in the panel's row of buttons (its last layout item).
        panel_layout = self.panel.layout()
        panel_layout.itemAt(panel_layout.count() - 1).layout().insertWidget(1, self.delete_button)

        self.history_box = QGroupBox(_("Dose history"), self)
        history_layout = QVBoxLayout(self.history_box)
        self.history = QListWidget(self.history_box)
        self.history.setAccessibleName(_("Dose history, oldest first"))
        self.history.setWordWrap(True)
        history_layout.addWidget(self.history)
        self.remove_step_button = push_button(_("Remo&ve this step…"), self.history_box, self.remove_step,
                                              tip=_("Take a mistaken dose change out of the history"))
        self.history.currentRowChanged.connect(lambda _r: self._update_buttons())
        history_layout.addWidget(self.remove_step_button, 0, Qt.AlignmentFlag.AlignLeft)

        right = column(self, self.panel, (self.history_box, 1), end_stretch=0)  # room below while no history
        splitter = side_by_side(self, left, scroll_area(right, self, sideways=False), stretch=(2, 3))
        self.body.addWidget(intro)
        self.body.addWidget(splitter, 1)

        # Ctrl+S saves from anywhere on the page: the panel has its own; the list and the history
        # (outside the panel, so never both at once) get one each.
        for keys, slot, owners in (("Ctrl+N", self.new_medication, (self,)),
                                   ("Ctrl+S", self.save, (left, self.history_box))):
            for owner in owners:
                shortcut(owner, keys, slot)
        self._chain_tabs()

    def _chain_tabs(self) -> None:
        """Tab order through the form; again whenever a reminder time is added or removed."""
        chain = [self.list, self.new_button, self.name_edit, self.amount, self.unit, self.change_dose_button,
                 self.schedule, self.as_needed, self.reason, self.prescriber, self.start.check, self.start.edit,
                 self.stop.check, self.stop.edit, *self.reminder_times.focus_widgets(), self.supply_check,
                 self.on_hand, self.per_dose, self.refill_at, self.save_button, self.delete_button, self.history,
                 self.remove_step_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- the page -----------------------------------------------------------------------
    def load(self, person: Person) -> None:
        self.read(lambda vault: (medications.list_medications(vault, person.id),
                                 medications.supplies_left(vault, person.id)),
                  self._got_meds, key="list", error_title=_("The medicines could not be read"))

    def drop(self) -> None:
        """Forget every medicine (no person, or the vault locked); an open "Change the dose"
        dialog closes with nothing saved."""
        if self._dose_dialog is not None:
            self._dose_dialog.reject()
        self._meds = []
        self._left = {}
        self._current = None
        if self._select_for is None:  # a medicine asked for with its person waits for that person
            self._select_after_load = None
        self.list.clear()
        self.panel.reset()
        self._show_list()
        self.new_medication()

    @property
    def current_medication(self) -> Medication | None:
        return self._current

    def new_medication(self) -> None:
        """An empty form for a new medicine (Ctrl+N)."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._fill_form(None)
        if self.isVisible():
            self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select_medication(self, medication_id: int, person_id: int | None = None) -> None:
        """Choose the medicine ``medication_id`` (of ``person_id``); when the list has not got it
        yet (still being read, or the person is being switched: "Open medicines" on a refill
        reminder), as soon as that person's list comes."""
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == medication_id:
                self.list.setCurrentRow(row)
                return
        self._select_after_load, self._select_for = medication_id, person_id

    def save(self) -> None:
        """Check the form and save it; problems show in plain words under the form."""
        if self.person is not None and self.person.id is not None:
            self.panel.submit(self._save_job, person_id=self.person.id)

    def change_dose(self) -> None:
        """Ask for the new dose and the date it starts (the dialog saves it); the old dose stays in
        the history."""
        med = self._current
        if med is None or med.id is None:
            return
        dialog = self._dose_dialog = ChangeDoseDialog(self._context, med, self._today(), self)
        try:
            if not dialog.exec() or dialog.result_value is None or dialog.change is None:
                return
            changed, start = dialog.result_value, dialog.change.effective_from
        finally:
            self._dose_dialog = None
            dialog.deleteLater()
        self._after_change(changed, _("Saved: from {date}, {medicine} is {dose}.").format(
            date=date_text(start), medicine=changed.name, dose=formatting.dose_text(changed.dose_on(start))))

    def remove_step(self) -> None:
        """Take the chosen (mistaken) step out of the dose history, after asking."""
        med = self._current
        row = self.history.currentRow()
        if med is None or med.id is None or not 0 <= row < len(med.history) or len(med.history) < 2:
            return
        step = med.history[row]
        question = _("Remove “from {date}: {dose}” from {medicine}'s history? Only do this for a mistake; a real "
                     "change should stay in the history.").format(date=date_text(step.effective_from),
                                                                   dose=formatting.dose_text(step), medicine=med.name)
        if not confirm(self, question, yes=_("Remove it"), no=_("Keep it"), destructive=True,
                       title=_("Remove this dose change?")):
            return
        self.write(lambda vault: medications.remove_dose_change(vault, med.id, step.id), {MEDICATIONS},
                   on_done=lambda m: self._after_change(m, _("Removed that step from the history.")),
                   error_title=_("Nothing was removed"))

    def delete_current(self) -> None:
        """Ask (saying how many recorded doses go with it), then delete the chosen medicine."""
        med = self._current
        if med is not None and med.id is not None:
            self.read(lambda vault: medications.dose_record_count(vault, med.id),
                      lambda count: self._ask_delete(med, count), key="dose-count",
                      error_title=_("The medicine was not deleted"))

    # --- private ------------------------------------------------------------------------
    def _save_job(self):
        """The save as a write (GUI thread: read the form)."""
        draft, clock, zone = self._draft(), self._context.clock, self._context.zone_name
        if draft.medication_id is None:
            return lambda vault: medications.add_medication(vault, draft, clock=clock, zone_name=zone)
        return lambda vault: medications.update_medication(vault, draft, clock=clock)

    def _ask_delete(self, med: Medication, count: int) -> None:
        question = (ngettext("Delete {medicine}, its dose history and the {count} dose recorded for it in journal "
                             "entries? The journal entries themselves stay.",
                             "Delete {medicine}, its dose history and the {count} doses recorded for it in journal "
                             "entries? The journal entries themselves stay.", count) if count
                    else _("Delete {medicine}, its dose history? The journal entries themselves stay."))
        if confirm(self, question.format(medicine=med.name, count=count),
                   details=_("If it was stopped, set “Stopped on” instead: that keeps the history for the doctor."),
                   yes=_("Delete medicine"), no=_("Keep it"), destructive=True, title=_("Delete this medicine?")):
            self.write(lambda vault: medications.delete_medication(vault, med.id), {MEDICATIONS},
                       on_done=self._on_deleted, error_title=_("The medicine was not deleted"))

    def _draft(self) -> MedicationDraft:
        assert self.person is not None and self.person.id is not None
        return MedicationDraft(
            person_id=self.person.id,
            name=self.name_edit.text(),
            amount=self.amount.amount(),
            unit=self.unit.currentText(),
            schedule=schedule_key(self.schedule.currentText()),
            as_needed=self.as_needed.isChecked(),
            reason=self.reason.text(),
            prescriber=self.prescriber.text(),
            start_date=self.start.value(),
            stop_date=self.stop.value(),
            medication_id=self._current.id if self._current is not None else None,
            reminder_times=self.reminder_times.times(),
            supply_on_hand=self.on_hand.value() if self.supply_check.isChecked() else None,
            supply_per_dose=self.per_dose.value() or 1.0,
            refill_at=(self.refill_at.value() or None) if self.supply_check.isChecked() else None,
        )

    def _today(self) -> date:
        return journal.local_now(self._context.clock, self._context.zone_name).date()

    def _fill_form(self, med: Medication | None) -> None:
        self._current = med
        today = self._today()
        self.details.setTitle(med.name if med else _("New medicine"))
        self.name_edit.setText(med.name if med else "")
        self.amount.setValue(0)
        self.unit.setCurrentIndex(0)
        self.dose_row.setVisible(med is None)
        self.current_row.setVisible(med is not None)
        form: QFormLayout = self.details.layout()
        form.setRowVisible(self.dose_row, med is None)
        form.setRowVisible(self.current_row, med is not None)
        form.setRowVisible(self.schedule, med is None)
        # The Designer form's outer layout keeps the height of the rows just hidden otherwise.
        self.ui.outerLayout.invalidate()
        self.current_dose.setText(formatting.dose_text(med.current) if med else "")
        self.schedule.setEditText(schedule_label(med.current.schedule) if med else "")
        self.as_needed.setChecked(med.as_needed if med else False)
        self.reason.setText(med.reason if med else "")
        self.prescriber.setText(med.prescriber if med else "")
        self.start.set_value(med.start_date if med else None, today)
        self.stop.set_value(med.stop_date if med else None, today)
        self.reminder_times.set_times(med.reminder_times if med else ())
        supply = med.supply if med else None
        self.supply_check.setChecked(supply is not None)
        for field in (self.on_hand, self.per_dose, self.refill_at):  # toggled is not sent when unchanged
            field.setEnabled(supply is not None)
        self.on_hand.setValue(self._left.get(med.id, supply.on_hand) if supply is not None else 0)
        self.per_dose.setValue(supply.per_dose if supply is not None else 1)
        self.refill_at.setValue((supply.refill_at or 0) if supply is not None else 0)
        self.delete_button.setVisible(med is not None)
        self.save_button.setText(_("&Save changes") if med else _("&Add to the list"))
        self.history_box.setVisible(med is not None)
        self.history.clear()
        if med is not None:
            for change in med.history:
                line = _("From {date}: {dose}").format(date=date_text(change.effective_from), dose=formatting.dose_text(change))
                if change.note:
                    line += f" — {change.note}"
                self.history.addItem(line)
        self.panel.show_problem("")
        self._update_buttons()

    def _show_list(self) -> None:
        # A medicine asked for with its person waits for that person's list (not the empty one
        # shown while the person changes); one asked for without waits for the next list only.
        wanted_here = self._select_for is None or any(m.id == self._select_after_load for m in self._meds)
        keep = self._select_after_load if self._select_after_load is not None and wanted_here else (
            self._current.id if self._current is not None else None)
        if wanted_here:
            self._select_after_load, self._select_for = None, None
        self.list.blockSignals(True)
        self.list.clear()
        for med in self._meds:
            item = QListWidgetItem(medication_lines(med, self._left.get(med.id)))
            item.setData(IdRole, med.id)
            item.setToolTip(_("Prescribed by {name}").format(name=med.prescriber) if med.prescriber else "")
            self.list.addItem(item)
        self.list.blockSignals(False)
        list_hint(self.empty_label, self.person, self._meds,
                  no_person=_("Choose or add a person to keep their medicine list."),
                  none_yet=_("No medicines on the list yet. Fill in the form to add the first one."))
        if keep is not None:
            found = next((m for m in self._meds if m.id == keep), None)
            if found is not None:
                self._programmatic = True
                try:
                    self.select_medication(keep)
                finally:
                    self._programmatic = False
                return
            self._fill_form(None)

    def _on_current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is None:
            return
        if self.list.focusing and not item.isSelected():
            # focus alone made it current: keep the form as it is until the user picks one
            self.list.blockSignals(True)
            self.list.setCurrentRow(-1)
            self.list.blockSignals(False)
            return
        med = next((m for m in self._meds if m.id == item.data(IdRole)), None)
        if not self._programmatic:
            self.panel.show_status("")
        self._fill_form(med)

    def _got_meds(self, found: tuple[list[Medication], dict[int, float]]) -> None:
        self._meds, self._left = found
        self._show_list()

    def _on_saved(self, med: Medication) -> None:
        added = self._current is None
        self._after_change(med, (_("Added {medicine} to the list.") if added
                                else _("Saved the changes to {medicine}.")).format(medicine=med.name))

    def _after_change(self, med: Medication, message: str) -> None:
        """A write changed ``med``: keep it chosen when the list reloads (from ``ops.changed``)."""
        self._select_after_load = med.id
        self._current = med
        self.panel.show_status(message)

    def _on_deleted(self, med: Medication) -> None:
        self._current = None
        self.new_medication()
        self.panel.show_status(_("Deleted {medicine} from the list.").format(medicine=med.name))

    def _update_buttons(self) -> None:
        med = self._current
        self.remove_step_button.setEnabled(
            med is not None and len(med.history) > 1 and self.history.currentRow() >= 0)
