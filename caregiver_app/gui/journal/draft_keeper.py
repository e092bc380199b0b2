"""Never lose a word: the entry editor's unsaved fields are kept in the vault every few seconds
(``services.drafts``), and offered back after a crash, a lock or a closed window.

* :class:`DraftKeeper` watches one :class:`~caregiver_app.gui.journal.entry_editor.EntryEditor`: a timer
  compares the form with how it started and keeps (or drops) its draft. Writes go one at a time
  through the task runner; :meth:`DraftKeeper.keep_now` writes at once (the lock path).
* :class:`RestoreDraftDialog` is the calm question asked after unlocking; "Restore" is the
  default, "Keep for later" the Escape answer; nothing is destroyed unless "Discard" is clicked.
* :class:`DraftBar` sits above the form while the chosen person has a kept draft.

Other editor sections can join the draft by giving the editor ``extra_draft_fields() -> dict``
and ``apply_extra_draft_fields(dict)`` (JSON-compatible values).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import timeutil
from ...domain.errors import CaregiverError
from ...domain.model import MoodLevel
from ...services import drafts
from ..context import AppContext
from ..common.errors import log_safely
from .journal_model import day_heading, first_line, time_text

AUTOSAVE_MS = 3000
_UNSAVED = object()  # a baseline nothing equals: everything in the form is unsaved


def read_state(editor) -> drafts.DraftState | None:
    """The editor's fields as a :class:`~caregiver_app.services.drafts.DraftState` (None when
    no person is chosen)."""
    person = editor.person
    if person is None or person.id is None:
        return None
    editing = editor.editing_entry
    extra = editor.extra_draft_fields() if hasattr(editor, "extra_draft_fields") else {}
    mood = editor.mood_group.checkedId()
    quality = editor.sleep_quality.currentData()
    return drafts.DraftState(
        person_id=person.id,
        entry_id=editing.id if editing is not None else None,
        when=editor._when(),
        zone_name=editor.entry_zone_name,
        recorder_kind="family" if editor.family_radio.isChecked() else "person",
        recorder_name=editor.family_name.text(),
        mood=mood if mood > 0 else None,
        anxiety=editor.anxiety.value() if editor.anxiety.value() >= 0 else None,
        energy=editor.energy.value() if editor.energy.value() >= 0 else None,
        sleep_hours=editor.sleep_hours.value() if editor.sleep_hours.value() >= 0 else None,
        sleep_quality=int(quality) if quality is not None else None,
        symptoms=tuple(
            (row.symptom_name(), row.severity.value() if row.severity.value() >= 0 else None)
            for row in editor.symptom_rows
        ),
        activities=editor.activities.text(),
        stressors=editor.stressors.text(),
        note=editor.note.toPlainText(),
        flag_for_visit=editor.flag.isChecked(),
        extra=dict(extra or {}),
    )


def apply_state(editor, state: drafts.DraftState) -> None:
    """Fill the editor's fields from ``state`` (the editor was reset first)."""
    if state.when is not None:
        editor._set_when(state.when)
    if state.recorder_kind == "family":
        editor.family_radio.setChecked(True)
        editor.family_name.setText(state.recorder_name)
    else:
        editor.person_radio.setChecked(True)
    button = editor.mood_buttons.get(state.mood) if state.mood is not None else None
    (button or editor.mood_none).setChecked(True)
    editor.anxiety.setValue(-1 if state.anxiety is None else state.anxiety)
    editor.energy.setValue(-1 if state.energy is None else state.energy)
    editor.sleep_hours.setValue(-0.25 if state.sleep_hours is None else state.sleep_hours)
    index = editor.sleep_quality.findData(state.sleep_quality)
    editor.sleep_quality.setCurrentIndex(max(index, 0))
    for name, severity in state.symptoms:
        editor.add_symptom_row().set_value(name, severity)
    editor.activities.setText(state.activities)
    editor.stressors.setText(state.stressors)
    editor.note.setPlainText(state.note)
    editor.flag.setChecked(state.flag_for_visit)
    if state.extra and hasattr(editor, "apply_extra_draft_fields"):
        editor.apply_extra_draft_fields(state.extra)


def describe_draft(saved: drafts.SavedDraft, zone_name: str) -> str:
    """One or two plain sentences about a kept draft: whose, for when, and how it starts."""
    state = saved.state
    kind = "a change to an entry" if state.entry_id is not None else "an entry"
    when = ""
    if state.when is not None:
        when = f" for {day_heading(state.when.date())} at {time_text(state.when)}"
    kept = timeutil.utc_to_local(saved.saved_at, timeutil.zone_or(zone_name, timeutil.zone("UTC")))
    text = f"You were writing {kind} about {saved.person_name}{when}, and it was not saved yet. "
    text += f"It was kept on {day_heading(kept.date())} at {time_text(kept)}."
    note = first_line(state.note, 100)
    if note:
        text += f"\n\nIt starts: “{note}”"
    elif state.mood is not None:
        text += f"\n\nMood: {MoodLevel(state.mood).label}."
    return text


class DraftKeeper(QObject):
    """Keeps one editor's unsaved fields in the vault under one key at a time. Writes run one
    after another (a queue), so an older autosave never lands after a newer one or a delete."""

    def __init__(self, context: AppContext, editor, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._editor = editor
        self.key = drafts.new_draft_key()
        self._baseline: drafts.DraftState | object | None = None
        self._stored: drafts.DraftState | None = None
        self._queue: list[tuple[str, drafts.DraftState | None]] = []
        self._busy = False
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # --- what the editor says -----------------------------------------------------------
    def rebase(self) -> None:
        """The form now holds nothing unsaved (just reset, or an entry just loaded)."""
        self._baseline = read_state(self._editor)

    def adopt(self, saved: drafts.SavedDraft) -> None:
        """The form was just filled from ``saved``: keep writing to its key; all of it counts as
        unsaved until the entry is saved or the draft discarded."""
        self.key = saved.key
        self._baseline = _UNSAVED
        self._stored = read_state(self._editor)

    def set_aside(self) -> None:
        """Keep what the form holds as a draft now, then let go of it (the form is about to be
        filled with something else)."""
        self.keep_now()
        self.forget()

    def discard(self) -> None:
        """The entry was saved or its changes thrown away: delete its draft, start a new key."""
        key = self.key
        had = self._stored is not None or any(k == key for k, _ in self._queue) or self._busy
        self._new_key()
        if had:
            self._enqueue(key, None)

    def forget(self) -> None:
        """Let go of the draft without touching the vault (after :meth:`keep_now`)."""
        self._new_key()
        self._baseline = None

    def has_changes(self) -> bool:
        """True when the form holds words that are not saved as an entry."""
        return self._wanted(read_state(self._editor)) is not None

    def keep_now(self) -> bool:
        """Finish every queued write and keep the form's draft at once, on this thread (before a
        lock clears the form). Returns True when a draft is kept. Never raises: a failure is
        logged by type only."""
        state = self._wanted(read_state(self._editor))
        try:
            vault = self._context.require_vault()
            if self._busy:
                self._context.runner.wait_for_all()
            self._generation += 1  # answers of writes started before now are ignored
            self._busy = False
            queue, self._queue = self._queue, []
            for key, queued in queue:
                _write_now(vault, key, queued, self._context.clock)
            if state is not None and state != self._stored:
                drafts.save_draft(vault, self.key, state, clock=self._context.clock)
                self._stored = state
        except Exception as exc:  # a lock must go on even if the draft cannot be written
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            return False
        return state is not None

    # --- the timer ----------------------------------------------------------------------
    def tick(self) -> None:
        """Compare the form with its start and keep, update or drop the draft."""
        state = read_state(self._editor)
        if state is None:
            return
        wanted = self._wanted(state)
        if wanted == self._stored:
            return
        self._stored = wanted
        self._enqueue(self.key, wanted)

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

    def _enqueue(self, key: str, state: drafts.DraftState | None) -> None:
        self._queue = [item for item in self._queue if item[0] != key]  # only the latest counts
        self._queue.append((key, state))
        self._pump()

    def _pump(self) -> None:
        if self._busy or not self._queue:
            return
        try:
            vault = self._context.require_vault()
        except CaregiverError:
            self._queue.clear()
            return
        key, state = self._queue.pop(0)
        clock, generation = self._context.clock, self._generation
        self._busy = True

        def finished(_result=None) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._pump()

        def failed(exc: BaseException) -> None:  # quietly: a failed autosave must not interrupt typing
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            if generation == self._generation and key == self.key:
                self._stored = None  # try again at the next tick
            finished()

        self._context.runner.run(lambda: _write_now(vault, key, state, clock), on_done=finished, on_error=failed)


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
        self.setWindowTitle("Welcome back")
        self.setAccessibleName("An unsaved entry was kept")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        title = QLabel("An entry you were writing was kept for you", self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        title.setWordWrap(True)
        layout.addWidget(title)
        self.text_label = QLabel(describe_draft(saved, zone_name), self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text_label)
        question = "Would you like to keep writing it now?"
        if others:
            question += f" ({others} more kept {'entry is' if others == 1 else 'entries are'} waiting; you can open them later.)"
        ask = QLabel(question, self)
        ask.setWordWrap(True)
        layout.addWidget(ask)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton("&Keep for later", QDialogButtonBox.ButtonRole.RejectRole)
        self.discard_button = buttons.addButton("&Discard it", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.restore_button.setDefault(True)
        self.restore_button.setAutoDefault(True)
        for button in (self.later_button, self.discard_button):
            button.setAutoDefault(False)
        self.restore_button.setToolTip("Put it back in the form to keep writing (Enter)")
        self.later_button.setToolTip("Leave it kept; it waits above the form (Esc)")
        self.discard_button.setToolTip("Throw these words away")
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
        self.label.setAccessibleName("Unsaved entry kept")
        self.restore_button = QPushButton("Restore it", self)
        self.restore_button.setAccessibleName("Restore the unsaved entry")
        self.discard_button = QPushButton("Discard", self)
        self.discard_button.setAccessibleName("Discard the unsaved entry")
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
        when = ""
        if newest.state.when is not None:
            when = f" for {day_heading(newest.state.when.date())} at {time_text(newest.state.when)}"
        more = f" ({len(kept) - 1} more after it)" if len(kept) > 1 else ""
        self.label.setText(f"An entry you were writing{when} was not saved yet{more}.")
        self.show()
