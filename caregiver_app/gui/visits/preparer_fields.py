"""The "Prepared by" rows of the Visit summary page: the preparer's name, relationship and phone
number. They are kept inside the encrypted vault (personal data, never the settings file), come
back after a lock, and the phone number is checked and written the way the chosen country writes it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import ValidationError
from ...i18n import _
from ...services import people
from ..common.ops import SUMMARY
from ..context import AppContext
from ..network.contact_editor import phone_region


class PreparerFields(QObject):
    """Three line edits added to a form: "Prepared by", "Relationship" and "Phone". Gives the
    values to print (:meth:`preparer`), fills them from the vault (:meth:`load`) and keeps them
    there (:meth:`remember`)."""

    def __init__(self, context: AppContext, form: QFormLayout, parent: QWidget):
        super().__init__(parent)
        self._context = context
        width = parent.fontMetrics().averageCharWidth()
        self.name_edit = self._edit(parent, _("Prepared by"), _("Your name, for example Maria Rivera"), 120, width * 20)
        self.relationship_edit = self._edit(parent, _("Your relationship to them"), _("For example: wife, son, friend"),
                                            people.RELATIONSHIP_MAX, width * 16)
        self.phone_edit = self._edit(parent, _("Your phone number"), _("So the care team can call you"), 40, width * 16)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone_edit.editingFinished.connect(self._check_phone)
        self.phone_message = QLabel(parent)
        self.phone_message.setWordWrap(True)
        self.phone_message.setTextFormat(Qt.TextFormat.PlainText)
        self.phone_message.setAccessibleName(_("Phone number problem"))
        self.phone_message.hide()
        form.addRow(_("Prepared &by"), self.name_edit)
        form.addRow(_("Rela&tionship"), self.relationship_edit)
        form.addRow(_("Pho&ne"), self.phone_edit)
        form.addRow("", self.phone_message)
        for row_edit in (self.name_edit, self.relationship_edit, self.phone_edit):
            row_edit.setToolTip(_("Printed on page 1 of the summary. Kept only in your locked journal."))

    @staticmethod
    def _edit(parent: QWidget, name: str, hint: str, length: int, width: int) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(hint)
        edit.setMaxLength(length)
        edit.setMinimumWidth(width)
        return edit

    # --- values ---------------------------------------------------------------------------
    def preparer(self) -> people.Preparer:
        """What to print: the phone written for reading, or left out ('') while it is not a real
        number (the message under the field says so)."""
        phone, _problem = self._phone()
        return people.Preparer(" ".join(self.name_edit.text().split()),
                               " ".join(self.relationship_edit.text().split()), phone)

    def _phone(self) -> tuple[str, str]:
        try:
            return people.preparer_phone_text(self.phone_edit.text(), phone_region(self._context)), ""
        except ValidationError as exc:
            return "", str(exc)

    def _check_phone(self) -> None:
        phone, problem = self._phone()
        if problem:
            self.phone_message.setText(_("{problem} Until then, the summary leaves the phone number out.").format(
                problem=problem))
            self.phone_message.show()
            return
        self.phone_message.hide()
        if phone and phone != self.phone_edit.text():
            self.phone_edit.setText(phone)  # written the country's way, as it will print

    # --- vault ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Empty the fields (the vault locked)."""
        for edit in (self.name_edit, self.relationship_edit, self.phone_edit):
            edit.setText("")  # clear() would mark it as typed in, and the saved value would not come back
        self.phone_message.hide()

    def load(self) -> None:
        """Fill the fields the user has not typed in with what the vault keeps (a read)."""

        def done(kept: people.Preparer) -> None:
            for edit, value in ((self.name_edit, kept.name), (self.relationship_edit, kept.relationship),
                                (self.phone_edit, kept.phone)):
                if not edit.isModified():
                    edit.setText(value)

        self._context.ops.read(self.parent(), people.preparer, on_done=done, key=f"preparer-{id(self)}")

    def remember(self, parent: QWidget) -> None:
        """Keep the current values in the vault (a write). A phone that is not a real number
        keeps the one kept before."""
        shown = self.preparer()
        keep_old_phone = bool(self.phone_edit.text().strip()) and not shown.phone
        region = phone_region(self._context)

        def job(vault) -> None:
            phone = people.preparer(vault).phone if keep_old_phone else shown.phone
            people.set_preparer(vault, shown.name, shown.relationship, phone, region)

        self._context.ops.write(parent, job, changes={SUMMARY}, error_title=_("Your name for the summary was not kept"))
