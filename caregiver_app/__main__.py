"""Entry point: ``caregiver-app`` / ``python -m caregiver_app``.

Argument parsing and wiring only. With a command (``init``, ``import-daylio``, ``summary``, …)
everything goes to :func:`caregiver_app.cli.main`; ``--help`` and ``--version`` go there too, so
the program has one help text (it says that with no command the window opens). With no command
the app window opens on the vault in ``--data-dir`` (or the usual folder). ``--self-test``
checks this installation (see :mod:`caregiver_app.selftest`) without touching any vault.
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import signal
import sys
import threading
from pathlib import Path

CLI_ONLY_OPTIONS = frozenset({"-h", "--help", "--version"})


def _wants_cli(args: list[str]) -> bool:
    """True when a command word follows the global options, or help or the version is asked for."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir="):
            i += 1
        else:
            return arg in CLI_ONLY_OPTIONS or not arg.startswith("-")
    return False


def leave_now(code: int) -> int:
    """End this process with ``code`` once a command has finished, skipping the interpreter's
    teardown: freeing every object of a long command one by one (a ten-year visit summary's rows,
    the PDF's fonts and tables) costs a few tenths of a second the person waits for and gains
    nothing when the process ends anyway. The command has already closed the vault and closed and
    synced every file it wrote. What the normal exit does that matters still happens first: the
    ``atexit`` handlers run (logging's flush among them) and the standard streams are flushed.
    A Ctrl+C from here on is ignored: the command has finished and said what it did, so the exit
    code stays the command's (it was Python's "killed by SIGINT" when the key came this late).

    Returns ``code`` for the normal exit instead when another non-daemon thread is still running
    (it must be waited for) or when a standard stream cannot be flushed (for example a closed pipe:
    the normal exit reports that the way Python always has). Only for a process run as
    ``caregiver-app`` or ``python -m caregiver_app``: :func:`main` with an ``argv`` (tests, the
    window) never calls it."""
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return code
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # done and said: a late Ctrl+C cannot change the outcome
    atexit._run_exitfuncs()  # what the normal exit runs first; a handler's error is printed, not raised
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return code
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run a command (through the CLI) or, with none, the desktop app. Returns the exit code."""
    from .process_guard import disable_core_dumps

    disable_core_dumps()  # before any secret or journal text is in memory
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args and not _wants_cli(args):  # a throw-away vault in a temporary folder, never the user's
        from .selftest import main as self_test

        return self_test()
    if args[:1] == ["--self-test-qt"]:  # the self-test's Qt half, in its own process
        from .gui.selftest_qt import main as qt_self_test

        return qt_self_test(args[1:])
    if _wants_cli(args):
        try:  # Ctrl+C while the command line's modules load: the same words as during a command
            from .cli import main as cli_main

            code = cli_main(args)
        except KeyboardInterrupt:
            from .i18n import _

            print(_("caregiver-app: stopped. Nothing was half-written."), file=sys.stderr)
            code = 1
        return leave_now(code) if argv is None else code

    parser = argparse.ArgumentParser(prog="caregiver-app", add_help=False)
    parser.add_argument("--data-dir", metavar="DIR", type=Path)
    # Anything else (e.g. Qt's own -style or -platform options) is left for Qt.
    options, qt_args = parser.parse_known_args(args)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    from .installation import incomplete_message, missing_pieces

    if missing := missing_pieces():
        from .gui.selftest_qt import show_incomplete_install

        print(f"caregiver-app: {incomplete_message(missing)}", file=sys.stderr)
        return show_incomplete_install(incomplete_message(missing))

    from .gui.app import run
    from .services.vault import VaultPaths

    paths = VaultPaths(options.data_dir.expanduser()) if options.data_dir else VaultPaths.default()
    program = sys.argv[0] if sys.argv and sys.argv[0] else "caregiver-app"
    return run(paths, [program, *qt_args])


if __name__ == "__main__":
    sys.exit(main())
