"""Offering kept drafts back: the calm question after unlocking (:meth:`DraftOffers.offer`) and the
line above the entry form while the chosen person has a kept draft (:meth:`DraftOffers.refresh`).

Restoring a draft about someone else first asks the window to choose that person
(``person_wanted``), then fills the form. A draft that changed an entry which is gone by now comes
back as a new entry, and the form says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.errors import NotFoundError
from ...i18n import _
from ...services import drafts, journal
from ..common.ops import DRAFTS, Op
from ..common.page import confirm
from ..context import AppContext
from .draft_keeper import RestoreDraftDialog


def confirm_discard(parent: QWidget | None) -> bool:
    """Ask before throwing a kept draft away. "Keep it" is the default and the Esc answer."""
    return confirm(parent, _("Discard this unsaved entry? Its words will be gone for good."), yes=_("Discard it"),
                   no=_("Keep it"), destructive=True, title=_("Discard the unsaved entry?"))


class DraftOffers(QObject):
    """Works for the journal page; ``editor`` is its :class:`EntryEditor`. Reads and deletes
    run as ops (the page is their parent)."""

    person_wanted = Signal(int)

    def __init__(self, context: AppContext, editor, parent: QWidget):
        super().__init__(parent)
        self._context = context
        self._editor = editor
        self._parent = parent
        self._bar_op: Op | None = None
        self._waiting: drafts.SavedDraft | None = None  # to restore once its person is shown
        editor.draft_bar.restore_requested.connect(self._restore_from_bar)
        editor.draft_bar.discard_requested.connect(self._discard_from_bar)

    def clear(self) -> None:
        self._waiting = None
        if self._bar_op is not None:
            self._bar_op.cancel()
        self._editor.draft_bar.show_drafts([])

    def refresh(self) -> None:
        """Show (or hide) the line about the chosen person's kept drafts."""
        person = self._editor.person
        if person is None or person.id is None:
            self.clear()
            return
        person_id = person.id

        def done(kept: list[drafts.SavedDraft]) -> None:
            self._editor.draft_bar.show_drafts([d for d in kept if d.key != self._editor.drafts.key])

        self._bar_op = self._context.ops.read(self._parent, lambda vault: drafts.list_drafts(vault, person_id),
                                              on_done=done, on_error=lambda _exc: None, key=f"draft-bar-{id(self)}")

    def offer(self) -> None:
        """After unlocking: if drafts were kept, ask about the newest one."""

        def done(kept: list[drafts.SavedDraft]) -> None:
            if not kept:
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

        self._context.ops.read(self._parent, drafts.list_drafts, on_done=done, key=f"draft-offer-{id(self)}",
                               error_title=_("Kept drafts could not be read"))

    def restore(self, saved: drafts.SavedDraft) -> None:
        """Fill the form with ``saved`` (choosing its person first)."""
        person = self._editor.person
        if person is None or person.id != saved.state.person_id:
            self._waiting = saved
            self.person_wanted.emit(saved.state.person_id)
            return  # person_shown() goes on once the window shows that person (if they still exist)
        self._waiting = None
        entry_id = saved.state.entry_id

        def job(vault):
            if entry_id is None:
                return None
            try:
                return journal.get_entry(vault, entry_id)
            except NotFoundError:
                return False

        def done(editing) -> None:
            self._editor.restore_draft(saved, editing or None)
            if editing is False:
                self._editor.panel.show_status(
                    _("The entry these changes were for is no longer in the journal, so they will be saved as a new "
                      "entry.")
                )
            self._editor.when_edit.setFocus()
            self.refresh()

        self._context.ops.read(self._parent, job, on_done=done, key=f"draft-restore-{id(self)}",
                               error_title=_("The draft was not restored"))

    def person_shown(self) -> None:
        """The editor writes about another person now: go on restoring a draft kept for them."""
        saved, self._waiting = self._waiting, None
        person = self._editor.person
        if saved is not None and person is not None and person.id == saved.state.person_id:
            self.restore(saved)

    def _kept_for_person(self, then) -> None:
        person = self._editor.person
        if person is None or person.id is None:
            return
        person_id, key = person.id, self._editor.drafts.key
        self._context.ops.read(self._parent, lambda vault: [d for d in drafts.list_drafts(vault, person_id) if d.key != key],
                               on_done=lambda kept: kept and then(kept[0]), key=f"draft-pick-{id(self)}")

    def _restore_from_bar(self) -> None:
        self._kept_for_person(self.restore)

    def _discard_from_bar(self) -> None:
        self._kept_for_person(lambda saved: confirm_discard(self._parent) and self._discard(saved))

    def _discard(self, saved: drafts.SavedDraft) -> None:
        self._context.ops.write(self._parent, lambda vault: drafts.delete_drafts(vault, saved.key), changes={DRAFTS},
                                person_id=saved.state.person_id, on_done=lambda _n: self.refresh(),
                                error_title=_("The draft was not discarded"))
