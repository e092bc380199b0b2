"""The "Add a person" dialog: a name, added as a write through ``context.ops``; a successful
change says ``PEOPLE``. Loaded with the first use (the unlock screen's File menu does not need it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ..i18n import _
from ..domain.errors import ValidationError
from ..domain.model import Person
from .common.form import EditorDialog
from .common.ops import PEOPLE
from .common.trust_widgets import plain_label
from .people_actions import _people


class AddPersonDialog(EditorDialog):
    """Asks for a name and adds the person as a write; a problem (an empty or already-used name)
    shows inside the dialog, which stays open. ``result_value`` is the new :class:`Person`."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, _("Add a person"), changes={PEOPLE}, save_text=_("&Add"), parent=parent)
        self._clock = context.clock
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        label = QLabel(_("Their &name"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Name of the person"))
        label.setBuddy(self.name_edit)
        self.fields.addWidget(label)
        self.fields.addWidget(self.name_edit)
        self.fields.addWidget(plain_label(_("Everything you write for them stays in this vault, on this computer.")))
        self.panel.add_field("name", self.name_edit)
        self.add_button = self.panel.save_button
        self.problem_label = self.panel.problem_label
        self.add_button.setEnabled(False)
        self.name_edit.textChanged.connect(lambda t: self.add_button.setEnabled(bool(t.strip())))

    @property
    def person(self) -> Person | None:
        return self.result_value

    def make_job(self):
        name, clock = self.name_edit.text(), self._clock
        if not name.strip():
            raise ValidationError(_("Please type their name."), field="name")
        return lambda vault: _people().add_person(vault, name, clock=clock)
