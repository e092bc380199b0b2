"""Headless commands: the same services as the GUI, no Qt.

Shape: ``caregiver-app [--data-dir DIR] COMMAND [options]``. Passphrases are never taken as
arguments: the keyring is used when the vault is remembered, else ``--passphrase-stdin`` (one
line from standard input), else a hidden prompt on a terminal.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from .i18n import N_, _, ngettext
from . import APP_NAME, __version__
from .domain.errors import CaregiverError, ValidationError
from .storage.errors import DiskFullError
from .installation import IncompleteInstallError, require_complete
from .cli_language import use_cli_language

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_NEEDS_DECISION = 3
EXIT_CANNOT_UNLOCK = 4
EXIT_VAULT = 5
EXIT_DISK = 6
EXIT_INCOMPLETE = 7

# The numbers are EXIT_OK .. EXIT_INCOMPLETE above (a test keeps them in step); shown with _().
EXIT_CODES_HELP = N_("""\
exit codes:
  0  done
  1  something unexpected went wrong (nothing half-written)
  2  bad input: a wrong option, date, file or value
  3  a decision is needed first (e.g. mood labels to map with --mood-map)
  4  cannot unlock: wrong passphrase, or no way to ask for one
  5  no vault here yet, a vault already exists, or the vault cannot be opened
  6  the disk is full (nothing half-written: free some space and try again)
  7  this installation is incomplete: reinstall the app (nothing was written)
""")


class CliError(Exception):
    """A message for standard error and the exit code to end with."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own wording, our exit code
        self.print_usage(sys.stderr)
        raise CliError(message, EXIT_BAD_INPUT)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser (also used by ``--help``). With ``argv``, the arguments it will
    parse: parts only another command's own ``--help`` shows may then be left out (see
    :func:`caregiver_app.cli_summary.add_parser`); the top-level help, every command's name and
    help line and every error stay the same."""
    parser = _Parser(
        prog="caregiver-app",
        description=_("{app}: an encrypted journal that prints visit summaries. "
                      "With no command, the app window opens.").format(app=APP_NAME),
        epilog=_(EXIT_CODES_HELP),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--data-dir", metavar="DIR", type=Path, help=_("use the vault in DIR instead of the usual folder"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check that this installation works (prints a JSON report; your vault is not touched)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p_init = sub.add_parser(
        "init", help=_("create a new vault and print its recovery code"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_init.add_argument("--no-keyring", action="store_true", help=_("do not remember the vault on this computer"))
    p_init.add_argument(
        "--passphrase-stdin", action="store_true", help=_("read the new passphrase as one line from standard input")
    )

    p_imp = sub.add_parser(
        "import-daylio", help=_("import a Daylio CSV export (the same as: import FILE --format daylio)"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_imp.add_argument("file", type=Path, metavar="FILE", help=_("the Daylio export (CSV)"))
    person_options(p_imp, _("whose journal it is (added if new)"))
    p_imp.add_argument(
        "--mood-map", action="append", default=[], metavar="LABEL=LEVEL",
        help=_("mood level 1 (very low) to 5 (very good) for a label; repeat for each label"),
    )
    p_imp.add_argument("--timezone", default="", metavar="ZONE", help=_("time zone of the times in the file, e.g. Europe/Berlin (default: the time zone in "
                       "the settings, else this computer's)"))
    unlock_options(p_imp)

    from .cli_summary import add_parser as add_summary_parser

    add_summary_parser(sub, argv)

    p_csv = sub.add_parser(
        "export-csv", help=_("write a person's whole journal as a CSV file (opens in Excel and LibreOffice)"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    person_options(p_csv, _("whose journal to export"))
    p_csv.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.csv")
    p_csv.add_argument("--timezone", default="", metavar="ZONE", help=_("show times in this zone (default: the time zone in the settings, else this computer's)"))
    unlock_options(p_csv)

    p_people = sub.add_parser(
        "people", help=_("list the people in the vault with their numbers (for --person-number)"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    unlock_options(p_people)

    from .cli_settings import add_parsers as add_settings_parsers  # settings, safety-plan
    from .cli_exchange import add_parsers as add_exchange_parsers  # import, export-fhir, export-journal
    from .cli_vault import add_parsers as add_vault_parsers  # backup, restore, export-vault, …
    from .cli_share import add_parsers as add_share_parsers  # share, sync

    add_exchange_parsers(sub)
    add_share_parsers(sub)
    add_vault_parsers(sub)
    add_settings_parsers(sub)
    return parser


# --- secrets --------------------------------------------------------------------------------


NOT_UTF8 = N_("What arrived on standard input is not readable text (it must be UTF-8).")
# A passphrase is at most 1,024 characters (4 bytes each at most); names are shorter. The cap
# keeps an endless stream without line ends (/dev/zero, a runaway pipe) from filling memory.
MAX_STDIN_LINE_BYTES = 64 * 1024
LINE_TOO_LONG = N_("The line on standard input is too long (more than 64 KB). Nothing was changed.")


def read_bounded_line(stdin: TextIO) -> str:
    """One line of standard input (with its line end, "" at the end of input), read as strict
    UTF-8 and at most :data:`MAX_STDIN_LINE_BYTES` long. Raises :class:`CliError` (bad input)
    for bytes that are not UTF-8 or a longer line."""
    raw = getattr(stdin, "buffer", None)
    try:
        if raw is not None:
            data = raw.readline(MAX_STDIN_LINE_BYTES + 1)
            too_long = len(data) > MAX_STDIN_LINE_BYTES
            line = data.decode("utf-8")
        else:
            line = stdin.readline(MAX_STDIN_LINE_BYTES + 1)
            too_long = len(line) > MAX_STDIN_LINE_BYTES
            line.encode("utf-8")  # a stream decoded with surrogateescape: refuse the same way
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise CliError(_(NOT_UTF8), EXIT_BAD_INPUT) from None
    if too_long:
        raise CliError(_(LINE_TOO_LONG), EXIT_BAD_INPUT)
    return line


@contextmanager
def _not_echoed(stdin: TextIO):
    """While a secret is typed at a terminal (``--passphrase-stdin`` and the like given there),
    the terminal does not show it; a line end is written after it instead. Elsewhere (a pipe, a
    system without termios), nothing changes."""
    try:
        import termios

        fd = stdin.fileno()
        before = termios.tcgetattr(fd)
    except Exception:  # no termios (Windows), no file descriptor, or not a terminal after all
        yield
        return
    quiet = termios.tcgetattr(fd)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSAFLUSH, before)
        print(file=sys.stderr)


def _read_stdin_line(stdin: TextIO, what: str = "passphrase") -> str:
    """One line of standard input, read as UTF-8 whatever the locale says (a lenient decoder
    would turn stray bytes into characters no secret can hold), without a leading byte-order
    mark (some editors and Windows tools write one) or the line end. A secret (not a name) typed
    at a terminal is not shown while it is typed."""
    if what != "name" and stdin.isatty():
        with _not_echoed(stdin):
            line = read_bounded_line(stdin).removeprefix("\ufeff")
    else:
        line = read_bounded_line(stdin).removeprefix("\ufeff")
    if not line:
        if what == "passphrase":
            raise CliError(_("No passphrase arrived on standard input."), EXIT_CANNOT_UNLOCK)
        if what == "name":
            raise CliError(_("No name arrived on standard input."), EXIT_BAD_INPUT)
        raise CliError(_("Nothing arrived on standard input."), EXIT_BAD_INPUT)
    return line.rstrip("\r\n")


PERSON_HELP = N_("""\
the person:
  --person NAME shows the name to other programs on this computer (in the process list). To keep
  it private, use --person-stdin (the name as one line on standard input) or --person-number N
  (the numbers come from 'caregiver-app people'). When the passphrase or recovery code also comes
  on standard input, it is the first line and the person's name is the second line.
""")


def person_options(p: argparse.ArgumentParser, what: str) -> None:
    """``--person NAME`` | ``--person-stdin`` | ``--person-number N`` (exactly one)."""
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--person", metavar="NAME",
                       help=_("{what} (visible in the process list; see below)").format(what=what))
    group.add_argument("--person-stdin", action="store_true",
                       help=_("read the person's name as one line from standard input (after the passphrase line)"))
    group.add_argument("--person-number", type=int, metavar="N", help=_("the person's number from 'caregiver-app people'"))
    p.epilog = _(PERSON_HELP) + "\n" + (p.epilog or "")


def person_name(vault, args, stdin: TextIO) -> str:
    """The person's name from ``--person``, ``--person-stdin`` (read now, so after any secret
    line) or ``--person-number``. Raises :class:`CliError` (bad input) for an empty name or a
    number nobody has."""
    from .services import people

    if args.person_number is not None:
        match = next((p for p in people.list_people(vault) if p.id == args.person_number), None)
        if match is None:
            raise CliError(_("Nobody has the number {number}. To see the numbers, run: caregiver-app people").format(
                number=args.person_number), EXIT_BAD_INPUT)
        return match.display_name
    name = _read_stdin_line(stdin, "name") if args.person_stdin else args.person
    if not name.strip():
        raise CliError(_("Please give the person's name (--person, --person-stdin or --person-number)."), EXIT_BAD_INPUT)
    return name


def shown(text: str) -> str:
    """Text from the vault, a file or another computer (a name, a label) as the terminal may
    print it: control characters (escape codes that could rewrite the screen or the window title)
    become "?"."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _find(vault, args, stdin: TextIO):
    from .services import people

    name = person_name(vault, args, stdin)
    person = people.find_person(vault, name)
    if person is None:
        # a name typed on the command line is echoed; one read from standard input is not
        if args.person is not None:
            raise CliError(_("There is nobody called {name} in this vault. To see who is, run: caregiver-app people")
                           .format(name=shown(name)), EXIT_BAD_INPUT)
        raise CliError(_("There is nobody of that name in this vault. To see who is, run: caregiver-app people"),
                       EXIT_BAD_INPUT)
    return person


def ask_secret(prompt: str) -> str:
    """A secret typed at the terminal (not echoed). Raises :class:`CliError` (bad input) when
    the terminal sends bytes that are not text."""
    try:
        secret = getpass.getpass(prompt)
        secret.encode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise CliError(_("What was typed is not readable text (the terminal must send UTF-8)."), EXIT_BAD_INPUT) from None
    return secret.removeprefix("\ufeff")


def unlock_either(vs, paths, secret: str):
    """``(vault, "passphrase" | "recovery")``: the secret typed at a prompt that takes either.
    The passphrase is tried first, so a passphrase that happens to look like a recovery code
    always works; a recovery code is tried only when the passphrase did not fit. Raises
    :class:`WrongSecretError` when neither opens the vault."""
    from .services import vault_open

    try:
        return vault_open.unlock_with_passphrase(paths, secret), "passphrase"
    except vs.WrongSecretError as wrong:
        try:
            return vault_open.unlock_with_recovery_code(paths, secret), "recovery"
        except vs.RecoveryCodeTypoError:  # not a recovery code at all: it was a wrong passphrase
            raise wrong from None


def refuse_weak_passphrase(phrase: str, confirm: str | None) -> None:
    """Raises :class:`CliError` (bad input) with the plain words of the app's passphrase rules
    when ``phrase`` is too short or weak, or ``confirm`` (None: not asked) does not match it."""
    from .services.vault import passphrase_problem

    problem = passphrase_problem(phrase, confirm)
    if problem:
        raise CliError(problem, EXIT_BAD_INPUT)


def _new_passphrase(args, stdin: TextIO) -> str:
    if args.passphrase_stdin:
        phrase = _read_stdin_line(stdin)
        confirm = None
    elif stdin.isatty():
        phrase = ask_secret(_("Choose a passphrase (at least 10 characters): "))
        confirm = ask_secret(_("Type it again: "))
    else:
        raise CliError(_("Use --passphrase-stdin to give the new passphrase when not at a terminal."), EXIT_BAD_INPUT)
    refuse_weak_passphrase(phrase, confirm)
    return phrase


def unlock_options(p: argparse.ArgumentParser, what: str = "") -> None:
    """``--passphrase-stdin`` or ``--recovery-code-stdin`` (one line from standard input)."""
    what = what or _("the vault")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--passphrase-stdin", action="store_true",
                       help=_("read the passphrase of {what} as one line from standard input").format(what=what))
    group.add_argument("--recovery-code-stdin", action="store_true",
                       help=_("read the recovery code of {what} as one line from standard input").format(what=what))


DAMAGED_HINT = N_("To put back your newest good backup, run: caregiver-app restore")


def _secret(args, stdin: TextIO) -> tuple[str, str]:
    """``("passphrase" | "recovery" | "either", secret)`` from standard input or a terminal prompt
    (which takes the passphrase or the recovery code)."""
    if getattr(args, "recovery_code_stdin", False):
        return "recovery", _read_stdin_line(stdin)
    if args.passphrase_stdin:
        return "passphrase", _read_stdin_line(stdin)
    if stdin.isatty():
        return "either", ask_secret(_("Passphrase (or your recovery code): "))
    raise CliError(_("The vault is locked. Give the passphrase with --passphrase-stdin (or the recovery code with "
                     "--recovery-code-stdin), or run this at a terminal."), EXIT_CANNOT_UNLOCK)


@dataclass(frozen=True)
class EarlySecret:
    """A passphrase read by :func:`unlocking_early` (or the error reading it gave, told later)."""

    secret: str | None
    problem: Exception | None = None
    pending: object | None = None  # services.vault_open.EarlyPassphrase: the derivation under way


@contextmanager
def unlocking_early(paths, args, stdin: TextIO):
    """For a passphrase piped in (``--passphrase-stdin``): read it now and start its key
    derivation in a background thread (Argon2id releases the GIL), so the command loads modules
    and reads and checks its file meanwhile. Hand what this yields to :func:`open_vault`
    (``early=``): everything wrong (no line, no vault, a damaged key file, a wrong passphrase) is
    still told there, in the same words and order and with the same exit code. The derivation has
    ended when the block has. Yields None when nothing can start early: no vault (told before any
    line is read, as always) or a terminal (a line typed there is waited for only after the
    command's own checks, as always)."""
    from .services import vault as vs

    if not getattr(args, "passphrase_stdin", False) or not vs.vault_exists(paths) or stdin.isatty() \
            or vs.keys_lost(paths):
        yield None
        return
    from .services import vault_open

    try:
        secret = _read_stdin_line(stdin)
    except Exception as exc:  # told where the passphrase would have been read, after the file's checks
        yield EarlySecret(None, exc)
        return
    pending = vault_open.start_passphrase_unlock(paths, secret)
    try:
        yield EarlySecret(secret, None, pending)
    finally:
        pending.wait()


def open_vault(paths, args, stdin: TextIO, err: TextIO, *, allow_damaged: bool = False,
               early: EarlySecret | None = None):
    """The open vault: the keyring when the vault is remembered and no secret was piped in, else
    the passphrase or recovery code (``early``: the one :func:`unlocking_early` read). With
    ``allow_damaged``, a ``DamageRecovery`` when the file is damaged. Raises :class:`CliError`
    with the right exit code for everything else."""
    from .services import vault as vs

    from .cli_folder import require_vault

    require_vault(paths)
    try:
        opened = _open_quietly(vs, paths, args, stdin, err, allow_damaged, early)
    except vs.KeyFileError as exc:
        raise CliError(str(exc), EXIT_VAULT) from None
    for notice in getattr(opened, "notices", ()):
        print(notice, file=err)
    return opened


def with_vault(paths, args, stdin: TextIO, err: TextIO, work, *, early: EarlySecret | None = None):
    """Open the vault (as :func:`open_vault` does), return ``work(vault)`` and lock it again,
    also when ``work`` raises."""
    vault = open_vault(paths, args, stdin, err, early=early)
    try:
        return work(vault)
    finally:
        vault.close()


def _open_quietly(vs, paths, args, stdin: TextIO, err: TextIO, allow_damaged: bool, early: EarlySecret | None):
    from .services import vault_open

    try:
        piped = args.passphrase_stdin or getattr(args, "recovery_code_stdin", False)
        if not piped and vault_open.is_remembered(paths):
            try:
                return vault_open.unlock_with_keyring(paths)
            except vs.KeyringUnavailableError as exc:
                print(_("{problem} Asking for the passphrase instead.").format(problem=exc), file=err)
        if early is not None and early.problem is not None:
            raise early.problem
        kind, secret = ("passphrase", early.secret) if early is not None else _secret(args, stdin)
        try:
            if kind == "recovery":
                return vault_open.unlock_with_recovery_code(paths, secret)
            if kind == "either":
                return unlock_either(vs, paths, secret)[0]
            if early is not None and early.pending is not None:
                return early.pending.unlock()
            return vault_open.unlock_with_passphrase(paths, secret)
        except (vs.WrongSecretError, vs.RecoveryCodeTypoError, vs.KdfTooCostlyError) as exc:
            raise CliError(str(exc), EXIT_CANNOT_UNLOCK) from None
    except vs.DamagedVaultError as exc:
        if allow_damaged:
            return exc.recovery
        if exc.recovered:  # what could be read is in place: go on with it, and say so
            print(_("{problem} To put back your newest backup instead, run: caregiver-app restore").format(problem=exc),
                  file=err)
            return exc.recovery.open_as_is()
        exc.recovery.close()
        raise CliError(f"{exc} {_(DAMAGED_HINT)}", EXIT_VAULT) from None


def report_format(paths):
    """How the command line writes dates and times: the locale of the environment (``LC_ALL``,
    ``LC_TIME``, ``LANG``) and the time-format setting of the data folder's settings file."""
    from .reports.formatting import locale_from_environment, report_format as make
    from .services.vault import VaultPaths
    from .settings import load_for_folder

    return make(locale_from_environment(), load_for_folder(paths.folder, VaultPaths.default().folder)[0].time_format)


def _parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(_("The {option} date “{text}” is not a date like 2026-11-30.").format(option=what, text=text),
                       EXIT_BAD_INPUT) from None


# --- commands -------------------------------------------------------------------------------


def output_file(args, default_name) -> Path:
    """Where ``-o`` asks a command to write: the file named, or inside a folder (``-o .``) the
    usual generic name ``default_name(today)``. Raises :class:`CliError` (bad input) when the
    folder does not exist, before anything is asked or opened."""
    output: Path = args.output.expanduser()
    if output.is_dir():
        output = output / default_name(date.today())
    if not output.parent.exists():
        raise CliError(_("The folder {folder} does not exist.").format(folder=output.parent), EXIT_BAD_INPUT)
    return output


def check_person_given(args) -> None:
    """Refuse an empty ``--person`` before the passphrase is asked for (:class:`CliError`)."""
    if args.person is not None and not args.person.strip():
        raise CliError(_("Please give the person's name with --person."), EXIT_BAD_INPUT)


def zone_for(paths, args, err) -> str:
    """``--timezone`` when given, else the data folder's time zone setting (``""``: the computer's),
    so the command line reads and writes times as the window does."""
    from .cli_settings import load_settings

    return args.timezone or load_settings(paths, err)[0].time_zone


def cmd_export_csv(paths, args, stdin, out, err) -> int:
    from .domain import timeutil
    from .services import export_csv

    zone_name = zone_for(paths, args, err)
    if zone_name:
        timeutil.zone(zone_name)
    output = output_file(args, export_csv.default_filename)
    check_person_given(args)
    result = with_vault(paths, args, stdin, err, lambda vault: export_csv.write_journal_csv(
        vault, _find(vault, args, stdin).id, output, zone_name=zone_name))
    print(ngettext("Saved the journal to {path} ({count} entry).", "Saved the journal to {path} ({count} entries).",
                   result.entries).format(path=result.path, count=_number(result.entries)), file=out)
    return EXIT_OK


def cmd_people(paths, args, stdin, out, err) -> int:
    from .services import people

    everyone = with_vault(paths, args, stdin, err, people.list_people)
    if not everyone:
        print(_("There is nobody in this vault yet."), file=err)
    for person in everyone:
        print(f"{person.id}  {shown(person.display_name)}", file=out)
    return EXIT_OK


def _number(n: int) -> str:
    """``1,500`` (``1.500`` under de_DE): a count grouped the way the environment's locale does."""
    from .reports.formatting import locale_from_environment, report_format as make

    return make(locale_from_environment(), None).integer(n)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


COMMANDS = {"export-csv": cmd_export_csv, "people": cmd_people}

from .cli_summary import COMMANDS as SUMMARY_COMMANDS  # noqa: E402  (needs the names above)
from .cli_settings import COMMANDS as SETTINGS_COMMANDS  # noqa: E402  (needs the names above)
from .cli_exchange import COMMANDS as EXCHANGE_COMMANDS  # noqa: E402  (needs the names above)
from .cli_vault import COMMANDS as VAULT_COMMANDS  # noqa: E402  (needs the names above)
from .cli_share import COMMANDS as SHARE_COMMANDS  # noqa: E402  (needs the names above)

COMMANDS.update(SUMMARY_COMMANDS)
COMMANDS.update(EXCHANGE_COMMANDS)
COMMANDS.update(VAULT_COMMANDS)
COMMANDS.update(SETTINGS_COMMANDS)
COMMANDS.update(SHARE_COMMANDS)


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a command; returns the exit code (see ``--help``). Never shows a traceback."""
    from .services.vault import VaultPaths

    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    if stdin is None:  # started with standard input closed (<&-): nothing arrives on it
        import io

        stdin = io.StringIO()
    try:
        use_cli_language(sys.argv[1:] if argv is None else argv)  # before the parser: its help is in this language
        parser = build_parser(sys.argv[1:] if argv is None else argv)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version end here
            return int(exc.code or 0)
        if not args.command:
            parser.print_help(out)
            return EXIT_BAD_INPUT
        paths = VaultPaths(args.data_dir.expanduser()) if args.data_dir else VaultPaths.default()
        require_complete()
        return COMMANDS[args.command](paths, args, stdin, out, err)
    except IncompleteInstallError as exc:
        print(f"caregiver-app: {exc}", file=err)
        return EXIT_INCOMPLETE
    except CliError as exc:
        print(f"caregiver-app: {exc}", file=err)
        return exc.code
    except DiskFullError as exc:  # before ValidationError: an export's full disk is both
        print(f"caregiver-app: {exc}", file=err)
        return EXIT_DISK
    except ValidationError as exc:
        print(f"caregiver-app: {exc}", file=err)
        return EXIT_BAD_INPUT
    except CaregiverError as exc:
        print(f"caregiver-app: {exc}", file=err)
        return EXIT_VAULT
    except KeyboardInterrupt:
        print(_("caregiver-app: stopped. Nothing was half-written."), file=err)
        return EXIT_INTERNAL
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            print(_("caregiver-app: the disk is full. Nothing was half-written."), file=err)
            return EXIT_DISK
        if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
            print(_("caregiver-app: This app may not write in that folder (it may be read-only, or belong to "
                    "another account). Nothing was changed."), file=err)
            return EXIT_BAD_INPUT
        else:
            print(_("caregiver-app: a file could not be read or written. Nothing was half-written."), file=err)
        return EXIT_INTERNAL
    except Exception as exc:  # last resort: no traceback, no message text (it could hold health data)
        from .storage.health import classify

        if classify(exc) == "full":
            print(_("caregiver-app: the disk is full. Nothing was half-written."), file=err)
            return EXIT_DISK
        print(_("caregiver-app: something unexpected went wrong ({kind}). Nothing was half-written.").format(
            kind=type(exc).__name__), file=err)
        return EXIT_INTERNAL
