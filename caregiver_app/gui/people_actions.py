"""The people cared for: the "Add a person" dialog and the File menu actions to rename the chosen
person, remove them from the switcher (archived: nothing is deleted) and bring a removed person
back. Every read and write runs through ``context.ops``; a successful change says ``PEOPLE``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from ..i18n import _
from ..domain.errors import ValidationError
from ..domain.model import Person
from .common.building import menu_action
from .common.form import EditorDialog
from .common.ops import PEOPLE
from .common.page import confirm
from .common.trust_widgets import plain_label, tell



def _people():
    """The people service, imported with the first use (the database layer is not needed to
    show the File menu of the unlock screen)."""
    from ..services import people

    return people


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


class PeopleActions:
    """``actions``: Rename…, Remove…, Bring back…. ``reload(select_id)`` refreshes the switcher."""

    def __init__(self, context, window: QWidget, current: Callable[[], Person | None],
                 reload: Callable[[int | None], None]):
        self._context = context
        self._window = window
        self._current = current
        self._reload = reload
        self.rename_action = menu_action(_("Re&name this person…"), window, self.rename)
        self.remove_action = menu_action(_("Re&move this person…"), window, self.remove)
        self.restore_action = menu_action(_("Bring bac&k a removed person…"), window, self.restore)
        self.actions = [self.rename_action, self.remove_action, self.restore_action]

    def add(self) -> None:
        """Ask for a name and add that person; the switcher then shows them."""
        dialog = AddPersonDialog(self._context, self._window)
        try:
            if dialog.exec() and dialog.person is not None:
                self._reload(dialog.person.id)
        finally:
            dialog.deleteLater()

    def rename(self) -> None:
        person = self._current()
        if person is None:
            return
        name, ok = QInputDialog.getText(self._window, _("Rename this person"), _("Their &new name"),
                                        QLineEdit.EchoMode.Normal, person.display_name)
        if not ok or not name.strip() or name.strip() == person.display_name:
            return
        self._context.ops.write(self._window, lambda vault: _people().rename_person(vault, person.id, name),
                                changes={PEOPLE}, on_done=lambda _r: self._reload(person.id),
                                error_title=_("The name was not changed"))

    def remove(self) -> None:
        person = self._current()
        if person is None:
            return
        if not confirm(self._window, _("Take {name} off the list of people you care for?").format(name=person.display_name),
                       details=_("Nothing is deleted: their journal, plans and contacts stay in the vault, "
                               "and File ▸ Bring back a removed person… shows them again."),
                       yes=_("Remove from the list"), no=_("Keep them"), destructive=True, title=_("Remove this person?")):
            return
        self._context.ops.write(self._window, lambda vault: _people().archive_person(vault, person.id),
                                changes={PEOPLE}, on_done=lambda _r: self._reload(None),
                                error_title=_("The person was not removed"))

    def restore(self) -> None:
        self._context.ops.read(self._window, _people().archived_people, on_done=self._choose_who_comes_back,
                               key="archived-people")

    def _choose_who_comes_back(self, removed: list[Person]) -> None:
        if not removed:
            tell(self._window, _("No one to bring back"), _("No one has been removed from the list."))
            return
        names = [p.display_name for p in removed]
        name, ok = QInputDialog.getItem(self._window, _("Bring back a removed person"), _("&Who should come back?"),
                                        names, 0, False)
        if not ok or name not in names:
            return
        chosen = removed[names.index(name)]
        self._context.ops.write(self._window, lambda vault: _people().restore_person(vault, chosen.id),
                                changes={PEOPLE}, on_done=lambda _r: self._reload(chosen.id))
