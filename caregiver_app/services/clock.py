"""The app's sense of "now" and of the computer's time zone (both replaceable in tests)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache
from zoneinfo import available_timezones

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current UTC instant (timezone-aware)."""
    return datetime.now(timezone.utc)


def local_zone_name() -> str:
    """The IANA name of this computer's time zone (``TZ`` first, then the system setting via
    tzlocal); ``"UTC"`` when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz in _known_zones():
        return tz
    # Anything else (":/etc/localtime", a POSIX rule such as "UTC+3", a typo) is tzlocal's to
    # read: it follows file paths and falls back to the system setting.
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
        if name:
            return name
    except Exception:  # an unreadable system setting: fall back rather than fail to start
        pass
    return "UTC"


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())
