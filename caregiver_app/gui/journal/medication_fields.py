"""Small inputs for medications: a dose amount, unit and schedule pickers, an optional date, and
the "Change the dose" dialog (a new step in the dose history from a chosen date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..common import formatting
from ...domain.errors import ValidationError
from ...domain.medications import (
    COMMON_SCHEDULES,
    COMMON_UNITS,
    DOSE_MAX,
    Dose,
    DoseChange,
    Medication,
)
from ..common.formatting import DecimalSpinBox
from ..common.trust_widgets import problem_label


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_text(day: date) -> str:
    """``"1 Sep 2026"`` / ``"Sep 1, 2026"``: the month as a word, so unambiguous everywhere."""
    return formatting.medium_date(day)


class AmountSpinBox(DecimalSpinBox):
    """A dose amount (more than 0), shown without needless zeros (50, 0.5, 0.125)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(3)
        self.setRange(0, DOSE_MAX)
        self.setSingleStep(1)
        self.setSpecialValueText("Choose")
        self.setValue(0)

    def amount(self) -> float | None:
        return self.value() if self.value() > 0 else None


def unit_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(list(COMMON_UNITS))
    box.setAccessibleName("Unit of the dose")
    box.setToolTip("Pick a unit, or type your own")
    return box


def schedule_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(list(COMMON_SCHEDULES))
    box.setCurrentIndex(-1)
    box.setEditText("")
    box.lineEdit().setPlaceholderText("For example: twice a day")
    box.setAccessibleName("When it is taken")
    box.setToolTip("Pick how often it is taken, or type it as the label says")
    return box


class OptionalDateEdit(QWidget):
    """A date that may be left out: a check box that turns the date on, and the date itself.
    The check box is meant as the form row's label (it names the date)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(text, parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(formatting.date_pattern())
        self.edit.setAccessibleName(text.replace("&", ""))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None, default: date) -> None:
        self.check.setChecked(day is not None)
        self.edit.setDate(qdate(day or default))


class ChangeDoseDialog(QDialog):
    """Asks for a new dose, its schedule, the local date it starts and why. The values are checked
    here, so the dialog stays open with a plain message until they make sense."""

    def __init__(self, med: Medication, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change the dose")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.change: DoseChange | None = None
        current = med.current
        layout = QVBoxLayout(self)
        # "is now" read as if the new dose were already set; say which dose is which, and what
        # the date means.
        intro = QLabel(f"Until this change, {med.name} is {formatting.dose_text(current)}. Write the new dose "
                       "and the first day it is taken. Days before that keep the earlier dose in the history.",
                       self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.from_edit = QDateEdit(self)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat(formatting.date_pattern())
        self.from_edit.setDate(qdate(today))
        self.from_edit.setAccessibleName("First day of the new dose")
        form.addRow("&First day of the new dose", self.from_edit)
        self.amount = AmountSpinBox(self)
        self.amount.setValue(current.dose.amount)
        self.amount.setAccessibleName("New dose amount")
        self.unit = unit_box(self)
        self.unit.setEditText(current.dose.unit)
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.amount)
        dose_row.addWidget(self.unit)
        dose_row.addStretch(1)
        form.addRow("New &dose", dose_row)
        form.labelForField(dose_row).setBuddy(self.amount)
        self.schedule = schedule_box(self)
        self.schedule.setEditText(current.schedule)
        form.addRow("&How often", self.schedule)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("For example: the doctor raised it because sleep was still poor")
        self.note.setAccessibleName("Why the dose changed")
        form.addRow("&Why (optional)", self.note)
        layout.addLayout(form)
        self.problem_label = problem_label("What to fix", self)
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save the new dose")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.amount.setFocus()

    def accept(self) -> None:
        try:
            amount = self.amount.amount()
            if amount is None:
                raise ValidationError("Please give the new dose, like 50.")
            self.change = DoseChange(None, pydate(self.from_edit.date()), Dose(amount, self.unit.currentText()),
                                     self.schedule.currentText(), self.note.text())
        except ValidationError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.show()
            return
        super().accept()
