"""Aggregate queries behind the Patterns page: per-day marks for a month, averages per day or per
week for a chart, and mood on days with and without each tag or symptom.

All grouping and averaging happens in SQL. Local dates are bound as ISO text (their stored form).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

# The journal columns a chart can show; the values are trusted names, never user text.
MEASURE_COLUMNS = {"mood": "mood", "sleep": "sleep_hours", "anxiety": "anxiety", "energy": "energy"}


@dataclass(frozen=True)
class DayAggregate:
    """One local date and one kind of recorder (``"person"`` or ``"family"``)."""

    day: date
    recorder_kind: str
    mood_sum: float
    mood_count: int
    entry_count: int
    flagged: bool


def day_aggregates(session: Session, person_id: int, start: date, end: date) -> list[DayAggregate]:
    """Mood sums and counts, entry counts and flags per day and recorder kind, ``start``..``end``."""
    rows = session.execute(
        text(
            "SELECT local_date, recorded_by_kind, coalesce(sum(mood), 0), count(mood), count(*), max(flag_for_visit) "
            "FROM journal_entry WHERE person_id = :p AND local_date BETWEEN :s AND :e "
            "GROUP BY local_date, recorded_by_kind"
        ),
        {"p": person_id, "s": start.isoformat(), "e": end.isoformat()},
    )
    return [DayAggregate(date.fromisoformat(d), k, float(ms), mc, n, bool(f)) for d, k, ms, mc, n, f in rows]


@dataclass(frozen=True)
class BucketAggregate:
    """One bucket of ``bucket_days`` days, counted back from the range's end (0 = the latest)."""

    back_index: int
    recorder_kind: str
    mean: float
    values: int
    days: int


def _bucket_sql(value_sql: str, source_sql: str, extra_where: str) -> str:
    return (
        f"SELECT CAST((julianday(:e) - julianday(e.local_date)) / :n AS INTEGER) AS b, e.recorded_by_kind, "
        f"avg({value_sql}), count({value_sql}), count(DISTINCT e.local_date) "
        f"FROM {source_sql} WHERE e.person_id = :p AND e.local_date BETWEEN :s AND :e "
        f"AND {value_sql} IS NOT NULL {extra_where} GROUP BY b, e.recorded_by_kind"
    )


def bucket_aggregates(
    session: Session, person_id: int, start: date, end: date, bucket_days: int, *, column: str | None = None,
    symptom_key: str | None = None,
) -> list[BucketAggregate]:
    """Means of one measure per bucket and recorder kind. ``column`` is a key of
    :data:`MEASURE_COLUMNS`, or give ``symptom_key`` (a casefolded symptom name: its 0–10
    severities). Days where the measure was not recorded contribute nothing (no zeros)."""
    params = {"p": person_id, "s": start.isoformat(), "e": end.isoformat(), "n": bucket_days}
    if symptom_key is not None:
        sql = _bucket_sql(
            "r.severity",
            "symptom_rating r JOIN symptom s ON s.id = r.symptom_id JOIN journal_entry e ON e.id = r.entry_id",
            "AND s.name_key = :k",
        )
        params["k"] = symptom_key
    else:
        sql = _bucket_sql(f"e.{MEASURE_COLUMNS[column]}", "journal_entry e", "")
    return [BucketAggregate(b, k, float(m), v, d) for b, k, m, v, d in session.execute(text(sql), params)]


@dataclass(frozen=True)
class WithWithout:
    """Mood on the days with one tag or symptom: how many such days and their mood sum."""

    kind: str  # "activity", "stressor" or "symptom"
    name: str
    days: int
    mood_sum: float


_DAY_MOOD = (
    "WITH day_mood AS (SELECT local_date AS d, avg(mood) AS m FROM journal_entry "
    "WHERE person_id = :p AND local_date BETWEEN :s AND :e AND mood IS NOT NULL {recorder} GROUP BY local_date) "
)


def mood_day_totals(session: Session, person_id: int, start: date, end: date, recorder_kind: str | None) -> tuple[int, float]:
    """``(days with a mood, sum of the daily mean moods)`` in ``start``..``end``. A day's mood is
    the mean of its entries' moods (of ``recorder_kind`` only, when given)."""
    params = _params(person_id, start, end, recorder_kind)
    row = session.execute(
        text(_DAY_MOOD.format(recorder=_recorder_sql(recorder_kind)) + "SELECT count(*), coalesce(sum(m), 0) FROM day_mood"),
        params,
    ).one()
    return row[0], float(row[1])


def mood_with_each(session: Session, person_id: int, start: date, end: date, recorder_kind: str | None) -> list[WithWithout]:
    """For every tag and every symptom seen in the range: the days (that have a mood) on which it
    was recorded — a tag on any entry that day, a symptom rated above 0 — and their mood sum."""
    params = _params(person_id, start, end, recorder_kind)
    head = _DAY_MOOD.format(recorder=_recorder_sql(recorder_kind))
    tags = session.execute(
        text(
            head + ", tag_days AS (SELECT DISTINCT e.local_date AS d, et.tag_id AS t FROM entry_tag et "
            "JOIN journal_entry e ON e.id = et.entry_id WHERE e.person_id = :p AND e.local_date BETWEEN :s AND :e) "
            "SELECT t.kind, t.name, count(*), sum(dm.m) FROM tag_days td JOIN day_mood dm ON dm.d = td.d "
            "JOIN tag t ON t.id = td.t GROUP BY t.id"
        ),
        params,
    ).all()
    symptoms = session.execute(
        text(
            head + ", symptom_days AS (SELECT DISTINCT e.local_date AS d, r.symptom_id AS sid FROM symptom_rating r "
            "JOIN journal_entry e ON e.id = r.entry_id WHERE e.person_id = :p AND e.local_date BETWEEN :s AND :e "
            "AND r.severity > 0) "
            "SELECT s.name, count(*), sum(dm.m) FROM symptom_days sd JOIN day_mood dm ON dm.d = sd.d "
            "JOIN symptom s ON s.id = sd.sid GROUP BY s.id"
        ),
        params,
    ).all()
    return [WithWithout(kind, name, n, float(total)) for kind, name, n, total in tags] + [
        WithWithout("symptom", name, n, float(total)) for name, n, total in symptoms
    ]


def first_entry_date(session: Session, person_id: int) -> date | None:
    value = session.execute(
        text("SELECT min(local_date) FROM journal_entry WHERE person_id = :p"), {"p": person_id}
    ).scalar()
    return date.fromisoformat(value) if value else None


def _recorder_sql(recorder_kind: str | None) -> str:
    return "AND recorded_by_kind = :k" if recorder_kind is not None else ""


def _params(person_id: int, start: date, end: date, recorder_kind: str | None) -> dict:
    params = {"p": person_id, "s": start.isoformat(), "e": end.isoformat()}
    if recorder_kind is not None:
        params["k"] = recorder_kind
    return params


def recorded_symptoms(session: Session, person_id: int) -> list[str]:
    """Names of the symptoms rated in any of the person's entries, alphabetical."""
    rows = session.execute(
        text(
            "SELECT s.name FROM symptom s WHERE EXISTS (SELECT 1 FROM symptom_rating r "
            "JOIN journal_entry e ON e.id = r.entry_id WHERE r.symptom_id = s.id AND e.person_id = :p) "
            "ORDER BY lower(s.name)"
        ),
        {"p": person_id},
    )
    return [name for (name,) in rows]
