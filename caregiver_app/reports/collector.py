"""Pausing Python's cyclic garbage collector for one long piece of work (reading years of
entries, building a long PDF), restored after it whatever happens. No reportlab here: the
summary service uses it before anything is printed."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused(*, age_on_resume: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the work in the ``with`` block and restore
    it after, whatever happens. A 10-year summary makes hundreds of thousands of objects; the
    collector would otherwise walk every live object again and again (a fifth of the run).
    Nested and concurrent builds (two threads) are counted: the last one out restores it.

    ``age_on_resume`` (for a whole command-line command, whose process ends soon after): the
    objects made meanwhile join the oldest generation when the collector resumes, instead of
    being walked at once by the first young collection (about 0.15 s after a 10-year summary,
    mostly the modules the command loaded). Cycles among them are freed by the next full
    collection, at the latest when the process ends."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                if age_on_resume:
                    gc.freeze()  # every tracked object to the permanent generation, walking none
                    gc.unfreeze()  # and back, into the oldest generation
                gc.enable()
