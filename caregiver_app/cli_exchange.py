"""Commands that bring a history in and take it out: ``import``, ``export-fhir``, ``export-journal``.

``import FILE --person NAME`` recognises the file (Daylio CSV or backup, Bearable, iMoodJournal,
eMoods, or any other CSV through ``--map``) and prints the same counts for every format.
``import-daylio`` (in :mod:`caregiver_app.cli`) stays as the Daylio-only alias.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .i18n import N_, _, ngettext
from .cli import (
    EXIT_BAD_INPUT,
    EXIT_CODES_HELP,
    EXIT_NEEDS_DECISION,
    EXIT_OK,
    CliError,
    _number,
    _find,
    _quote,
    open_vault,
    output_file,
    person_name,
    person_options,
    report_format,
    shown,
    zone_for,
    unlock_options,
    unlocking_early,
)

FORMATS = ("auto", "daylio", "daylio-backup", "bearable", "imoodjournal", "emoods", "generic")


def add_parsers(sub) -> None:
    """Add ``import``, ``export-fhir`` and ``export-journal`` to the sub-command parser ``sub``."""

    def parser(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                              epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter)

    p = parser("import", "import a journal from another app (Daylio, Bearable, iMoodJournal, eMoods or any CSV)")
    p.add_argument("file", type=Path, metavar="FILE", help=_("the export or backup file"))
    person_options(p, _("whose journal it is (added if new)"))
    p.add_argument("--format", choices=FORMATS, default="auto", help=_("what the file is (default: recognised from its content)"))
    p.add_argument("--map", action="append", default=[], metavar="ROLE=COLUMN",
                   help=_("for a CSV from another app: which column holds date, time, mood, notes or tags, "
                        "and scale=1-10 (or words); repeat for each"))
    p.add_argument("--mood-rule", default="", metavar="A,B,C,D",
                   help=_("how a 1-10 mood becomes 1-5: the highest value of levels 1-4 (default 2,4,6,8)"))
    p.add_argument("--mood-map", action="append", default=[], metavar="LABEL=LEVEL",
                   help=_("mood level 1 (very low) to 5 (very good) for a mood word; repeat for each"))
    p.add_argument("--timezone", default="", metavar="ZONE", help=_("time zone of the times in the file (default: the settings' time zone, else this computer's)"))
    unlock_options(p)

    for name, what, suffix in (("export-fhir", _("write a FHIR R4 bundle (JSON) for a clinic's system"), "FILE.json"),
                               ("export-journal", _("write the whole journal as one web page the family can read"),
                                "FILE.html")):
        p = parser(name, what)
        person_options(p, _("whose record to export"))
        p.add_argument("-o", "--output", required=True, type=Path, metavar=suffix)
        p.add_argument("--timezone", default="", metavar="ZONE", help=_("show times in this zone (default: the settings' time zone, else this computer's)"))
        unlock_options(p)
    from .cli_imports import add_parsers as add_imports_parsers  # imports (the list, undo)

    add_imports_parsers(sub)


def cmd_import_any(paths, args, stdin, out, err) -> int:
    from .cli_imports import ctrl_c_after_saving
    from .reports.collector import collector_paused

    # Tens of thousands of short-lived rows, tags and links, none in a cycle: the cyclic garbage
    # collector would walk every live object (the modules' too) again and again, about a quarter
    # of the command's own time. When it resumes, what the command made joins the oldest
    # generation (age_on_resume): else the first young collection after the pause walks all of
    # it, the modules loaded meanwhile included (0.05 s of the command, after the import is done).
    with collector_paused(age_on_resume=True), ctrl_c_after_saving() as guard:  # a Ctrl+C once saved: told as saved, exit 0
        return _import_any(paths, args, stdin, out, err, guard)


def _import_any(paths, args, stdin, out, err, guard) -> int:
    from .cli_imports import SAVED_THEN_STOPPED, imported_since
    from .services.clock import utc_now

    # A piped passphrase's key derivation runs while the modules load and the file is parsed.
    with unlocking_early(paths, args, stdin) as early:
        vault, data, kind, columns, parsed, mood_map = _read_and_unlock(paths, args, stdin, out, err, early)
    from .importers.common import ImportFormatError, ScaleRule
    from .importers.daylio import DaylioFormatError
    from .importers.generic import read_header
    from .services import import_any, imports

    try:
        try:
            if parsed is None:
                columns = import_any.remembered_columns(vault, data)
                if columns is None:
                    header = read_header(data)
                    raise CliError(
                        f"{import_any.UNKNOWN_CSV}\n" + _("Its columns: {columns}").format(
                            columns=", ".join(_quote(h) for h in header))
                        + "\n" + _("For example: {hint}").format(
                            hint="--map date=COLUMN --map mood=COLUMN --map scale=1-10 --map notes=COLUMN"),
                        EXIT_NEEDS_DECISION,
                    )
                parsed = import_any.parse(data, kind, columns)
            # words whose level was chosen at an earlier import of this app need no --mood-map again
            mood_map = imports.merged_map(import_any.kept_words(vault, kind), mood_map)
            prev = import_any.preview_parsed(parsed, mood_map=mood_map)
            rule = None
            if prev.rule is not None:
                rule = ScaleRule.parse(args.mood_rule, prev.rule.low, prev.rule.high) if args.mood_rule else (
                    import_any.remembered(vault, data, kind, parsed=parsed).rule or prev.rule)
            if prev.unmapped:
                raise levels_needed(prev.unmapped, _("These mood words need a level from 1 (very low) to 5 (very good) "
                                                       "before anything is imported:"))
            name, zone_name, started = person_name(vault, args, stdin), zone_for(paths, args, err), utc_now()
            report = guard.run(lambda: import_any.import_file(vault, data, name, kind, rule=rule, mood_map=mood_map,
                                                              columns=columns, zone_name=zone_name, parsed=parsed,
                                                              file_name=args.file.name),
                               lambda: imported_since(vault, started, args.file.name))
        except (ImportFormatError, DaylioFormatError) as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from None
        except imports.MoodMappingNeeded as exc:
            raise CliError(str(exc), EXIT_NEEDS_DECISION) from None
    finally:
        vault.close()
    if report is None:  # stopped after the import was saved
        print(_(SAVED_THEN_STOPPED), file=out)
        return EXIT_OK
    _print_report(report, out, report_format(paths))
    return EXIT_OK


def _read_and_unlock(paths, args, stdin, out, err, early):
    """Read and parse the file (a file that cannot be imported fails before the vault opens),
    then open the vault. Returns ``(vault, data, kind, columns, parsed, mood_map)``."""
    from .importers.common import ImportFormatError
    from .importers.daylio import DaylioFormatError
    from .importers.generic import ColumnMap
    from .services import import_any, imports

    data = imports.read_import_file(args.file)
    mood_map = imports.parse_mood_map(args.mood_map)
    try:
        detected = import_any.detect(data) if args.format == "auto" else None
        kind = detected.kind if detected is not None else args.format
        columns = ColumnMap.from_pairs(args.map) if args.map else None
        print(_("This is {kind}.").format(kind=_(import_any.KINDS[kind])), file=out)
        # The file is parsed once, before the vault opens (a file that cannot be read fails at
        # once), and carried through the preview, the remembered rule and the import. A CSV from
        # an unknown app without --map waits for the column map kept in the vault.
        parsed = detected.parsed if detected is not None else None
        if parsed is None and (kind != "generic" or columns is not None):
            parsed = import_any.parse(data, kind, columns)
    except (ImportFormatError, DaylioFormatError) as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    return open_vault(paths, args, stdin, err, early=early), data, kind, columns, parsed, mood_map


def _print_report(report, out, fmt) -> None:
    from .domain.model import MoodLevel

    p = report.preview
    if p.rule is not None:
        print(_("Mood rule ({low}-{high} to 1-5): {rule} (change it with --mood-rule {text})").format(
            low=p.rule.low, high=p.rule.high, rule=p.rule.describe(), text=p.rule.text()), file=out)
    for note in p.rule_notes:
        print(note, file=out)
    print(_("Rows read: {count}").format(count=p.records), file=out)
    print(_("Entries: {count}").format(count=p.entries), file=out)
    print_days(p, fmt, out)
    print(_("Entries per mood level:"), file=out)
    for level in (5, 4, 3, 2, 1, None):
        if p.per_level.get(level):
            name = f"{MoodLevel(level).label} ({level})" if level else _("no mood")
            print(f"    {name}: {p.per_level[level]}", file=out)
    for row in report.skipped:
        print(_("Skipped line {line}: {reason}").format(line=row.line, reason=row.reason), file=out)
    print(report.summary_line(), file=out)
    print_batch(report, out)


def print_days(p, fmt, out) -> None:
    """How many days a preview ``p`` covers, and its first and last entries."""
    print(_("Distinct days: {count}").format(count=p.distinct_days), file=out)
    if p.first_entry and p.last_entry:
        print(_("First entry: {date}, {time}").format(date=fmt.date(p.first_entry.date()), time=fmt.time(p.first_entry)),
              file=out)
        print(_("Last entry: {date}, {time}").format(date=fmt.date(p.last_entry.date()), time=fmt.time(p.last_entry)),
              file=out)


def levels_needed(unmapped, what: str) -> CliError:
    """The error, opening with the sentence ``what``, for mood labels in ``unmapped`` ``(label, entries)`` that have no
    level yet, with a ready ``--mood-map`` hint (exit 3: a decision is needed)."""
    lines = ["    " + ngettext("{label}: {count} entry", "{label}: {count} entries", n).format(
        label=repr(label), count=_number(n)) for label, n in unmapped]
    hint = " ".join(f"--mood-map {_quote(shown(label) + '=LEVEL')}" for label, _count_unused in unmapped)
    return CliError(what + "\n" + "\n".join(lines) + "\n" + _("For example: {hint}").format(hint=hint),
                    EXIT_NEEDS_DECISION)


def print_batch(report, out) -> None:
    """The backup made first and how to undo the import."""
    if report.summary.backup_name:
        print(_("Backup made before the import: {name}").format(name=report.summary.backup_name), file=out)
    if report.batch_id is not None and report.new:
        print(_("This is import {number}; to undo it: caregiver-app imports --undo {number}").format(
            number=report.batch_id), file=out)


def _person_and_output(paths, args, stdin, err, default_name):
    from .domain import timeutil

    if args.timezone:
        timeutil.zone(args.timezone)
    output = output_file(args, default_name)
    vault = open_vault(paths, args, stdin, err)
    try:
        person = _find(vault, args, stdin)
    except BaseException:
        vault.close()
        raise
    return vault, person, output


def cmd_export_fhir(paths, args, stdin, out, err) -> int:
    from .services import export_fhir

    vault, person, output = _person_and_output(paths, args, stdin, err, export_fhir.default_filename)
    try:
        result = export_fhir.write_fhir(vault, person.id, output, zone_name=zone_for(paths, args, err))
    finally:
        vault.close()
    parts = ", ".join(f"{_number(n)} {kind}" for kind, n in sorted(result.counts.items()))  # 50,000 as the other exports
    print(_("Saved the health record to {path} ({parts}).").format(path=result.path, parts=parts), file=out)
    return EXIT_OK


def cmd_export_journal(paths, args, stdin, out, err) -> int:
    from .services import export_readable

    vault, person, output = _person_and_output(paths, args, stdin, err, export_readable.default_filename)
    try:
        result = export_readable.write_readable(vault, person.id, output, zone_name=zone_for(paths, args, err),
                                                fmt=report_format(paths))
    finally:
        vault.close()
    print(ngettext("Saved the journal to {path} ({count} entry).", "Saved the journal to {path} ({count} entries).",
                   result.entries).format(path=result.path, count=_number(result.entries)), file=out)
    return EXIT_OK


COMMANDS = {"import": cmd_import_any, "export-fhir": cmd_export_fhir, "export-journal": cmd_export_journal}

from .cli_imports import COMMANDS as IMPORTS_COMMANDS  # noqa: E402  (needs cli's names, as this module)

COMMANDS.update(IMPORTS_COMMANDS)
