"""The contact editor: who someone is, how to reach them, what they give, and how the tie feels.

A dialog over a scroll area (it survives 200% text). Phone numbers are checked as they are typed
(when a field is left) and shown the way they will be saved; a problem shows in the dialog in
plain words and nothing is saved until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import CaregiverError, ValidationError
from ...domain.model import Person
from ...domain.network import (
    MAX_PHONES,
    Contact,
    PhoneKind,
    Role,
    SupportDirection,
    SupportType,
    TieStrength,
)
from ...i18n import _, N_
from ...services import network as contact_service
from ...domain import phone_numbers
from ..common import formatting
from ..common.country import current_country
from ..common.form import EditorDialog
from ..common.ops import CONTACTS
from ..forms.ui_contact_editor import Ui_ContactFields

TIE_HELP = {
    TieStrength.STRONG: N_("Close and dependable"),
    TieStrength.MODERATE: N_("There, but not especially close"),
    TieStrength.TENUOUS: N_("Weak, distant or uncertain"),
    TieStrength.STRESSFUL: N_("Draining, tense or full of conflict"),
}


def phone_region(context) -> str:
    """The region local phone numbers are read in: the country setting, else the system
    locale's (``context``: the :class:`~caregiver_app.gui.context.AppContext`)."""
    return phone_numbers.resolve_region(current_country(context.settings), QLocale.system().name())


def _fit_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Room for ``lines`` lines of the user's own font (and at most three more)."""
    edit.setMinimumHeight(int(edit.fontMetrics().lineSpacing() * lines + 12))
    edit.setMaximumHeight(int(edit.fontMetrics().lineSpacing() * (lines + 3) + 12))


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
        self.kind.setAccessibleName(_("Kind of phone number"))
        self.number = QLineEdit(self)
        self.number.setAccessibleName(_("Phone number"))
        self.number.setPlaceholderText(_("For example {number}").format(number=phone_numbers.example_number(region)))
        self.number.setMaxLength(40)
        self.remove = QPushButton(_("Remove"), self)
        self.remove.setAccessibleName(_("Remove this phone number"))
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
        return not self.problem()

    def problem(self) -> str:
        """Show how the number reads under it; what is wrong with it in plain words, or ""."""
        text = self.number.text()
        if not text.strip():
            self.feedback.hide()
            return ""
        try:
            phone = phone_numbers.parse_phone(text, self._region, self.kind.currentData())
        except CaregiverError as exc:
            self.feedback.setText(f"⚠ {exc}")
            self.feedback.show()
            return str(exc)
        self.feedback.setText(_("Saved as {number}").format(number=phone_numbers.format_phone(phone, self._region)))
        self.feedback.show()
        return ""


class ContactEditor(EditorDialog):
    """Add or edit one contact of ``person``. Save runs as a write off the GUI thread
    (``result_value`` is then the saved :class:`Contact`); a problem shows inside the dialog, at
    the field it is about, and the dialog stays open. ``region``: how local phone numbers are
    read; ``today``: the local calendar date ("last in touch" cannot be later)."""

    def __init__(
        self,
        context,
        person: Person,
        *,
        region: str = phone_numbers.DEFAULT_REGION,
        today: date | None = None,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(context, _("Edit contact") if contact else _("Add a contact"), changes={CONTACTS},
                         parent=parent)
        self._clock = context.clock
        self._person_id = person.id
        self._person_name = person.display_name
        self._region = region
        self._today = today or date.today()
        self._contact = contact
        self.phone_rows: list[PhoneRow] = []
        self.problem_label = self.panel.problem_label
        self.save_button = self.panel.save_button
        self._build()
        self._load(contact)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 100, metrics.height() * 40
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:  # at large text 40 lines are taller than a laptop screen; the fields scroll
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    @property
    def saved(self) -> Contact | None:
        """The contact as saved (None until Save succeeded)."""
        return self.result_value

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        # The static layout is ui/contact_editor.ui; the choices that come from the data (roles,
        # kinds of support, ties, the person's name) and font-sized heights are added here.
        holder = QWidget(self)
        ui = self.form = Ui_ContactFields()
        ui.setupUi(holder)
        self.fields.addWidget(holder, 1)
        self.name_edit, self.role_box, self.role_hint, self.org_edit = ui.name_edit, ui.role_box, ui.role_hint, ui.org_edit
        for role in Role:
            self.role_box.addItem(role.label, role)
        self.role_box.currentIndexChanged.connect(self._on_role_changed)
        self.phones_box, self.add_phone_button = ui.phones_box, ui.add_phone_button
        self.add_phone_button.clicked.connect(lambda: self.add_phone_row(focus=True))
        self.email_edit, self.availability_edit = ui.email_edit, ui.availability_edit
        self.address_edit, self.notes_edit = ui.address_edit, ui.notes_edit
        _fit_lines(self.address_edit, 3)
        _fit_lines(self.notes_edit, 4)
        self.touch_check, self.touch_date, self.touch_today = ui.touch_check, ui.touch_date, ui.touch_today
        self.touch_date.setDisplayFormat(formatting.date_pattern(weekday=True))
        self.touch_date.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        self.touch_today.clicked.connect(self._set_touch_today)
        self.touch_check.toggled.connect(self.touch_date.setEnabled)

        self.support_checks: dict[SupportType, QCheckBox] = {}
        for kind in SupportType:
            box = QCheckBox(_("{kind}: {description}").format(kind=kind.label, description=kind.description.lower()),
                            ui.gives_box)
            box.setAccessibleName(kind.label)
            self.support_checks[kind] = box
            ui.gives_layout.addWidget(box)
        self.strength_group = QButtonGroup(self)
        self.strength_buttons: dict[TieStrength, QRadioButton] = {}
        for i, strength in enumerate(TieStrength):
            # TRANSLATORS: "Strong: close and dependable (thick solid line)".
            button = QRadioButton(_("{strength}: {help} ({line})").format(
                strength=strength.label, help=_(TIE_HELP[strength]).lower(), line=strength.line_description),
                ui.tie_box)
            button.setAccessibleName(_("{strength} tie").format(strength=strength.label))
            self.strength_group.addButton(button, i)
            self.strength_buttons[strength] = button
            ui.tie_layout.addWidget(button)
        self.direction_group = QButtonGroup(self)
        self.direction_buttons: dict[SupportDirection, QRadioButton] = {}
        for i, direction in enumerate(SupportDirection):
            button = QRadioButton(direction.label(self._person_name), ui.flow_box)
            self.direction_group.addButton(button, i)
            self.direction_buttons[direction] = button
            ui.flow_layout.addWidget(button)
        self.panel.add_field("name", self.name_edit)
        self.panel.add_field("email", self.email_edit)
        self.panel.add_field("last_in_touch", self.touch_date)
        # Tab follows the page: the choices added here sit before the notes, Save and Cancel last.
        chain = [self.touch_today, *self.support_checks.values(), *self.strength_buttons.values(),
                 *self.direction_buttons.values(), self.notes_edit, self.panel.save_button, self.panel.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

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
        sector = role.sector.label.lower()
        if role.clinical:
            hint = _("On the map with the {sector}; counted as care team (clinical).").format(sector=sector)
        else:
            hint = _("On the map with the {sector}; counted as nonclinical support.").format(sector=sector)
        self.role_hint.setText(hint)

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

    def make_job(self):
        """Check the name and each phone number here (the dialog says which is wrong), then
        save as a write; the service's own checks come back naming their field."""
        if not self.name_edit.text().strip():
            raise ValidationError(_("Please give this contact a name."), field="name")
        for row in self.phone_rows:
            problem = row.problem()
            if problem:
                self.panel.add_field("phones", row.number)  # the first number that is wrong
                raise ValidationError(problem, field="phones")
        draft, region, today, clock = self.draft(), self._region, self._today, self._clock

        def save(vault) -> Contact:
            built = contact_service.contact_from_draft(draft, region, today=today)
            return contact_service.save_contact(vault, built, clock=clock)

        return save
