"""The contact editor: who someone is, how to reach them, what they give, and how the tie feels.

A dialog over a scroll area (it survives 200% text). Phone numbers are checked as they are typed
(when a field is left) and shown the way they will be saved; a problem shows in the dialog in
plain words and nothing is saved until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
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

from ...domain.errors import CaregiverError
from ...domain.network import (
    MAX_PHONES,
    Contact,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
)
from ...services import network as contact_service
from ...domain import phone_numbers
from ..common import formatting
from ..common.trust_widgets import problem_label
from ..vault.unlock_screen import announce

TIE_HELP = {
    TieStrength.STRONG: "Close and dependable",
    TieStrength.MODERATE: "There, but not especially close",
    TieStrength.TENUOUS: "Weak, distant or uncertain",
    TieStrength.STRESSFUL: "Draining, tense or full of conflict",
}


def _multiline(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(int(edit.fontMetrics().lineSpacing() * lines + 12))
    edit.setMaximumHeight(int(edit.fontMetrics().lineSpacing() * (lines + 3) + 12))
    return edit


class PhoneRow(QWidget):
    """One phone number: its kind, the number, a Remove button, and a line under it that shows
    the number as it will be saved or what is wrong with it."""

    def __init__(self, region: str, on_remove: Callable[["PhoneRow"], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._region = region
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        for kind in PhoneKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setAccessibleName("Kind of phone number")
        self.number = QLineEdit(self)
        self.number.setAccessibleName("Phone number")
        self.number.setPlaceholderText(f"For example {phone_numbers.example_number(region)}")
        self.number.setMaxLength(40)
        self.remove = QPushButton("Remove", self)
        self.remove.setAccessibleName("Remove this phone number")
        self.remove.clicked.connect(lambda: on_remove(self))
        row.addWidget(self.kind)
        row.addWidget(self.number, 1)
        row.addWidget(self.remove)
        outer.addLayout(row)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.hide()
        outer.addWidget(self.feedback)
        self.number.editingFinished.connect(self.check)

    def check(self) -> bool:
        """Show how the number reads; False when it cannot be a phone number."""
        text = self.number.text()
        if not text.strip():
            self.feedback.hide()
            return True
        try:
            phone = phone_numbers.parse_phone(text, self._region, self.kind.currentData())
        except CaregiverError as exc:
            self.feedback.setText(f"⚠ {exc}")
            self.feedback.show()
            return False
        self.feedback.setText(f"Saved as {phone_numbers.format_phone(phone, self._region)}")
        self.feedback.show()
        return True


class ContactEditor(QDialog):
    """Add or edit one contact. ``save(draft)`` stores it and returns the saved contact (or
    raises :class:`CaregiverError`, shown inside the dialog, which stays open)."""

    def __init__(
        self,
        save: Callable[[contact_service.ContactDraft], Contact],
        person_id: int,
        person_name: str,
        *,
        region: str = phone_numbers.DEFAULT_REGION,
        today: date | None = None,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._save = save
        self._person_id = person_id
        self._person_name = person_name
        self._region = region
        self._today = today or date.today()
        self._contact = contact
        self.saved: Contact | None = None
        self.phone_rows: list[PhoneRow] = []
        self.setWindowTitle("Edit contact" if contact else "Add a contact")
        self._build()
        self._load(contact)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.height() * 40)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)

        who = QFormLayout()
        who.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit(body)
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setMaxLength(120)
        who.addRow("&Name", self.name_edit)
        self.role_box = QComboBox(body)
        self.role_box.setAccessibleName("Role")
        for role in Role:
            self.role_box.addItem(role.label, role)
        self.role_box.currentIndexChanged.connect(self._on_role_changed)
        who.addRow("&Role", self.role_box)
        self.role_hint = QLabel(body)
        self.role_hint.setWordWrap(True)
        who.addRow("", self.role_hint)
        self.org_edit = QLineEdit(body)
        self.org_edit.setAccessibleName("Organisation")
        self.org_edit.setPlaceholderText("Clinic, practice, group or place (optional)")
        self.org_edit.setMaxLength(200)
        who.addRow("&Organisation", self.org_edit)
        layout.addLayout(who)

        reach = QGroupBox("How to reach them", body)
        reach_layout = QVBoxLayout(reach)
        self.phones_box = QVBoxLayout()
        reach_layout.addLayout(self.phones_box)
        self.add_phone_button = QPushButton("Add a &phone number", reach)
        self.add_phone_button.clicked.connect(lambda: self.add_phone_row(focus=True))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_phone_button)
        add_row.addStretch(1)
        reach_layout.addLayout(add_row)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.email_edit = QLineEdit(reach)
        self.email_edit.setAccessibleName("Email")
        self.email_edit.setMaxLength(254)
        form.addRow("&Email", self.email_edit)
        self.address_edit = _multiline(reach, "Address", 3)
        form.addRow("A&ddress", self.address_edit)
        self.availability_edit = QLineEdit(reach)
        self.availability_edit.setAccessibleName("When they can be reached")
        self.availability_edit.setPlaceholderText("For example: weekdays 9 to 5, text first")
        self.availability_edit.setMaxLength(200)
        form.addRow("&When to reach", self.availability_edit)
        touch_row = QHBoxLayout()
        self.touch_check = QCheckBox("&Last in touch on", reach)
        self.touch_date = QDateEdit(reach)
        self.touch_date.setCalendarPopup(True)
        self.touch_date.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.touch_date.setAccessibleName("Date last in touch")
        self.touch_date.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.touch_today = QPushButton("Toda&y", reach)
        self.touch_today.setAccessibleName("Last in touch today")
        self.touch_today.clicked.connect(self._set_touch_today)
        self.touch_check.toggled.connect(self.touch_date.setEnabled)
        touch_row.addWidget(self.touch_check)
        touch_row.addWidget(self.touch_date)
        touch_row.addWidget(self.touch_today)
        touch_row.addStretch(1)
        form.addRow(touch_row)
        reach_layout.addLayout(form)
        layout.addWidget(reach)

        gives = QGroupBox("What they give", body)
        gives_layout = QVBoxLayout(gives)
        self.support_checks: dict[SupportType, QCheckBox] = {}
        for kind in SupportType:
            box = QCheckBox(f"{kind.label}: {kind.description.lower()}", gives)
            box.setAccessibleName(kind.label)
            self.support_checks[kind] = box
            gives_layout.addWidget(box)
        layout.addWidget(gives)

        tie = QGroupBox("How the tie feels", body)
        tie_layout = QVBoxLayout(tie)
        self.strength_group = QButtonGroup(self)
        self.strength_buttons: dict[TieStrength, QRadioButton] = {}
        for i, strength in enumerate(TieStrength):
            button = QRadioButton(f"{strength.label}: {TIE_HELP[strength].lower()} ({strength.line_description})", tie)
            button.setAccessibleName(f"{strength.label} tie")
            self.strength_group.addButton(button, i)
            self.strength_buttons[strength] = button
            tie_layout.addWidget(button)
        layout.addWidget(tie)

        flow = QGroupBox("Which way support flows", body)
        flow_layout = QVBoxLayout(flow)
        self.direction_group = QButtonGroup(self)
        self.direction_buttons: dict[SupportDirection, QRadioButton] = {}
        for i, direction in enumerate(SupportDirection):
            button = QRadioButton(direction.label(self._person_name), flow)
            self.direction_group.addButton(button, i)
            self.direction_buttons[direction] = button
            flow_layout.addWidget(button)
        layout.addWidget(flow)

        notes_label = QLabel("No&tes", body)
        self.notes_edit = _multiline(body, "Notes", 4)
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        self.problem_label = problem_label("What to fix", self)
        outer.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    # --- phones ---------------------------------------------------------------------------
    def add_phone_row(self, text: str = "", kind: PhoneKind = PhoneKind.MOBILE, *, focus: bool = False) -> PhoneRow | None:
        if len(self.phone_rows) >= MAX_PHONES:
            return None
        row = PhoneRow(self._region, self._remove_phone_row, self)
        row.kind.setCurrentIndex(row.kind.findData(kind))
        row.number.setText(text)
        self.phones_box.addWidget(row)
        self.phone_rows.append(row)
        self.add_phone_button.setEnabled(len(self.phone_rows) < MAX_PHONES)
        self._fix_tab_order()
        if focus:
            row.number.setFocus()
        return row

    def _remove_phone_row(self, row: PhoneRow) -> None:
        self.phone_rows.remove(row)
        self.phones_box.removeWidget(row)
        row.deleteLater()
        self.add_phone_button.setEnabled(True)
        self._fix_tab_order()
        self.add_phone_button.setFocus()

    def _fix_tab_order(self) -> None:
        previous: QWidget = self.org_edit
        for row in self.phone_rows:
            for widget in (row.kind, row.number, row.remove):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_phone_button)
        QWidget.setTabOrder(self.add_phone_button, self.email_edit)

    # --- loading and saving ---------------------------------------------------------------
    def _load(self, contact: Contact | None) -> None:
        if contact is None:
            self.role_box.setCurrentIndex(self.role_box.findData(Role.FRIEND))
            self.strength_buttons[TieStrength.MODERATE].setChecked(True)
            self.direction_buttons[SupportDirection.BOTH].setChecked(True)
            self.touch_check.setChecked(False)
            self.touch_date.setDate(QDate(self._today.year, self._today.month, self._today.day))
            self.touch_date.setEnabled(False)
            self.add_phone_row()
            self._on_role_changed()
            return
        self.name_edit.setText(contact.name)
        self.role_box.setCurrentIndex(self.role_box.findData(contact.role))
        self.org_edit.setText(contact.organisation)
        for phone in contact.phones:
            self.add_phone_row(phone_numbers.format_phone(phone, self._region), phone.kind)
        if not contact.phones:
            self.add_phone_row()
        self.email_edit.setText(contact.email)
        self.address_edit.setPlainText(contact.address)
        self.availability_edit.setText(contact.availability)
        day = contact.last_in_touch or self._today
        self.touch_date.setDate(QDate(day.year, day.month, day.day))
        self.touch_check.setChecked(contact.last_in_touch is not None)
        self.touch_date.setEnabled(contact.last_in_touch is not None)
        for kind, box in self.support_checks.items():
            box.setChecked(kind in contact.support)
        self.strength_buttons[contact.strength].setChecked(True)
        self.direction_buttons[contact.direction].setChecked(True)
        self.notes_edit.setPlainText(contact.notes)
        self._on_role_changed()

    def _on_role_changed(self) -> None:
        role: Role = self.role_box.currentData()
        if role is None:
            return
        kind = "care team (clinical)" if role.clinical else "nonclinical support"
        self.role_hint.setText(f"On the map with the {role.sector.label.lower()}; counted as {kind}.")

    def _set_touch_today(self) -> None:
        self.touch_check.setChecked(True)
        self.touch_date.setDate(QDate(self._today.year, self._today.month, self._today.day))

    def draft(self) -> contact_service.ContactDraft:
        """What the form holds now."""
        strength = next(s for s, b in self.strength_buttons.items() if b.isChecked())
        direction = next(d for d, b in self.direction_buttons.items() if b.isChecked())
        return contact_service.ContactDraft(
            person_id=self._person_id,
            name=self.name_edit.text(),
            role=self.role_box.currentData(),
            organisation=self.org_edit.text(),
            phones=tuple((r.number.text(), r.kind.currentData()) for r in self.phone_rows),
            email=self.email_edit.text(),
            address=self.address_edit.toPlainText(),
            availability=self.availability_edit.text(),
            notes=self.notes_edit.toPlainText(),
            last_in_touch=self.touch_date.date().toPython() if self.touch_check.isChecked() else None,
            support=frozenset(k for k, b in self.support_checks.items() if b.isChecked()),
            strength=strength,
            direction=direction,
            contact_id=self._contact.id if self._contact else None,
        )

    def show_problem(self, message: str, focus: QWidget | None = None) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
        announce(self.problem_label, message)
        if focus is not None:
            focus.setFocus()

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            self.show_problem("Please give this contact a name.", self.name_edit)
            return
        for row in self.phone_rows:
            if not row.check():
                self.show_problem(row.feedback.text().lstrip("⚠ "), row.number)
                return
        try:
            self.saved = self._save(self.draft())
        except CaregiverError as exc:
            message = str(exc)
            focus = self.email_edit if "email" in message.lower() else self.touch_date if "touch" in message.lower() else None
            self.show_problem(message, focus)
            return
        super().accept()
