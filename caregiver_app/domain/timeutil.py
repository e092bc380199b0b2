"""Local wall-clock time <-> UTC instants, with the offset of the date in question.

An entry belongs to the local calendar date on which it happened. The UTC offset used is the one
in force on that date in the given IANA time zone (not today's), so entries near midnight and
across daylight-saving changes stay on their day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ValidationError


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name`` (e.g. ``"Europe/Berlin"``); raises :class:`ValidationError`
    with a plain message for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError(f"“{name}” is not a time zone this app knows. Try a name like America/New_York.") from None


def local_to_utc(wall: datetime, tz: ZoneInfo, *, strict: bool = True) -> tuple[datetime, date]:
    """Turn a naive local wall-clock ``wall`` in ``tz`` into ``(UTC instant, local calendar date)``.

    A time that occurs twice (the repeated hour when clocks go back) means its first occurrence.
    A time that does not exist (the hour skipped when clocks go forward) raises
    :class:`ValidationError` when ``strict``; otherwise it is moved forward by the gap, the way the
    clock on the wall would read (imported data from other apps uses this).
    """
    if wall.tzinfo is not None:
        raise ValueError("expected a naive local wall-clock time")
    aware = wall.replace(tzinfo=tz, fold=0)
    instant = aware.astimezone(timezone.utc)
    back = instant.astimezone(tz).replace(tzinfo=None)
    if back != wall:
        if strict:
            raise ValidationError(
                f"{wall:%H:%M} does not exist on {wall:%d %b %Y} because the clocks went forward. "
                f"Please pick {back:%H:%M} or later."
            )
        # Non-existent: zoneinfo's fold=0 reading uses the offset before the change, which lands
        # the instant after the gap; that instant's wall time is what a clock would show.
    return instant, wall.date()


def utc_to_local(instant: datetime, tz: ZoneInfo) -> datetime:
    """The aware local time of a UTC ``instant`` in ``tz``."""
    if instant.tzinfo is None:
        raise ValueError("expected an aware instant")
    return instant.astimezone(tz)


def day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants of the start of ``day`` and of the next day in ``tz``."""
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(timezone.utc)
    return start, end


def check_calendar_date(year: int, month: int, day: int) -> date:
    """A real calendar date, or :class:`ValidationError` (for example 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"{year:04d}-{month:02d}-{day:02d} is not a real date.") from None
