"""Family sync in the background (issue 20): one :class:`FamilySync` per window.

* **When**: the shared folder changes (a ``QFileSystemWatcher`` on the folder and on every
  computer's subfolder, debounced: a sync tool writes a file in pieces), a shared concept changed
  here (``ops.changed``, debounced), every :data:`PERIOD_MS` and on :meth:`sync_now` (the Sync now
  button).
* **How**: ``services.family_sync.sync_now`` on the one write lane of ``context.ops``, so it never
  blocks the window and never runs beside another write. One sync at a time; a wish that comes
  while one runs is kept and runs once after it.
* **After**: when changes arrived, pages reload through ``ops.changed`` (:data:`SHARED_CONCEPTS`);
  "Last synced …" goes to the window's status area and to :attr:`synced` listeners.
* **Trouble** (the folder missing or unreachable, change files refused): a calm sentence in the
  status area; nothing is merged that cannot be trusted, and nothing here is lost (what changed
  is sent next time).
* **Lock**: :meth:`stop` (the window's ``vault_locked``) stops the timers and the watcher; the
  running sync is cancelled by ``ops.shut`` like every job. :meth:`start` after unlocking.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ...domain import timeutil
from ...domain.errors import CaregiverError
from ...i18n import N_, _
from ..common.errors import log_safely, user_message
from ..common.ops import (APPOINTMENTS, CONTACTS, JOURNAL, MEDICATIONS, PEOPLE, PLANS, SCORES, SUMMARY, Change)
from ..context import AppContext
from .words import last_synced, refused_text

if TYPE_CHECKING:
    from ...services import family_sync

# The family services (and the database layer under them) load after unlocking, never for the
# unlock screen (issue 16: the unlock screen imports nothing an open vault needs).

log = logging.getLogger(__name__)

FOLDER_DELAY_MS = 3_000
"""Wait this long after the last change in the shared folder (a sync tool is still copying)."""
LOCAL_DELAY_MS = 10_000
"""Wait this long after the last change here, so a burst of edits goes out as one batch."""
PERIOD_MS = 3 * 60_000
"""Sync at least this often while unlocked (a folder on a network share sends no notices)."""
SHARED_CONCEPTS = frozenset({JOURNAL, MEDICATIONS, SCORES, CONTACTS, APPOINTMENTS, PLANS, PEOPLE, SUMMARY})
"""What a sync can bring in: the pages showing these reload. Settings, drafts and the
caregiver's own check-in never travel."""
BY_TABLE = {
    "person": {PEOPLE},
    "symptom": {JOURNAL},
    "tag": {JOURNAL},
    "journal_entry": {JOURNAL},
    "symptom_rating": {JOURNAL},
    "entry_tag": {JOURNAL},
    "contact": {CONTACTS},
    "contact_phone": {CONTACTS},
    "contact_support": {CONTACTS},
    "medication": {MEDICATIONS},
    "medication_dose_change": {MEDICATIONS},
    "entry_dose": {JOURNAL, MEDICATIONS},
    "score_result": {SCORES},
    "appointment": {APPOINTMENTS},
    "appointment_question": {APPOINTMENTS},
    "warning_plan": {PLANS},
    "warning_plan_item": {PLANS},
}
"""Which pages show a shared table's rows (the visit summary reads nearly all of them)."""


def concepts_for(tables) -> frozenset[str]:
    """The concepts a merge that changed ``tables`` touched; all of them when a table is not
    known here (a newer computer's table) or none were named."""
    if not tables or any(t not in BY_TABLE for t in tables):
        return SHARED_CONCEPTS
    return frozenset({SUMMARY}.union(*(BY_TABLE[t] for t in tables)))


FOLDER_GONE = N_("The shared folder {folder} cannot be reached right now. Everything is kept here and "
                 "goes out when the folder is back.")


SHORT_PROBLEM = N_("Family sync paused: see File ▸ Share with family…")
"""The status area's short words for any problem (the full sentence is its tooltip and is shown in
the Share with family window): a long path must not widen the window."""


class FolderUnreachable(CaregiverError):
    """The family folder is missing or cannot be read now (an unplugged drive, a sync tool that
    has not made it yet)."""


def sync_job(vault, clock=None) -> family_sync.SyncResult | None:
    """The job run on the write lane: None when the journal is not shared; the folder is checked
    first so a missing folder never counts as a sync."""
    from ...services import family_sync

    status = family_sync.family_status(vault)
    if status is None:
        return None
    if not _reachable(status.folder):
        raise FolderUnreachable(_(FOLDER_GONE).format(folder=status.folder))
    return family_sync.sync_now(vault, clock=clock) if clock is not None else family_sync.sync_now(vault)


def _reachable(folder: Path) -> bool:
    try:
        next(iter(Path(folder).iterdir()), None)  # reading it, not only its name: a dead mount fails here
    except OSError:
        return False
    return True


class FamilySync(QObject):
    """Runs family syncs for ``context`` in the background; see the module text. ``status_label``
    (the window's status area) shows "Last synced …" or a calm problem."""

    synced = Signal(object)
    """A sync ended: the :class:`~caregiver_app.services.family_sync.SyncResult`."""
    problem = Signal(str)
    """A sync could not run or refused files: the plain sentence shown."""
    status_changed = Signal(str)
    """The status area's words changed ("" when there is nothing to say)."""

    def __init__(self, context: AppContext, parent: QObject | None = None, status_label: QLabel | None = None):
        super().__init__(parent)
        self.context = context
        self.status_label = status_label
        self.folder: Path | None = None
        self.running = None
        self.again = False
        self.active = False
        self.last_text = ""
        self.problem_text = ""
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self.folder_timer = self._single_shot(FOLDER_DELAY_MS)
        self.local_timer = self._single_shot(LOCAL_DELAY_MS)
        self.period_timer = QTimer(self)
        self.period_timer.setInterval(PERIOD_MS)
        self.period_timer.timeout.connect(self.sync_now)
        context.ops.changed.connect(self._on_changed)

    def _single_shot(self, msecs: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(self.sync_now)
        return timer

    # --- lock and unlock ----------------------------------------------------------------------

    def start(self) -> None:
        """The vault was unlocked: learn whether it is shared, then watch and sync."""
        from ...services import family_sync

        self.active = True
        self.context.ops.read(None, family_sync.family_status, on_done=self._adopt,
                              on_error=lambda exc: log_safely(exc), key="family-status")

    def _adopt(self, status: family_sync.FamilyStatus | None) -> None:
        if not self.active:
            return
        self.set_folder(status.folder if status is not None else None)
        if status is not None:
            self._say(last_synced(_mine(status), self.context.zone_name, self._today()))
            self.sync_now()

    def set_folder(self, folder: Path | None) -> None:
        """Watch ``folder`` (None: the journal is not shared, nothing runs)."""
        self.folder = folder
        self._unwatch()
        if folder is None:
            self.period_timer.stop()
            return
        self._watch()
        self.period_timer.start()

    def stop(self) -> None:
        """The vault is locking: no more syncs until :meth:`start`."""
        self.active = False
        self.again = False
        for timer in (self.folder_timer, self.local_timer, self.period_timer):
            timer.stop()
        self._unwatch()
        self.folder = None
        if self.running is not None:
            self.running.cancel()
            self.running = None
        self._say("")

    # --- watching -----------------------------------------------------------------------------

    def _watch(self) -> None:
        if self.folder is None:
            return
        from ...services import family_folder

        wanted = [str(self.folder)] + [str(self.folder / d) for d in family_folder.devices(self.folder)]
        have = set(self.watcher.directories())
        new = [p for p in wanted if p not in have]
        if new:
            self.watcher.addPaths(new)  # a folder that is gone is simply not watched

    def _unwatch(self) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())

    def _folder_changed(self, _path: str) -> None:
        if self.active and self.folder is not None:
            self.folder_timer.start()

    def _on_changed(self, change: Change) -> None:
        if change.source is self or not self.active or self.folder is None:
            return
        if change.touches(*SHARED_CONCEPTS):
            self.local_timer.start()

    # --- syncing ------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync now (or once more right after the sync that is running)."""
        if not self.active:
            return
        if self.running is not None:
            self.again = True
            return
        self.folder_timer.stop()
        self.local_timer.stop()
        self.running = self.context.ops.write(None, lambda vault: sync_job(vault, self.context.clock), changes=(), on_done=self._done, on_error=self._failed)
        if self.running.ended or self.running.dropped:
            self.running = None

    def _done(self, result: family_sync.SyncResult | None) -> None:
        self.running = None
        if result is None:
            self.set_folder(None)
            self._say("")
        else:
            self._watch()  # a computer that just joined has a new subfolder
            if result.received:
                self.context.ops.changed.emit(Change(concepts_for(result.tables), self))
            text = last_synced(self.context.clock(), self.context.zone_name, self._today())
            self.problem_text = ""
            if result.refused:
                text = refused_text(r.label for r in result.refused)
                log.warning("family sync refused %d file(s)", len(result.refused))
                self.problem_text = text
                self.problem.emit(text)
            self._say(text, _(SHORT_PROBLEM) if result.refused else "")
            self.synced.emit(result)
        self._maybe_again()

    def _failed(self, exc: BaseException) -> None:
        self.running = None
        if isinstance(exc, OSError) and exc.errno != errno.ENOSPC and self.folder is not None:
            # The folder went away while it was read (a drive pulled out): the same calm words.
            log.warning("family folder unreachable during a sync (%s)", type(exc).__name__)
            text = _(FOLDER_GONE).format(folder=self.folder)
        else:
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            text = user_message(exc)
        self.problem_text = text
        self._say(text, _(SHORT_PROBLEM))
        self.problem.emit(text)
        self._maybe_again()

    def _maybe_again(self) -> None:
        if self.again and self.active:
            self.again = False
            self.local_timer.start()  # soon, not at once: never a tight loop on a failing folder

    def _say(self, text: str, short: str = "") -> None:
        """``text`` in full (tooltip, screen readers, the family window); ``short`` in the status
        area when given."""
        self.last_text = text
        if self.status_label is not None:
            self.status_label.setText(short or text)
            self.status_label.setToolTip(text)
            self.status_label.setAccessibleDescription(text)
        self.status_changed.emit(text)

    def _today(self):
        return timeutil.utc_to_local(self.context.clock(), timeutil.zone(self.context.zone_name)).date()


def _mine(status: family_sync.FamilyStatus):
    return next((m.last_synced_at for m in status.members if m.this_computer), None)
