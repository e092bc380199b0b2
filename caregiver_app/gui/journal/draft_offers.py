"""Offering kept drafts back: the calm question after unlocking (:meth:`DraftOffers.offer`) and the
line above the entry form while the chosen person has a kept draft (:meth:`DraftOffers.refresh`).

Restoring a draft about someone else first asks the window to choose that person
(``person_wanted``), then fills the form. A draft that changed an entry which is gone by now comes
back as a new entry, and the form says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.errors import CaregiverError, NotFoundError
from ...services import drafts, journal
from ..context import AppContext
from .draft_keeper import RestoreDraftDialog
from ..common.errors import show_error


def confirm_discard(parent: QWidget | None) -> bool:
    """Ask before throwing a kept draft away. "Keep it" is the default and the Esc answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Discard the unsaved entry?",
        "The words in this unsaved entry will be gone for good.",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton("Discard it", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAccessibleName("Discard the unsaved entry?")
    box.exec()
    return box.clickedButton() is discard


class DraftOffers(QObject):
    """Works for the journal page; ``editor`` is its :class:`EntryEditor`."""

    person_wanted = Signal(int)

    def __init__(self, context: AppContext, editor, parent: QWidget):
        super().__init__(parent)
        self._context = context
        self._editor = editor
        self._parent = parent
        self._generation = 0
        editor.draft_bar.restore_requested.connect(self._restore_from_bar)
        editor.draft_bar.discard_requested.connect(self._discard_from_bar)

    def clear(self) -> None:
        self._generation += 1
        self._editor.draft_bar.show_drafts([])

    def refresh(self) -> None:
        """Show (or hide) the line about the chosen person's kept drafts."""
        person = self._editor.person
        self._generation += 1
        if person is None or person.id is None:
            self._editor.draft_bar.show_drafts([])
            return
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        generation, person_id = self._generation, person.id

        def done(kept: list[drafts.SavedDraft]) -> None:
            if generation == self._generation:
                self._editor.draft_bar.show_drafts([d for d in kept if d.key != self._editor.drafts.key])

        self._context.runner.run(lambda: drafts.list_drafts(vault, person_id), on_done=done,
                                 on_error=lambda _exc: None)

    def offer(self) -> None:
        """After unlocking: if drafts were kept, ask about the newest one."""
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        generation = self._generation

        def done(kept: list[drafts.SavedDraft]) -> None:
            if generation != self._generation or not kept:
                self.refresh()
                return
            dialog = RestoreDraftDialog(kept[0], self._context.zone_name, len(kept) - 1, self._parent)
            try:
                answer = dialog.exec()
            finally:
                dialog.deleteLater()
            if answer == RestoreDraftDialog.RESTORE:
                self.restore(kept[0])
            elif answer == RestoreDraftDialog.DISCARD:
                self._discard(kept[0])
            else:
                self.refresh()

        self._context.runner.run(lambda: drafts.list_drafts(vault), on_done=done, parent=self._parent,
                                 error_title="Kept drafts could not be read")

    def restore(self, saved: drafts.SavedDraft) -> None:
        """Fill the form with ``saved`` (choosing its person first)."""
        person = self._editor.person
        if person is None or person.id != saved.state.person_id:
            self.person_wanted.emit(saved.state.person_id)
            person = self._editor.person
            if person is None or person.id != saved.state.person_id:
                return  # that person is gone (the draft went with them)
        try:
            vault = self._context.require_vault()
        except CaregiverError as exc:
            show_error(self._parent, exc, "The draft was not restored")
            return
        entry_id = saved.state.entry_id

        def job():
            if entry_id is None:
                return None
            try:
                return journal.get_entry(vault, entry_id)
            except NotFoundError:
                return False

        def done(editing) -> None:
            self._editor.restore_draft(saved, editing or None)
            if editing is False:
                self._editor.status_label.setText(
                    "The entry these changes were for is no longer in the journal, so they will be saved as a new entry."
                )
                self._editor.status_label.show()
            self._editor.when_edit.setFocus()
            self.refresh()

        self._context.runner.run(job, on_done=done, parent=self._parent, error_title="The draft was not restored")

    def _kept_for_person(self, then) -> None:
        person = self._editor.person
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        if person is None or person.id is None:
            return
        person_id, key = person.id, self._editor.drafts.key
        self._context.runner.run(
            lambda: [d for d in drafts.list_drafts(vault, person_id) if d.key != key],
            on_done=lambda kept: kept and then(kept[0]),
            parent=self._parent,
        )

    def _restore_from_bar(self) -> None:
        self._kept_for_person(self.restore)

    def _discard_from_bar(self) -> None:
        self._kept_for_person(lambda saved: confirm_discard(self._parent) and self._discard(saved))

    def _discard(self, saved: drafts.SavedDraft) -> None:
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            return
        self._context.runner.run(lambda: drafts.delete_drafts(vault, saved.key), on_done=lambda _n: self.refresh(),
                                 parent=self._parent, error_title="The draft was not discarded")
