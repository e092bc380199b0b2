"""The editors inside "My plans": one box per plan section, one row per line.

A row is a text field (with a phone field where the section has one, and for early warning signs
a link to a journal symptom or tag). Empty rows are skipped when saving. Every field has an
accessible name that says which line it is ("Trigger 2", "Phone of person to ask 1").
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.model import Tag, TagKind
from ...i18n import _, N_
from ...domain.symptoms import symptom_label
from ...domain.plans import ITEM_MAX_CHARS, PHONE_MAX_CHARS, EarlySign, LinkKind, PlanItem

NOT_LINKED = N_("Not linked to the journal")


def _link_text(kind: LinkKind, name: str) -> str:
    # kind.label is already in the language in force; a starter symptom reads translated too.
    shown = symptom_label(name) if kind is LinkKind.SYMPTOM else name
    # TRANSLATORS: a journal link: "Symptom: Poor sleep", "Tag: Work".
    return _("{kind}: {name}").format(kind=kind.label, name=shown)


class ItemRow(QWidget):
    """One line of a plan: words, and a phone number when ``has_phone``."""

    remove_requested = Signal(object)
    changed = Signal()

    def __init__(self, word: str, has_phone: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._word = word
        self.text_edit = QLineEdit(self)
        self.text_edit.setMaxLength(ITEM_MAX_CHARS)
        self.text_edit.textEdited.connect(lambda _t: self.changed.emit())
        self.phone_edit: QLineEdit | None = None
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.lines = QVBoxLayout(self)
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.row = QHBoxLayout()
        self.lines.addLayout(self.row)
        self.row.addWidget(self.text_edit, 3)
        if has_phone:
            self.phone_edit = QLineEdit(self)
            self.phone_edit.setMaxLength(PHONE_MAX_CHARS)
            self.phone_edit.setPlaceholderText(_("Phone (optional)"))
            self.phone_edit.textEdited.connect(lambda _t: self.changed.emit())
            self.row.addWidget(self.phone_edit, 1)
        self._extra()
        self.row.addWidget(self.remove_button)
        self.set_number(1)

    def _extra(self) -> None:
        """Room for subclasses to add fields before the Remove button."""

    def set_number(self, number: int) -> None:
        """Name the fields after the line's place in the list (for screen readers)."""
        word = self._word[:1].upper() + self._word[1:]
        # TRANSLATORS: a plan line for screen readers: "Trigger 2".
        self.text_edit.setAccessibleName(_("{item} {number}").format(item=word, number=number))
        if self.phone_edit is not None:
            self.phone_edit.setAccessibleName(_("Phone of {item} {number}").format(item=self._word, number=number))
        self.remove_button.setAccessibleName(_("Remove {item} {number}").format(item=self._word, number=number))

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.text_edit]
        if self.phone_edit is not None:
            widgets.append(self.phone_edit)
        return widgets + [self.remove_button]

    def is_blank(self) -> bool:
        phone = self.phone_edit.text().strip() if self.phone_edit is not None else ""
        return not self.text_edit.text().strip() and not phone

    def value(self) -> PlanItem | None:
        """The line as a :class:`PlanItem`; None when blank. Raises :class:`ValidationError`."""
        if self.is_blank():
            return None
        phone = self.phone_edit.text() if self.phone_edit is not None else ""
        if not self.text_edit.text().strip():
            raise ValidationError(_("A phone number needs a name next to it (the {item} with {phone}).").format(
                item=self._word, phone=phone.strip()))
        return PlanItem(self.text_edit.text(), phone)

    def set_value(self, item: PlanItem) -> None:
        self.text_edit.setText(item.text)
        if self.phone_edit is not None:
            self.phone_edit.setText(item.phone)


class SignRow(ItemRow):
    """An early warning sign, with an optional link to a journal symptom or tag."""

    def __init__(self, word: str, parent: QWidget | None = None):
        self.link_combo: QComboBox
        self.severity_spin: QSpinBox
        super().__init__(word, False, parent)

    def _extra(self) -> None:
        self.link_combo = QComboBox(self)
        self.link_combo.addItem(_(NOT_LINKED), None)
        self.link_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_combo.setMinimumContentsLength(14)
        self.link_combo.currentIndexChanged.connect(self._on_link_changed)
        self.severity_spin = QSpinBox(self)
        self.severity_spin.setRange(1, 10)
        # TRANSLATORS: around a number 1-10: "at 7/10 or more". Keep the spaces.
        self.severity_spin.setPrefix(_("at "))
        self.severity_spin.setSuffix(_("/10 or more"))
        self.severity_spin.setToolTip(_("The sign counts when the symptom is rated this high or higher (0 to 10)"))
        self.severity_spin.valueChanged.connect(lambda _v: self.changed.emit())
        policy = self.severity_spin.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.severity_spin.setSizePolicy(policy)
        # The link and its level on a line of their own under the sign: beside it, at large
        # text, "Not linked to the journal" was cut off.
        links = QHBoxLayout()
        # As wide as a long symptom name needs (in the user's font), not the whole window.
        self.link_combo.setMaximumWidth(self.fontMetrics().averageCharWidth() * 50)
        links.addWidget(self.link_combo, 1)
        links.addWidget(self.severity_spin)
        links.addStretch(0)
        self.lines.addLayout(links)
        self._sync_severity()

    def set_number(self, number: int) -> None:
        super().set_number(number)
        self.link_combo.setAccessibleName(_("Journal link of early warning sign {number}").format(number=number))
        self.severity_spin.setAccessibleName(
            _("Severity that counts for early warning sign {number}, 1 to 10").format(number=number))

    def focus_widgets(self) -> list[QWidget]:
        return [self.text_edit, self.link_combo, self.severity_spin, self.remove_button]

    def set_choices(self, symptoms: list[str], tags: list[Tag]) -> None:
        """Offer these symptoms and tags as links, keeping the link chosen now."""
        current = self.link_combo.currentData()
        self.link_combo.blockSignals(True)
        self.link_combo.clear()
        self.link_combo.addItem(_(NOT_LINKED), None)
        options = [(LinkKind.SYMPTOM.value, name) for name in symptoms]
        options += [(LinkKind.ACTIVITY.value, t.name) for t in tags if t.kind is TagKind.ACTIVITY]
        options += [(LinkKind.STRESSOR.value, t.name) for t in tags if t.kind is TagKind.STRESSOR]
        if current is not None and tuple(current) not in [tuple(o) for o in options]:
            options.append(tuple(current))
        for kind, name in options:
            self.link_combo.addItem(_link_text(LinkKind(kind), name), (kind, name))
        self._select(current)
        self.link_combo.blockSignals(False)
        self._sync_severity()  # new choices are not an edit

    def _select(self, data) -> None:
        index = 0
        if data is not None:
            for i in range(self.link_combo.count()):
                found = self.link_combo.itemData(i)
                if found is not None and tuple(found) == tuple(data):
                    index = i
                    break
        self.link_combo.setCurrentIndex(index)

    def _on_link_changed(self) -> None:
        self._sync_severity()
        self.changed.emit()

    def _sync_severity(self) -> None:
        data = self.link_combo.currentData()
        symptom = data is not None and data[0] == LinkKind.SYMPTOM.value
        self.severity_spin.setEnabled(symptom)
        self.severity_spin.setVisible(symptom)  # its place is kept, so the rows stay lined up

    def is_blank(self) -> bool:
        return not self.text_edit.text().strip()

    def value(self) -> EarlySign | None:
        if self.is_blank():
            if self.link_combo.currentData() is not None:
                raise ValidationError(_("An early warning sign linked to the journal needs some words too."))
            return None
        data = self.link_combo.currentData()
        if data is None:
            return EarlySign(self.text_edit.text())
        kind, name = data
        return EarlySign(self.text_edit.text(), LinkKind(kind), name, self.severity_spin.value())

    def set_value(self, sign: EarlySign) -> None:  # type: ignore[override]
        self.text_edit.setText(sign.text)
        if sign.link_kind is None:
            self._select(None)
        else:
            data = (sign.link_kind.value, sign.link_name)
            if self.link_combo.findText(_link_text(sign.link_kind, sign.link_name)) < 0:
                self.link_combo.addItem(_link_text(sign.link_kind, sign.link_name), data)
            self._select(data)
            self.severity_spin.setValue(sign.min_severity)
        self._on_link_changed()


class SectionEditor(QGroupBox):
    """The rows of one plan section, with an "Add" button; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, title: str, prompt: str, word: str, *, has_phone: bool = False, signs: bool = False,
                 parent: QWidget | None = None):
        title, prompt, word = _(title), _(prompt), _(word)  # the domain's words, marked there
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self._word = word
        self._has_phone = has_phone
        self._signs = signs
        self._symptoms: list[str] = []
        self._tags: list[Tag] = []
        self._rows: list[ItemRow] = []
        layout = QVBoxLayout(self)
        self.prompt_label = QLabel(prompt, self)
        self.prompt_label.setWordWrap(True)
        layout.addWidget(self.prompt_label)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        # "Add a line" rather than "Add a trigger": an article chosen by the English word would
        # be wrong in other languages, and the section's heading is right above.
        self.add_button = QPushButton(_("Add a line"), self)
        self.add_button.setAccessibleName(_("Add a line to “{section}”").format(section=title))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        # Sections with phone numbers (people to ask for help, professionals) can take a person
        # from the support network instead of typing them again; shown once there are contacts.
        self._contacts: list[tuple[str, str, str]] = []  # (shown as, name, phone)
        self.pick_button = QPushButton(_("Pick from contacts…"), self)
        self.pick_button.setAccessibleName(_("Pick from your contacts for “{section}”").format(section=title))
        self.pick_button.clicked.connect(self.pick_contact)
        self.pick_button.hide()
        add_row.addWidget(self.pick_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)

    @property
    def rows(self) -> list[ItemRow]:
        return list(self._rows)

    def add_row(self, *, focus: bool = False) -> ItemRow:
        row = SignRow(self._word, self) if self._signs else ItemRow(self._word, self._has_phone, self)
        if isinstance(row, SignRow):
            row.set_choices(self._symptoms, self._tags)
        row.remove_requested.connect(self.remove_row)
        row.changed.connect(self.changed)
        self._rows.append(row)
        self.rows_layout.addWidget(row)
        row.show()
        self._renumber()
        if focus:
            row.text_edit.setFocus(Qt.FocusReason.TabFocusReason)
            self.changed.emit()
        return row

    def remove_row(self, row: ItemRow) -> None:
        if row not in self._rows:
            return
        index = self._rows.index(row)
        self._rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].text_edit.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
        self.changed.emit()

    def set_contacts(self, contacts: list[tuple[str, str, str]]) -> None:
        """People of the support network as ``(shown as, name, phone)``; only sections with phone
        numbers offer them."""
        self._contacts = list(contacts) if self._has_phone else []
        self.pick_button.setVisible(bool(self._contacts))

    def pick_contact(self) -> None:
        """Ask which contact, then put their name and first phone number in a row (the empty
        last row when there is one)."""
        shown = [c[0] for c in self._contacts]
        if not shown:
            return
        choice, ok = QInputDialog.getItem(self, _("Pick from contacts"), _("Which one? ({item})").format(item=self._word),
                                          shown, 0, False)
        if not ok or choice not in shown:
            return
        _label, name, phone = self._contacts[shown.index(choice)]
        row = self._rows[-1] if self._rows and self._rows[-1].is_blank() else self.add_row()
        row.set_value(PlanItem(name, phone))
        row.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def set_choices(self, symptoms: list[str], tags: list[Tag]) -> None:
        """The journal symptoms and tags early warning signs may link to."""
        self._symptoms, self._tags = list(symptoms), list(tags)
        for row in self._rows:
            if isinstance(row, SignRow):
                row.set_choices(self._symptoms, self._tags)

    def items(self, problems: list[str] | None = None) -> tuple:
        """The section's lines (blank rows skipped). Raises :class:`ValidationError`; with a
        ``problems`` list, a line with a problem is left out and its problem added there instead."""
        values = []
        for row in self._rows:
            try:
                value = row.value()
            except ValidationError as exc:
                if problems is not None:
                    problems.append(_("{section}: {problem}").format(section=self.title(), problem=exc))
                    continue
                raise ValidationError(_("{section}: {problem}").format(section=self.title(), problem=exc)) from None
            if value is not None:
                values.append(value)
        return tuple(values)

    def set_items(self, items) -> None:
        """Show ``items``, one row each, and one empty row to type into when there are none."""
        self.clear_rows()
        for item in items:
            self.add_row().set_value(item)
        if not items:
            self.add_row()

    def clear_rows(self) -> None:
        for row in list(self._rows):
            self.rows_layout.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self._rows.clear()

    def focus_widgets(self) -> list[QWidget]:
        return [w for row in self._rows for w in row.focus_widgets()] + [self.add_button, self.pick_button]

    def _renumber(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            row.set_number(number)
        chain = self.focus_widgets()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
