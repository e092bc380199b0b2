"""File menu actions for the people cared for: rename the chosen person, remove them from the
switcher (archived: nothing is deleted) and bring a removed person back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..domain.errors import CaregiverError
from ..domain.model import Person
from ..services import people
from .common.errors import show_error
from .common.trust_widgets import confirm, tell


class PeopleActions:
    """``actions``: Rename…, Remove…, Bring back…. ``reload(select_id)`` refreshes the switcher."""

    def __init__(self, context, window: QWidget, current: Callable[[], Person | None],
                 reload: Callable[[int | None], None]):
        self._context = context
        self._window = window
        self._current = current
        self._reload = reload
        self.rename_action = QAction("Re&name this person…", window)
        self.rename_action.triggered.connect(self.rename)
        self.remove_action = QAction("Re&move this person…", window)
        self.remove_action.triggered.connect(self.remove)
        self.restore_action = QAction("Bring bac&k a removed person…", window)
        self.restore_action.triggered.connect(self.restore)
        self.actions = [self.rename_action, self.remove_action, self.restore_action]

    def _vault(self):
        vault = self._context.vault
        return vault if vault is not None and vault.is_open else None

    def rename(self) -> None:
        person, vault = self._current(), self._vault()
        if person is None or vault is None:
            return
        name, ok = QInputDialog.getText(self._window, "Rename this person", "Their &new name",
                                        QLineEdit.EchoMode.Normal, person.display_name)
        if not ok or not name.strip() or name.strip() == person.display_name:
            return
        try:
            people.rename_person(vault, person.id, name)
        except CaregiverError as exc:
            show_error(self._window, exc, "The name was not changed")
            return
        self._reload(person.id)

    def remove(self) -> None:
        person, vault = self._current(), self._vault()
        if person is None or vault is None:
            return
        if not confirm(self._window, "Remove this person?",
                       f"Take {person.display_name} off the list of people you care for?",
                       details="Nothing is deleted: their journal, plans and contacts stay in the vault, "
                               "and File ▸ Bring back a removed person… shows them again.",
                       do_it="Remove from the list", keep="Keep them"):
            return
        try:
            people.archive_person(vault, person.id)
        except CaregiverError as exc:
            show_error(self._window, exc, "The person was not removed")
            return
        self._reload(None)

    def restore(self) -> None:
        vault = self._vault()
        if vault is None:
            return
        try:
            removed = people.archived_people(vault)
        except CaregiverError as exc:
            show_error(self._window, exc)
            return
        if not removed:
            tell(self._window, "No one to bring back", "No one has been removed from the list.")
            return
        names = [p.display_name for p in removed]
        name, ok = QInputDialog.getItem(self._window, "Bring back a removed person", "&Who should come back?",
                                        names, 0, False)
        if not ok or name not in names:
            return
        chosen = removed[names.index(name)]
        try:
            people.restore_person(vault, chosen.id)
        except CaregiverError as exc:
            show_error(self._window, exc)
            return
        self._reload(chosen.id)
