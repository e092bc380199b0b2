"""Undo and redo for the journal: adding, changing and deleting entries (Edit ▸ Undo, Ctrl+Z;
Edit ▸ Redo, Ctrl+Shift+Z), kept until the window closes or the app locks.

The history is a ``QUndoStack`` of :class:`EntryChange` commands. A command only records what
changed; :class:`JournalHistory` asks the vault to make the change (an ops write) and moves
the stack only once the vault agreed, so the history and the journal never disagree. An entry put
back after a delete keeps its id when it can; otherwise the history maps the old id to the new
one, so older commands still find it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ...domain.model import JournalEntry
from ...i18n import N_, _
from ...services import journal
from ..context import AppContext
from ..common.errors import show_error
from ..common.ops import JOURNAL
from .journal_model import day_heading

ADDED, CHANGED, DELETED = "added", "changed", "deleted"
# What Edit ▸ Undo and Redo name ("Undo new entry from …"), marked here, translated when made.
_WHAT = {ADDED: N_("new entry from {day}"), CHANGED: N_("change to the entry from {day}"),
         DELETED: N_("deleted entry from {day}")}


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    return list({k.toString(): k for k in keys if not k.isEmpty()}.values())


class EntryChange(QUndoCommand):
    """One change: ``before`` and ``after`` are the entry's versions (None where it did not
    exist). Its undo()/redo() do nothing themselves (see the module docstring)."""

    def __init__(self, kind: str, before: JournalEntry | None, after: JournalEntry | None,
                 doses: tuple = ()):
        entry = after if after is not None else before
        super().__init__(_(_WHAT[kind]).format(day=day_heading(entry.local_date)))
        self.kind = kind
        self.before = before
        self.after = after
        self.doses = doses  # doses recorded in an added or deleted entry, put back with it
        self.import_batch_id: int | None = None  # the import a deleted entry came from: it goes back into it

    def undo(self) -> None:  # the vault was already changed by JournalHistory
        pass

    def redo(self) -> None:
        pass


class JournalHistory(QObject):
    """The journal's undo history. ``changed(entry, message)`` says what was just undone or
    redone (``entry`` is the entry to show, None when it was removed)."""

    changed = Signal(object, str)
    removed = Signal(int)
    """An undo or redo just took entry ``id`` out of the journal (sent after ``changed``)."""

    def __init__(self, context: AppContext, parent: QWidget):
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._busy = False
        self._enabled = True
        self._ids: dict[int, int] = {}
        self.stack = QUndoStack(self)
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setShortcuts(_unique([QKeySequence("Ctrl+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)]))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(_("&Redo"), self)
        self.redo_action.setShortcuts(
            _unique([QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                     QKeySequence("Ctrl+Y")])
        )
        self.redo_action.triggered.connect(self.redo)
        self.stack.indexChanged.connect(self._on_index_changed)
        self._update_actions()

    # --- recording ----------------------------------------------------------------------
    def record_added(self, entry: JournalEntry) -> None:
        self._push(EntryChange(ADDED, None, entry))

    def record_changed(self, before: JournalEntry, after: JournalEntry) -> None:
        self._push(EntryChange(CHANGED, before, after))

    def record_deleted(self, removed: journal.Removed) -> None:
        command = EntryChange(DELETED, removed.entry, None, removed.doses)
        command.import_batch_id = removed.import_batch_id
        self._push(command)

    def _push(self, command: EntryChange) -> None:
        self.stack.push(command)  # push() calls redo(), which does nothing: the change is done
        self._update_actions()

    # --- undo and redo ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def can_undo(self) -> bool:
        return self._enabled and not self._busy and self.stack.canUndo()

    def can_redo(self) -> bool:
        return self._enabled and not self._busy and self.stack.canRedo()

    def top(self) -> EntryChange | None:
        """The change Undo would take back, or None."""
        index = self.stack.index()
        return self.stack.command(index - 1) if index > 0 else None

    def undo(self) -> None:
        """Take back the latest change (in the vault first, then in the history)."""
        command = self.top()
        if command is None or not self.can_undo():
            return
        self._apply(command, undo=True)

    def redo(self) -> None:
        """Do again the change taken back last."""
        index = self.stack.index()
        if not self.can_redo():
            return
        self._apply(self.stack.command(index), undo=False)

    def set_enabled(self, enabled: bool) -> None:
        """Off while there is no vault to change (locked)."""
        self._enabled = enabled
        self._update_actions()

    def clear(self) -> None:
        """Forget the whole history (the vault locked or the window closes)."""
        self.stack.clear()
        self._ids.clear()
        self._busy = False
        self._update_actions()

    # --- private ------------------------------------------------------------------------
    def _current(self, entry: JournalEntry) -> JournalEntry:
        entry_id = entry.id
        seen = set()
        while entry_id in self._ids and entry_id not in seen:
            seen.add(entry_id)
            entry_id = self._ids[entry_id]
        return replace(entry, id=entry_id)

    def _apply(self, command: EntryChange, *, undo: bool) -> None:
        clock = self._context.clock
        removing = (command.kind == ADDED and undo) or (command.kind == DELETED and not undo)
        restoring = (command.kind == DELETED and undo) or (command.kind == ADDED and not undo)
        if removing:
            target = self._current(command.after if command.kind == ADDED else command.before)

            def job(vault):
                return journal.take_out(vault, target.id)
        elif restoring:
            target = self._current(command.before if command.kind == DELETED else command.after)
            removed = journal.Removed(target, command.doses, command.import_batch_id)

            def job(vault):
                return journal.put_back(vault, removed, clock=clock)
        else:
            target = self._current(command.before if undo else command.after)

            def job(vault):
                return journal.set_to(vault, target, clock=clock)

        def done(result) -> None:
            self._busy = False
            if removing:
                command.doses = result.doses  # as they were, for putting back on redo
                command.import_batch_id = result.import_batch_id
                result = result.entry
            if restoring and result.id != target.id and target.id is not None:
                self._ids[target.id] = result.id
            # The vault agreed: now move the history (the commands' own undo/redo do nothing).
            (self.stack.undo if undo else self.stack.redo)()
            self._update_actions()
            when = day_heading(result.local_date)
            if removing:
                message = _("Took back the new entry from {day}.") if undo else _("Deleted the entry from {day} again.")
                self.changed.emit(None, message.format(day=when))
                self.removed.emit(result.id)
            elif restoring:
                self.changed.emit(result, _("Put back the entry from {day}.").format(day=when))
            else:
                message = (_("Took back the change to the entry from {day}.") if undo
                           else _("Made again the change to the entry from {day}."))
                self.changed.emit(result, message.format(day=when))

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_actions()
            show_error(self._parent, exc, _("That could not be undone") if undo else _("That could not be redone"))

        self._busy = True
        self._update_actions()
        self._context.ops.write(self._parent, job, changes={JOURNAL}, person_id=target.person_id, on_done=done,
                                on_error=failed)

    def _on_index_changed(self, _index: int) -> None:
        try:
            self._update_actions()
        except RuntimeError:  # the stack says goodbye while the window is being destroyed
            pass

    def _update_actions(self) -> None:
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setText(_("&Undo {change}").format(change=undo_text) if undo_text else _("&Undo"))
        self.redo_action.setText(_("&Redo {change}").format(change=redo_text) if redo_text else _("&Redo"))
        self.undo_action.setEnabled(self.can_undo())
        self.redo_action.setEnabled(self.can_redo())
