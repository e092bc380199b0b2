"""The hybrid logical clock of family sync (issue 20): properties that hold whatever the wall
clocks do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from caregiver_app.domain.gids import normalise, uuid5, uuid7
from caregiver_app.domain.hlc import HybridClock, pack, wall_part

DAY_MS = 24 * 3600 * 1000
START = 1_790_000_000_000  # late 2026 in Unix milliseconds

# A wall clock that moves forward, stands still, jumps back (set back by hand) or far forward.
steps = st.lists(st.integers(min_value=-30 * DAY_MS, max_value=30 * DAY_MS), min_size=1, max_size=60)


class Wall:
    def __init__(self, start: int):
        self.ms = start

    def __call__(self) -> int:
        return self.ms


@settings(max_examples=60, deadline=None)
@given(steps)
def test_ticks_always_increase_even_when_the_clock_is_set_back(moves):
    wall = Wall(START)
    clock = HybridClock(now_ms=wall)
    seen = [clock.tick()]
    for move in moves:
        wall.ms += move
        seen.append(clock.tick())
    assert seen == sorted(seen) and len(set(seen)) == len(seen)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-10 * DAY_MS, max_value=10 * DAY_MS), st.lists(st.booleans(), min_size=1, max_size=40))
def test_two_computers_days_apart_order_every_change_after_what_it_saw(skew, who_sends):
    # a: a correct clock; b: days ahead or behind. Whatever each saw, its next change is later.
    wall_a, wall_b = Wall(START), Wall(START + skew)
    a, b = HybridClock(now_ms=wall_a), HybridClock(now_ms=wall_b)
    for a_sends in who_sends:
        wall_a.ms += 1000
        wall_b.ms += 1000
        sender, receiver = (a, b) if a_sends else (b, a)
        stamp = sender.tick()
        receiver.observe(stamp)
        assert receiver.tick() > stamp


def test_a_clock_restarted_from_the_vault_continues_after_its_last_stamp():
    wall = Wall(START)
    first = HybridClock(now_ms=wall)
    last = first.tick()
    wall.ms -= 5 * DAY_MS  # the computer's clock was set back while the app was closed
    again = HybridClock(last, now_ms=wall)
    assert again.tick() > last
    assert wall_part(pack(START, 7)) == START


def test_the_counter_carries_when_the_wall_clock_stands_still():
    clock = HybridClock(now_ms=lambda: START)
    stamps = [clock.tick() for _unused in range(70_000)]  # more than the 16-bit counter holds
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_uuid7_is_version_7_in_time_order_and_uuid5_agrees_on_normalised_names():
    import uuid

    first, second = uuid7(START), uuid7(START + 1)
    assert uuid.UUID(first).version == 7 and first[:13] < second[:13]
    assert len({uuid7() for _unused in range(1000)}) == 1000
    assert uuid5("symptom:Headache ") == uuid5("symptom:headache") == uuid5("  symptom:HEADACHE")
    assert uuid5("symptom:Headache") != uuid5("symptom:Nausea")
    assert normalise("  Trouble   falling asleep ") == "trouble falling asleep"
