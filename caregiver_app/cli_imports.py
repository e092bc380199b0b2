"""The command line's list of past imports and undoing one: ``caregiver-app imports`` lists them
(number, when, whose journal, which app and file, how many entries); ``caregiver-app imports
--undo NUMBER`` shows what would be removed (naming entries changed since the import) and removes
them after "yes" typed at the terminal or ``--yes`` (registered through :mod:`caregiver_app.cli_exchange`).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .i18n import N_, _, ngettext
from .cli import EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_OK, CliError, _count, open_vault, report_format, unlock_options

SHOW_EDITED = 10
"""How many changed entries the undo preview names (then "and N more")."""


def add_parsers(sub) -> None:
    """Add ``imports`` to the ``caregiver-app`` sub-command parser ``sub``."""
    help_text = "list the imports made into the vault, or undo one (removes exactly the entries it added)"
    p = sub.add_parser("imports", help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                       epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--undo", type=int, metavar="NUMBER", help=_("undo the import with this number (from the list)"))
    p.add_argument("--keep-edited", action="store_true",
                   help=_("when undoing: keep the entries changed since the import (the others are removed)"))
    p.add_argument("--yes", action="store_true", help=_("undo without asking (after the preview)"))
    unlock_options(p)


def _when(instant, fmt) -> str:
    local = instant.astimezone()
    return f"{fmt.date(local.date())}, {fmt.time(local)}"


def _shown(name: str) -> str:
    """A file name as the terminal may print it: control characters (escape codes a hostile name
    could carry) become "?"."""
    return "".join(c if c.isprintable() else "?" for c in name)


def _describe(batch, fmt) -> str:
    file_part = f" “{_shown(batch.file_name)}”" if batch.file_name else ""
    return f"{batch.app}{file_part} into {batch.person_name}’s journal on {_when(batch.imported_at, fmt)}"


def cmd_imports(paths, args, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from .services import import_batches

    if args.undo is None and (args.keep_edited or args.yes):
        raise CliError(_("--keep-edited and --yes go with --undo NUMBER. See the list with: caregiver-app imports"),
                       EXIT_BAD_INPUT)
    fmt = report_format(paths)
    vault = open_vault(paths, args, stdin, err)
    try:
        if args.undo is None:
            found = import_batches.list_imports(vault)
            if not found:
                print(_("No imports have been made into this vault yet."), file=out)
                return EXIT_OK
            for batch in found:
                status = import_batches.status_words(batch, lambda t: f"on {_when(t, fmt)}", fmt.integer)
                print(f"{batch.id:>4}  {_describe(batch, fmt)}: {_count(batch.new_entries, 'new entry', 'new entries')}, "
                      f"{status}", file=out)
            print(_("To undo one: caregiver-app imports --undo NUMBER"), file=out)
            return EXIT_OK
        missing = CliError(f"There is no import number {args.undo}. See the list with: caregiver-app imports",
                           EXIT_BAD_INPUT)
        if not 0 < args.undo < 2**63:  # the database's numbers end there (a bigger one overflows)
            raise missing
        try:
            plan = import_batches.plan_undo(vault, args.undo)
        except import_batches.NotFoundError:
            raise missing from None
        except import_batches.NothingToUndo as exc:
            print(f"{exc} Nothing was changed.", file=out)
            return EXIT_OK
        _print_plan(plan, args.keep_edited, fmt, out)
        from .cli_vault import _ask_yes

        removing = plan.entries - (len(plan.edited) if args.keep_edited else 0)
        if not _ask_yes(args, stdin, out, f"Remove {_count(removing, 'entry', 'entries')}?"):
            print(_("Nothing was changed."), file=out)
            return EXIT_OK
        result = import_batches.undo_import(vault, args.undo, keep_edited=args.keep_edited, expected=plan)
        kept = f" {_count(result.kept, 'changed entry stays', 'changed entries stay')}." if result.kept else ""
        print(f"Removed {_count(result.removed, 'entry', 'entries')} of import {args.undo}.{kept}", file=out)
        return EXIT_OK
    finally:
        vault.close()


def _print_plan(plan, keep_edited: bool, fmt, out: TextIO) -> None:
    from .domain import timeutil

    print(f"Import {plan.batch.id}: {_describe(plan.batch, fmt)}.", file=out)
    print(f"Undoing it removes {_count(plan.entries, 'entry', 'entries')} it added, with their symptoms, "
          "tags and doses.", file=out)
    if not plan.edited:
        return
    print(f"{_count(len(plan.edited), 'of them was', 'of them were')} changed after the import:", file=out)
    for entry in plan.edited[:SHOW_EDITED]:
        tz = timeutil.zone_or(entry.zone_name, timeutil.zone("UTC"))
        local = timeutil.utc_to_local(entry.occurred_at, tz)
        print(f"    {fmt.date(entry.local_date)}, {fmt.time(local)}", file=out)
    if len(plan.edited) > SHOW_EDITED:
        print(f"    and {_count(len(plan.edited) - SHOW_EDITED, 'more', 'more')}", file=out)
    if keep_edited:
        print(_("They stay in the journal (--keep-edited); the others are removed."), file=out)
    else:
        print(_("They are removed too. To keep them, add --keep-edited."), file=out)


COMMANDS = {"imports": cmd_imports}
