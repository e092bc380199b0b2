"""Patterns in a person's journal: a mood mark for each day of a month, a measure's trend over
2 weeks, 3 months or 1 year, and mood on days with and without each tag or symptom.

Every number is an average of what was recorded: a day with nothing recorded is a gap (None),
never a zero. The person's own entries and a family member's observations are kept apart in
trends. Comparisons describe which days went together; they make no claim about causes.
All dates here are local calendar dates.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import N_, _, ngettext
from ..domain.errors import ValidationError
from ..domain.model import MoodLevel, RecorderKind
from ..domain.symptoms import symptom_label
from ..reports.formatting import ReportFormat
from ..storage.repos import patterns as rp
from .vault import Vault, session_of

MIN_DAYS = 5  # a comparison is shown only with at least this many days with, and without


def mood_level(mean: float) -> MoodLevel:
    """The named level nearest to a mean mood (halves round up: 3.5 -> 4 good)."""
    return MoodLevel(min(5, max(1, math.floor(mean + 0.5))))


# --- the month calendar ---------------------------------------------------------------------


@dataclass(frozen=True)
class DayMark:
    """What one day holds. Moods are means on the 1–5 scale (None: no mood recorded)."""

    day: date
    entries: int
    mood: float | None
    own_entries: int
    own_mood: float | None
    family_entries: int
    family_mood: float | None
    flagged: bool

    @property
    def level(self) -> MoodLevel | None:
        """The day's mood as a named level (None when no mood was recorded)."""
        return mood_level(self.mood) if self.mood is not None else None


def month_marks(vault: Vault, person_id: int, year: int, month: int) -> dict[date, DayMark]:
    """``{day: DayMark}`` for the days of ``year``-``month`` that have entries (other days are
    absent). Raises :class:`ValidationError` for a month outside 1–12 or years 1–9999."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise ValidationError(_("That is not a month on the calendar."))
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    with session_of(vault) as s:
        rows = rp.day_aggregates(s, person_id, first, last)
    grouped: dict[date, dict[str, rp.DayAggregate]] = {}
    for row in rows:
        grouped.setdefault(row.day, {})[row.recorder_kind] = row
    marks = {}
    for day, kinds in grouped.items():
        own = kinds.get(RecorderKind.PERSON.value)
        family = kinds.get(RecorderKind.FAMILY.value)
        mood_n = sum(k.mood_count for k in kinds.values())
        mood_sum = sum(k.mood_sum for k in kinds.values())
        marks[day] = DayMark(
            day=day,
            entries=sum(k.entry_count for k in kinds.values()),
            mood=mood_sum / mood_n if mood_n else None,
            own_entries=own.entry_count if own else 0,
            own_mood=own.mood_sum / own.mood_count if own and own.mood_count else None,
            family_entries=family.entry_count if family else 0,
            family_mood=family.mood_sum / family.mood_count if family and family.mood_count else None,
            flagged=any(k.flagged for k in kinds.values()),
        )
    return marks


# --- trends ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A chart's time span: ``buckets`` points of ``bucket_days`` days each, ending today.
    ``title`` is the chart's whole title with a ``{measure}`` placeholder (untranslated: see
    :meth:`title_for`), one sentence per period so that a language can make "last" agree with
    it (Spanish "últimas 2 semanas", "últimos 3 meses", "último año")."""

    key: str
    title: str
    buckets: int
    bucket_days: int

    @property
    def days(self) -> int:
        return self.buckets * self.bucket_days

    def title_for(self, measure: Measure) -> str:
        """The chart's title in the language in force, e.g. ``"Mood, last 2 weeks"``."""
        return _(self.title).format(measure=measure.label)


PERIODS = (
    Period("2w", N_("{measure}, last 2 weeks"), 14, 1),
    Period("3m", N_("{measure}, last 3 months"), 91, 1),
    Period("1y", N_("{measure}, last 1 year"), 52, 7),
    # Years of imported history: one point per 4 weeks over about five years.
    Period("5y", N_("{measure}, last 5 years"), 65, 28),
)


def period(key: str) -> Period:
    """The period called ``key`` (``"2w"``, ``"3m"``, ``"1y"``, ``"5y"``); ValidationError otherwise."""
    for p in PERIODS:
        if p.key == key:
            return p
    raise ValidationError(_("Please choose 2 weeks, 3 months, 1 year or 5 years."))


MEASURE_LABELS = {"mood": N_("Mood"), "sleep": N_("Hours of sleep"), "anxiety": N_("Anxiety (0–10)"),
                  "energy": N_("Energy (0–10)")}


@dataclass(frozen=True)
class Measure:
    """What a chart shows: ``"mood"`` (1–5), ``"sleep"`` (hours, 0–24), ``"anxiety"`` or
    ``"energy"`` (0–10), or ``"symptom"`` with ``symptom`` naming it (severity 0–10)."""

    kind: str
    symptom: str = ""

    def __post_init__(self) -> None:
        if self.kind == "symptom":
            if not self.symptom.strip():
                raise ValidationError(_("Please choose a symptom to chart."))
        elif self.kind not in rp.MEASURE_COLUMNS:
            raise ValidationError(_("Please choose mood, sleep, anxiety, energy or a symptom."))

    @property
    def label(self) -> str:
        """Words for the chart's title and axis, e.g. ``"Mood"`` or ``"Headache (severity 0–10)"``."""
        if self.kind == "symptom":
            return _("{symptom} (severity 0–10)").format(symptom=self.symptom)
        return _(MEASURE_LABELS[self.kind])

    @property
    def value_range(self) -> tuple[float, float]:
        """The axis range that holds every possible value."""
        return {"mood": (1.0, 5.0), "sleep": (0.0, 24.0)}.get(self.kind, (0.0, 10.0))


@dataclass(frozen=True)
class TrendPoint:
    """One day or one week: ``start``..``end`` (local dates). ``own`` is the mean of the person's
    own entries, ``family`` of family members' observations; None where nothing was recorded."""

    start: date
    end: date
    own: float | None
    own_values: int
    family: float | None
    family_values: int


@dataclass(frozen=True)
class Trend:
    """A measure over a period, oldest point first, plus overall means and day counts."""

    measure: Measure
    period: Period
    start: date
    end: date
    points: tuple[TrendPoint, ...]
    own_mean: float | None
    own_days: int
    family_mean: float | None
    family_days: int


def trend(vault: Vault, person_id: int, measure: Measure, period_: Period, today: date) -> Trend:
    """``measure`` over ``period_`` ending on the local date ``today``: one point per day (2
    weeks, 3 months), per week (1 year) or per 4 weeks (5 years), the groups ending on ``today``'s
    weekday."""
    n = period_.bucket_days
    start = today - timedelta(days=period_.days - 1)
    with session_of(vault) as s:
        if measure.kind == "symptom":
            rows = rp.bucket_aggregates(s, person_id, start, today, n, symptom_key=measure.symptom.strip().casefold())
        else:
            rows = rp.bucket_aggregates(s, person_id, start, today, n, column=measure.kind)
    by_bucket: dict[tuple[int, str], rp.BucketAggregate] = {(r.back_index, r.recorder_kind): r for r in rows}
    points = []
    for i in range(period_.buckets):
        back = period_.buckets - 1 - i
        own = by_bucket.get((back, RecorderKind.PERSON.value))
        family = by_bucket.get((back, RecorderKind.FAMILY.value))
        points.append(
            TrendPoint(
                start=today - timedelta(days=back * n + n - 1),
                end=today - timedelta(days=back * n),
                own=own.mean if own else None,
                own_values=own.values if own else 0,
                family=family.mean if family else None,
                family_values=family.values if family else 0,
            )
        )

    def overall(kind: str) -> tuple[float | None, int]:
        mine = [r for r in rows if r.recorder_kind == kind]
        values = sum(r.values for r in mine)
        mean = sum(r.mean * r.values for r in mine) / values if values else None
        return mean, sum(r.days for r in mine)

    own_mean, own_days = overall(RecorderKind.PERSON.value)
    family_mean, family_days = overall(RecorderKind.FAMILY.value)
    return Trend(measure, period_, start, today, tuple(points), own_mean, own_days, family_mean, family_days)


# --- mood on days with and without ----------------------------------------------------------

KIND_WORDS = {"activity": N_("activity"), "stressor": N_("stressor"), "symptom": N_("symptom")}


@dataclass(frozen=True)
class MoodComparison:
    """Mean mood (1–5) on the ``with_days`` days that had this tag or symptom, and on the
    ``without_days`` days (with a mood recorded) that did not."""

    kind: str
    name: str
    with_mean: float
    with_days: int
    without_mean: float
    without_days: int

    @property
    def difference(self) -> float:
        return self.with_mean - self.without_mean

    def sentence(self, fmt: ReportFormat | None = None) -> str:
        """E.g. ``On days with “walk” (activity), mood averaged 3.6 (112 days) vs 2.9 without
        (240 days).`` Plain and descriptive: it says what went together, never why. The averages
        use ``fmt``'s decimal sign (``3,6`` in Germany; a point when None)."""
        fmt = fmt or ReportFormat()
        with_mean = fmt.decimal(self.with_mean, 1, fixed=True)
        without_mean = fmt.decimal(self.without_mean, 1, fixed=True)
        return _("On days with “{name}” ({kind}), mood averaged {with_mean} ({with_days}) vs {without_mean} "
                 "without ({without_days}).").format(
            name=symptom_label(self.name) if self.kind == "symptom" else self.name, kind=_(KIND_WORDS[self.kind]),
            with_mean=with_mean, with_days=_days(self.with_days), without_mean=without_mean,
            without_days=_days(self.without_days))


def _days(n: int) -> str:
    return ngettext("{count} day", "{count} days", n).format(count=n)


@dataclass(frozen=True)
class MoodComparisons:
    """The comparisons with enough days on both sides (largest difference first), how many
    were left out for having too few days, and the rule used."""

    start: date
    end: date
    days_with_mood: int
    min_days: int
    shown: tuple[MoodComparison, ...]
    hidden: int


def mood_comparisons(
    vault: Vault,
    person_id: int,
    start: date,
    end: date,
    *,
    recorder: RecorderKind | None = None,
    min_days: int = MIN_DAYS,
) -> MoodComparisons:
    """Mood on days with vs without each activity, stressor and symptom (rated above 0) between
    the local dates ``start`` and ``end``. A day's mood is the mean of its entries' moods (only
    ``recorder``'s entries when given). A comparison needs at least ``min_days`` days with and
    ``min_days`` days without; the others are only counted in ``hidden``."""
    if end < start:
        raise ValidationError(_("The end date is before the start date. Please swap them."))
    kind = recorder.value if recorder is not None else None
    with session_of(vault) as s:
        total_days, total_sum = rp.mood_day_totals(s, person_id, start, end, kind)
        groups = rp.mood_with_each(s, person_id, start, end, kind)
    shown, hidden = [], 0
    for g in groups:
        without_days = total_days - g.days
        if g.days < min_days or without_days < min_days:
            hidden += 1
            continue
        shown.append(
            MoodComparison(g.kind, g.name, g.mood_sum / g.days, g.days, (total_sum - g.mood_sum) / without_days, without_days)
        )
    shown.sort(key=lambda c: (-abs(round(c.difference, 1)), -c.with_days, c.name.casefold()))
    return MoodComparisons(start, end, total_days, min_days, tuple(shown), hidden)


def first_entry_date(vault: Vault, person_id: int) -> date | None:
    """The local date of the person's first entry (None when there are none)."""
    with session_of(vault) as s:
        return rp.first_entry_date(s, person_id)


def recorded_symptoms(vault: Vault, person_id: int) -> list[str]:
    """The symptoms rated in any of the person's entries, alphabetical (for the chart's choice)."""
    with session_of(vault) as s:
        return rp.recorded_symptoms(s, person_id)
