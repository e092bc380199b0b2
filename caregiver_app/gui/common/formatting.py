"""Dates, times and numbers in the window, as the user's locale writes them (built on QLocale).

The one place the window turns a date, time or decimal into words, and the one decimal field
(:class:`DecimalSpinBox`) that reads back exactly what it shows in every locale. Printed and
exported documents use ``reports/formatting.py`` (Babel) with the same rules:

- dates carry the month as a word, in the locale's order and words ("Monday, November 30, 2026",
  "Montag, 30. November 2026"); the neutral "C" locale keeps the house style
  ("Monday 30 November 2026");
- times follow the time-format setting (``"system"``: the locale's own; ``"12h"``; ``"24h"``);
- decimals use the locale's decimal sign and no grouping sign ("6,5" in Germany).

The locale is ``QLocale()`` (the system's, unless ``QLocale.setDefault`` chose another, as the
tests do). The time-format setting is read through :func:`follow_time_format`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from ... import i18n

if TYPE_CHECKING:  # Babel (behind reports.formatting) loads with the first document, not at start
    from ...reports.formatting import ReportFormat


_time_format: Callable[[], str] = lambda: "system"  # noqa: E731 - replaced by the app at start


def follow_time_format(getter: Callable[[], str]) -> None:
    """Read the time-format setting (``"system"``, ``"12h"`` or ``"24h"``) through ``getter``
    from now on; the app passes ``lambda: context.settings.time_format`` so a changed setting
    shows at the next repaint without anything else to call."""
    global _time_format
    _time_format = getter


def time_format() -> str:
    """The time-format setting in force (``"system"`` when the getter fails or says nonsense)."""
    try:
        value = _time_format()
    except Exception:  # noqa: BLE001 - a broken getter must not stop the window painting
        return "system"
    return value if value in ("system", "12h", "24h") else "system"


def locale() -> QLocale:
    """The locale the window writes in."""
    return QLocale()


def _neutral(loc: QLocale) -> bool:
    return loc.language() == QLocale.Language.C


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@lru_cache(maxsize=32)
def _patterns(name: str) -> tuple[str, str]:
    """(long, medium) date patterns for the locale ``name``: the long one with the weekday and
    full month; the medium one the same order with the short month and no weekday."""
    loc = QLocale(name)
    if _neutral(loc):
        return "dddd d MMMM yyyy", "d MMM yyyy"
    long = loc.dateFormat(QLocale.FormatType.LongFormat)
    # "،" is the Arabic and Urdu comma ("dddd، d MMMM yyyy"), "，" the full-width one.
    medium = re.sub(r"^\s*dddd[\s,.،，]*|[\s,،，]*dddd\s*$", "", long).replace("MMMM", "MMM")
    return long, medium.strip()


def _without_year(pattern: str) -> str:
    # "MMM d, yyyy" -> "MMM d"; "d 'de' MMM 'de' yyyy" -> "d 'de' MMM"; "d. MMM yyyy" -> "d. MMM"
    return re.sub(r"[\s,]*(?:'[^']*'\s*)?y+[\s.]*$", "", pattern).strip() or pattern


def long_date(day: date) -> str:
    """The day in full: ``"Monday, November 30, 2026"`` / ``"Montag, 30. November 2026"``."""
    loc = locale()
    return loc.toString(_qdate(day), _patterns(loc.name())[0])


def medium_date(day: date, *, weekday: bool = False, year: bool = True) -> str:
    """``"Nov 30, 2026"`` / ``"30 Nov 2026"`` / ``"30. Nov. 2026"``; with ``weekday`` the short
    weekday goes first (``"Mon, Nov 30, 2026"``); without ``year`` the year is left out."""
    loc = locale()
    pattern = _patterns(loc.name())[1]
    if not year:
        pattern = _without_year(pattern)
    if weekday:
        pattern = ("ddd " if _neutral(loc) else "ddd, ") + pattern
    return loc.toString(_qdate(day), pattern)


def date_pattern(*, weekday: bool = False) -> str:
    """The QDateEdit display pattern: the medium date (``"Nov 30, 2026"``, ``"30. Nov. 2026"``),
    with the short weekday first when asked."""
    loc = locale()
    pattern = _patterns(loc.name())[1]
    return (("ddd " if _neutral(loc) else "ddd, ") + pattern) if weekday else pattern


def month_year(year: int, month: int, *, short: bool = False) -> str:
    """``"November 2026"`` (or ``"Nov 2026"``) with the locale's stand-alone month word."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return f"{locale().standaloneMonthName(month, kind)} {year}"


def weekday_name(iso_weekday: int, *, short: bool = False) -> str:
    """The locale's name of the weekday ``iso_weekday`` (1 Monday … 7 Sunday)."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale().dayName(iso_weekday, kind)


def first_day_of_week() -> int:
    """The locale's first day of the week, 1 Monday … 7 Sunday (Sunday in the US)."""
    return locale().firstDayOfWeek().value


def uses_24_hours() -> bool:
    """True when the window writes times 0–23 (the setting, else the locale's short format)."""
    chosen = time_format()
    if chosen != "system":
        return chosen == "24h"
    return locale_uses_24_hours()


def locale_uses_24_hours() -> bool:
    """True when the locale's own short time format counts hours 0–23 (whatever the setting)."""
    return "ap" not in locale().timeFormat(QLocale.FormatType.ShortFormat).lower()


def time_pattern() -> str:
    """The QTime display pattern for time fields: the setting's cycle in the locale's words."""
    chosen = time_format()
    if chosen == "24h":
        return "HH:mm"
    if chosen == "12h":
        return "h:mm AP"
    return locale().timeFormat(QLocale.FormatType.ShortFormat)


def time_text(moment: time | datetime) -> str:
    """A wall-clock time without seconds by the setting: ``"9:15 PM"`` or ``"21:15"``. Only the
    hour and minute are read; no zone is converted."""
    return locale().toString(QTime(moment.hour, moment.minute), time_pattern())


def count_text(count: int) -> str:
    """A count with the locale's grouping sign: ``1,500`` / ``1.500`` / ``1 500``."""
    return locale().toString(int(count))


def list_text(items: list[str], *, style: str = "standard") -> str:
    """``items`` as the language in force writes a list: "2 entries, 1 symptom and 3 tags" /
    "2 entradas, 1 síntoma y 3 etiquetas" (CLDR list patterns through Babel; ``style="or"``
    for "112 or 999")."""
    from babel.lists import format_list  # lazily: Babel's data is large

    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return format_list(items, style=style, locale=i18n.babel_locale(i18n.language()))


def decimal_text(value: float, places: int = 2, loc: QLocale | None = None) -> str:
    """``7``, ``6.5``, ``0.125`` / ``6,5``: at most ``places`` decimals, no needless zeros, the
    locale's decimal sign and no grouping sign."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".") if places > 0 else f"{round(value)}"
    if text in ("", "-0"):
        text = "0"
    return text.replace(".", (loc or locale()).decimalPoint())


def one_decimal(value: float) -> str:
    """An average with exactly one decimal: ``2.8`` / ``2,8``."""
    return f"{value:.1f}".replace(".", locale().decimalPoint())


def hours_text(hours: float) -> str:
    """Hours of sleep without needless decimals: ``7``, ``6.5`` (``6,5``), ``7.25``."""
    return decimal_text(hours, 2)


def dose_text(step) -> str:
    """A dose step (``domain.medications.DoseChange``) as the window writes it: ``"37.5 mg, once a
    day"`` / ``"37,5 mg, once a day"``."""
    from ...domain.medications import schedule_label  # with the first dose shown, not the unlock screen (issue 16)

    dose = f"{decimal_text(step.dose.amount, 3)} {step.dose.unit}"
    return f"{dose}, {schedule_label(step.schedule)}" if step.schedule else dose


def report_format(language: str = "") -> ReportFormat:
    """The format for a document printed (or words built) for the window: the window's locale
    and its hour cycle, so the PDF reads like the screen. A document in another ``language``
    than the window's (``"en"``, ``"es"``) writes dates and numbers as that language does in the
    window's country (``reports.formatting.in_language``: an English summary from a Mexican
    window is ``en_MX``)."""
    from ...reports.formatting import in_language
    from ...reports.formatting import report_format as _report_format

    fmt = _report_format(locale().name(), "24h" if uses_24_hours() else "12h")
    return in_language(fmt, language) if i18n.normalise(language) else fmt


# --- reading decimals ------------------------------------------------------------------------------

_SPACES = dict.fromkeys(map(ord, " \u00a0\u202f\u2009'"), None)


def parse_decimal(text: str, loc: QLocale | None = None) -> float | None:
    """The number a person meant by ``text`` (digits with at most one decimal sign), or None.

    Both ``.`` and ``,`` are read as the decimal sign, so "2.5" and "2,5" are 2.5 in every
    locale. The one exception is the locale's own grouping sign followed by exactly three digits
    after a short whole part not starting with 0 ("1,000" in the US, "1.000" in Germany): that
    is a thousand, as the person wrote it. Spaces are ignored. A trailing sign ("2.") reads as 2.
    """
    loc = loc or locale()
    group, point = loc.groupSeparator(), loc.decimalPoint()
    t = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text.translate(_SPACES))
    if point not in ".,":  # e.g. the Arabic decimal sign "٫" that decimal_text shows
        t = t.replace(point, ".")
    if group not in ".,":
        t = t.replace(group, "")
    if not t or not re.fullmatch(r"[0-9.,]+", t) or not re.search(r"[0-9]", t):
        return None
    seps = [c for c in t if c in ".,"]
    if not seps:
        return float(t)
    if len(seps) == 1:
        whole, frac = re.split(r"[.,]", t)
        if seps[0] == group != point and len(frac) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
            return float(whole + frac)
        return float(f"{whole or '0'}.{frac or '0'}")
    # several signs: only a well-formed grouped number ("1,234.5", "1.234,5", "1,234,567")
    m = re.fullmatch(r"([1-9][0-9]{0,2})((?:([.,])[0-9]{3})(?:\3[0-9]{3})*)(?:([.,])([0-9]*))?", t)
    if m is None or (m.group(4) is not None and m.group(4) == m.group(3)):
        return None
    number = m.group(1) + re.sub(r"[.,]", "", m.group(2))
    return float(f"{number}.{m.group(5) or '0'}")


class DecimalSpinBox(QDoubleSpinBox):
    """A decimal field that shows numbers in the locale (``0,5`` in Germany) without needless
    zeros and reads back what it shows, and what people type in either habit: "2.5", "2,5" and
    a shown "0,5" + Return are 2.5, 2.5 and 0.5 in every locale, never 25 or 5 (see
    :func:`parse_decimal`). Prefix, suffix and the special-value text work as in Qt."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt name)
        return decimal_text(value, self.decimals(), self.locale())

    def _core(self, text: str) -> str:
        core = text
        if self.prefix() and core.startswith(self.prefix()):
            core = core[len(self.prefix()):]
        suffix = self.suffix()
        if suffix and core.endswith(suffix):
            core = core[: -len(suffix)]
        elif suffix.strip() and core.rstrip().endswith(suffix.strip()):
            core = core.rstrip()[: -len(suffix.strip())]
        return core.strip()

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt name)
        if self.specialValueText() and text.strip() == self.specialValueText():
            return self.minimum()
        number = parse_decimal(self._core(text), self.locale())
        return self.minimum() if number is None else number

    def validate(self, text: str, pos: int) -> object:
        if self.specialValueText() and text.strip() == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        core = self._core(text)
        if core == "" or re.fullmatch(r"[.,]", core):
            return QValidator.State.Intermediate, text, pos
        number = parse_decimal(core, self.locale())
        if number is None:
            return QValidator.State.Invalid, text, pos
        if number > self.maximum():
            return QValidator.State.Invalid, text, pos
        if round(number, self.decimals()) != number:
            return QValidator.State.Invalid, text, pos  # more decimals than the field keeps: refuse the key
        if number < self.minimum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        number = parse_decimal(self._core(text), self.locale())
        if number is None:
            return text
        return self.prefix() + self.textFromValue(min(max(number, self.minimum()), self.maximum())) + self.suffix()
