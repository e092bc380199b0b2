"""The window's visit summary PDF, built in a short-lived child process.

Why: reportlab, the DejaVu faces and any fallback font a note needs (a CJK font is 22 MB once
reportlab has parsed it) stay in a process's memory for good once loaded: unregistering gives
nothing back. Built here, they load in a child that ends with the build, and the window keeps
about 55 MB less (issue 16). The command line builds in its own process anyway and does not use
this.

How: one child per build, started with the ``spawn`` method (a fresh interpreter: nothing of the
window's memory is copied into it) and never kept warm. The summary data goes in over a pipe, the
PDF bytes come back over it, with the progress. The child is told the build's options first and
loads the builder, reportlab and the fonts (most of its time) before it reads the data; the
window starts it with :func:`ready_ahead` before it reads the vault, so both go on at once.
Health data travels only over the pipe, never in the child's arguments, environment, files or
logs. The child turns off core dumps first (as the app does), writes nothing, ends with the
window (terminated on cancel, on close, and on Linux killed by the kernel if the window's process
dies), and reports errors as the build in the window would: our own errors with their plain
message, a full disk and no memory as themselves, a child ended from outside as
:class:`PdfChildStopped`, anything else as :class:`PdfChildFailed` (its type name only, never its
text). A frozen app needs ``multiprocessing.freeze_support()`` first thing in its entry point (see
``caregiver_app.__main__``).

Qt-free and light to import: the window imports this, the child imports the builder.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..domain.errors import CaregiverError
from ..domain.summary import SummaryCancelled, VisitSummaryData
from .. import i18n

SEPARATE_PROCESS = True
"""Build in a child process. Tests of the window's behaviour turn it off (one fresh interpreter
per preview would slow them tenfold); the tests of this module and the benches keep it on."""

_POLL_SECONDS = 0.05  # how often a waiting build looks at its cancel flag
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_SIGKILL = 9
_EXIT_NO_MEMORY = 75  # the child's exit code when it ran out of memory and could not even say so


class PdfChildFailed(RuntimeError):
    """The child stopped without a PDF (it died, or an unexpected error of the kind named)."""


class PdfChildStopped(PdfChildFailed):
    """The child ended without a word (killed: ``kill -9``, the out-of-memory killer). Making
    the preview again may well work, where an error inside the build would come back."""


class _NoChild(Exception):
    """No child process could be started (a low process limit, no memory for one)."""


_ahead = threading.local()  # the child :func:`ready_ahead` started for this thread's next build


@contextmanager
def ready_ahead(*, paper: str = "letter", fmt=None, language: str = "", country: str = "") -> Iterator[None]:
    """Start the child of the next :func:`summary_pdf_bytes` on this thread, with the same
    options, now: it loads the builder, reportlab and the fonts while the caller gathers the data
    (the window reads the vault meanwhile). The child is told no health data until the build is
    asked for. One not used by the end of the block (the read failed or was cancelled) is stopped."""
    child = None
    if SEPARATE_PROCESS:
        try:
            child = _Child(_request(paper, fmt, language, country))
        except _NoChild:  # summary_pdf_bytes tries again, and builds here if it cannot either
            child = None
    previous, _ahead.child = getattr(_ahead, "child", None), child
    try:
        yield
    finally:
        _ahead.child = previous
        if child is not None:
            child.stop()


def summary_pdf_bytes(data: VisitSummaryData, *, paper: str = "letter", progress=None, cancelled=None,
                      fmt=None, language: str = "", country: str = "", here_if_no_child: bool = True) -> bytes:
    """:func:`caregiver_app.services.summary.summary_pdf_bytes`, built in a child process (same
    arguments, same PDF, same errors; :class:`SummaryCancelled` when ``cancelled()`` turns True,
    and then the child is stopped at once). The child :func:`ready_ahead` started for these
    options is used when there is one. When no process can be started (a low ``ulimit -u``,
    no memory for one) it is built in this process instead, unless ``here_if_no_child`` is False
    (the self-test, which proves a child starts): then :class:`PdfChildFailed`."""
    from . import summary

    if SEPARATE_PROCESS:
        request = _request(paper, fmt, language, country)
        child = getattr(_ahead, "child", None)
        if child is not None and child.request == request:
            _ahead.child = None  # this build's: nothing else may use it
        else:
            child = None
        try:
            if child is None:
                child = _Child(request)
            return child.build(data, progress, cancelled)
        except _NoChild:  # the summary is still made: here, as before the child (at its memory cost)
            if not here_if_no_child:
                raise PdfChildFailed("not started") from None
        finally:
            if child is not None:
                child.stop()
    return summary.summary_pdf_bytes(data, paper=paper, progress=progress, cancelled=cancelled, fmt=fmt,
                                     language=language, country=country)


def _request(paper: str, fmt, language: str, country: str) -> tuple:
    # The child starts in English: it is told the window's language (the default of ``language``).
    return ("visit-summary", {"paper": paper, "fmt": fmt, "language": language, "country": country},
            i18n.process_language())


class _Child:
    """One child process, started now with a request's options; its data follows in
    :meth:`build`. Raises :class:`_NoChild` when no process can be started."""

    def __init__(self, request: tuple) -> None:
        self.request = request
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_child_main, args=(theirs,), name="caregiver-pdf", daemon=True)
        try:
            self.process.start()
        except OSError:  # e.g. ``ulimit -u`` reached (EAGAIN), no memory for a new process, no interpreter
            self.process = None
            self.conn.close()
            theirs.close()
            raise _NoChild() from None
        theirs.close()
        try:
            # Options only (a few bytes, never more than the pipe holds): the data comes in build().
            self.conn.send((*request, None))
        except OSError:  # the child died already: build() says so
            pass

    def build(self, data: VisitSummaryData, progress, cancelled) -> bytes:
        conn, child = self.conn, self.process
        # A long summary's data is larger than the pipe holds: it is sent from a helper thread, so a
        # cancel is seen while the child is still starting up and reading it.
        unsent: list = []
        sender = threading.Thread(target=_send, args=(conn, data, unsent), name="caregiver-pdf-send", daemon=True)
        try:
            sender.start()
            while True:
                if cancelled is not None and cancelled():
                    raise SummaryCancelled()
                if unsent:
                    raise _error(unsent[0])
                if not conn.poll(_POLL_SECONDS):
                    if not child.is_alive() and not conn.poll():
                        raise _stopped(child)
                    continue
                try:
                    kind, value = conn.recv()
                except (EOFError, OSError):
                    raise _stopped(child) from None
                if kind == "progress":
                    if progress is not None:
                        progress(*value)
                elif kind == "done":
                    return value
                else:
                    raise _error(value)
        finally:
            self._end()  # first: a send still under way then fails and its thread ends
            if sender.is_alive():
                sender.join()
            self.stop()  # only now: closing the pipe under a sending thread could free its number for another file

    def stop(self) -> None:
        """End the child now if it still runs (cancelled, or the window is closing), reap it and
        close the pipe. Once is enough: later calls do nothing."""
        self._end()
        if not self.conn.closed:
            self.conn.close()

    def _end(self) -> None:
        if self.process is None:
            return
        child, self.process = self.process, None
        if child.is_alive():
            child.terminate()
            child.join(5)
            if child.is_alive():
                child.kill()
        child.join()
        child.close()


def _send(conn, data: VisitSummaryData, unsent: list) -> None:
    try:
        conn.send(data)
    except (OSError, EOFError, ValueError):  # the child died or was stopped: the loop says so
        pass
    except Exception as exc:  # noqa: BLE001 - data that cannot be sent: as _portable says it (never its text)
        unsent.append(_portable(exc))


def _stopped(child) -> BaseException:
    """The error for a child that ended without a message: no memory when it said so by its exit
    code (it had none left to send a message), else :class:`PdfChildStopped`."""
    child.join(1)
    return MemoryError() if child.exitcode == _EXIT_NO_MEMORY else PdfChildStopped("stopped")


def _error(value: Any) -> BaseException:
    if isinstance(value, BaseException):
        return value
    if value == "memory":
        return MemoryError()
    if value == "disk-full":
        return OSError(28, "No space left on device")
    return PdfChildFailed(str(value))


def _portable(exc: BaseException) -> Any:
    """What the child sends back for ``exc``: never its text unless it is one of our own plain
    messages (which hold no health data)."""
    if isinstance(exc, CaregiverError):
        try:
            import pickle

            pickle.loads(pickle.dumps(exc))
            return exc
        except Exception:  # noqa: BLE001 - an error that cannot travel becomes its type name
            return type(exc).__name__
    if isinstance(exc, MemoryError):
        return "memory"
    if isinstance(exc, OSError) and exc.errno == 28:
        return "disk-full"
    return type(exc).__name__


# --- in the child ----------------------------------------------------------------------------------

def _die_with_parent() -> None:
    """On Linux, the kernel kills this child when the window's process ends, however it ends."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, _SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent was already gone before the line above
        os._exit(1)


def _child_main(conn) -> None:
    # A process that lives for one build: the cyclic collector would only walk the objects of its
    # imports again and again (about 15 ms of its start); the build pauses it anyway.
    gc.disable()
    from ..process_guard import disable_core_dumps

    disable_core_dumps()  # before any health data arrives
    _die_with_parent()
    try:
        try:
            kind, options, window_language, data = conn.recv()  # data None: it follows on its own
            i18n.set_language(window_language)
            if kind != "visit-summary":
                raise ValueError(kind)
            from . import summary_pdf  # not .summary: the vault's storage stays out

            if data is None:  # the data comes next: meanwhile, load what every build needs
                summary_pdf.load_builder(options.get("fmt"), options.get("language", ""), options.get("country", ""))
                data = conn.recv()
            pdf = summary_pdf.summary_pdf_bytes(
                data, progress=lambda done, total: conn.send(("progress", (done, total))), **options)
        except BaseException as exc:  # noqa: BLE001 - every error goes back as the window would see it
            conn.send(("error", _portable(exc)))
        else:
            conn.send(("done", pdf))
    except (OSError, EOFError):  # the window stopped listening (cancelled or closed): nothing to say
        pass
    except BaseException as exc:  # noqa: BLE001 - e.g. no memory left to send the PDF: say so, print nothing
        try:
            conn.send(("error", _portable(exc)))
        except BaseException:  # noqa: BLE001 - not even that: the exit code says it, else the window sees a stop
            if isinstance(exc, MemoryError):
                os._exit(_EXIT_NO_MEMORY)
    finally:
        conn.close()
