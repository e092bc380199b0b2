"""Never lose a word: the entry editor's unsaved fields are kept in the vault every few seconds
(``services.drafts``), and offered back after a crash, a lock or a closed window.

* :class:`DraftKeeper` watches one :class:`~caregiver_app.gui.journal.entry_editor.EntryEditor` through
  its ``state()``: a timer compares the form with how it started and keeps (or drops) its draft.
  Writes are ops writes on the one serial lane; :meth:`DraftKeeper.keep_now` writes at once (the
  lock path, after every job has ended).
* :class:`RestoreDraftDialog` is the calm question asked after unlocking; "Restore" is the
  default, "Keep for later" the Escape answer; nothing is destroyed unless "Discard" is clicked.
* :class:`DraftBar` sits above the form while the chosen person has a kept draft.

The editor's own sections (medicines, the elevated / irritable rating) ride in the state's ``extra``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import timeutil
from ...domain.errors import CaregiverError
from ...domain.model import MoodLevel
from ...i18n import _, ngettext
from ...services import drafts
from ..context import AppContext
from ..common.errors import log_safely
from ..common.ops import DRAFTS, Op
from ..common.page import heading
from .journal_model import day_heading, first_line, time_text

AUTOSAVE_MS = 3000
_UNSAVED = object()  # a baseline nothing equals: everything in the form is unsaved


def describe_draft(saved: drafts.SavedDraft, zone_name: str) -> str:
    """One or two plain sentences about a kept draft: whose, for when, and how it starts."""
    state = saved.state
    change, name = state.entry_id is not None, saved.person_name
    if state.when is None:
        text = (_("You were writing a change to an entry about {name}, and it was not saved yet.") if change
                else _("You were writing an entry about {name}, and it was not saved yet.")).format(name=name)
    else:
        text = (_("You were writing a change to an entry about {name} for {day} at {time}, and it was not saved yet.")
                if change else
                _("You were writing an entry about {name} for {day} at {time}, and it was not saved yet.")).format(
            name=name, day=day_heading(state.when.date()), time=time_text(state.when))
    kept = timeutil.utc_to_local(saved.saved_at, timeutil.zone_or(zone_name, timeutil.zone("UTC")))
    text += " " + _("It was kept on {day} at {time}.").format(day=day_heading(kept.date()), time=time_text(kept))
    note = first_line(state.note, 100)
    if note:
        text += "\n\n" + _("It starts: “{note}”").format(note=note)
    elif state.mood is not None:
        text += "\n\n" + _("Mood: {mood}.").format(mood=MoodLevel(state.mood).label)
    return text


@dataclass(eq=False)
class _Pending:
    """A draft write asked of the lane whose ``on_done`` has not run yet."""

    state: drafts.DraftState | None
    op: Op | None = None


class DraftKeeper(QObject):
    """Keeps one editor's unsaved fields (:meth:`EntryEditor.state`) in the vault under one key
    at a time. Every write is an ops write (``DRAFTS``) on the one serial lane, so an older
    autosave never lands after a newer one or a delete; a newer state for the same key cancels
    the older write when it has not started yet (only the latest counts)."""

    def __init__(self, context: AppContext, editor, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._editor = editor
        self.key = drafts.new_draft_key()
        self._baseline: drafts.DraftState | object | None = None
        self._stored: drafts.DraftState | None = None
        self._pending: dict[str, _Pending] = {}
        self._landed: tuple[str, drafts.DraftState | None] | None = None  # (key, state) a save wrote
        self._in_flight: tuple[str, drafts.DraftState | None] | None = None  # (key, state) a save is writing
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # --- what the editor says -----------------------------------------------------------
    def rebase(self) -> None:
        """The form now holds nothing unsaved (just reset, or an entry just loaded)."""
        self._baseline = self._editor.state()

    def adopt(self, saved: drafts.SavedDraft) -> None:
        """The form was just filled from ``saved``: keep writing to its key; all of it counts as
        unsaved until the entry is saved or the draft discarded."""
        self.key = saved.key
        self._baseline = _UNSAVED
        self._stored = self._editor.state()

    def set_aside(self, then: Callable[[], None] | None = None) -> None:
        """Keep what the form holds as a draft, then let go of it (the form is about to be filled
        with something else). The draft is written on the lane, after every earlier write, without
        waiting; ``then()`` runs once it is kept (at once when there was nothing to keep)."""
        state = self._wanted(self._editor.state())
        if state is not None and state != self._stored and not self._saving_now(state):
            self._write(self.key, state, then)
        elif then is not None:
            then()
        self.forget()

    def discard(self) -> None:
        """The entry was saved or its changes thrown away: delete its draft, start a new key."""
        key = self.key
        had = self._stored is not None or key in self._pending
        self._new_key()
        if had:
            self._write(key, None)

    def all_unsaved(self) -> None:
        """Everything the form holds now counts as unsaved (its entry is gone from the journal)."""
        self._baseline = _UNSAVED

    def saving(self, key: str, state: drafts.DraftState | None) -> None:
        """A save of ``state`` (the form under ``key``) was just asked of the lane: until it lands
        or fails, the same words are not kept as a draft (they would be offered again once saved)."""
        self._in_flight = (key, state)

    def landed(self, key: str, state: drafts.DraftState | None) -> None:
        """A save just wrote ``state`` (the form under ``key``) as an entry and deleted its draft.
        Called from the write lane; :meth:`keep_now` then keeps nothing that equals it."""
        self._landed = (key, state)
        self._in_flight = None

    def save_failed(self, vault, key: str, state: drafts.DraftState | None, clock) -> None:
        """The save of ``state`` failed (on the write lane): keep its words as a draft there and
        then, because the form may already show another entry or person. Never raises."""
        self._in_flight = None
        if state is None:
            return
        try:
            drafts.save_draft(vault, key, state, clock=clock)
        except Exception as exc:
            if not isinstance(exc, CaregiverError):
                log_safely(exc)

    def _saving_now(self, state: drafts.DraftState | None) -> bool:
        flight = self._in_flight
        return state is not None and flight is not None and flight[1] == state

    def forget(self) -> None:
        """Let go of the draft without touching the vault (after :meth:`keep_now`)."""
        self._new_key()
        self._baseline = None

    def has_changes(self) -> bool:
        """True when the form holds words that are not saved as an entry."""
        return self._wanted(self._editor.state()) is not None

    def keep_now(self) -> bool:
        """Keep the form's draft at once, on this thread (the lock path: ``ops.shut`` has ended
        every job, so nothing else writes). Writes again what the lock cancelled before it landed.
        Returns True when a draft is kept. Never raises: a failure is logged by type only."""
        state = self._wanted(self._editor.state())
        vault = self._context.ops.vault_source()
        try:
            if vault is None or not vault.is_open:
                return False
            pending, self._pending = self._pending, {}
            clock = self._context.clock
            saved = self._landed[1] if self._landed is not None and self._landed[0] == self.key else None
            if saved is not None and state == saved:
                state = None  # its save landed, only its on_done was dropped by the lock
            for key, waiting in pending.items():
                if saved is None or waiting.state != saved or key != self.key:
                    _write_now(vault, key, waiting.state, clock)
            flight, self._in_flight = self._in_flight, None
            if flight is not None and flight[1] is not None and flight[0] != self.key:
                _write_now(vault, flight[0], flight[1], clock)  # a save the lock cancelled before it ran
            if state is not None and state != self._stored:
                drafts.save_draft(vault, self.key, state, clock=clock)
                self._stored = state
        except Exception as exc:  # a lock must go on even if the draft cannot be written
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            return False
        return state is not None

    # --- the timer ----------------------------------------------------------------------
    def tick(self) -> None:
        """Compare the form with its start and keep, update or drop the draft."""
        state = self._editor.state()
        if state is None:
            return
        wanted = self._wanted(state)
        if wanted == self._stored or self._saving_now(wanted):
            return
        self._stored = wanted
        self._write(self.key, wanted)

    # --- private ------------------------------------------------------------------------
    def _wanted(self, state: drafts.DraftState | None) -> drafts.DraftState | None:
        if state is None or self._baseline is None or state == self._baseline:
            return None
        if state.entry_id is None and not state.has_words:
            return None  # a new, empty form is not worth keeping
        return state

    def _new_key(self) -> None:
        self.key = drafts.new_draft_key()
        self._stored = None
        self._landed = None

    def _write(self, key: str, state: drafts.DraftState | None, then: Callable[[], None] | None = None) -> None:
        older = self._pending.pop(key, None)
        if older is not None and older.op is not None:
            older.op.cancel()  # not started yet: it never will; running: it lands before this one
        pending = self._pending[key] = _Pending(state)
        clock = self._context.clock

        def done(_result) -> None:
            if self._pending.get(key) is pending:
                del self._pending[key]
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:  # quietly: a failed autosave must not interrupt typing
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            if key == self.key:
                self._stored = None  # try again at the next tick

        pending.op = self._context.ops.write(self._editor, lambda vault: _write_now(vault, key, state, clock),
                                             changes={DRAFTS}, on_done=done, on_error=failed)


def _write_now(vault, key: str, state: drafts.DraftState | None, clock) -> None:
    if state is None:
        drafts.delete_drafts(vault, key)
    else:
        drafts.save_draft(vault, key, state, clock=clock)


class RestoreDraftDialog(QDialog):
    """Asks, calmly, what to do with a kept draft. ``exec()`` returns :data:`RESTORE`,
    :data:`LATER` or :data:`DISCARD`."""

    LATER, RESTORE, DISCARD = 0, 1, 2

    def __init__(self, saved: drafts.SavedDraft, zone_name: str, others: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved = saved
        self.setWindowTitle(_("Welcome back"))
        self.setAccessibleName(_("An unsaved entry was kept"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("An entry you were writing was kept for you"), self, level=2))
        self.text_label = QLabel(describe_draft(saved, zone_name), self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text_label)
        question = _("Would you like to keep writing it now?")
        if others:
            question += " " + ngettext("({count} more kept entry is waiting; you can open it later.)",
                                       "({count} more kept entries are waiting; you can open them later.)",
                                       others).format(count=others)
        ask = QLabel(question, self)
        ask.setWordWrap(True)
        layout.addWidget(ask)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(_("&Keep for later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.discard_button = buttons.addButton(_("&Discard it"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.restore_button.setDefault(True)
        self.restore_button.setAutoDefault(True)
        for button in (self.later_button, self.discard_button):
            button.setAutoDefault(False)
        self.restore_button.setToolTip(_("Put it back in the form to keep writing (Enter)"))
        self.later_button.setToolTip(_("Leave it kept; it waits above the form (Esc)"))
        self.discard_button.setToolTip(_("Throw these words away"))
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE))
        self.later_button.clicked.connect(lambda: self.done(self.LATER))
        self.discard_button.clicked.connect(lambda: self.done(self.DISCARD))
        layout.addWidget(buttons)
        self.restore_button.setFocus()

    def reject(self) -> None:  # Esc and the window's close button keep the draft
        self.done(self.LATER)


class DraftBar(QWidget):
    """A quiet line above the form: "You have an unsaved entry … [Restore] [Discard]"."""

    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(_("Unsaved entry kept"))
        self.restore_button = QPushButton(_("Restore it"), self)
        self.restore_button.setAccessibleName(_("Restore the unsaved entry"))
        self.discard_button = QPushButton(_("Discard"), self)
        self.discard_button.setAccessibleName(_("Discard the unsaved entry"))
        self.restore_button.clicked.connect(self.restore_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.discard_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_drafts(self, kept: list[drafts.SavedDraft]) -> None:
        if not kept:
            self.label.clear()
            self.hide()
            return
        newest = kept[0]
        more, when = len(kept) - 1, newest.state.when
        if when is None:
            text = (ngettext("An entry you were writing was not saved yet ({count} more after it).",
                             "An entry you were writing was not saved yet ({count} more after it).", more) if more
                    else _("An entry you were writing was not saved yet."))
        else:
            text = (ngettext("An entry you were writing for {day} at {time} was not saved yet ({count} more after it).",
                             "An entry you were writing for {day} at {time} was not saved yet ({count} more after it).",
                             more) if more
                    else _("An entry you were writing for {day} at {time} was not saved yet."))
        self.label.setText(text.format(count=more, day=day_heading(when.date()) if when else "",
                                       time=time_text(when) if when else ""))
        self.show()
