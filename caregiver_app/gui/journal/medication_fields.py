"""Small inputs for medications: a dose amount, unit and schedule pickers, an optional date, and
the "Change the dose" dialog (a new step in the dose history from a chosen date, saved by the
dialog as a write)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from ..common import formatting
from ...domain.errors import ValidationError
from ...domain.medications import (
    COMMON_SCHEDULES,
    COMMON_UNITS,
    DOSE_MAX,
    SUPPLY_MAX,
    Dose,
    DoseChange,
    Medication,
    schedule_key,
    schedule_label,
)
from ...i18n import _
from ...services import medications
from ..common.form import EditorDialog
from ..common.formatting import DecimalSpinBox
from ..common.ops import MEDICATIONS
from ..common.trust_widgets import plain_label


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_text(day: date) -> str:
    """``"1 Sep 2026"`` / ``"Sep 1, 2026"``: the month as a word, so unambiguous everywhere."""
    return formatting.medium_date(day)


class SupplySpinBox(DecimalSpinBox):
    """A count of units at home (tablets, mL, ...): 0 up to ``maximum``, in whole steps of one,
    with up to ``decimals`` decimals."""

    def __init__(self, parent: QWidget | None = None, *, decimals: int = 2, maximum: float = SUPPLY_MAX):
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setRange(0, maximum)
        self.setSingleStep(1)
        # A count, not a sentence: as wide as "1,000,000.00" or "No refill reminder", not the row.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


class AmountSpinBox(SupplySpinBox):
    """A dose amount (more than 0), shown without needless zeros (50, 0.5, 0.125)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, decimals=3, maximum=DOSE_MAX)
        self.setSpecialValueText(_("Choose"))
        self.setValue(0)

    def amount(self) -> float | None:
        return self.value() if self.value() > 0 else None


def unit_box(parent: QWidget | None = None, box: QComboBox | None = None) -> QComboBox:
    """An editable unit picker (``box`` from a Designer form, or a new one)."""
    box = box if box is not None else QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(list(COMMON_UNITS))
    box.setAccessibleName(_("Unit of the dose"))
    box.setToolTip(_("Pick a unit, or type your own"))
    return box


def schedule_box(parent: QWidget | None = None, box: QComboBox | None = None) -> QComboBox:
    """An editable "how often" picker, empty until chosen (``box`` from a Designer form, or new)."""
    box = box if box is not None else QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems([schedule_label(s) for s in COMMON_SCHEDULES])  # each shown in the language in force
    box.setCurrentIndex(-1)
    box.setEditText("")
    box.lineEdit().setPlaceholderText(_("For example: twice a day"))
    box.setAccessibleName(_("When it is taken"))
    box.setToolTip(_("Pick how often it is taken, or type it as the label says"))
    return box


def date_edit(edit: QDateEdit, day: date | None = None) -> QDateEdit:
    """A date field in the window's date format with a calendar to pick from."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(formatting.date_pattern())
    if day is not None:
        edit.setDate(qdate(day))
    return edit


class OptionalDate:
    """A date that may be left out: ``check`` (the form row's label, it names the date) turns
    ``edit`` on. Both come from the Designer form."""

    def __init__(self, check: QCheckBox, edit: QDateEdit):
        self.check, self.edit = check, date_edit(edit)
        self.edit.setEnabled(check.isChecked())

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None, default: date) -> None:
        self.check.setChecked(day is not None)
        self.edit.setDate(qdate(day or default))


class ChangeDoseDialog(EditorDialog):
    """Asks for a new dose, its schedule, the local date it starts and why, and saves it as a new
    step of ``med``'s history (a write off the GUI thread). The dialog stays open with a plain
    message until the values make sense; ``result_value`` is then the changed
    :class:`Medication`, and ``change`` the :class:`DoseChange` that was saved."""

    def __init__(self, context, med: Medication, today: date, parent: QWidget | None = None):
        super().__init__(context, _("Change the dose"), changes={MEDICATIONS}, save_text=_("Save the new dose"),
                         parent=parent)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._med, self._clock = med, context.clock
        self.change: DoseChange | None = None
        current = med.current
        # "is now" read as if the new dose were already set; say which dose is which, and what
        # the date means.
        self.intro = plain_label(_("Until this change, {medicine} is {dose}. Write the new dose and the first day it "
                                   "is taken. Days before that keep the earlier dose in the history.").format(
            medicine=med.name, dose=formatting.dose_text(current)), parent=self)
        self.fields.addWidget(self.intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.from_edit = date_edit(QDateEdit(self), today)
        self.from_edit.setAccessibleName(_("First day of the new dose"))
        form.addRow(_("&First day of the new dose"), self.from_edit)
        self.amount = AmountSpinBox(self)
        self.amount.setValue(current.dose.amount)
        self.amount.setAccessibleName(_("New dose amount"))
        self.unit = unit_box(self)
        self.unit.setEditText(current.dose.unit)
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.amount)
        dose_row.addWidget(self.unit)
        dose_row.addStretch(1)
        form.addRow(_("New &dose"), dose_row)
        form.labelForField(dose_row).setBuddy(self.amount)
        self.schedule = schedule_box(self)
        self.schedule.setEditText(schedule_label(current.schedule))
        form.addRow(_("&How often"), self.schedule)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(_("For example: the doctor raised it because sleep was still poor"))
        self.note.setAccessibleName(_("Why the dose changed"))
        form.addRow(_("&Why (optional)"), self.note)
        self.fields.addLayout(form)
        self.problem_label = self.panel.problem_label
        for name, widget in (("effective_from", self.from_edit), ("amount", self.amount), ("unit", self.unit),
                             ("schedule", self.schedule)):
            self.panel.add_field(name, widget)
        self.amount.setFocus()

    def make_job(self):
        """The new step from the inputs (GUI thread); ValidationError keeps the dialog open."""
        self.change = None
        amount = self.amount.amount()
        if amount is None:
            raise ValidationError(_("Please give the new dose, like 50."), field="amount")
        change = DoseChange(None, pydate(self.from_edit.date()), Dose(amount, self.unit.currentText()),
                            schedule_key(self.schedule.currentText()), self.note.text())
        self.change = change
        med_id, clock = self._med.id, self._clock
        return lambda vault: medications.change_dose(vault, med_id, change.effective_from, change.dose.amount,
                                                     change.dose.unit, change.schedule, change.note, clock=clock)
