"""The visit summary's content as plain data.

One service (``services.summary``) fills a :class:`VisitSummaryData`; the PDF builder only lays it
out, so the GUI, the command line and the tests all see the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby

from .model import MOOD_SCALE_NAME, MoodLevel, SleepQuality, SymptomRating


@dataclass(frozen=True)
class SummaryEntry:
    """One journal entry as printed. ``local_date``/``local_time`` are the local wall-clock date
    and time it belongs to; ``recorded_by`` is a ready label such as ``"Sam (self)"``."""

    local_date: date
    local_time: time
    recorded_by: str
    mood: MoodLevel | None
    anxiety: int | None
    energy: int | None
    sleep_hours: float | None
    sleep_quality: SleepQuality | None
    symptoms: tuple[SymptomRating, ...]
    tags: tuple[str, ...]
    note: str
    flagged: bool


@dataclass(frozen=True)
class DayPoint:
    """One local calendar day of the chart. ``mood`` is the mean mood level (1–5) of the day's
    entries and ``sleep_hours`` the mean hours of sleep recorded; ``None`` means nothing was
    recorded that day and must be drawn as a gap, never as zero."""

    day: date
    mood: float | None
    sleep_hours: float | None
    entry_count: int


@dataclass(frozen=True)
class SymptomStat:
    """How a symptom showed up in the period: on how many local days it was rated, the mean of
    all its ratings and the worst rating (severities 0–10)."""

    name: str
    days_present: int
    average: float
    worst: int


@dataclass(frozen=True)
class VisitSummaryData:
    """Everything a visit summary shows for one person and one inclusive range of local dates.

    ``prepared_at`` is the UTC instant it was made; ``prepared_at_local`` the same instant in the
    user's time zone (``time_zone``, an IANA name). ``days`` has one point per day of the range.
    ``entries`` are in time order, oldest first.
    """

    person_name: str
    start: date
    end: date
    prepared_at: datetime
    prepared_at_local: datetime
    prepared_by: str
    time_zone: str
    days: tuple[DayPoint, ...]
    flagged: tuple[SummaryEntry, ...]
    symptoms: tuple[SymptomStat, ...]
    entries: tuple[SummaryEntry, ...]
    mood_scale_name: str = MOOD_SCALE_NAME

    @property
    def is_empty(self) -> bool:
        """True when no entry falls in the range."""
        return not self.entries

    def entries_by_day(self) -> list[tuple[date, list[SummaryEntry]]]:
        """The entries grouped by local calendar date, oldest day first."""
        return [(day, list(items)) for day, items in groupby(self.entries, key=lambda e: e.local_date)]
