"""The command line's list of past imports and undoing one: ``caregiver-app imports`` lists them
(number, when, whose journal, which app and file, how many entries); ``caregiver-app imports
--undo NUMBER`` shows what would be removed (naming entries changed since the import) and removes
them after "yes" typed at the terminal or ``--yes`` (registered through :mod:`caregiver_app.cli_exchange`).
Also ``import-daylio``, the Daylio-only alias of ``import``.
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from .i18n import N_, _, ngettext
from .cli import (EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_OK, CliError, _number, open_vault, person_name, report_format,
                  shown, unlock_options, unlocking_early, with_vault, zone_for)
from .cli_folder import local_instant, settings_zone_name

SAVED_THEN_STOPPED = N_("Stopped, but the change had already been saved. To see it: caregiver-app imports")

SHOW_EDITED = 10
"""How many changed entries the undo preview names (then "and N more")."""


class SavedGuard:
    """Ctrl+C around a change that commits (an import, an undo). Before the commit it stops the
    command as always ("stopped. Nothing was half-written.", exit 1). Once the change is in the
    vault, saying so would mislead: a Ctrl+C then is let pass (the vault is closed and the result
    printed, exit 0), and one that lands between the commit and the service's return is checked
    against the vault (:meth:`run`)."""

    def __init__(self) -> None:
        self.saved = False

    def run(self, work: Callable[[], object], was_saved: Callable[[], bool]):
        """``work()``'s result; None when a Ctrl+C stopped it after its change was saved
        (``was_saved()`` asks the still open vault). A Ctrl+C before that is raised again."""
        try:
            result = work()
            self.saved = True
            return result
        except KeyboardInterrupt:
            self.saved = True  # no second Ctrl+C in the middle of the question
            try:
                saved = was_saved()
            except Exception:
                saved = False
            self.saved = saved
            if not saved:
                raise
            return None


@contextmanager
def ctrl_c_after_saving() -> Iterator[SavedGuard]:
    """A :class:`SavedGuard` whose SIGINT handler lets a Ctrl+C pass once the change is saved
    (only in the main thread, and only where Python's own handler was in place)."""
    guard = SavedGuard()
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield guard
        return

    def interrupted(signum, frame) -> None:
        if not guard.saved:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield guard
    finally:
        signal.signal(signal.SIGINT, previous)


def imported_since(vault, started, file_name: str) -> bool:
    """True when an import of ``file_name`` was saved at or after ``started`` (the command holds
    the vault lock, so it is this command's)."""
    from datetime import timezone

    from .services import import_batches

    def aware(when):
        return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)

    return any(aware(b.imported_at) >= started and b.file_name == file_name
               for b in import_batches.list_imports(vault))


def add_parsers(sub) -> None:
    """Add ``imports`` to the ``caregiver-app`` sub-command parser ``sub``."""
    help_text = _("list the imports made into the vault, or undo one (removes exactly the entries it added)")
    p = sub.add_parser("imports", help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                       epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--undo", type=int, metavar="NUMBER", help=_("undo the import with this number (from the list)"))
    p.add_argument("--keep-edited", action="store_true",
                   help=_("when undoing: keep the entries changed since the import (the others are removed)"))
    p.add_argument("--yes", action="store_true", help=_("undo without asking (after the preview)"))
    unlock_options(p)


def _when(instant, fmt, zone_name: str) -> str:
    local = local_instant(instant, zone_name)
    return f"{fmt.date(local.date())}, {fmt.time(local)}"


def _describe(batch, fmt, zone_name: str) -> str:
    when = _when(batch.imported_at, fmt, zone_name)
    if batch.file_name:
        return _("{app} “{file}” into {name}’s journal on {when}").format(
            app=batch.app, file=shown(batch.file_name), name=shown(batch.person_name), when=when)
    return _("{app} into {name}’s journal on {when}").format(app=batch.app, name=shown(batch.person_name), when=when)


def cmd_imports(paths, args, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    if args.undo is None and (args.keep_edited or args.yes):
        raise CliError(_("--keep-edited and --yes go with --undo NUMBER. See the list with: caregiver-app imports"),
                       EXIT_BAD_INPUT)
    fmt = report_format(paths)
    zone_name = settings_zone_name(paths)
    vault = open_vault(paths, args, stdin, err)
    with ctrl_c_after_saving() as guard:  # a Ctrl+C once the undo is saved: closed and told, exit 0
        try:
            return _list_or_undo(vault, args, stdin, out, fmt, zone_name, guard)
        finally:
            vault.close()


def _list_or_undo(vault, args, stdin: TextIO, out: TextIO, fmt, zone_name: str, guard: SavedGuard) -> int:
    from .services import import_batches

    if args.undo is None:
        found = import_batches.list_imports(vault)
        if not found:
            print(_("No imports have been made into this vault yet."), file=out)
            return EXIT_OK
        for batch in found:
            status = import_batches.status_words(batch, lambda t: _("on {when}").format(when=_when(t, fmt, zone_name)),
                                                 fmt.integer)
            new = ngettext("{count} new entry", "{count} new entries", batch.new_entries).format(
                count=_number(batch.new_entries))
            print(f"{batch.id:>4}  {_describe(batch, fmt, zone_name)}: {new}, {status}", file=out)
        print(_("To undo one: caregiver-app imports --undo NUMBER"), file=out)
        return EXIT_OK
    missing = CliError(_("There is no import number {number}. See the list with: caregiver-app imports").format(
        number=args.undo), EXIT_BAD_INPUT)
    if not 0 < args.undo < 2**63:  # the database's numbers end there (a bigger one overflows)
        raise missing
    try:
        plan = import_batches.plan_undo(vault, args.undo)
    except import_batches.NotFoundError:
        raise missing from None
    except import_batches.NothingToUndo as exc:
        print(_("{problem} Nothing was changed.").format(problem=exc), file=out)
        return EXIT_OK
    _print_plan(plan, args.keep_edited, fmt, zone_name, out)
    from .cli_vault import _ask_yes

    removing = plan.entries - (len(plan.edited) if args.keep_edited else 0)
    question = ngettext("Remove {count} entry?", "Remove {count} entries?", removing).format(count=_number(removing))
    if not _ask_yes(args, stdin, out, question):
        print(_("Nothing was changed."), file=out)
        return EXIT_OK
    result = guard.run(
        lambda: import_batches.undo_import(vault, args.undo, keep_edited=args.keep_edited, expected=plan),
        lambda: import_batches.get_import(vault, args.undo).undone_at is not None)
    if result is None:
        print(_(SAVED_THEN_STOPPED), file=out)
        return EXIT_OK
    return _print_undone(result, args.undo, out)


def _print_undone(result, number: int, out: TextIO) -> int:
    done = ngettext("Removed {count} entry of import {number}.", "Removed {count} entries of import {number}.",
                    result.removed).format(count=_number(result.removed), number=number)
    if result.kept:
        done += " " + ngettext("{count} changed entry stays.", "{count} changed entries stay.", result.kept).format(
            count=_number(result.kept))
    print(done, file=out)
    if result.backup_name:  # the same form as the import's line (cli_exchange.print_batch)
        print(_("Backup made before the undo: {name}").format(name=result.backup_name), file=out)
    return EXIT_OK


def _print_plan(plan, keep_edited: bool, fmt, zone_name: str, out: TextIO) -> None:
    from .domain import timeutil

    print(_("Import {number}: {what}.").format(number=plan.batch.id, what=_describe(plan.batch, fmt, zone_name)), file=out)
    print(ngettext("Undoing it removes {count} entry it added, with its symptoms, tags and doses.",
                   "Undoing it removes {count} entries it added, with their symptoms, tags and doses.",
                   plan.entries).format(count=_number(plan.entries)), file=out)
    if not plan.edited:
        return
    edited = len(plan.edited)
    print(ngettext("{count} of them was changed after the import:", "{count} of them were changed after the import:",
                   edited).format(count=_number(edited)), file=out)
    for entry in plan.edited[:SHOW_EDITED]:
        tz = timeutil.zone_or(entry.zone_name, timeutil.zone("UTC"))
        local = timeutil.utc_to_local(entry.occurred_at, tz)
        print(f"    {fmt.date(entry.local_date)}, {fmt.time(local)}", file=out)
    if len(plan.edited) > SHOW_EDITED:
        print("    " + _("and {count} more").format(count=_number(len(plan.edited) - SHOW_EDITED)), file=out)
    if keep_edited:
        print(_("They stay in the journal (--keep-edited); the others are removed."), file=out)
    else:
        print(_("They are removed too. To keep them, add --keep-edited."), file=out)


# the Daylio-only alias of ``import`` (its parser is in cli.build_parser)
def cmd_import(paths, args, stdin, out, err) -> int:
    from .reports.collector import collector_paused

    # the collector paused as for 'import'; a piped passphrase's derivation runs meanwhile
    with collector_paused(age_on_resume=True), unlocking_early(paths, args, stdin) as early, \
            ctrl_c_after_saving() as guard:
        return _import_daylio(paths, args, stdin, out, err, early, guard)


def _import_daylio(paths, args, stdin, out, err, early, guard: SavedGuard) -> int:
    from .importers.daylio import DaylioFormatError
    from .services import imports

    data = imports.read_import_file(args.file)
    mood_map = imports.parse_mood_map(args.mood_map)
    from .cli_exchange import levels_needed, print_batch, print_days

    try:
        imports.preview_daylio(data, mood_map)  # a file that cannot be read fails before the vault opens
    except DaylioFormatError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    zone_name = zone_for(paths, args, err)

    def run(vault):  # levels chosen at an earlier Daylio import count: the vault must be open
        name = person_name(vault, args, stdin)
        started = utc_now()
        try:
            return guard.run(lambda: imports.import_daylio(vault, data, name, mood_map, zone_name,
                                                           file_name=args.file.name),
                             lambda: imported_since(vault, started, args.file.name))
        except imports.MoodMappingNeeded as exc:
            raise levels_needed(exc.labels, _("These mood labels need a level from 1 (very low) to 5 (very good) "
                                                 "before anything is imported:")) from None

    from .services.clock import utc_now

    report = with_vault(paths, args, stdin, err, run, early=early)
    if report is None:  # stopped after the import was saved
        print(_(SAVED_THEN_STOPPED), file=out)
        return EXIT_OK
    p = report.preview
    fmt = report_format(paths)
    print(_("Rows read: {count}").format(count=p.rows), file=out)
    print_days(p, fmt, out)
    print(_("Distinct activities: {count}").format(count=p.distinct_activities), file=out)
    print(_("Entries per mood label:"), file=out)
    for info in p.labels:
        print("    " + _("{label}: {count} (level {level})").format(label=shown(info.label), count=info.count, level=info.level),
              file=out)
    if p.date_order_note:
        print(p.date_order_note, file=out)
    for row in report.skipped:
        print(_("Skipped line {line}: {reason}").format(line=row.line, reason=row.reason), file=out)
    if report.already_present:
        print(_("Entries already in the journal were left as they were, mood levels included."), file=out)
    print(report.summary_line(), file=out)
    print_batch(report, out)
    return EXIT_OK


COMMANDS = {"imports": cmd_imports, "import-daylio": cmd_import}
