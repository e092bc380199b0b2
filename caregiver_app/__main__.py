"""Entry point: ``caregiver-app`` / ``python -m caregiver_app``.

Argument parsing and wiring only. With a command (``init``, ``import-daylio``, ``summary``, …)
everything goes to :func:`caregiver_app.cli.main`; with none, the app window opens.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import APP_NAME, __version__


def _command_given(args: list[str]) -> bool:
    """True when a command word follows the global options (``--data-dir DIR`` only)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--data-dir":
            i += 2
        elif arg.startswith("--data-dir="):
            i += 1
        else:
            return not arg.startswith("-")
    return False


def _command_names() -> list[str]:
    """The CLI's commands, read from its parser so this help never goes stale."""
    from .cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _gui_parser() -> argparse.ArgumentParser:
    commands = ", ".join(_command_names())
    parser = argparse.ArgumentParser(
        prog="caregiver-app",
        usage="%(prog)s [-h] [--version] [--data-dir DIR] [COMMAND [options]]",
        description=f"{APP_NAME}: an encrypted journal that prints visit summaries. "
        "With no command, the app window opens.",
        epilog=(f"commands: {commands}. " if commands else "")
        + "Run 'caregiver-app COMMAND --help' to learn about a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", type=Path, help="use the vault in DIR instead of the usual folder")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command (delegated to the CLI) or, with none, the desktop app. Returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if _command_given(args):
        from .cli import main as cli_main

        return cli_main(args)

    options, qt_args = _gui_parser().parse_known_args(args)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    from .gui.app import run
    from .services.vault import VaultPaths

    paths = VaultPaths(options.data_dir.expanduser()) if options.data_dir else VaultPaths.default()
    return run(paths, [sys.argv[0] if sys.argv and sys.argv[0] else "caregiver-app", *qt_args])


if __name__ == "__main__":
    sys.exit(main())
