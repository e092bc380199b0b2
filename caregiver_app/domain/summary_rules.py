"""The visit summary's arithmetic and leave-out rules, on plain data (standard library only).

* :func:`apply_leave_out` removes what the user chose to keep private.
* :func:`day_points`, :func:`symptom_stats` and :func:`period_figures` give the period's numbers.
* :func:`compare_symptoms`, :func:`notable_days` and :func:`make_brief` say what changed since the
  previous period of the same length.

When is a symptom change worth a line on page one? A change in mean severity of at least
:data:`SEVERITY_CHANGE_POINTS` points on the 0–10 numeric rating scale (about the smallest change
patients call meaningful on an 11-point scale: Farrar JT et al., Pain 2001;94:149–158), or a
change in how often it was rated of at least :data:`DAYS_CHANGE_SHARE` of the period's days, or a
symptom that is new or no longer rated.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from .model import SymptomRating, day_range
from .summary import (
    LEFT_OUT_MARK,
    Brief,
    DayPoint,
    LeaveOut,
    NotableDay,
    PeriodFigures,
    SummaryEntry,
    SymptomChange,
    SymptomStat,
    fold_piece,
    match_key,
)

SEVERITY_CHANGE_POINTS = 2.0
DAYS_CHANGE_SHARE = 0.25
NOTABLE_DAYS = 3
MIN_DAYS_FOR_NOTABLE = 3


# --- leaving things out ---------------------------------------------------------------------------


class _Redactor:
    """Finds left-out words in one normalised form (:func:`match_key`) and replaces the original
    characters they came from, so "Straße", "STRASSE", an accent typed as a separate mark, a
    double space or a line break inside a phrase are all caught."""

    def __init__(self, words: Iterable[str]):
        parts = sorted({k for k in (match_key(w) for w in words) if k}, key=len, reverse=True)
        alternatives = "|".join(re.escape(p) for p in parts)
        # Whole words only (so leaving out "pain" keeps "Spain").
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if parts else None

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text or not self.pattern.search(match_key(text)):
            return text  # the usual case: nothing to leave out, no per-character work
        folded, spans = _folded_with_spans(text)
        pieces, last = [], 0
        for m in self.pattern.finditer(folded):
            start, end = spans[m.start()][0], spans[m.end() - 1][1]
            if start < last:
                continue
            pieces += [text[last:start], LEFT_OUT_MARK]
            last = end
        out = "".join(pieces) + text[last:]
        # Never print what matches: should a character sequence fold differently as a whole
        # than piece by piece, the whole text is left out rather than risk a name.
        return LEFT_OUT_MARK if self.pattern.search(match_key(out)) else out


def _folded_with_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` folded piece by piece (a character with its combining marks and invisible format
    characters), whitespace runs made one space, and for each folded character the
    ``(start, end)`` of the original characters it came from."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or unicodedata.category(text[j]) == "Cf"):
            j += 1
        piece = text[i:j]
        if piece.isspace():
            if chars and chars[-1] == " ":
                spans[-1] = (spans[-1][0], j)
            else:
                chars.append(" ")
                spans.append((i, j))
        else:
            for ch in fold_piece(piece):
                chars.append(ch)
                spans.append((i, j))
        i = j
    return "".join(chars), spans


def redact(text: str, words: Iterable[str]) -> str:
    """``text`` with each whole-word occurrence of ``words`` replaced by :data:`LEFT_OUT_MARK`,
    compared in :func:`match_key` form (case, "ß"/"ss", accents written either way, full-width
    letters, soft hyphens, any whitespace between the words of a phrase)."""
    return _Redactor(words)(text)


def apply_leave_out(entries: Sequence[SummaryEntry], leave_out: LeaveOut) -> list[SummaryEntry]:
    """The entries without what ``leave_out`` names: left-out entries dropped; left-out
    symptoms and tags removed from each entry; their names redacted in notes and in the
    remaining labels. Returns new objects; the input is unchanged."""
    if leave_out.is_empty:
        return list(entries)
    redact_words = _Redactor(leave_out.words)
    kept: list[SummaryEntry] = []
    for entry in entries:
        if entry.entry_id is not None and entry.entry_id in leave_out.entry_ids:
            continue
        symptoms = tuple(r for r in entry.symptoms if match_key(r.symptom) not in leave_out.symptoms)
        tags = tuple(t for t in entry.tags if match_key(t) not in leave_out.tags)
        stressors = tuple(t for t in entry.stressors if match_key(t) not in leave_out.tags)
        note = entry.note
        recorded_by = entry.recorded_by
        if redact_words.pattern is not None:
            note = redact_words(note)
            tags = tuple(redact_words(t) for t in tags)
            stressors = tuple(redact_words(t) for t in stressors)
            symptoms = tuple(SymptomRating(redact_words(r.symptom), r.severity) for r in symptoms)
        if (symptoms, tags, stressors, note, recorded_by) != (
            entry.symptoms, entry.tags, entry.stressors, entry.note, entry.recorded_by
        ):
            entry = replace(entry, symptoms=symptoms, tags=tags, stressors=stressors, note=note, recorded_by=recorded_by)
        kept.append(entry)
    return kept


# --- the period's numbers -------------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def day_points(entries: Iterable[SummaryEntry], start: date, end: date) -> tuple[DayPoint, ...]:
    """One point per local date ``start``..``end``: mean mood (1–5) and mean sleep hours of the
    day's entries, ``None`` when nothing was recorded (a gap, never zero)."""
    moods: dict[date, list[int]] = defaultdict(list)
    sleeps: dict[date, list[float]] = defaultdict(list)
    counts: dict[date, int] = defaultdict(int)
    for e in entries:
        counts[e.local_date] += 1
        if e.mood is not None:
            moods[e.local_date].append(int(e.mood))
        if e.sleep_hours is not None:
            sleeps[e.local_date].append(float(e.sleep_hours))
    return tuple(
        DayPoint(d, _mean(moods.get(d, ())), _mean(sleeps.get(d, ())), counts.get(d, 0))
        for d in day_range(start, end)
    )


def symptom_stats(entries: Iterable[SummaryEntry]) -> list[SymptomStat]:
    """Per symptom: distinct local days rated, mean and worst severity (0–10); most days first,
    then highest mean, then worst, then name."""
    days: dict[str, set[date]] = defaultdict(set)
    values: dict[str, list[int]] = defaultdict(list)
    names: dict[str, str] = {}
    for entry in entries:
        for rating in entry.symptoms:
            key = rating.symptom.casefold()
            names.setdefault(key, rating.symptom)
            days[key].add(entry.local_date)
            values[key].append(rating.severity)
    stats = [SymptomStat(names[k], len(days[k]), sum(values[k]) / len(values[k]), max(values[k])) for k in names]
    return sorted(stats, key=lambda s: (-s.days_present, -s.average, -s.worst, s.name.casefold()))


def period_figures(points: Sequence[DayPoint], start: date, end: date) -> PeriodFigures:
    """Headline numbers of the days ``points`` (one per local date ``start``..``end``)."""
    moods = [p.mood for p in points if p.mood is not None]
    sleeps = [p.sleep_hours for p in points if p.sleep_hours is not None]
    return PeriodFigures(
        start=start,
        end=end,
        mood_average=_mean(moods),
        sleep_average=_mean(sleeps),
        entry_count=sum(p.entry_count for p in points),
        days_with_entries=sum(1 for p in points if p.entry_count),
        mood_days=len(moods),
        sleep_days=len(sleeps),
    )


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The inclusive range of the same length that ends the day before ``start``."""
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


# --- what changed ---------------------------------------------------------------------------------


def compare_symptoms(
    current: Sequence[SymptomStat], previous: Sequence[SymptomStat], period_days: int
) -> tuple[list[SymptomChange], list[SymptomChange], int]:
    """``(rose, fell, steady_count)``: symptoms whose mean severity changed by at least
    :data:`SEVERITY_CHANGE_POINTS`, whose days present changed by at least
    :data:`DAYS_CHANGE_SHARE` of ``period_days``, or that are new or gone. Biggest change first;
    ``steady_count`` counts the rest."""
    now = {s.name.casefold(): s for s in current}
    before = {s.name.casefold(): s for s in previous}
    day_step = max(2.0, DAYS_CHANGE_SHARE * max(period_days, 1))
    rose: list[SymptomChange] = []
    fell: list[SymptomChange] = []
    steady = 0
    for key in list(now) + [k for k in before if k not in now]:
        cur, prev = now.get(key), before.get(key)
        change = SymptomChange(
            name=(cur or prev).name,  # type: ignore[union-attr]
            previous_average=prev.average if prev else None,
            current_average=cur.average if cur else None,
            previous_days=prev.days_present if prev else 0,
            current_days=cur.days_present if cur else 0,
            current_worst=cur.worst if cur else None,
        )
        if cur is None or prev is None:
            (rose if cur is not None else fell).append(change)
            continue
        severity = cur.average - prev.average
        days = cur.days_present - prev.days_present
        if severity >= SEVERITY_CHANGE_POINTS or (days >= day_step and severity > -SEVERITY_CHANGE_POINTS):
            rose.append(change)
        elif severity <= -SEVERITY_CHANGE_POINTS or days <= -day_step:
            fell.append(change)
        else:
            steady += 1
    rose.sort(key=lambda c: (-c.size, c.name.casefold()))
    fell.sort(key=lambda c: (-c.size, c.name.casefold()))
    return rose, fell, steady


def notable_days(
    points: Sequence[DayPoint], entries: Sequence[SummaryEntry], count: int = NOTABLE_DAYS
) -> tuple[tuple[NotableDay, ...], tuple[NotableDay, ...]]:
    """``(best, worst)`` days by mean mood, ``count`` of each (none when fewer than
    :data:`MIN_DAYS_FOR_NOTABLE` days have a mood, or when every day's mood is the same). Ties go
    to the more recent day. A day is never both best and worst."""
    rated = [p for p in points if p.mood is not None]
    if len(rated) < MIN_DAYS_FOR_NOTABLE or len({round(p.mood, 3) for p in rated}) < 2:  # type: ignore[arg-type]
        return (), ()
    worst_symptom: dict[date, tuple[str, int]] = {}
    flagged: set[date] = set()
    for e in entries:
        if e.flagged:
            flagged.add(e.local_date)
        for r in e.symptoms:
            best = worst_symptom.get(e.local_date)
            if best is None or r.severity > best[1]:
                worst_symptom[e.local_date] = (r.symptom, r.severity)

    def notable(p: DayPoint) -> NotableDay:
        return NotableDay(p.day, float(p.mood), p.sleep_hours, worst_symptom.get(p.day), p.day in flagged)  # type: ignore[arg-type]

    per_side = min(count, len(rated) // 2)
    by_best = sorted(rated, key=lambda p: (-p.mood, -p.day.toordinal()))  # type: ignore[operator]
    by_worst = sorted(rated, key=lambda p: (p.mood, -p.day.toordinal()))  # type: ignore[arg-type]
    worst = by_worst[:per_side]
    taken = {p.day for p in worst}
    best = [p for p in by_best if p.day not in taken][:per_side]
    best = [p for p in best if p.mood > max(w.mood for w in worst)]  # type: ignore[operator]
    return tuple(notable(p) for p in best), tuple(notable(p) for p in worst)


def make_brief(
    current_entries: Sequence[SummaryEntry],
    previous_entries: Sequence[SummaryEntry],
    start: date,
    end: date,
    *,
    current_points: Sequence[DayPoint] | None = None,
    current_stats: Sequence[SymptomStat] | None = None,
) -> Brief:
    """Page one's comparison of ``start``..``end`` with the period of the same length before it.
    Both entry lists must already have the leave-out choices applied."""
    prev_start, prev_end = previous_period(start, end)
    points = current_points if current_points is not None else day_points(current_entries, start, end)
    prev_points = day_points(previous_entries, prev_start, prev_end)
    stats = current_stats if current_stats is not None else symptom_stats(current_entries)
    rose, fell, steady = compare_symptoms(stats, symptom_stats(previous_entries), len(points))
    best, worst = notable_days(points, current_entries)
    return Brief(
        current=period_figures(points, start, end),
        previous=period_figures(prev_points, prev_start, prev_end),
        best_days=best,
        worst_days=worst,
        rose=tuple(rose),
        fell=tuple(fell),
        steady_count=steady,
    )
