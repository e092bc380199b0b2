"""The people cared for: the File menu actions to add a person (the dialog is in
:mod:`.add_person_dialog`), rename the chosen person, remove them from the switcher (archived:
nothing is deleted) and bring a removed person back. Every read and write runs through
``context.ops``; a successful change says ``PEOPLE``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..i18n import _
from .common.building import menu_action
from .common.ops import PEOPLE
from .common.page import confirm
from .common.trust_widgets import tell

if TYPE_CHECKING:  # the dialog's form and the domain's model load with the first "Add a person"
    from ..domain.model import Person



def _people():
    """The people service, imported with the first use (the database layer is not needed to
    show the File menu of the unlock screen)."""
    from ..services import people

    return people


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
        from .add_person_dialog import AddPersonDialog

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
