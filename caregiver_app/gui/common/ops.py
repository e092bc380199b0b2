"""The one way to run vault work off the GUI thread (the idea of anki's ``QueryOp``/``CollectionOp``).

One :class:`Ops` object lives on the context (``context.ops``). Pages never hold the vault: a job
is a plain function that gets the open vault as its argument, runs on a worker thread, touches no
widget, and its answer comes back on the GUI thread::

    ops.read(page, lambda vault: scores.list_scores(vault, person_id), on_done=page.show_scores,
             key="scores-list")
    ops.write(page, lambda vault: scores.save_score(vault, draft), changes={SCORES},
              on_done=lambda saved: page.status("Saved."))

* A **read** runs on a small pool (two threads). ``key`` names what it fills ("journal-list"): a
  newer read with the same key cancels the older one and its answer is dropped (no stale
  counters in pages).
* A **write** runs on ONE serial lane: every write, from every page, in the order asked, one at a
  time. When it succeeds, :attr:`Ops.changed` carries a :class:`Change` (which concepts changed,
  which widget made it); pages refresh themselves from that signal, never from each other.
* A failure is shown in plain words (:func:`~caregiver_app.gui.common.errors.show_error`) unless
  ``on_error`` is given. :class:`Cancelled` is never shown.
* Every call returns an :class:`Op`; ``op.cancel()`` asks the job to stop (cooperative: a job that
  takes a ``control`` keyword gets a :class:`JobControl` and calls ``control.check()`` or
  ``control.progress(done, total)``) and drops its answer either way.
* ``label=`` shows the delayed progress dialog (after half a second), with Cancel when
  ``cancellable``.
* :meth:`Ops.shut` (lock and quit) cancels every job and calls back once all have ended, without
  ever blocking the GUI thread.
* Tests set ``Ops.synchronous = True``: jobs run inline, no sleeps, no races.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from ...domain.errors import CaregiverError
from ...i18n import N_, _
from .errors import show_error

# The concepts a write can change. A page refreshes when a Change names one it shows.
JOURNAL = "journal"
MEDICATIONS = "medications"
SCORES = "scores"
CHECKINS = "checkins"
DRAFTS = "drafts"
CONTACTS = "contacts"
APPOINTMENTS = "appointments"
PLANS = "plans"
PEOPLE = "people"
SETTINGS = "settings"
SUMMARY = "summary"
REMOVED_ENTRIES = "removed-entries"
"""Entries were taken out wholesale (an import undone, a backup restored): the database may give
their numbers to the next entries, so what names entries by number (Edit ▸ Undo) forgets them."""
CONCEPTS = frozenset(
    {JOURNAL, MEDICATIONS, SCORES, CHECKINS, DRAFTS, CONTACTS, APPOINTMENTS, PLANS, PEOPLE, SETTINGS, SUMMARY,
     REMOVED_ENTRIES}
)

LOCKED = N_("The vault is locked. Please unlock it first.")


class Cancelled(Exception):
    """Raised inside a job when its op was cancelled (Cancel button, a newer read, or lock)."""


class JobControl:
    """Handed to jobs that accept a ``control`` keyword: report progress, notice Cancel."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.on_progress: Callable[[int, int], None] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the op was cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self.check()
        if self.on_progress is not None:
            self.on_progress(done, total)


@dataclass(frozen=True)
class Change:
    """What a successful write changed: ``concepts`` (names from :data:`CONCEPTS`), the widget
    that asked for it (``source``; a page may skip its own changes) and, when known, the person
    (``person_id``)."""

    concepts: frozenset[str]
    source: QObject | None = None
    person_id: int | None = None

    def touches(self, *concepts: str) -> bool:
        """True when any of ``concepts`` changed."""
        return not self.concepts.isdisjoint(concepts)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, op: Op):
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        op = self.op
        try:
            # An op cancelled while queued never starts (lock must not wait for it).
            op.control.check()
            result = op.call()
        except BaseException as exc:  # every failure goes back to the GUI thread
            self._send(op.relay.failed, exc)
        else:
            self._send(op.relay.finished, result)

    @staticmethod
    def _send(signal, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app is being torn down: no one is left to tell
            pass


@dataclass(eq=False)
class Op:
    """One job handed to :class:`Ops`. ``cancel()`` stops it (cooperatively) and drops its answer."""

    call: Callable[[], Any]
    control: JobControl
    parent: QWidget | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    error_title: str
    is_write: bool = False
    changes: frozenset[str] = frozenset()
    person_id: int | None = None
    key: str | None = None
    relay: _Relay | None = None
    dialog: QProgressDialog | None = None
    ended: bool = False
    dropped: bool = False

    def cancel(self) -> None:
        """Ask the job to stop; its ``on_done``/``on_error`` will not run."""
        self.dropped = True
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.dropped


def _wants_control(fn: Callable[..., Any]) -> bool:
    try:
        return "control" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class Ops(QObject):
    """Runs vault work off the GUI thread; see the module text. ``vault_source()`` gives the open
    vault (or None while locked); :class:`~caregiver_app.gui.context.AppContext` sets it."""

    changed = Signal(object)
    """A write succeeded: one :class:`Change`."""

    synchronous = False
    """Tests: run every job inline on the calling thread."""

    def __init__(self, parent: QObject | None = None, vault_source: Callable[[], Any] | None = None):
        super().__init__(parent)
        self.vault_source: Callable[[], Any] = vault_source or (lambda: None)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._lane = QThreadPool(self)  # the one serial lane for writes
        self._lane.setMaxThreadCount(1)
        self._live: list[Op] = []
        self._latest: dict[str, Op] = {}
        self._waiting: list[Callable[[], None]] = []
        self._versions: dict[str, int] = dict.fromkeys(CONCEPTS, 0)
        self._held: list[Op] | None = None  # see hold_reads
        self._holder: QWidget | None = None

    # --- asking for work ----------------------------------------------------------------------

    def read(self, parent: QWidget | None, job: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, key: str | None = None, label: str = "",
             cancellable: bool = False, error_title: str = "") -> Op:
        """Run ``job(vault)`` (or ``job(vault, control=...)``) on the read pool. ``key``: a newer
        read with the same key cancels this one and drops its answer. While the vault is locked
        the read is dropped quietly (there is nothing to show)."""
        if key is not None and key in self._latest:
            self._latest.pop(key).cancel()
        op = self._make(job, parent, on_done, on_error, error_title, with_vault=True)
        op.key = key
        if op.dropped:
            return op
        if key is not None:
            self._latest[key] = op
        return self._start(op, self._reads, label, cancellable)

    def write(self, parent: QWidget | None, job: Callable[..., Any], *, changes: Iterable[str],
              on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
              person_id: int | None = None, label: str = "", cancellable: bool = False,
              error_title: str = "") -> Op:
        """Run ``job(vault)`` on the serial write lane, after every write asked before it. On
        success, ``on_done(result)`` runs and then :attr:`changed` says ``changes`` (a set of
        :data:`CONCEPTS`) changed, made by ``parent``. Raises ValueError for an unknown concept
        (a programming error, caught by tests)."""
        wanted = frozenset(changes)
        unknown = wanted - CONCEPTS
        if unknown:
            raise ValueError(f"unknown concepts: {sorted(unknown)}")
        error_title = error_title or _("That was not saved")
        op = self._make(job, parent, on_done, on_error, error_title, with_vault=True, write=True)
        op.is_write, op.changes, op.person_id = True, wanted, person_id
        return self._start(op, self._lane, label, cancellable)

    def background(self, parent: QWidget | None, job: Callable[..., Any], *,
                   on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None, label: str = "",
                   cancellable: bool = False, error_title: str = "") -> Op:
        """Run ``job()`` (no vault: unlock, keyring, printing) on the read pool."""
        op = self._make(job, parent, on_done, on_error, error_title, with_vault=False)
        return self._start(op, self._reads, label, cancellable)

    def hold_reads(self, owner: QWidget) -> None:
        """Reads asked from now on by ``owner`` or a widget inside it wait, in order, until
        :meth:`release_reads`: at unlock the main window holds a page's other reads while its
        list, read already, is laid out and painted, so they do not take the GIL from that paint
        (issue 16). Synchronous ops run at once as always; cancelling releases them."""
        self._held, self._holder = self._held if self._held is not None else [], owner

    def release_reads(self) -> None:
        held, self._held, self._holder = self._held or [], None, None
        for op in held:
            self._reads.start(_Job(op))

    def version(self, concepts: Iterable[str]) -> int:
        """A number that grows with every successful write that changed any of ``concepts``
        (already grown when :attr:`changed` is said): what was built from that data at one
        version is still current while the version is the same (the visit summary's preview)."""
        return sum(self._versions[c] for c in concepts)

    # --- lock and quit ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while any job has not ended."""
        return bool(self._live)

    def cancel_all(self) -> None:
        """Cancel every queued and running job; none of their answers will be delivered."""
        for op in list(self._live):
            op.cancel()
        self._latest.clear()
        self.release_reads()  # held ones start, see the cancel and end

    def shut(self, then: Callable[[], None]) -> None:
        """Cancel every job, then call ``then()`` on the GUI thread once all of them have ended
        (at once when none runs). Never blocks: a job that ignores its control is waited for
        while the window keeps working. The caller closes the vault in ``then``."""
        self.cancel_all()
        self._waiting.append(then)
        self._maybe_idle()

    def wait_for_all(self, msecs: int = 30000) -> bool:
        """Block until every job ends: only after the event loop has ended (quitting), never on
        a running window (that is what :meth:`shut` is for)."""
        return self._reads.waitForDone(msecs) and self._lane.waitForDone(msecs)

    # --- inside -------------------------------------------------------------------------------

    def _make(self, job, parent, on_done, on_error, error_title, *, with_vault: bool, write: bool = False) -> Op:
        control = JobControl()
        wants = _wants_control(job)
        vault = self.vault_source() if with_vault else None
        if with_vault and (vault is None or not getattr(vault, "is_open", False)):
            def call() -> Any:
                raise CaregiverError(_(LOCKED))
        elif with_vault:
            call = (lambda: job(vault, control=control)) if wants else (lambda: job(vault))
        else:
            call = (lambda: job(control=control)) if wants else job
        op = Op(call, control, parent, on_done, on_error, error_title)
        if with_vault and vault is None and not write:
            op.dropped = True  # a read while locked: nothing to show, nothing to say
        return op

    def _start(self, op: Op, pool: QThreadPool, label: str, cancellable: bool) -> Op:
        if self._waiting:  # shutting: nothing new starts before the vault closes
            op.dropped = True
        if op.dropped:
            return op
        if self.synchronous:
            self._live.append(op)
            try:
                result = op.call()
            except BaseException as exc:
                self._failed(op, exc)
            else:
                self._finished(op, result)
            return op
        if label:
            op.dialog = self._progress_dialog(op, label, cancellable)
        op.relay = _Relay()
        op.relay.finished.connect(lambda result: self._finished(op, result), Qt.ConnectionType.QueuedConnection)
        op.relay.failed.connect(lambda exc: self._failed(op, exc), Qt.ConnectionType.QueuedConnection)
        if op.dialog is not None:
            dialog = op.dialog
            op.relay.progressed.connect(lambda d, t: (dialog.setMaximum(max(t, 1)), dialog.setValue(d)),
                                        Qt.ConnectionType.QueuedConnection)
            op.control.on_progress = op.relay.progressed.emit
        self._live.append(op)
        holder = self._holder
        if (self._held is not None and pool is self._reads and op.parent is not None and holder is not None
                and isValid(holder) and (op.parent is holder or holder.isAncestorOf(op.parent))):
            self._held.append(op)
            return op
        pool.start(_Job(op))
        return op

    @staticmethod
    def _progress_dialog(op: Op, label: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, _("Cancel") if cancellable else "", 0, 0, op.parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(label)
        if cancellable:
            dialog.canceled.connect(op.cancel)
        else:
            dialog.setCancelButton(None)
        return dialog

    def _end(self, op: Op) -> bool:
        """Mark ``op`` ended; True when its answer should be delivered."""
        op.ended = True
        if op in self._live:
            self._live.remove(op)
        if op.key is not None and self._latest.get(op.key) is op:
            del self._latest[op.key]
        if op.dialog is not None:
            # The progress dialog's parent (an import dialog closed by Esc or by the lock) may be
            # gone, and the dialog with it.
            if isValid(op.dialog):
                op.dialog.close()
                op.dialog.deleteLater()
            op.dialog = None
        # A page closed before its answer came has nowhere to show it.
        return not op.dropped and (op.parent is None or isValid(op.parent))

    def _finished(self, op: Op, result: Any) -> None:
        try:  # whatever happens here, a waiting lock or quit must still hear that this op ended
            deliver = self._end(op)
            for concept in op.changes if op.is_write else ():
                self._versions[concept] += 1
            if deliver and op.on_done is not None:
                op.on_done(result)
            # A write that ended without raising did change the vault, even if its answer was
            # dropped; while shutting no page is going to show it.
            if op.is_write and not self._waiting:
                # A source closed meanwhile (an import dialog) is no one: pages must not touch it.
                source = op.parent if op.parent is not None and isValid(op.parent) else None
                self.changed.emit(Change(op.changes, source, op.person_id))
        finally:
            self._maybe_idle()

    def _failed(self, op: Op, exc: BaseException) -> None:
        try:
            deliver = self._end(op)
            if deliver and not isinstance(exc, Cancelled):
                if op.on_error is not None:
                    op.on_error(exc)
                else:
                    show_error(op.parent, exc, op.error_title)
        finally:
            self._maybe_idle()

    def _maybe_idle(self) -> None:
        if self._live or not self._waiting:
            return
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
