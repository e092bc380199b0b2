"""Column types. ``UTCDateTime`` stores timezone-aware instants as fixed-width UTC text and
refuses naive datetimes, so no local time can slip into the database unlabelled."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy.types import String, TypeDecorator

# Older versions wrote years below 1000 without zero padding ("202-05-01T…", strftime's %Y on
# Linux), so reading accepts one to four digits; writing always pads to four.
_STORED = re.compile(r"(\d{1,4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?Z")

UNREADABLE_INSTANT = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""What a stored instant no version of the app could have written reads as: a row is never
allowed to make the whole journal unreadable, so it shows at this instant and can be fixed."""


class UTCDateTime(TypeDecorator):
    """A timezone-aware instant, stored as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (sorts by time) for
    every year 1-9999."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("UTCDateTime columns only accept timezone-aware datetimes")
        v = value.astimezone(timezone.utc)
        return (
            f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
            f".{v.microsecond:06d}Z"
        )

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        m = _STORED.fullmatch(str(value).strip())
        if m is None:
            return UNREADABLE_INSTANT
        year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
        micro = int((m[7] or "0").ljust(6, "0"))
        try:
            return datetime(year, month, day, hour, minute, second, micro, tzinfo=timezone.utc)
        except ValueError:
            return UNREADABLE_INSTANT


