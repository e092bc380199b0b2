"""The ``summary`` command: a visit summary PDF, in the language chosen with ``--language`` (the
command line itself speaks the settings' language)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli import EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_OK, CliError, _find, _number, _parse_day
from .cli import check_person_given, open_vault, output_file, person_options, report_format, unlock_options
from .cli import unlocking_early
from .cli_language import language_option
from .i18n import _, ngettext


def add_parser(sub, argv: list[str] | None = None) -> None:
    """Add ``summary`` to the sub-command parser ``sub``. When ``argv`` (the arguments to parse)
    cannot select this command, the ``--sections`` help is left empty: only ``summary --help``
    shows it, and making it loads domain.summary, which another command has no use for."""
    p_sum = sub.add_parser(
        "summary", help=_("write a visit summary PDF"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    person_options(p_sum, _("whose visit summary it is"))
    p_sum.add_argument("--from", dest="start", required=True, metavar="DATE", help=_("first day, YYYY-MM-DD"))
    p_sum.add_argument("--to", dest="end", required=True, metavar="DATE", help=_("last day, YYYY-MM-DD"))
    p_sum.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    p_sum.add_argument("--paper", choices=("letter", "a4"), default=None,
                       help=_("default: the paper setting (Letter or A4 by the country)"))
    p_sum.add_argument("--sections", default="default", metavar="all|LIST", help=_sections_help(argv))
    p_sum.add_argument("--prepared-by", metavar="NAME", default=None, help=_("who prepared it (default: saved name)"))
    p_sum.add_argument("--relationship", metavar="WORDS", default="",
                       help=_("how the preparer is related, e.g. wife (printed beside the name)"))
    p_sum.add_argument("--phone", metavar="NUMBER", default="", help=_("the preparer's phone number (printed)"))
    p_sum.add_argument("--leave-out", action="append", default=[], metavar="WORD",
                       help=_("a symptom, activity or stressor to keep out of the summary (repeatable); "
                            "the word is also hidden in notes"))
    p_sum.add_argument("--timezone", default="", metavar="ZONE")
    language_option(p_sum, _("the summary"))
    unlock_options(p_sum)


def _sections_help(argv: list[str] | None) -> str | None:
    """The ``--sections`` help, or None when no word of ``argv`` can name this command (argparse
    picks a command by its exact name; every prefix of it is counted too, to be safe)."""
    if argv is not None and not any(word and "summary".startswith(word) for word in argv):
        return None
    from .cli_settings import sections_help

    return sections_help()


def cmd_summary(paths, args, stdin, out, err) -> int:
    from .reports.collector import collector_paused

    # Paused for the whole command, as for 'import': the modules it loads (a gen-2 walk of them
    # all came mid-import), the journal read and the PDF are hundreds of thousands of objects
    # the collector would walk again and again.
    with collector_paused(age_on_resume=True):
        return _summary(paths, args, stdin, out, err)


def _summary(paths, args, stdin, out, err) -> int:
    from . import settings as app_settings
    from .cli_settings import environment_locale, load_settings, parse_sections
    from .domain import crisis_lines, timeutil
    from .domain.summary import LeaveOut, SummaryChoices, check_range, default_filename

    sections = parse_sections(args.sections)
    words = [" ".join(w.split()) for w in args.leave_out]
    if any(not w for w in words):
        raise CliError(_("--leave-out needs a word, for example --leave-out alcohol."), EXIT_BAD_INPUT)
    leave_out = LeaveOut(symptoms=frozenset(words), tags=frozenset(words))
    start, end = _parse_day(args.start, "--from"), _parse_day(args.end, "--to")
    check_range(start, end)
    output = output_file(args, default_filename)
    check_person_given(args)
    settings, _path = load_settings(paths, err)
    country = app_settings.effective_country(settings, environment_locale())
    zone_name = args.timezone or settings.time_zone
    if zone_name:  # an unknown zone is bad input, told before the vault opens (as export-csv tells it)
        timeutil.zone(zone_name)
    with unlocking_early(paths, args, stdin) as early:
        if early is not None and early.pending is not None:
            # Once its key has derived, the background thread goes on with the open's checks
            # (quick_check on its own connection; nothing is written or printed until it passed:
            # see EarlyPassphrase.check_ahead) while the lines below load and prepare.
            early.pending.check_ahead()
        from .services import summary

        fmt = report_format(paths)
        if early is not None:
            # A piped passphrase's key derives in a background thread meanwhile: what needs no
            # vault (the modules that read the journal and draw the PDF, the fonts, the dates'
            # words) is done in that time instead of after it. A passphrase typed at the prompt
            # is asked for first, without this wait.
            summary.prepare_pdf(fmt=fmt, language=args.language, country=country)
        vault = open_vault(paths, args, stdin, err, early=early)
    try:
        person = _find(vault, args, stdin)
        data = summary.build_summary(
            vault, summary.SummaryRequest(person.id, start, end,
                                          SummaryChoices(sections=sections, leave_out=leave_out,
                                                         language=args.language)),
            prepared_by=args.prepared_by, preparer_relationship=args.relationship, preparer_phone=args.phone,
            zone_name=zone_name, country=country,
            user_lines=crisis_lines.user_lines_from_dicts(settings.crisis_lines),
        )
    finally:
        vault.close()
    written = summary.write_summary_pdf(
        data, output, paper=args.paper or app_settings.paper_for(settings, country), fmt=fmt,
        language=args.language, country=country,
    )
    n = len(data.entries)
    # Freed now, not as the command returns after the line below: a ten-year summary's rows take
    # milliseconds to free, and a Ctrl+C then was told "stopped. Nothing was half-written." (exit 1)
    # after the PDF had been saved and said so (leave_now ignores the key only once this returns).
    del data
    print(ngettext("Saved the visit summary to {path} ({count} entry).",
                   "Saved the visit summary to {path} ({count} entries).", n).format(path=written, count=_number(n)),
          file=out)
    return EXIT_OK


COMMANDS = {"summary": cmd_summary}
