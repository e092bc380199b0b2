"""The language of the command line: chosen before the parser is built (so its help is translated),
and argparse's own words (``usage:``, ``options``, its error messages) from our catalog.

argparse calls the module-global ``_`` and ``ngettext`` it imported from :mod:`gettext` each time
it writes a message, so pointing those two names at :mod:`caregiver_app.i18n` is enough; its
messages are listed below with ``N_`` so ``scripts/catalogs.py`` puts them in the catalog (the
words of Python 3.11 to 3.13, which added a few). English stays English: the msgids are
argparse's own words, so an untranslated message reads as before.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import i18n
from .i18n import N_

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("optional arguments"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument \"-\" with mode %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("cannot have multiple subparser arguments"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_(" (default: %(default)s)"),
)
"""argparse's words a person can meet at the command line (not its programming errors)."""


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":  # argparse's one plural a person meets, written out for the catalog
        return i18n.ngettext("expected %s argument", "expected %s arguments", n)
    return i18n.ngettext(singular, plural, n)


def route_argparse() -> None:
    """Make argparse write its own words through our catalog, in the language in force."""
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def _data_dir(argv: Sequence[str]) -> Path | None:
    """``--data-dir DIR`` from the raw arguments (read before the parser exists)."""
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            return Path(argv[index + 1]).expanduser()
        if arg.startswith("--data-dir="):
            return Path(arg.split("=", 1)[1]).expanduser()
    return None


def system_locale_names(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The environment's language wishes, most preferred first: ``LANGUAGE`` (a list), then
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` (POSIX order; empty ones skipped)."""
    env = os.environ if environ is None else environ
    return tuple(env[key] for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG") if env.get(key))


def chosen_language(settings, environ: Mapping[str, str] | None = None) -> str:
    """The language the command line speaks: the settings' language (``""``: the system's);
    ``settings`` None (no settings file yet) means the system's."""
    names = system_locale_names(environ)
    if settings is None:
        return i18n.system_language(*names)
    from . import settings as app_settings

    effective = getattr(app_settings, "effective_language", None)
    if effective is not None:
        return i18n.normalise(effective(settings, *names)) or i18n.SOURCE_LANGUAGE
    code = i18n.normalise(getattr(settings, "language", ""))
    return code or i18n.system_language(*names)


def use_cli_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """Speak the data folder's chosen language from now on (before the parser is built) and let
    argparse speak it too. A settings file that cannot be read means the system's language.
    Returns the code in force."""
    from .services.vault import VaultPaths
    from .settings import load_with_notice, location

    route_argparse()
    folder = _data_dir(argv)
    settings = None
    try:
        default = VaultPaths.default().folder
        path, legacy = location(folder if folder is not None else default, default)
        if path.exists() or (legacy is not None and legacy.exists()):
            # read only: a damaged file is reported (and mended) by the command that loads it
            settings = load_with_notice(path, legacy)[0]
    except (OSError, ValueError):
        settings = None
    return i18n.set_language(chosen_language(settings, environ))


def language_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--language {en,es}``: the language ``what`` is written in (default: the app's)."""
    from .i18n import _

    parser.add_argument("--language", choices=i18n.LANGUAGES, default="", metavar="{" + ",".join(i18n.LANGUAGES) + "}",
                        help=_("the language {what} is written in (default: the app's language)").format(what=what))
