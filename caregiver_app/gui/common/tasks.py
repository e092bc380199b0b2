"""Background work for slow jobs (unlock, import, PDF, backup).

A job is a plain function. It runs on a worker thread, gets plain data, opens its own database
session through the services, and never touches widgets. Its result or error comes back on the
GUI thread. Jobs that may take a while show a progress dialog after half a second, with Cancel
where the job supports it. Tests set ``TaskRunner.synchronous`` so jobs run inline (no sleeps,
no races).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from .errors import show_error


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


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
        """Raise :class:`Cancelled` if the user pressed Cancel."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self.check()
        if self.on_progress is not None:
            self.on_progress(done, total)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # every failure goes back to the GUI thread
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs jobs off the GUI thread and brings results back to it."""

    synchronous = False

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[_Relay] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        label: str = "",
        cancellable: bool = False,
        error_title: str = "Something went wrong",
    ) -> JobControl:
        """Run ``fn`` in the background. If ``fn`` takes a ``control`` keyword it receives a
        :class:`JobControl`. ``on_done(result)`` runs on the GUI thread; errors go to
        ``on_error(exc)`` or, by default, to a plain message box. A progress dialog with ``label``
        shows after 0.5 s when ``label`` is given."""
        control = JobControl()
        wants_control = "control" in inspect.signature(fn).parameters
        call = (lambda: fn(control=control)) if wants_control else fn

        dialog: QProgressDialog | None = None
        if label and not self.synchronous:
            dialog = QProgressDialog(label, "Cancel" if cancellable else "", 0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setAccessibleName(label)
            if not cancellable:
                dialog.setCancelButton(None)
            else:
                dialog.canceled.connect(control.cancel)

        def finish(result: Any) -> None:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if on_done is not None:
                on_done(result)

        def fail(exc: BaseException) -> None:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if isinstance(exc, Cancelled):
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc, error_title)

        if self.synchronous:
            try:
                result = call()
            except BaseException as exc:
                fail(exc)
            else:
                finish(result)
            return control

        relay = _Relay()
        self._live.add(relay)

        def done(result: Any) -> None:
            self._live.discard(relay)
            finish(result)

        def failed(exc: BaseException) -> None:
            self._live.discard(relay)
            fail(exc)

        relay.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            relay.progressed.connect(
                lambda d, t: (dialog.setMaximum(max(t, 1)), dialog.setValue(d)), Qt.ConnectionType.QueuedConnection
            )
            control.on_progress = relay.progressed.emit
        self._pool.start(_Job(call, relay))
        return control

    @Slot()
    def wait_for_all(self, msecs: int = 30000) -> bool:
        """Block until every running job ends (used at shutdown and lock)."""
        return self._pool.waitForDone(msecs)
