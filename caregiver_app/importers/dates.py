"""Dates and times as journal exports write them (Daylio, spreadsheets, other trackers): ISO,
slash, dot and CJK dates, month names in several languages, 12- and 24-hour times.

Pure (standard library, babel's month names and the domain). Which way round a slash date is read is decided per file
by :mod:`caregiver_app.importers.date_order`; a row whose date cannot be read raises
:class:`RowProblem` with a plain-words reason."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, time

from caregiver_app.domain.model import clean_label

from ..i18n import N_, _

# Why a row was skipped, in words for the list of skipped rows (English; raise them with _()).
DATE_MISSING = N_("the date is missing")
DATE_UNREADABLE = N_("the date could not be read")
DATE_IMPOSSIBLE = N_("the date is not a real date")
YEAR_TOO_EARLY = N_("the year is before 1000, so it looks like a typo")
FIRST_YEAR = 1000
"""Daylio has existed since 2015; a year below this is a typo (``0202-05-01``), never an entry."""

ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
SLASH_DATE = re.compile(r"(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?: .*)?")
"""03/05/2024, or 03-05-2024 as some day-first spreadsheets write it; which is the day is decided per file."""
DOT_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?: .*)?")
TIME_RE = re.compile(
    r"(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE
)
CJK_DATE = re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")

_MONTH_LOCALES = ("en", "es", "de", "de_AT", "pl", "fr", "it", "pt", "nl", "ru")
"""The languages whose month names are read, from CLDR through babel: full and short names, in
the forms used inside a date ("6 września", "6 января") and alone ("wrzesień", "январь")."""
_FULL_NAMES_ONLY = frozenset({"ru"})  # Russian short forms are not read (yet)

_EXTRA_MONTH_NAMES = {
    "sept": 9, "setiembre": 9, "jänner": 1, "maerz": 3, "mrz": 3, "fév": 2, "feb": 2,
}


def _build_month_table() -> dict[str, int]:
    from babel.dates import get_month_names  # loaded with the table, only when a month name is read

    table: dict[str, int] = {}
    for locale in _MONTH_LOCALES:
        widths = ("wide",) if locale in _FULL_NAMES_ONLY else ("wide", "abbreviated")
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    # the words of a date are read without their dots ("janv." is "janv")
                    key = unicodedata.normalize("NFC", name.casefold()).strip(".")
                    if table.setdefault(key, number) != number:  # pragma: no cover - table sanity
                        raise AssertionError("month name table is inconsistent")
    for name, number in _EXTRA_MONTH_NAMES.items():
        table.setdefault(unicodedata.normalize("NFC", name.casefold()), number)
    return table


@functools.cache
def month_numbers() -> dict[str, int]:
    """``{month name casefolded, without dots: month number}`` in every language read. Built
    when first needed (most files write numeric dates; loading CLDR costs a tenth of a second)."""
    return _build_month_table()


def __getattr__(name: str):
    if name == "MONTH_NUMBERS":  # the table's older name, kept for its readers
        return month_numbers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
"""Localized month names and abbreviations (casefolded, NFC) → month number 1–12."""


def make_date(year: int, month: int, day: int) -> date:
    if year < FIRST_YEAR:
        raise RowProblem(_(YEAR_TOO_EARLY))
    try:
        return date(year, month, day)
    except ValueError:
        raise RowProblem(_(DATE_IMPOSSIBLE)) from None


def parse_full_date(text: str, day_first: bool) -> date:
    """Read a date that carries its year: ISO ``YYYY-MM-DD`` (also ``/`` or ``.``), spreadsheet
    ``M/D/YYYY`` (``D/M/YYYY`` when ``day_first``), or ``D.M.YYYY``."""
    value = clean_label(text)
    if not value:
        raise RowProblem(_(DATE_MISSING))
    if m := ISO_DATE.fullmatch(value):
        return make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := SLASH_DATE.fullmatch(value):
        first, second, year = int(m["first"]), int(m["second"]), full_year(m["year"])
        month, day = (second, first) if day_first else (first, second)
        return make_date(year, month, day)
    if m := DOT_DATE.fullmatch(value):
        return make_date(full_year(m[3]), int(m[2]), int(m[1]))
    raise RowProblem(_(DATE_UNREADABLE))


def full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def looks_like_full_date(text: str) -> bool:
    try:
        parse_full_date(text, day_first=False)
    except RowProblem as problem:
        # date-shaped, just not on the calendar (or a typo in the year)
        return str(problem) in (_(DATE_IMPOSSIBLE), _(YEAR_TOO_EARLY))
    return True


def parse_day_month(text: str) -> tuple[int, int]:
    """Read a localized day and month without a year, e.g. ``September 6``, ``16 de octubre``,
    ``6. September``, ``6 września``, ``9月6日``. Returns ``(month, day)``."""
    value = unicodedata.normalize("NFC", clean_label(text).casefold())
    if not value:
        raise RowProblem(_(DATE_MISSING))
    if m := CJK_DATE.fullmatch(value):
        return int(m[1]), int(m[2])
    tokens = re.findall(r"\d+|[^\W\d_]+", value)
    days = [int(t) for t in tokens if t.isdecimal()]
    words = [t for t in tokens if not t.isdecimal()]
    table = month_numbers()
    months = {table[w] for w in words if w in table}
    if len(months) > 1:  # e.g. a weekday abbreviation that is also a month abbreviation
        months = {table[w] for w in words if w in table and len(w) > 3}
    if len(days) != 1 or len(months) != 1:
        raise RowProblem(_(DATE_UNREADABLE))
    return months.pop(), days[0]


def parse_year(text: str) -> int:
    value = clean_label(text)
    if not value:
        raise RowProblem(_("the year is missing"))
    if not (len(value) == 4 and value.isdecimal()):
        raise RowProblem(_("the year could not be read"))
    return int(value)


def parse_time(text: str) -> time:
    """Read ``20:35``, ``9:00``, ``9:00 PM``, ``2:14 pm``, ``9:23<U+202F>PM``, ``9:00 p. m.``,
    optionally with seconds. ``12:xx AM`` is just after midnight."""
    value = clean_label(text)
    if not value:
        raise RowProblem(_("the time is missing"))
    m = TIME_RE.fullmatch(value)
    if not m:
        raise RowProblem(_("the time could not be read"))
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if m[4]:
        if not 0 <= hour <= 12:
            raise RowProblem(_("the time is not a real time of day"))
        hour = hour % 12 + (12 if m[4].lower() == "p" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise RowProblem(_("the time is not a real time of day"))
    return time(hour, minute, second)


class RowProblem(Exception):
    """A record cannot be imported; ``str()`` is the plain-words reason."""
