"""Translations: one gettext catalog per language, built with Babel, for every layer.

Every string a person reads goes through one of these calls, so that ``scripts/catalogs.py``
can find it and a translator can give it in another language:

* ``_("Save the entry")``: a sentence. Placeholders are named and filled *after* translation:
  ``_("{count} entries were added.").format(count=n)`` (a translator may move ``{count}``).
* ``ngettext("{count} entry", "{count} entries", n).format(count=n)``: a sentence with a number.
  Each language has its own plural forms (Babel's data: Spanish has three).
* ``pgettext("calendar", "May")``: the same English words with two meanings.
* ``N_("Falls")``: marks words kept in a module-level constant; translate them where they are
  shown, with ``_(constant)``. ``N_`` itself returns its argument unchanged.

The language in force is the process's (:func:`set_language`: the window and the command line),
unless a document is being written in another one (:func:`document_language`: a Spanish family
may print an English visit summary). English is the source language: it needs no catalog.

Catalogs live in ``caregiver_app/i18n/locale/<code>/LC_MESSAGES/caregiver.po`` (the translators'
file) and ``caregiver.mo`` (compiled by ``scripts/catalogs.py compile``, never edited). They are
package data read with ``importlib.resources``, so a checkout, a wheel and a bundle find them the
same way. Standard library only: every layer, the domain included, may import this module.
"""

from __future__ import annotations

import contextlib
import contextvars
import struct
import gettext as _gettext
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

DOMAIN = "caregiver"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "es")
"""The language codes the app speaks, English (the source) first."""
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
"""Each language in its own words (how a language list offers it)."""

_process_language = SOURCE_LANGUAGE
_document_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "caregiver_document_language", default=None)


def normalise(code: object) -> str:
    """A supported language code for ``code`` (``"es_MX.UTF-8"``, ``"ES"``, ``"es-419"`` -> ``"es"``),
    or ``""`` when it names no language the app speaks."""
    if not isinstance(code, str):
        return ""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else ""


def system_language(*locale_names: str) -> str:
    """The first supported language among ``locale_names`` (the system's locale names, most
    preferred first, e.g. ``QLocale.system().uiLanguages()`` or the ``LANGUAGE``/``LC_ALL``/
    ``LC_MESSAGES``/``LANG`` variables), else English."""
    for name in locale_names:
        for part in (name or "").split(":"):
            code = normalise(part)
            if code:
                return code
    return SOURCE_LANGUAGE


def set_language(code: str) -> str:
    """Speak ``code`` from now on in this process (the window, the command line). An unknown code
    means English. Returns the code in force."""
    global _process_language
    _process_language = normalise(code) or SOURCE_LANGUAGE
    return _process_language


def language() -> str:
    """The language in force here: the document's being written, else the process's."""
    return _document_language.get() or _process_language


def process_language() -> str:
    """The language of the window and the command line, whatever a document is written in."""
    return _process_language


@contextlib.contextmanager
def document_language(code: str) -> Iterator[str]:
    """Within the block (in this thread or task only), messages come in ``code``: a visit summary
    or safety plan printed in another language than the window's. Yields the code in force."""
    token = _document_language.set(normalise(code) or SOURCE_LANGUAGE)
    try:
        yield _document_language.get() or SOURCE_LANGUAGE
    finally:
        _document_language.reset(token)


@lru_cache(maxsize=None)
def translations(code: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``code`` (English, an unknown code or a missing catalog: no
    translation, so the English source words show)."""
    code = normalise(code)
    if not code or code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    mo = resources.files(__name__).joinpath("locale", code, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with mo.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    # no catalog shipped, or a damaged one (struct.error: cut shorter than its header): English
    except (OSError, ValueError, struct.error):
        return _gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the language in force (itself when there is no translation)."""
    return translations(language()).gettext(message)


gettext = _


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n``, in the language in force."""
    return translations(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` with a context that tells two meanings of the same English words apart."""
    return translations(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (module-level constants)."""
    return message


def babel_locale(code: str, country: str = "") -> str:
    """A CLDR locale name for writing dates and numbers in ``code`` for a family in ``country``
    (ISO 3166-1 alpha-2): ``("es", "MX")`` -> ``"es_MX"``, ``("es", "DE")`` -> ``"es"`` (CLDR
    has no Spanish for Germany), ``("en", "")`` -> ``"en"``."""
    code = normalise(code) or SOURCE_LANGUAGE
    if country and len(country) == 2 and country.isascii() and country.isalpha():
        name = f"{code}_{country.upper()}"
        from babel import Locale, UnknownLocaleError  # lazily: Babel's data is large

        try:
            Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            return code
        return name
    return code
