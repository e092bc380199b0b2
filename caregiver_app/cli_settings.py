"""Command-line settings and documents: ``settings`` (list), ``settings set KEY VALUE`` and
``safety-plan`` (registered by :mod:`caregiver_app.cli`), plus the ``--sections`` reader that
``summary`` uses.

Settings belong to the data folder in use (``--data-dir`` keeps its own file); a damaged file
gives the defaults and one line on standard error.
"""

from __future__ import annotations

import argparse
import errno
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .i18n import N_, _, ngettext
from . import settings as app_settings
from .cli import (
    EXIT_BAD_INPUT,
    EXIT_CODES_HELP,
    EXIT_DISK,
    EXIT_OK,
    CliError,
    _find,
    check_person_given,
    open_vault,
    output_file,
    person_options,
    report_format,
    unlock_options,
)
from .cli_folder import refuse_folder_not_there
from .cli_language import language_option

if TYPE_CHECKING:
    from .domain.summary import Section

# domain.summary and domain.crisis_lines load where they are used, not with this module: every
# command's process loads it (cli.py's COMMANDS), and those two are about a hundredth of a second
# that only 'summary', 'settings' and 'safety-plan' need (tests/storage/test_cli_import_lean.py).

SETTABLE = ("country", "language", "time_format", "paper", "idle_lock_minutes", "time_zone")
"""The keys ``settings set`` changes, in the order ``settings`` lists them."""

SECTIONS_HELP = N_("which parts to print after the one-page brief: 'all', 'default' (the app's usual choice), "
                   "or a comma-separated list of: {names}")


def sections_help() -> str:
    """The ``--sections`` help in the language in force."""
    return _(SECTIONS_HELP).format(names=", ".join(section_names()))


def section_names() -> tuple[str, ...]:
    """The ``--sections`` words, in the summary's order (``care-team``, …)."""
    from .domain.summary import SECTION_ORDER

    return tuple(s.value.replace("_", "-") for s in SECTION_ORDER)


def add_parsers(sub) -> None:
    """Add ``settings`` and ``safety-plan`` to the sub-command parser ``sub``."""
    p = sub.add_parser(
        "settings", help=_("list the settings, or change one with: settings set KEY VALUE"),
        description=_("List the settings of this data folder, or change one. Keys: {keys}.").format(
            keys=", ".join(SETTABLE)),
        epilog="examples:\n  caregiver-app settings set country GB\n  caregiver-app settings set time_format 24h\n"
               "  caregiver-app settings set time_zone Europe/London\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", nargs="?", choices=("set",), help=_("'set' to change a setting"))
    p.add_argument("key", nargs="?", metavar="KEY", help=_("one of: {keys}").format(keys=", ".join(SETTABLE)))
    p.add_argument("value", nargs="?", metavar="VALUE", help=_("the new value (country: a two-letter code such as "
                   "GB, or 'none'; time_format: system, 12h or 24h; paper: auto, letter or a4; time_zone: an "
                   "IANA name such as Europe/London, or 'system')"))

    p = sub.add_parser(
        "safety-plan", help=_("write a person's safety plan as a one-page PDF (as the window prints it)"),
        epilog=_(EXIT_CODES_HELP), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    person_options(p, _("whose safety plan to print"))
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--paper", choices=("letter", "a4"), default=None, help=_("default: the paper setting"))
    language_option(p, _("the safety plan"))
    unlock_options(p)


def load_settings(paths, err: TextIO) -> tuple[app_settings.Settings, Path]:
    """The data folder's settings and their file; a damaged file is reported on ``err``."""
    from .services.vault import VaultPaths

    settings, notice, path = app_settings.load_for_folder(paths.folder, VaultPaths.default().folder)
    if notice:
        print(f"caregiver-app: {notice}", file=err)
    return settings, path


def parse_sections(text: str) -> frozenset[Section]:
    """``"all"``, ``"default"`` or a comma-separated list of section names (``care-team`` or
    ``care_team``). Raises :class:`CliError` (bad input) naming the unknown ones."""
    from .domain.summary import DEFAULT_SECTIONS, Section

    words = [w.strip().lower().replace("-", "_") for w in text.split(",") if w.strip()]
    if words == ["all"]:
        return frozenset(Section)
    if words == ["default"]:
        return DEFAULT_SECTIONS
    known = {s.value: s for s in Section}
    unknown = [w for w in words if w not in known]
    if unknown or not words:
        raise CliError(_("“{text}” is not a list of sections. Use 'all', 'default', or some of: {names}.").format(
            text=text[:60], names=", ".join(section_names())), EXIT_BAD_INPUT)
    return frozenset(known[w] for w in words)


def country_name(code: str) -> str:
    """The English name of a country code (``"GB"`` -> ``"United Kingdom"``; ``""`` -> ``""``)."""
    if not code:
        return ""
    from .domain import crisis_lines
    from .domain.phone_numbers import region_name

    return crisis_lines.BUILT_IN_COUNTRIES.get(code) or region_name(code).removeprefix("the ")


def country_words(code: str) -> str:
    """``"GB (United Kingdom)"``, or ``"not chosen"`` with the computer's country if it has one."""
    if not code:
        system = app_settings.effective_country(app_settings.Settings(), environment_locale())
        if system:
            return _("not chosen (the computer's country is used: {country})").format(country=country_words(system))
        return _("not chosen (this computer names no country: the local emergency number is shown)")
    name = country_name(code)
    return f"{code} ({name})" if name and name != code else code


def _value_words(settings: app_settings.Settings, key: str) -> str:
    value = getattr(settings, key)
    if key == "country":
        return country_words(value)
    if key == "paper" and value == "auto":
        country = app_settings.effective_country(settings, environment_locale())
        return _("auto (follows the country: {paper})").format(paper=app_settings.paper_for(settings, country))
    if key == "time_zone" and not value:
        return _("system (this computer's)")
    if key == "idle_lock_minutes" and value == 0:
        return _("0 (never)")
    return str(value)


def checked_value(key: str, raw: str) -> object:
    """The value ``raw`` for ``key``, checked. Raises :class:`CliError` (bad input) in plain words."""
    text = raw.strip()
    shown = text if len(text) <= 40 else text[:40] + "…"
    if key == "country":
        import phonenumbers

        from .domain import crisis_lines

        code = text.upper()
        if code in ("", "NONE", "SYSTEM"):
            return ""
        names = {name.casefold(): c for c, name in crisis_lines.BUILT_IN_COUNTRIES.items()}
        # "UK" and "EL" are what people (and the EU) write for the United Kingdom and Greece.
        code = {"UK": "GB", "EL": "GR"}.get(code) or names.get(" ".join(text.split()).casefold()) or code
        if len(code) != 2 or code not in phonenumbers.SUPPORTED_REGIONS:
            raise CliError(_("“{text}” is not a country code. Use two letters, such as US, GB, IE, AU, NZ, CA, ES, MX "
                             "or DE, or 'none'.").format(text=shown), EXIT_BAD_INPUT)
        return code
    if key == "language":
        if text.lower() not in app_settings.LANGUAGES:
            raise CliError(_("“{text}” is not a language this app speaks yet. Use: {codes}.").format(
                text=shown, codes=", ".join(app_settings.LANGUAGES)), EXIT_BAD_INPUT)
        return text.lower()
    choices = {"time_format": ("system", "12h", "24h"), "paper": ("auto", "letter", "a4")}
    if key in choices:
        if text.lower() not in choices[key]:
            raise CliError(_("“{text}” is not a value for {key}. Use one of: {values}.").format(
                text=shown, key=key, values=", ".join(choices[key])), EXIT_BAD_INPUT)
        return text.lower()
    if key == "idle_lock_minutes":
        if not text.isdigit() or int(text) > 24 * 60:
            raise CliError(_("“{text}” is not a number of minutes from 0 (never lock) to {most}.").format(
                text=shown, most=24 * 60), EXIT_BAD_INPUT)
        return int(text)
    if key == "time_zone":
        if text.lower() in ("", "system"):
            return ""
        by_folded = {name.casefold(): name for name in app_settings.time_zones()}
        text = text if text in app_settings.time_zones() else by_folded.get(text.casefold(), text)
        if text not in app_settings.time_zones():
            raise CliError(_("“{text}” is not a time zone. Use an IANA name such as Europe/London or "
                             "America/Chicago, or 'system'.").format(text=shown), EXIT_BAD_INPUT)
        return text
    raise CliError(_("There is no setting called “{key}”. The settings are: {keys}.").format(
        key=key[:40], keys=", ".join(SETTABLE)), EXIT_BAD_INPUT)


def cmd_settings(paths, args, stdin, out, err) -> int:
    from .domain import crisis_lines

    refuse_folder_not_there(paths)  # its settings are not the defaults, and it is not to be made here
    settings, path = load_settings(paths, err)
    if args.action is None:
        if args.key is not None:
            raise CliError(_("To change a setting, write: caregiver-app settings set KEY VALUE"), EXIT_BAD_INPUT)
        width = max(len(k) for k in SETTABLE)
        for key in SETTABLE:
            print(f"{key:<{width}}  {_value_words(settings, key)}", file=out)
        added = len(crisis_lines.user_lines_from_dicts(settings.crisis_lines))
        if added:
            numbers = ngettext("{count} number added in Get help now", "{count} numbers added in Get help now",
                               added).format(count=added)
            print(f"{'crisis_lines':<{width}}  {numbers}", file=out)
        return EXIT_OK
    if args.key is None or args.value is None:
        raise CliError(_("Write: caregiver-app settings set KEY VALUE (for example: settings set country GB)."),
                       EXIT_BAD_INPUT)
    key = args.key.strip().lower().replace("-", "_")
    value = checked_value(key, args.value)
    changed = replace(settings, **{key: value})
    try:
        app_settings.save(changed, path)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise CliError(_("The settings could not be saved in {folder}: the disk is full. Nothing was changed.")
                           .format(folder=path.parent), EXIT_DISK) from None
        raise CliError(_("The settings could not be saved in {folder}: the folder is read-only or this account may "
                         "not write there. Nothing was changed.").format(folder=path.parent), EXIT_BAD_INPUT) from None
    print(_("Saved: {key} is now {value}.").format(key=key, value=_value_words(changed, key)), file=out)
    return EXIT_OK


def cmd_safety_plan(paths, args, stdin, out, err) -> int:
    from . import i18n
    from .domain import crisis_lines
    from .services import plans

    output = output_file(args, plans.safety_plan_filename)
    check_person_given(args)
    settings, _path = load_settings(paths, err)
    country = app_settings.effective_country(settings, environment_locale())
    user_lines = crisis_lines.user_lines_from_dicts(settings.crisis_lines)
    vault = open_vault(paths, args, stdin, err)
    try:
        person = _find(vault, args, stdin)
        # the crisis lines' and the country's words come in the page's language
        with i18n.document_language(args.language or i18n.process_language()):
            data = plans.safety_plan_print(vault, person.id, country=country, country_name=country_name(country),
                                           user_lines=user_lines, today=date.today())
    finally:
        vault.close()
    paper = args.paper or app_settings.paper_for(settings, country)
    written = plans.write_safety_plan_pdf(data, output, paper=paper, fmt=report_format(paths), language=args.language,
                                          country=country)
    saved = _("Saved the safety plan to {path}.").format(path=written)
    if data.plan.is_empty:
        saved += " " + _("It is empty for now: the printed page has room to write the plan by hand.")
    print(saved, file=out)
    return EXIT_OK


def environment_locale() -> str:
    """The environment's locale name (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), for the country
    when none is chosen."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return value
    return ""


COMMANDS = {"settings": cmd_settings, "safety-plan": cmd_safety_plan}
