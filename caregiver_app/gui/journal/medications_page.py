"""The Medications page: the person's list, one medication's details, and its dose history.

A dose is changed with "Change the dose…" (a new step from a date), never by overwriting, so the
visit summary can show what changed and when. Everything that reads or writes the vault runs
through the task runner; ``clear()`` drops every name and dose from the widgets.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CaregiverError, ValidationError
from ...domain.medications import Medication
from ...domain.model import Person
from ...services import journal, medications
from ...services.medications import MedicationDraft
from ..common.page import confirm as ask
from ..common import formatting
from ..context import AppContext
from ..common.errors import show_error
from .medication_fields import (
    AmountSpinBox,
    ChangeDoseDialog,
    OptionalDateEdit,
    date_text,
    schedule_box,
    unit_box,
)
from ..common.trust_widgets import problem_label

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


def medication_lines(med: Medication) -> str:
    """Two lines for the list: name and dose; what it is for and since when (or that it stopped)."""
    first = f"{med.name} — {formatting.dose_text(med.current)}"
    details = []
    if med.reason:
        details.append(f"for {med.reason}")
    if med.stop_date is not None:
        details.insert(0, f"Stopped {date_text(med.stop_date)}")
    elif med.start_date is not None:
        details.append(f"since {date_text(med.start_date)}")
    if med.as_needed and "as needed" not in med.current.schedule.casefold():
        details.append("as needed")
    return first + ("\n" + " · ".join(details) if details else "")


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str = "Keep it") -> bool:
    """Deprecated: :func:`caregiver_app.gui.common.page.confirm` (destructive, safe default)."""
    return ask(parent, text, yes=yes, no=no, destructive=True, title=title)


class MedicationsPage(QWidget):
    """Add, change, stop and delete the chosen person's medications."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._meds: list[Medication] = []
        self._current: Medication | None = None
        self._select_after_load: int | None = None
        self._generation = 0
        self._programmatic = False
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        intro = QLabel("Write each medicine as the label says. When a dose changes, use “Change the dose…”: "
                       "the earlier doses stay in the history, and the visit summary shows what changed.", self)
        intro.setWordWrap(True)

        self.list_label = QLabel("Medicine &list", self)
        bold = self.list_label.font()
        bold.setBold(True)
        self.list_label.setFont(bold)
        self.list = MedicineList(self)
        self.list.setAccessibleName("Medicines on the list")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(max(2, self.fontMetrics().height() // 6))
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list_label.setBuddy(self.list)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton("&New medicine", self)
        self.new_button.setToolTip("Add a medicine to the list (Ctrl+N)")
        self.new_button.clicked.connect(self.new_medication)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        self.details = QGroupBox(self)
        form = QFormLayout(self.details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self.details)
        self.name_edit.setAccessibleName("Name of the medicine")
        self.name_edit.setPlaceholderText("For example: Sertraline")
        form.addRow("Na&me", self.name_edit)

        self.amount = AmountSpinBox(self.details)
        self.amount.setAccessibleName("Dose amount")
        self.unit = unit_box(self.details)
        self.dose_row = QWidget(self.details)
        dose_layout = QHBoxLayout(self.dose_row)
        dose_layout.setContentsMargins(0, 0, 0, 0)
        dose_layout.addWidget(self.amount)
        dose_layout.addWidget(self.unit)
        dose_layout.addStretch(1)
        form.addRow("&Dose", self.dose_row)
        form.labelForField(self.dose_row).setBuddy(self.amount)
        self.current_dose = QLabel(self.details)
        self.current_dose.setWordWrap(True)
        self.current_dose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_dose_button = QPushButton("C&hange the dose…", self.details)
        self.change_dose_button.setToolTip("A new dose from a date; the old one stays in the history")
        self.change_dose_button.clicked.connect(self.change_dose)
        self.current_row = QWidget(self.details)
        current_layout = QHBoxLayout(self.current_row)
        current_layout.setContentsMargins(0, 0, 0, 0)
        current_layout.addWidget(self.current_dose, 1)
        current_layout.addWidget(self.change_dose_button)
        form.addRow("Current dose", self.current_row)
        self.schedule = schedule_box(self.details)
        form.addRow("How o&ften", self.schedule)
        self.as_needed = QCheckBox("Taken only when needed (“as needed”)", self.details)
        self.as_needed.setToolTip("A day without it is then not a missed dose")
        form.addRow("", self.as_needed)
        self.schedule.currentTextChanged.connect(
            lambda text: self.as_needed.setChecked(True) if text.strip().casefold() == "as needed" else None)
        self.reason = QLineEdit(self.details)
        self.reason.setAccessibleName("What it is for")
        self.reason.setPlaceholderText("For example: low mood, sleep, blood pressure")
        form.addRow("What it is fo&r", self.reason)
        self.prescriber = QLineEdit(self.details)
        self.prescriber.setAccessibleName("Who prescribed it")
        self.prescriber.setPlaceholderText("For example: Dr. Okafor, psychiatrist")
        form.addRow("&Prescribed by", self.prescriber)
        self.start = OptionalDateEdit("S&tarted on", self.details)
        form.addRow(self.start.check, self.start)
        self.stop = OptionalDateEdit("St&opped on", self.details)
        form.addRow(self.stop.check, self.stop)

        self.problem_label = problem_label("Problem with this medicine", self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.save_button = QPushButton("&Save", self)
        self.save_button.setToolTip("Save this medicine (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete this medicine and its history")
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        self.history_box = QGroupBox("Dose history", self)
        history_layout = QVBoxLayout(self.history_box)
        self.history = QListWidget(self.history_box)
        self.history.setAccessibleName("Dose history, oldest first")
        self.history.setWordWrap(True)
        history_layout.addWidget(self.history)
        self.remove_step_button = QPushButton("Remo&ve this step…", self.history_box)
        self.remove_step_button.setToolTip("Take a mistaken dose change out of the history")
        self.remove_step_button.clicked.connect(self.remove_step)
        self.history.currentRowChanged.connect(lambda _r: self._update_buttons())
        step_row = QHBoxLayout()
        step_row.addWidget(self.remove_step_button)
        step_row.addStretch(1)
        history_layout.addLayout(step_row)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.problem_label)
        right_layout.addWidget(self.status_label)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.history_box, 1)
        right_layout.addStretch(0)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)

        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+N", self.new_medication)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        chain = [self.list, self.new_button, self.name_edit, self.amount, self.unit, self.change_dose_button,
                 self.schedule, self.as_needed, self.reason, self.prescriber, self.start.check, self.start.edit,
                 self.stop.check, self.stop.edit, self.save_button, self.delete_button, self.history,
                 self.remove_step_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- public -------------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s medicines; None shows a hint and disables the page."""
        self._person = person
        self._generation += 1
        self._meds = []
        self.heading.setText(f"Medications for {person.display_name}" if person else "Medications")
        self.setEnabled(person is not None)
        self.status_label.hide()
        self._show_list()
        self.new_medication()
        self.reload()

    def clear(self) -> None:
        """Drop every medicine from the widgets (the vault locked)."""
        self._generation += 1
        self._person = None
        self._meds = []
        self._current = None
        self.heading.setText("Medications")
        self.list.clear()
        self.history.clear()
        self._fill_form(None)
        self.status_label.clear()
        self.status_label.hide()
        self._show_list()
        self.setEnabled(False)

    def reload(self) -> None:
        person = self._person
        vault = self._context.vault
        if person is None or person.id is None or vault is None or not vault.is_open:
            return
        generation = self._generation

        def done(meds: list[Medication]) -> None:
            if generation != self._generation:
                return
            self._meds = meds
            self._show_list()

        self._context.runner.run(lambda: medications.list_medications(vault, person.id), on_done=done,
                                 parent=self, error_title="The medicines could not be read")

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

    def select_medication(self, medication_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == medication_id:
                self.list.setCurrentRow(row)
                return

    def save(self) -> None:
        """Check the form and save it; problems show in plain words under the form."""
        if self._person is None or self._person.id is None or not self.save_button.isEnabled():
            return
        try:
            vault = self._context.require_vault()
            draft = self._draft()
        except ValidationError as exc:
            self._show_problem(str(exc))
            return
        except CaregiverError as exc:
            show_error(self, exc, "The medicine was not saved")
            return
        clock, zone = self._context.clock, self._context.zone_name
        adding = draft.medication_id is None

        def job() -> Medication:
            if adding:
                return medications.add_medication(vault, draft, clock=clock, zone_name=zone)
            return medications.update_medication(vault, draft, clock=clock)

        self.save_button.setEnabled(False)
        self._context.runner.run(job, on_done=lambda med: self._on_saved(med, adding),
                                 on_error=self._on_failed, parent=self)

    def change_dose(self) -> None:
        """Ask for the new dose and the date it starts; the old dose stays in the history."""
        med = self._current
        if med is None or med.id is None:
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        dialog = ChangeDoseDialog(med, today, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.change is None:
                return
            change = dialog.change
        finally:
            dialog.deleteLater()
        try:
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "The dose was not changed")
            return
        clock = self._context.clock
        self._context.runner.run(
            lambda: medications.change_dose(vault, med.id, change.effective_from, change.dose.amount,
                                            change.dose.unit, change.schedule, change.note, clock=clock),
            on_done=lambda m: self._after_change(m, f"Saved: from {date_text(change.effective_from)}, "
                                                    f"{m.name} is {formatting.dose_text(m.dose_on(change.effective_from))}."),
            parent=self, error_title="The dose was not changed")

    def remove_step(self) -> None:
        """Take the chosen (mistaken) step out of the dose history, after asking."""
        med = self._current
        row = self.history.currentRow()
        if med is None or med.id is None or not 0 <= row < len(med.history) or len(med.history) < 2:
            return
        step = med.history[row]
        if not confirm(self, "Remove this dose change?",
                       f"Remove “from {date_text(step.effective_from)}: {formatting.dose_text(step)}” from {med.name}'s history? "
                       "Only do this for a mistake; a real change should stay in the history.", "Remove it"):
            return
        try:
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self, exc, "Nothing was removed")
            return
        self._context.runner.run(lambda: medications.remove_dose_change(vault, med.id, step.id),
                                 on_done=lambda m: self._after_change(m, "Removed that step from the history."),
                                 parent=self, error_title="Nothing was removed")

    def delete_current(self) -> None:
        """Ask (saying how many recorded doses go with it), then delete the chosen medicine."""
        med = self._current
        if med is None or med.id is None:
            return
        try:
            vault = self._context.require_vault()
            count = medications.dose_record_count(vault, med.id)
        except CaregiverError as exc:
            show_error(self, exc, "The medicine was not deleted")
            return
        doses = (f" and the {count} dose{'s' if count != 1 else ''} recorded for it in journal entries"
                 if count else "")
        text = (f"Delete {med.name}, its dose history{doses}? The journal entries themselves stay.\n\n"
                "If it was stopped, set “Stopped on” instead: that keeps the history for the doctor.")
        if not confirm(self, "Delete this medicine?", text, "Delete medicine"):
            return
        self._context.runner.run(lambda: medications.delete_medication(vault, med.id), on_done=self._on_deleted,
                                 parent=self, error_title="The medicine was not deleted")

    # --- private ------------------------------------------------------------------------
    def _draft(self) -> MedicationDraft:
        assert self._person is not None and self._person.id is not None
        return MedicationDraft(
            person_id=self._person.id,
            name=self.name_edit.text(),
            amount=self.amount.amount(),
            unit=self.unit.currentText(),
            schedule=self.schedule.currentText(),
            as_needed=self.as_needed.isChecked(),
            reason=self.reason.text(),
            prescriber=self.prescriber.text(),
            start_date=self.start.value(),
            stop_date=self.stop.value(),
            medication_id=self._current.id if self._current is not None else None,
        )

    def _today(self) -> date:
        return journal.local_now(self._context.clock, self._context.zone_name).date()

    def _fill_form(self, med: Medication | None) -> None:
        self._current = med
        today = self._today()
        self.details.setTitle(f"{med.name}" if med else "New medicine")
        self.name_edit.setText(med.name if med else "")
        self.amount.setValue(0)
        self.unit.setCurrentIndex(0)
        self.dose_row.setVisible(med is None)
        self.current_row.setVisible(med is not None)
        form: QFormLayout = self.details.layout()
        form.setRowVisible(self.dose_row, med is None)
        form.setRowVisible(self.current_row, med is not None)
        form.setRowVisible(self.schedule, med is None)
        self.current_dose.setText(formatting.dose_text(med.current) if med else "")
        self.schedule.setEditText(med.current.schedule if med else "")
        self.as_needed.setChecked(med.as_needed if med else False)
        self.reason.setText(med.reason if med else "")
        self.prescriber.setText(med.prescriber if med else "")
        self.start.set_value(med.start_date if med else None, today)
        self.stop.set_value(med.stop_date if med else None, today)
        self.delete_button.setVisible(med is not None)
        self.save_button.setText("&Save changes" if med else "&Add to the list")
        self.history_box.setVisible(med is not None)
        self.history.clear()
        if med is not None:
            for change in med.history:
                line = f"From {date_text(change.effective_from)}: {formatting.dose_text(change)}"
                if change.note:
                    line += f" — {change.note}"
                self.history.addItem(line)
        self._show_problem("")
        self._update_buttons()

    def _show_list(self) -> None:
        keep = self._select_after_load if self._select_after_load is not None else (
            self._current.id if self._current is not None else None)
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        for med in self._meds:
            item = QListWidgetItem(medication_lines(med))
            item.setData(IdRole, med.id)
            item.setToolTip(f"Prescribed by {med.prescriber}" if med.prescriber else "")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self._person is None:
            text = "Choose or add a person to keep their medicine list."
        elif not self._meds:
            text = "No medicines on the list yet. Fill in the form to add the first one."
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
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
            self.status_label.hide()
        self._fill_form(med)

    def _on_saved(self, med: Medication, added: bool) -> None:
        self.save_button.setEnabled(True)
        self._select_after_load = med.id
        self._current = med
        self.status_label.setText(f"Added {med.name} to the list." if added else f"Saved the changes to {med.name}.")
        self.status_label.show()
        self.reload()

    def _after_change(self, med: Medication, message: str) -> None:
        self._select_after_load = med.id
        self._current = med
        self.status_label.setText(message)
        self.status_label.show()
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_problem(str(exc))
        else:
            show_error(self, exc, "The medicine was not saved")

    def _on_deleted(self, med: Medication) -> None:
        self._current = None
        self.status_label.setText(f"Deleted {med.name} from the list.")
        self.status_label.show()
        self.reload()
        self.new_medication()

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(f"Not saved yet: {text}" if text else "")
        self.problem_label.setVisible(bool(text))
        if text:
            self.status_label.hide()

    def _update_buttons(self) -> None:
        med = self._current
        self.remove_step_button.setEnabled(
            med is not None and len(med.history) > 1 and self.history.currentRow() >= 0)
