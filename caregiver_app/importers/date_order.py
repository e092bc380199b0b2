"""Which way round a file's slash dates go: ``03/05/2024`` is 5 March in the US and 3 May in most
of the world. Daylio writes ISO dates, but a file re-saved by a spreadsheet carries the
spreadsheet's local order, and nothing in the cell says which.

The decision, for the whole file (a file is saved in one order):

1. When some first number is above 12 (``14/03/2023``) only day-first is possible, and when some
   second number is above 12 (``3/14/2023``) only month-first is.
2. Otherwise the other columns decide: the weekday (``Tuesday``, ``Di.``, ``martes``) and the
   localized day-and-month (``14 March``) that Daylio writes beside the date. The reading that
   matches more rows wins.
3. With nothing to go on, month-first, as spreadsheets in the US write it.

The result carries one plain sentence that says which reading was used and why, for the import
dialog and the command line. Weekday names come from CLDR (Babel) in the languages Daylio
exports are seen in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..i18n import _
from ..babel_dates import get_day_names

# Languages of Daylio exports seen in the wild, and their neighbours.
_LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ru", "tr")


@dataclass(frozen=True)
class SlashDate:
    """One row's slash date as written (``first/second/year``) and what the row says beside it:
    the weekday text and the (month, day) read from the localized date column, when present."""

    first: int
    second: int
    year: int
    text: str
    weekday: str | None = None
    month_day: tuple[int, int] | None = None


@dataclass(frozen=True)
class DateOrder:
    """``day_first`` True reads ``03/05/2024`` as 3 May; ``note`` says so in plain words (empty
    when the file has no slash dates, so there was nothing to decide)."""

    day_first: bool
    note: str = ""


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip().rstrip(".")


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    """Weekday word (casefolded, no final dot) -> ISO weekday 1–7; words that name different
    days in different languages are left out."""
    found: dict[str, set[int]] = {}
    for language in _LANGUAGES:
        for width in ("wide", "abbreviated", "short"):
            for index, name in get_day_names(width, locale=language).items():
                found.setdefault(_key(name), set()).add(index + 1)  # Babel: 0 is Monday
    return {name: days.pop() for name, days in found.items() if len(days) == 1}


def weekday_of(text: str | None) -> int | None:
    """The ISO weekday (1 Monday … 7 Sunday) a weekday word names, in any of the known
    languages; None when it is not one (or is ambiguous across languages)."""
    return _weekdays().get(_key(text)) if text else None


def _as_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _score(samples: list[SlashDate], day_first: bool) -> int:
    """How many rows' weekday or day-and-month agree with the reading (minus those that don't)."""
    score = 0
    for s in samples:
        month, day = (s.second, s.first) if day_first else (s.first, s.second)
        when = _as_date(s.year, month, day)
        if when is None:
            continue
        weekday = weekday_of(s.weekday)
        if weekday is not None:
            score += 1 if when.isoweekday() == weekday else -1
        if s.month_day is not None:
            score += 1 if s.month_day == (month, day) else -1
    return score


def decide(samples: Iterable[SlashDate]) -> DateOrder:
    """The order for a file whose slash dates are ``samples`` (see the module's rules)."""
    samples = list(samples)
    if not samples:
        return DateOrder(False)
    first_big = next((s for s in samples if s.first > 12), None)
    second_big = next((s for s in samples if s.second > 12), None)
    ambiguous = next((s for s in samples if s.first <= 12 and s.second <= 12 and s.first != s.second), None)
    example = ambiguous or samples[0]
    # One whole sentence per case (a translator may reorder every part of it).
    if first_big and not second_big:
        if _score(samples, True) > 0:
            why = _("Dates such as {example} were read day first (day/month/year), because some, like {big}, "
                    "have a day above 12 in first place, and the weekdays in the file match.")
        else:
            why = _("Dates such as {example} were read day first (day/month/year), because some, like {big}, "
                    "have a day above 12 in first place.")
        return DateOrder(True, why.format(example=example.text, big=first_big.text))
    if second_big and not first_big:
        return DateOrder(False, _("Dates such as {example} were read month first (month/day/year), because some, "
                                  "like {big}, have a day above 12 in second place.").format(
            example=example.text, big=second_big.text))
    if ambiguous is None:
        return DateOrder(False)  # 1/1, 2/2 …: both readings give the same dates
    day_score, month_score = _score(samples, True), _score(samples, False)
    if day_score > month_score:
        return DateOrder(True, _("Dates such as {example} were read day first (day/month/year), because the "
                                 "weekdays and dates written beside them match that reading.").format(
            example=example.text))
    if month_score > day_score:
        return DateOrder(False, _("Dates such as {example} were read month first (month/day/year), because the "
                                  "weekdays and dates written beside them match that reading.").format(
            example=example.text))
    return DateOrder(False, _("Dates such as {example} were read month first (month/day/year), as spreadsheets "
                              "in the US write them; nothing in the file showed which way round they go. If the "
                              "dates look wrong, save the file from Daylio again without opening it in a "
                              "spreadsheet.").format(example=example.text))
