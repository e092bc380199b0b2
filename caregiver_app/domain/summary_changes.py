"""Page one's "what changed" numbers, on plain data (standard library only).

* :func:`change_rows` compares mood, anxiety, energy, sleep and every symptom across the two
  periods, the person's own ratings and a family member's observations kept apart, with the last
  14 days and the hardest 7-day stretch of the period.
* :func:`stable_mood_words` names a mean mood so that a 0.1 change never flips its words.
* :func:`miss_cluster` finds the 7-day stretch holding most missed doses.

Why 14 and 7 days: two weeks is the PHQ-9/GAD-7 recall window, so "the last 14 days" reads
beside the latest score; a week is the shortest stretch that evens out one bad night.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from statistics import fmean

from ..i18n import N_, _
from .model import MoodLevel
from .symptoms import symptom_label
from .summary import OBSERVED, SELF, ChangeRow, SummaryEntry

RECENT_DAYS = 14
STRETCH_DAYS = 7
MIN_STRETCH_VALUES = 4
"""A 7-day stretch counts only with values on at least 4 of its days (so one bad day alone is
not called a hard week)."""
MOOD_WORD_MARGIN = 0.25
"""A mean within this of a whole level takes the level's word; otherwise "A to B" ("low to okay")."""

# (measure, how to read it from an entry, higher is better, scale span, unit)
_MEASURES = (
    (N_("Mood (1–5)"), lambda e: e.mood.value if e.mood is not None else None, True, 4.0, ""),
    (N_("Anxiety (0–10)"), lambda e: e.anxiety, False, 10.0, ""),
    (N_("Energy (0–10)"), lambda e: e.energy, True, 10.0, ""),
    (N_("Sleep"), lambda e: e.sleep_hours, True, 8.0, "h"),
)


def stable_mood_words(value: float) -> str:
    """Words for a mean mood level 1–5: the level's word when the mean lies within
    :data:`MOOD_WORD_MARGIN` of it ("okay" for 2.75–3.25), else "low to okay". The words pass
    through "low to okay" on the way from "low" to "okay", so 2.45 and 2.55 read the same and a
    0.1 change never turns one level's word into the next level's."""
    value = min(max(value, 1.0), 5.0)
    nearest = min(max(round(value), 1), 5)
    if abs(value - nearest) <= MOOD_WORD_MARGIN:
        return MoodLevel(nearest).label
    low = int(value)
    return _("{low} to {high}").format(low=MoodLevel(low).label, high=MoodLevel(low + 1).label)


def _daily(entries: Sequence[SummaryEntry], read) -> dict[date, float]:
    values: dict[date, list[float]] = defaultdict(list)
    for e in entries:
        v = read(e)
        if v is not None:
            values[e.local_date].append(float(v))
    return {day: fmean(vs) for day, vs in values.items()}


def _mean(values) -> float | None:
    values = list(values)
    return fmean(values) if values else None


def _hardest(daily: dict[date, float], start: date, end: date, higher_is_better: bool) -> tuple[float | None, date | None]:
    """The 7-day stretch of ``start``..``end`` with the lowest mean (highest when lower is
    better) among those with values on at least :data:`MIN_STRETCH_VALUES` days: its mean and
    first day; the earliest such stretch on a tie. One pass over the days: a running sum picks
    out the stretches that may be the hardest, and only those are averaged exactly (``fmean``),
    so years of days cost about what a few weeks did."""
    values: list[float | None] = [None] * max((end - start).days + 1, 0)
    first = start.toordinal()
    for day, value in daily.items():
        if 0 <= day.toordinal() - first < len(values):
            values[day.toordinal() - first] = value
    sign = 1.0 if higher_is_better else -1.0
    best: tuple[float, float, int] | None = None  # (how hard, mean, first day's index)
    total, count = 0.0, 0
    for index, value in enumerate(values):
        if value is not None:
            total, count = total + value, count + 1
        leaving = values[index - STRETCH_DAYS] if index >= STRETCH_DAYS else None
        if leaving is not None:
            total, count = total - leaving, count - 1
            if count == 0:
                total = 0.0  # no rounding left over from earlier stretches
        begin = index - STRETCH_DAYS + 1
        if begin < 0 or count < MIN_STRETCH_VALUES:
            continue
        if best is not None and sign * total / count > best[0] + _ROUGH:
            continue  # clearly not harder than the hardest so far
        mean = fmean(v for v in values[begin:index + 1] if v is not None)
        if best is None or sign * mean < best[0]:
            best = (sign * mean, mean, begin)
    return (best[1], start + timedelta(days=best[2])) if best else (None, None)


_ROUGH = 1e-6
"""How far a running sum's mean may drift from the exact one (it is far less, ~1e-12): stretches
within this of the hardest are averaged exactly before they are compared."""


def _row(measure: str, source: str, read, higher: bool, scale: float, unit: str,
         current: Sequence[SummaryEntry], previous: Sequence[SummaryEntry], start: date, end: date,
         is_symptom: bool = False) -> ChangeRow | None:
    now, before = _daily(current, read), _daily(previous, read)
    if not now and not before:
        return None
    recent_from = max(start, end - timedelta(days=RECENT_DAYS - 1))
    hardest, hardest_start = _hardest(now, start, end, higher)
    return ChangeRow(
        measure=measure, source=source, current=_mean(now.values()), previous=_mean(before.values()),
        last14=_mean(v for d, v in now.items() if d >= recent_from), hardest7=hardest, hardest7_start=hardest_start,
        current_days=len(now), previous_days=len(before), higher_is_better=higher, scale=scale, unit=unit,
        is_symptom=is_symptom, worst=(min(now.values()) if higher else max(now.values())) if now else None,
    )


def _symptom_reader(key: str):
    def read(e: SummaryEntry):
        found = [r.severity for r in e.symptoms if r.symptom.casefold() == key]
        return max(found) if found else None
    return read


def change_rows(current: Sequence[SummaryEntry], previous: Sequence[SummaryEntry], start: date, end: date,
                symptoms: int | None = None) -> tuple[ChangeRow, ...]:
    """Mood, anxiety, energy and sleep, then every symptom (or the ``symptoms`` that moved most),
    each as one row per source (the person's own, then observed), ranked by the size of the
    change (largest first) within each group. ``start``..``end`` are the current period's local
    dates."""
    rows: list[ChangeRow] = []
    for source, observed in ((SELF, False), (OBSERVED, True)):
        now = [e for e in current if e.observed is observed]
        before = [e for e in previous if e.observed is observed]
        for measure, read, higher, scale, unit in _MEASURES:
            row = _row(_(measure), source, read, higher, scale, unit, now, before, start, end)
            if row is not None:
                rows.append(row)
    headline = sorted(rows, key=lambda r: (-r.size, r.source != SELF))
    names: dict[str, str] = {}
    for e in (*current, *previous):
        for r in e.symptoms:
            names.setdefault(r.symptom.casefold(), r.symptom)
    # Each symptom's rows read only the entries that rated it (the others give no value), in
    # their order: years of entries are walked once, not once per symptom.
    rated: dict[tuple[str, bool, object], list[SummaryEntry]] = defaultdict(list)
    for in_period, entries in ((True, current), (False, previous)):
        for e in entries:
            for key in {r.symptom.casefold() for r in e.symptoms}:
                rated[(key, in_period, e.observed)].append(e)
    symptom_rows: list[ChangeRow] = []
    for key, name in names.items():
        for source, observed in ((SELF, False), (OBSERVED, True)):
            now, before = rated.get((key, True, observed), []), rated.get((key, False, observed), [])
            row = _row(symptom_label(name), source, _symptom_reader(key), False, 10.0, "", now, before, start, end, True)
            if row is not None:
                symptom_rows.append(row)
    symptom_rows.sort(key=lambda r: (-r.size, r.measure.casefold(), r.source != SELF))
    return tuple(headline) + tuple(symptom_rows if symptoms is None else symptom_rows[: max(symptoms, 0) * 2])


def miss_cluster(days: Sequence[date]) -> tuple[date | None, int]:
    """The first local date of the 7-day stretch holding the most missed doses and how many
    (``days`` holds one date per missed dose). ``(None, 0)`` when fewer than 2 misses fall in any
    one week, or when the misses are spread evenly (no week holds at least half of them)."""
    days = sorted(days)
    best: tuple[date | None, int] = (None, 0)
    for i, first in enumerate(days):
        count = sum(1 for d in days[i:] if (d - first).days < STRETCH_DAYS)
        if count > best[1]:
            best = (first, count)
    if best[1] < 2 or best[1] * 2 < len(days):
        return None, 0
    return best
