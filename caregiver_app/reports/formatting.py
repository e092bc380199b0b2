"""Dates, times and numbers as a locale writes them, for everything the app prints or exports
(PDFs, the CSV's display columns, calendar text, the command line). Qt-free and settings-free: the
caller says which locale and which hour cycle; the words and orders come from CLDR through Babel.

The window has its own helper on QLocale (``gui/common/formatting.py``); both follow the same rules:

- a date is written with the month as a word (``3 Nov 2026``, ``Nov 3, 2026``, ``3. Nov. 2026``),
  so it is never misread as 11/3 or 3/11, in the locale's own order;
- a time follows ``hour_cycle``: ``"system"`` is the locale's own short time (``9:15 PM`` in the
  US, ``21:15`` in Germany), ``"12h"`` and ``"24h"`` force the cycle with the locale's words;
- decimals use the locale's decimal sign (``6,5`` in Germany) and never a grouping sign.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from ..babel_dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal

HOUR_CYCLES = ("system", "12h", "24h")
DEFAULT_LOCALE = "en_001"
"""International English (``3 Nov 2026``, ``9:15 pm``): the neutral choice when no locale is set
(the ``C`` locale of servers and test machines) or the one named is unknown."""
_SAMPLE_DAY = date(2000, 1, 1)


@lru_cache(maxsize=64)
def _parse(name: str) -> Locale:
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(DEFAULT_LOCALE)


def normalise_locale_name(raw: str | None) -> str:
    """A POSIX locale string (``de_DE.UTF-8``, ``en_GB@euro``, ``C``) or a BCP 47 tag (``es-ES``)
    as a Babel/CLDR name (``de_DE``). Unknown, empty, ``C`` and ``POSIX`` give :data:`DEFAULT_LOCALE`."""
    name = (raw or "").split(".", 1)[0].split("@", 1)[0].strip().replace("-", "_")
    if not name or name in ("C", "POSIX"):
        return DEFAULT_LOCALE
    try:
        return str(Locale.parse(name))
    except (UnknownLocaleError, ValueError, TypeError):
        return DEFAULT_LOCALE


def locale_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The locale the command line runs in, by POSIX precedence: ``LC_ALL``, then ``LC_TIME``,
    then ``LANG`` (the first one set and not empty), as a CLDR name (:data:`DEFAULT_LOCALE` when none)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_TIME", "LANG"):
        value = env.get(key, "")
        if value:
            return normalise_locale_name(value)
    return DEFAULT_LOCALE


def _clean(text: str) -> str:
    # CLDR puts a narrow no-break space before AM/PM; PDF fonts and terminals handle the
    # ordinary no-break space better, and it still keeps "9:15" and "PM" on one line.
    return text.replace("\u202f", "\u00a0")


@dataclass(frozen=True)
class ReportFormat:
    """How one document writes dates, times and numbers. ``locale`` is a CLDR name such as
    ``"de_DE"`` (unknown names fall back to :data:`DEFAULT_LOCALE`); ``hour_cycle`` is one of
    :data:`HOUR_CYCLES` (anything else means ``"system"``). Dates are local calendar dates; times
    are local wall-clock times (``datetime.time`` or a ``datetime`` already in the local zone)."""

    locale: str = DEFAULT_LOCALE
    hour_cycle: str = "system"

    @property
    def _loc(self) -> Locale:
        return _parse(self.locale)

    def uses_24_hours(self) -> bool:
        """True when times are written 0–23 (the setting, else the locale's own short time)."""
        if self.hour_cycle == "24h":
            return True
        if self.hour_cycle == "12h":
            return False
        pattern = self._loc.time_formats["short"].pattern
        return "H" in pattern or "k" in pattern

    def date(self, day: date, *, weekday: bool = False, year: bool = True) -> str:
        """``3 Nov 2026`` / ``Nov 3, 2026`` / ``3. Nov. 2026``, optionally with the short weekday
        (``Tue 3 Nov 2026``) or without the year."""
        skeleton = ("y" if year else "") + "MMM" + ("E" if weekday else "") + "d"
        return _skeleton_date(self.locale, skeleton, day)

    def long_date(self, day: date) -> str:
        """The full weekday and month words: ``Tuesday, 3 November 2026`` (locale order)."""
        return _clean(format_date(day, "full", locale=self._loc))

    def date_range(self, start: date, end: date) -> str:
        """``1 Sep – 30 Nov 2026``: the first year is written only when the years differ."""
        return f"{self.date(start, year=start.year != end.year)} – {self.date(end)}"

    def month_year(self, day: date) -> str:
        """``Nov 2026`` (short month word and year, locale order)."""
        return _clean(format_skeleton("yMMM", day, locale=self._loc))

    def time(self, moment: time | datetime) -> str:
        """A wall-clock time without seconds: ``9:15 PM``, ``21:15`` or ``9:15 pm`` by the hour
        cycle and locale. Only the hour and minute of ``moment`` are read (no zone conversion)."""
        return _time(self.locale, self.hour_cycle, moment.hour, moment.minute)

    def decimal(self, value: float, places: int = 2, *, fixed: bool = False) -> str:
        """``6.5`` / ``6,5``: at most ``places`` decimals (exactly ``places`` when ``fixed``),
        rounded half up, with the locale's decimal sign and no grouping sign."""
        return _decimal(self.locale, float(value), places, fixed)

    def sample_text(self) -> str:
        """Every kind of word and sign this format prints: each month and weekday, both halves of
        the day, a decimal (to check a document's fonts can show them all)."""
        days = [date(2026, month, 1) for month in range(1, 13)] + [date(2026, 3, day) for day in range(2, 9)]
        parts = [self.date(day, weekday=True) for day in days] + [self.long_date(days[-1])]
        return " ".join(parts + [self.time(time(9, 5)), self.time(time(21, 5)), self.decimal(6.5)])

    def integer(self, value: int) -> str:
        """``1,234`` / ``1.234`` / ``1 234`` with the locale's grouping (counts, not doses)."""
        return _integer(self.locale, int(value))


# Babel parses the number pattern on every call (~0.1 ms); a long summary prints the same few
# values (moods, severities, hours) thousands of times, so the written forms are remembered.
@lru_cache(maxsize=8192)
def _decimal(locale: str, value: float, places: int, fixed: bool) -> str:
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    pattern = "0" + ("." + ("0" if fixed else "#") * places if places > 0 else "")
    return format_decimal(rounded, format=pattern, locale=_parse(locale), group_separator=False)


@lru_cache(maxsize=4096)
def _integer(locale: str, value: int) -> str:
    return _clean(format_decimal(value, format="#,##0", locale=_parse(locale)))


@lru_cache(maxsize=4096)
def _time(locale: str, hour_cycle: str, hour: int, minute: int) -> str:
    wall = time(hour, minute)
    if hour_cycle == "system":
        return _clean(format_time(wall, "short", locale=_parse(locale)))
    skeleton = "Hm" if hour_cycle == "24h" else "hm"
    return _clean(format_skeleton(skeleton, datetime.combine(_SAMPLE_DAY, wall), locale=_parse(locale)))


@lru_cache(maxsize=8192)
def _skeleton_date(locale: str, skeleton: str, day: date) -> str:
    return _clean(format_skeleton(skeleton, day, locale=_parse(locale)))


def printable(fmt: ReportFormat, can_print: Callable[[str], bool]) -> ReportFormat:
    """``fmt`` when ``can_print`` accepts all its words (:meth:`ReportFormat.sample_text`), else
    :data:`DEFAULT_LOCALE` with the same hour cycle: a printed date in a script the document's
    fonts lack (or one that runs right to left inside English sentences) would be boxes or come
    out backwards, and a readable date in the wrong language beats an unreadable one."""
    if can_print(fmt.sample_text()):
        return fmt
    return ReportFormat(DEFAULT_LOCALE, "24h" if fmt.uses_24_hours() else "12h")


def report_format(locale: str | None, time_format: str | None) -> ReportFormat:
    """A :class:`ReportFormat` from a locale name in any common spelling and a time-format
    setting (``"system"``, ``"12h"``, ``"24h"``; anything else means ``"system"``)."""
    cycle = time_format if time_format in HOUR_CYCLES else "system"
    return ReportFormat(normalise_locale_name(locale), cycle)


_CURRENT: ContextVar[ReportFormat] = ContextVar("report_format", default=ReportFormat())


def current() -> ReportFormat:
    """The format of the document being built (see :func:`using`); the default outside a build."""
    return _CURRENT.get()


@contextmanager
def using(fmt: ReportFormat | None) -> Iterator[ReportFormat]:
    """Build one document in ``fmt``: the builders take the format as an argument and wrap their
    work in this, so the many small wording helpers need not pass it along. A context variable,
    so builds on several worker threads at once never see each other's format."""
    token = _CURRENT.set(fmt or ReportFormat())
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def in_language(fmt: ReportFormat, code: str, country: str = "") -> ReportFormat:
    """``fmt`` for a document written in language ``code``: the same hour cycle, and the CLDR
    locale of that language for ``country`` (ISO 3166 alpha-2; else the country of ``fmt``'s own
    locale), e.g. an ``en_US`` window printing in Spanish writes ``es_US`` dates, and Spanish for
    Germany (no CLDR data) writes plain ``es``. ``fmt`` itself when it already writes that language
    and no other country is asked for."""
    from ..i18n import babel_locale, normalise

    loc = _parse(fmt.locale)
    code = normalise(code) or "en"
    if loc.language == code and (not country or (loc.territory or "") == country.upper()):
        return fmt
    return ReportFormat(babel_locale(code, country or loc.territory or ""), fmt.hour_cycle)
