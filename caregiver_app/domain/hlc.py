"""A hybrid logical clock (Kulkarni et al., 2014) for the family's shared changes (issue 20).

A timestamp is one integer: the wall clock in milliseconds shifted left 16 bits, plus a 16-bit
counter. Compared as integers they order every change a computer makes after every change it has
seen, whatever its wall clock says:

* :meth:`HybridClock.tick` (a local change) is always greater than the last timestamp made or seen
  here, even when the computer's clock was set back or stands still;
* :meth:`HybridClock.observe` (a change received) moves the clock past the remote timestamp, so a
  later local edit wins over what it has seen, even when the other computer's clock is days ahead.

When the wall clock is behind, the counter carries on (and overflows into the millisecond part,
which keeps the order). Ties between computers are broken by the device id (see
``services.family_sync``). Standard library only.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16


def wall_ms() -> int:
    """Milliseconds since the Unix epoch from the computer's clock."""
    return time.time_ns() // 1_000_000


def pack(ms: int, counter: int = 0) -> int:
    """The timestamp of wall time ``ms`` and ``counter``."""
    return (ms << COUNTER_BITS) + counter


def wall_part(stamp: int) -> int:
    """The milliseconds part of ``stamp``."""
    return stamp >> COUNTER_BITS


class HybridClock:
    """A clock that starts after ``last`` (the newest timestamp made or seen here, kept in the
    vault between runs) and reads the wall clock from ``now_ms``."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] = wall_ms):
        self.last = last
        self._now_ms = now_ms

    def tick(self) -> int:
        """A fresh timestamp for a local change: greater than every one made or seen before."""
        self.last = max(self.last + 1, pack(self._now_ms()))
        return self.last

    def observe(self, remote: int) -> None:
        """Take in a timestamp received from another computer."""
        if remote > self.last:
            self.last = remote
