"""Column types. ``UTCDateTime`` stores timezone-aware instants as fixed-width UTC text and
refuses naive datetimes, so no local time can slip into the database unlabelled."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.types import String, TypeDecorator

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class UTCDateTime(TypeDecorator):
    """A timezone-aware instant, stored as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (sorts by time)."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("UTCDateTime columns only accept timezone-aware datetimes")
        return value.astimezone(timezone.utc).strftime(_FORMAT)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return datetime.strptime(value, _FORMAT).replace(tzinfo=timezone.utc)


def utc_text(value: datetime) -> str:
    """The stored text form of an aware instant (for raw SQL comparisons)."""
    return UTCDateTime().process_bind_param(value, None)
