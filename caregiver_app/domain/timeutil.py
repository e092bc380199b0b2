"""Local wall-clock time <-> UTC instants, with the offset of the date in question.

An entry belongs to the local calendar date on which it happened. The UTC offset used is the one
in force on that date in the given IANA time zone (not today's), so entries near midnight and
across daylight-saving changes stay on their day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import N_, _
from .errors import ValidationError


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name`` (e.g. ``"Europe/Berlin"``); raises :class:`ValidationError`
    with a plain message for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError(_("“{name}” is not a time zone this app knows. Try a name like America/New_York.").format(name=name)) from None


CALENDAR_EDGE = N_("That date is at the very edge of the calendar (the year 1 or 9999). Please check the year.")


def local_to_utc(wall: datetime, tz: ZoneInfo, *, strict: bool = True) -> tuple[datetime, date]:
    """Turn a naive local wall-clock ``wall`` in ``tz`` into ``(UTC instant, local calendar date)``.

    A wall time whose instant falls outside the years 1-9999 raises :class:`ValidationError`.
    A time that occurs twice (the repeated hour when clocks go back) means its first occurrence.
    A time that does not exist (the hour skipped when clocks go forward) raises
    :class:`ValidationError` when ``strict``; otherwise it is moved forward by the gap, the way the
    clock on the wall would read (imported data from other apps uses this).
    """
    if wall.tzinfo is not None:
        raise ValueError("expected a naive local wall-clock time")
    aware = wall.replace(tzinfo=tz, fold=0)
    try:
        instant = aware.astimezone(timezone.utc)
        back = instant.astimezone(tz).replace(tzinfo=None)
    except OverflowError:  # e.g. 9999-12-31 23:59 in a zone behind UTC is in the year 10000 there
        raise ValidationError(_(CALENDAR_EDGE)) from None
    if back != wall:
        if strict:
            first = next_valid_wall_time(wall, tz) or back
            raise SkippedTimeError(
                _("{time} does not exist on {day} because the clocks went forward. The next time that exists is {next}.").format(
                    time=f"{wall:%H:%M}", day=wall.date().isoformat(),
                    next=f"{first:%H:%M}"),
                first,
            )
        # Non-existent: zoneinfo's fold=0 reading uses the offset before the change, which lands
        # the instant after the gap; that instant's wall time is what a clock would show.
    return instant, wall.date()


class SkippedTimeError(ValidationError):
    """A wall-clock time that never happened: the clocks jumped over it. ``next_valid`` is the
    first wall-clock time after the jump (naive, same zone), to offer instead."""

    def __init__(self, message: str, next_valid: datetime):
        super().__init__(message)
        self.next_valid = next_valid


def next_valid_wall_time(wall: datetime, tz: ZoneInfo) -> datetime | None:
    """For a naive wall-clock time skipped by a clock change in ``tz`` (e.g. 02:30 on the night
    clocks go forward), the first wall-clock time after the jump (03:00); None when ``wall``
    exists. Works for jumps of any length, found from the zone's own offsets."""
    if wall.tzinfo is not None:
        raise ValueError("expected a naive local wall-clock time")
    before = wall.replace(tzinfo=tz, fold=0).utcoffset()
    after = wall.replace(tzinfo=tz, fold=1).utcoffset()
    late = (wall - before).replace(tzinfo=timezone.utc)  # read with the offset before the jump
    if late.astimezone(tz).replace(tzinfo=None) == wall:
        return None
    early = (wall - after).replace(tzinfo=timezone.utc)  # read with the offset after the jump
    low, high = sorted((int(early.timestamp()), int(late.timestamp())))
    # The jump is the first whole second whose offset is the one after it.
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, timezone.utc).astimezone(tz).utcoffset() == after:
            high = middle
        else:
            low = middle
    first = datetime.fromtimestamp(high, timezone.utc).astimezone(tz).replace(tzinfo=None)
    if first.second:
        first = first.replace(second=0) + timedelta(minutes=1)
    return first


def is_repeated(wall: datetime, tz: ZoneInfo) -> bool:
    """True when the naive wall-clock time ``wall`` happens twice in ``tz`` (the hour repeated
    when clocks go back); :func:`local_to_utc` then means the first of the two."""
    if wall.tzinfo is not None:
        raise ValueError("expected a naive local wall-clock time")
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return False
    return next_valid_wall_time(wall, tz) is None


def zone_or(name: str, fallback: ZoneInfo) -> ZoneInfo:
    """The zone ``name``, or ``fallback`` when it is empty or unknown on this computer (never
    raises; for showing stored entries)."""
    if not name:
        return fallback
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return fallback


def zone_place(name: str) -> str:
    """A zone's place name for people: ``"America/New_York"`` -> ``"New York"``,
    ``"America/Argentina/Buenos_Aires"`` -> ``"Buenos Aires"``, ``"UTC"`` -> ``"UTC"``."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def utc_to_local(instant: datetime, tz: ZoneInfo) -> datetime:
    """The aware local time of a UTC ``instant`` in ``tz``; the instant itself (in UTC) when that
    local time would fall outside the years 1-9999, so the calendar's edges never stop a page."""
    if instant.tzinfo is None:
        raise ValueError("expected an aware instant")
    try:
        return instant.astimezone(tz)
    except OverflowError:
        return instant.astimezone(timezone.utc)


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
        raise ValidationError(_("{year:04d}-{month:02d}-{day:02d} is not a real date.").format(year=year, month=month, day=day)) from None
