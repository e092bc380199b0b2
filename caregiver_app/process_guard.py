"""Keep the app's memory out of core dumps and crash reports.

A core dump holds everything the process held: the open journal, notes being typed and the data
key itself, written unencrypted to disk (and on some systems collected into a crash database).
:func:`disable_core_dumps` runs first thing in both the window and the command line. Qt-free,
standard library only; importable by every layer.
"""

from __future__ import annotations

import ctypes
import sys

_PR_SET_DUMPABLE = 4  # <linux/prctl.h>
_SEM_FAILCRITICALERRORS = 0x0001  # <errhandlingapi.h>
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1  # <werapi.h>: a report leaves the heap (our data) out
_WER_FAULT_REPORTING_NO_UI = 0x20


def disable_core_dumps() -> tuple[str, ...]:
    """Turn off what this operating system allows: on Linux and macOS the core size limit goes to
    0 (soft and hard, so nothing later can raise it again); on Linux the process is also marked
    not dumpable (no core, no ``ptrace`` by other processes of the same user, ``/proc/PID/mem``
    closed); on Windows the crash dialog is off and Windows Error Reporting leaves the heap out.
    Never raises. Returns the names of the protections that took effect (for tests and the
    about box; no health data)."""
    done: list[str] = []
    try:
        import resource
    except ImportError:  # Windows
        resource = None
    if resource is not None:
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            done.append("core-limit")
        except (ValueError, OSError):
            pass
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not-dumpable")
        except (OSError, AttributeError):
            pass
    elif sys.platform == "win32":
        try:
            kernel32 = ctypes.WinDLL("kernel32")
            kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
            done.append("no-crash-dialog")
            if kernel32.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP | _WER_FAULT_REPORTING_NO_UI) == 0:
                done.append("crash-report-without-heap")
        except (OSError, AttributeError):
            pass
    return tuple(done)
